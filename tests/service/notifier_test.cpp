#include "daemon/service/notifier.h"

#include "scoped_env.h"
#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

using cadenced::service::notifier;
using test_support::scoped_env;
using test_support::temp_dir;

namespace {

// The receiving end of NOTIFY_SOCKET, as systemd binds it: an AF_UNIX
// datagram socket, here in the test's own temp directory.
class notify_listener {
public:
    explicit notify_listener(const std::string& path) : fd_{::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)} {
        REQUIRE(fd_ >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        REQUIRE(path.size() < sizeof address.sun_path);
        std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
        REQUIRE(::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        // Watchdog: a message that never arrives fails the test instead of
        // hanging it.
        timeval timeout{5, 0};
        REQUIRE(::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) == 0);
    }
    ~notify_listener() { ::close(fd_); }
    notify_listener(const notify_listener&) = delete;
    notify_listener& operator=(const notify_listener&) = delete;

    /// The next datagram, or "" after the timeout.
    std::string receive() const {
        char buffer[4096];
        const ssize_t size = ::recv(fd_, buffer, sizeof buffer, 0);
        return size > 0 ? std::string(buffer, static_cast<std::size_t>(size)) : std::string{};
    }

    /// True when nothing is waiting.
    bool empty() const {
        char byte = 0;
        return ::recv(fd_, &byte, 1, MSG_DONTWAIT | MSG_PEEK) < 0;
    }

private:
    int fd_;
};

std::uint64_t monotonic_usec_now() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::uint64_t>(now.tv_sec) * 1'000'000U + static_cast<std::uint64_t>(now.tv_nsec) / 1'000U;
}

}  // namespace

TEST_CASE("notifier: sends each state to NOTIFY_SOCKET", "[unit][service]") {
    const temp_dir dir;
    const notify_listener listener{dir.file("notify")};
    const scoped_env socket{"NOTIFY_SOCKET", dir.file("notify")};
    notifier notify;

    SECTION("READY=1 with a one-line STATUS") {
        notify.ready("serving 3 feeds\non 127.0.0.1:8470");
        CHECK(listener.receive() == "READY=1\nSTATUS=serving 3 feeds on 127.0.0.1:8470");
    }
    SECTION("RELOADING=1 with MONOTONIC_USEC close to now") {
        const auto before = monotonic_usec_now();
        notify.reloading();
        const auto after = monotonic_usec_now();
        const auto message = listener.receive();
        const std::string prefix = "RELOADING=1\nMONOTONIC_USEC=";
        REQUIRE(message.rfind(prefix, 0) == 0);
        const auto stamp = std::stoull(message.substr(prefix.size()));
        CHECK(stamp >= before);
        CHECK(stamp <= after);
    }
    SECTION("STOPPING=1") {
        notify.stopping();
        CHECK(listener.receive() == "STOPPING=1");
    }
    SECTION("STATUS") {
        notify.status("reload failed, serving the last good schedule");
        CHECK(listener.receive() == "STATUS=reload failed, serving the last good schedule");
    }
    SECTION("WATCHDOG=1") {
        notify.watchdog();
        CHECK(listener.receive() == "WATCHDOG=1");
    }
    CHECK(listener.empty());
}

TEST_CASE("notifier: does nothing without NOTIFY_SOCKET", "[unit][service]") {
    const temp_dir dir;
    const notify_listener listener{dir.file("notify")};
    const scoped_env socket{"NOTIFY_SOCKET", std::nullopt};
    notifier notify;
    notify.ready("serving");
    notify.reloading();
    notify.status("still here");
    notify.watchdog();
    notify.stopping();
    CHECK(listener.empty());
}

TEST_CASE("notifier: watchdog interval is half of WATCHDOG_USEC", "[unit][service]") {
    const notifier notify;
    SECTION("for this process") {
        const scoped_env usec{"WATCHDOG_USEC", "30000000"};
        const scoped_env pid{"WATCHDOG_PID", std::to_string(::getpid())};
        CHECK(notify.watchdog_interval() == std::chrono::seconds{15});
    }
    SECTION("without WATCHDOG_PID, meant for whoever reads it") {
        const scoped_env usec{"WATCHDOG_USEC", "4000000"};
        const scoped_env pid{"WATCHDOG_PID", std::nullopt};
        CHECK(notify.watchdog_interval() == std::chrono::seconds{2});
    }
    SECTION("not for another process") {
        const scoped_env usec{"WATCHDOG_USEC", "30000000"};
        const scoped_env pid{"WATCHDOG_PID", std::to_string(::getpid() + 1)};
        CHECK_FALSE(notify.watchdog_interval());
    }
    SECTION("no watchdog configured") {
        const scoped_env usec{"WATCHDOG_USEC", std::nullopt};
        const scoped_env pid{"WATCHDOG_PID", std::nullopt};
        CHECK_FALSE(notify.watchdog_interval());
    }
}
