#pragma once
// The systemd notification protocol (sd_notify(3)) for Type=notify units.
// Every call is a no-op when NOTIFY_SOCKET is not set, so the daemon runs
// the same in a terminal.

#include <chrono>
#include <optional>
#include <string>

namespace cadenced::service {

class notifier {
public:
    /// READY=1 with a STATUS= line.
    void ready(const std::string& status);
    /// RELOADING=1 with MONOTONIC_USEC= (required by Type=notify-reload).
    void reloading();
    /// STOPPING=1.
    void stopping();
    void status(const std::string& text);
    /// WATCHDOG=1.
    void watchdog();
    /// How often to call watchdog(): half of WatchdogSec=, or nullopt when
    /// the unit has no watchdog.
    std::optional<std::chrono::microseconds> watchdog_interval() const;
};

}  // namespace cadenced::service
