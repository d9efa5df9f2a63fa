#pragma once
// libsystemd's sd-daemon calls, with the library loaded on first use and
// only when systemd has passed us something to act on (NOTIFY_SOCKET,
// WATCHDOG_USEC, LISTEN_FDS). Outside systemd, in `cadenced --export` and in
// the tests, the library and its six dependencies are never loaded; the
// calls then answer as libsystemd itself does without those variables.
//
// If a variable is set but the library cannot be loaded, a call returns
// -ELIBACC, which callers report like any other sd-daemon error.

#include <cstdint>

namespace cadenced::service::libsystemd {

int notify(const char* state);                       ///< sd_notify(0, state)
int watchdog_enabled(std::uint64_t* usec);           ///< sd_watchdog_enabled(0, usec)
int listen_fds();                                    ///< sd_listen_fds(1)
int is_listening_tcp_socket(int fd);                 ///< sd_is_socket_inet(fd, AF_UNSPEC, SOCK_STREAM, 1, 0)

}  // namespace cadenced::service::libsystemd
