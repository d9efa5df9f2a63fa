#include "daemon/service/listen_fds.h"

#include "scoped_env.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

using cadenced::service::inherited_listen_sockets;
using test_support::scoped_env;

namespace {

// Puts a socket at fd 3 (SD_LISTEN_FDS_START), where systemd places the
// first passed socket, and puts back whatever the test runner had there.
class socket_at_fd3 {
public:
    explicit socket_at_fd3(int type) : saved_{::fcntl(3, F_DUPFD_CLOEXEC, 10)} {
        const int fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
        REQUIRE(fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;  // ephemeral
        REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        if (type == SOCK_STREAM) REQUIRE(::listen(fd, 8) == 0);
        // The socket may already have landed on fd 3 if nothing was there.
        if (fd != 3) {
            REQUIRE(::dup2(fd, 3) == 3);
            ::close(fd);
        }
    }
    ~socket_at_fd3() {
        if (saved_ >= 0) {
            ::dup2(saved_, 3);
            ::close(saved_);
        } else {
            ::close(3);
        }
    }
    socket_at_fd3(const socket_at_fd3&) = delete;
    socket_at_fd3& operator=(const socket_at_fd3&) = delete;

private:
    int saved_;
};

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) >= 0; }

}  // namespace

TEST_CASE("listen_fds: takes the listening socket systemd passed", "[unit][service]") {
    const socket_at_fd3 passed{SOCK_STREAM};
    const scoped_env pid{"LISTEN_PID", std::to_string(::getpid())};
    const scoped_env fds{"LISTEN_FDS", "1"};

    CHECK(inherited_listen_sockets() == std::vector<int>{3});
    CHECK(std::getenv("LISTEN_PID") == nullptr);
    CHECK(std::getenv("LISTEN_FDS") == nullptr);
    // Not inherited by processes the daemon starts.
    CHECK((::fcntl(3, F_GETFD) & FD_CLOEXEC) != 0);
}

TEST_CASE("listen_fds: ignores and closes a socket that is not listening TCP", "[unit][service]") {
    const socket_at_fd3 passed{SOCK_DGRAM};
    const scoped_env pid{"LISTEN_PID", std::to_string(::getpid())};
    const scoped_env fds{"LISTEN_FDS", "1"};

    CHECK(inherited_listen_sockets().empty());
    CHECK_FALSE(is_open(3));
}

TEST_CASE("listen_fds: nothing without socket activation", "[unit][service]") {
    SECTION("no LISTEN_FDS") {
        const scoped_env pid{"LISTEN_PID", std::nullopt};
        const scoped_env fds{"LISTEN_FDS", std::nullopt};
        CHECK(inherited_listen_sockets().empty());
    }
    SECTION("sockets meant for another process") {
        const socket_at_fd3 passed{SOCK_STREAM};
        const scoped_env pid{"LISTEN_PID", std::to_string(::getpid() + 1)};
        const scoped_env fds{"LISTEN_FDS", "1"};
        CHECK(inherited_listen_sockets().empty());
        CHECK(is_open(3));
    }
}
