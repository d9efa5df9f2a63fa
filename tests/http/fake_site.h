#pragma once
// A hand-built snapshot and a site::source serving it, standing in for the
// daemon.

#include "daemon/site/site.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace cadenced::http::test {

/// Last-Modified of every sample document: Tue, 14 Nov 2028 09:30:00 GMT.
std::chrono::sys_seconds sample_last_modified();

/// The sample site:
///   feeds   "team"  public, gzip body;  "board" token "s3cr+t/ok&more" (as
///           decoded), gzip body;  "plain" public, no gzip body
///   agendas "open-1" public; "conf-board" confidential, full in "board";
///           "conf-team" confidential, full in "board" and "team" (public);
///           "conf-nowhere" confidential, full in no feed
std::shared_ptr<const site::snapshot> sample_snapshot();

/// What the sample's "board" token looks like in a URL.
inline constexpr std::string_view board_token_in_url = "s3cr%2Bt%2Fok%26more";

class fake_source : public site::source {
public:
    explicit fake_source(std::shared_ptr<const site::snapshot> snap = sample_snapshot());

    std::shared_ptr<const site::snapshot> current() const override;
    std::pair<std::string, bool> health() const override;

    void set_health(std::string body, bool healthy);
    /// Until release_health(), health() (and so /healthz) waits inside the
    /// handler that called it: a serving thread held up mid-request.
    void hold_health();
    void release_health();
    /// The thread waiting in a held health(), once one is.
    std::optional<std::thread::id> thread_held_in_health(std::chrono::milliseconds limit) const;
    /// The thread of each current() call so far, in order: which worker
    /// served each request.
    std::vector<std::thread::id> serving_threads() const;

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const site::snapshot> snapshot_;
    std::string health_body_ = R"({"status":"ok"})";
    bool healthy_ = true;
    mutable std::vector<std::thread::id> serving_threads_;
    mutable std::condition_variable health_cv_;
    bool health_held_ = false;
    mutable std::optional<std::thread::id> held_thread_;
};

}  // namespace cadenced::http::test
