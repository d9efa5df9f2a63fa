#pragma once
// The daemon's provider sync: every [[sync]] target on its interval (with
// jitter, so that many daemons do not call the provider at the same
// second), and all of them right after a config change. Syncs run on a
// thread of their own: HTTP to a provider never holds up the feed server.

#include "config/config.h"
#include "providers/sync_command.h"
#include "providers/sync_runner.h"

#include <spdlog/logger.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace cadenced::runtime {

struct sync_status {
    std::string target;
    std::optional<std::chrono::sys_seconds> last_run;
    std::chrono::sys_seconds next_run;
    bool ok = false;
    bool deferred = false;
    std::string problem;
    int failures_in_a_row = 0;
    providers::sync_report last_report;
    /// The target keeps failing: shown as degraded on /healthz.
    bool degraded() const { return failures_in_a_row >= 1 && last_run.has_value(); }
};

class sync_scheduler {
public:
    /// `on_report` is called after each run (for metrics), on the sync thread.
    sync_scheduler(std::filesystem::path state_file, std::shared_ptr<spdlog::logger> log,
                   std::function<void(const providers::sync_report&)> on_report);
    ~sync_scheduler();
    sync_scheduler(const sync_scheduler&) = delete;
    sync_scheduler& operator=(const sync_scheduler&) = delete;

    /// A (new) config: every target syncs now, then on its interval.
    void configure(std::shared_ptr<const config::config> cfg);
    /// Asks the thread to stop after the sync in progress; returns at once.
    void request_stop();
    /// request_stop(), then waits for the thread.
    void stop();

    std::vector<sync_status> status() const;

private:
    void run();
    void sync_one(const config::config& cfg, const config::sync_target& target);
    std::chrono::seconds next_interval(const config::sync_target& target);

    std::filesystem::path state_file_;
    std::shared_ptr<spdlog::logger> log_;
    std::function<void(const providers::sync_report&)> on_report_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::atomic<bool> cancel_{false};  ///< tells a sync in progress to stop
    bool reconfigured_ = false;
    std::shared_ptr<const config::config> config_;
    std::map<std::string, sync_status> status_;
    /// Per target, used on the sync thread only; dropped on a config change
    /// or a failed sync.
    std::map<std::string, std::unique_ptr<providers::target_session>> sessions_;
    std::mt19937_64 random_{std::random_device{}()};
    std::thread thread_;  // last: starts once the rest exists
};

}  // namespace cadenced::runtime
