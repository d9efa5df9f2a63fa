#pragma once
// The Google Calendar emulator (tests/emulators/google_calendar.py) run for
// one test, and a working directory with a config and credentials that
// point cadenced at it.

#include "support/background_process.h"
#include "support/http_client.h"
#include "support/run_process.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace sync_test {

inline const std::string binary = CADENCED_BINARY;

/// A small rhythm: a monthly review (24 events over two fiscal years) and a
/// confidential quarterly call (8).
inline const char* small_rhythm = R"(timezone = "America/New_York"

[[meetings]]
id = "monthly"
title = "Monthly review {period}"
when = { rule = "nth-weekday", weekday = "monday", nth = 2, months = [1, 2, 3] }
start = "10:00"
duration = 60

[[meetings]]
id = "quarterly"
title = "Quarterly call {period}"
when = { rule = "nth-weekday", weekday = "tuesday", nth = 1, months = [1] }
start = "14:00"
duration = 120
confidential = true
reminder_minutes = 30
)";

inline constexpr std::size_t small_rhythm_events = 32;
inline constexpr std::size_t small_rhythm_quarterly = 8;

/// GET / POST on an emulator's /_control endpoints; throws unless 200.
nlohmann::json control_get(const std::string& url);
std::string control_post(const std::string& url, const nlohmann::json& body);

/// Starts cadenced with `args_for(run)` over and over, killing each run
/// with SIGKILL after a random delay (0-`max_delay_ms`, from a fixed seed so
/// that a failure can be replayed), until `wanted` runs were killed before
/// they finished or 80 runs were started. Returns how many were.
int kill_runs_at_random_points(const std::function<std::vector<std::string>(int run)>& args_for, const std::string& log,
                               unsigned seed, int max_delay_ms, int wanted);

class google_emulator {
public:
    explicit google_emulator(int latency_ms = 0);
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

    nlohmann::json events() const;            ///< every event, deleted ones too
    std::vector<nlohmann::json> live_events() const;
    nlohmann::json stats() const;
    void reset_stats() const;
    void faults(const nlohmann::json& rules) const;
    void control(const std::string& what, const nlohmann::json& body) const;

private:
    test_support::temp_dir dir_;
    test_support::background_process process_;
    int port_ = 0;
};

class sync_workspace {
public:
    explicit sync_workspace(const google_emulator& emulator);

    /// Writes the config: `rhythm` then a [[sync]] target for the
    /// emulator with `target_extra` lines added.
    void write_config(const std::string& rhythm = small_rhythm, const std::string& target_extra = {});
    /// cadenced --sync with this workspace's config and state.
    test_support::process_result sync(const std::vector<std::string>& extra = {}) const;
    std::vector<std::string> sync_args(const std::vector<std::string>& extra = {}) const;

    std::string path(const std::string& name) const { return dir_.file(name); }
    void write(const std::string& name, const std::string& content) const { dir_.write(name, content); }

private:
    const google_emulator& emulator_;
    test_support::temp_dir dir_;
};

}  // namespace sync_test
