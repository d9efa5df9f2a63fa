#include "daemon/service/listen_fds.h"

#include "daemon/service/libsystemd.h"
#include "daemon/service/logging.h"

#include <systemd/sd-daemon.h>

#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace cadenced::service {

std::vector<int> inherited_listen_sockets() {
    // 1: unset LISTEN_PID/LISTEN_FDS/LISTEN_FDNAMES, so a process we start
    // later does not take our sockets for its own. sd_listen_fds also sets
    // FD_CLOEXEC on every passed descriptor.
    const int count = libsystemd::listen_fds();
    if (count < 0) {
        logger("daemon")->error("ignoring socket activation variables error=\"{}\"", std::strerror(-count));
        return {};
    }
    std::vector<int> sockets;
    for (int fd = SD_LISTEN_FDS_START; fd < SD_LISTEN_FDS_START + count; ++fd) {
        // AF_UNSPEC with sd_is_socket_inet accepts IPv4 and IPv6 only: the
        // HTTP server takes the descriptor as a TCP acceptor, which a
        // datagram, FIFO or AF_UNIX socket from a mistaken .socket unit
        // would break in confusing ways later.
        if (libsystemd::is_listening_tcp_socket(fd) > 0) {
            sockets.push_back(fd);
            continue;
        }
        logger("daemon")->error("ignoring inherited descriptor, not a listening TCP socket fd={}", fd);
        ::close(fd);
    }
    return sockets;
}

}  // namespace cadenced::service
