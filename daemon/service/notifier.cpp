#include "daemon/service/notifier.h"

#include "daemon/service/libsystemd.h"
#include "daemon/service/logging.h"

#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cadenced::service {

namespace {

// sd_notify(3) returns > 0 when the message was sent, 0 when there is no
// NOTIFY_SOCKET (not under systemd, or NotifyAccess= excludes us), and a
// negative errno when sending failed. Only the last is worth a log line.
int send(const std::string& message) {
    // 0: keep NOTIFY_SOCKET in the environment, the daemon notifies for its
    // whole life (reloads, watchdog), not only once.
    return libsystemd::notify(message.c_str());
}

void send_or_warn(const std::string& message, const char* what) {
    if (const int rc = send(message); rc < 0)
        logger("daemon")->warn("sd_notify failed kind={} error=\"{}\"", what, std::strerror(-rc));
}

// STATUS= ends at the first newline, and anything after it would be parsed
// as further assignments; keep the text on one line.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

std::uint64_t monotonic_usec() {
    // systemd compares MONOTONIC_USEC with its own CLOCK_MONOTONIC reading
    // to tell this reload apart from an older one.
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000U + static_cast<std::uint64_t>(now.tv_nsec) / 1'000U;
}

}  // namespace

void notifier::ready(const std::string& status) {
    send_or_warn("READY=1\nSTATUS=" + one_line(status), "ready");
}

void notifier::reloading() {
    send_or_warn("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(monotonic_usec()), "reloading");
}

void notifier::stopping() {
    send_or_warn("STOPPING=1", "stopping");
}

void notifier::status(const std::string& text) {
    send_or_warn("STATUS=" + one_line(text), "status");
}

void notifier::watchdog() {
    // This repeats every few seconds; a persistent failure would otherwise
    // flood the log, and systemd reports the missed watchdog itself.
    if (const int rc = send("WATCHDOG=1"); rc < 0)
        logger("daemon")->debug("sd_notify failed kind=watchdog error=\"{}\"", std::strerror(-rc));
}

std::optional<std::chrono::microseconds> notifier::watchdog_interval() const {
    std::uint64_t usec = 0;
    // sd_watchdog_enabled also honours WATCHDOG_PID, so a child that
    // inherited the variables does not think the watchdog is its job.
    if (libsystemd::watchdog_enabled(&usec) <= 0 || usec == 0) return std::nullopt;
    // Half the timeout, as sd_watchdog_enabled(3) recommends, leaves room
    // for one late ping.
    return std::chrono::microseconds{static_cast<std::chrono::microseconds::rep>(usec / 2)};
}

}  // namespace cadenced::service
