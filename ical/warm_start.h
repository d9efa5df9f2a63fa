#pragma once
// libical reads its table of built-in zones (zone.tab) the first time it
// writes a DATE-TIME, a fixed cost of about 0.4 ms per process. A warm_start
// pays it on another core while the caller does other work (parses the
// config, generates the schedule), so that a one-off export does not wait.

#include <thread>

namespace cadenced::ical {

class warm_start {
public:
    /// Starts the work when `wanted`; otherwise does nothing.
    explicit warm_start(bool wanted);
    ~warm_start() { wait(); }
    warm_start(const warm_start&) = delete;
    warm_start& operator=(const warm_start&) = delete;

    /// Returns once libical is ready. Call before writing.
    void wait() {
        if (thread_.joinable()) thread_.join();
    }

private:
    std::thread thread_;
};

}  // namespace cadenced::ical
