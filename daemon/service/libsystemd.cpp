#include "daemon/service/libsystemd.h"

#include <systemd/sd-daemon.h>

#include <dlfcn.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>

namespace cadenced::service::libsystemd {

namespace {

struct api {
    decltype(&::sd_notify) notify = nullptr;
    decltype(&::sd_watchdog_enabled) watchdog_enabled = nullptr;
    decltype(&::sd_listen_fds) listen_fds = nullptr;
    decltype(&::sd_is_socket_inet) is_socket_inet = nullptr;
};

template <typename Function>
bool resolve(void* library, const char* name, Function& out) {
    // POSIX guarantees a data pointer from dlsym converts to a function
    // pointer; the cast is the sanctioned way to get it.
    out = reinterpret_cast<Function>(::dlsym(library, name));
    return out != nullptr;
}

// The library, loaded once (thread-safe static); nullptr if it is missing.
const api* loaded() {
    static const api* const instance = []() -> const api* {
        void* library = ::dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) return nullptr;
        static api a;
        if (!resolve(library, "sd_notify", a.notify) || !resolve(library, "sd_watchdog_enabled", a.watchdog_enabled) ||
            !resolve(library, "sd_listen_fds", a.listen_fds) ||
            !resolve(library, "sd_is_socket_inet", a.is_socket_inet))
            return nullptr;
        return &a;
    }();
    return instance;
}

bool is_set(const char* variable) {
    const char* value = std::getenv(variable);
    return value != nullptr && *value != '\0';
}

}  // namespace

int notify(const char* state) {
    if (!is_set("NOTIFY_SOCKET")) return 0;
    const api* a = loaded();
    return a ? a->notify(0, state) : -ELIBACC;
}

int watchdog_enabled(std::uint64_t* usec) {
    if (!is_set("WATCHDOG_USEC")) return 0;
    const api* a = loaded();
    return a ? a->watchdog_enabled(0, usec) : -ELIBACC;
}

int listen_fds() {
    if (!is_set("LISTEN_FDS") && !is_set("LISTEN_PID")) return 0;
    const api* a = loaded();
    return a ? a->listen_fds(1) : -ELIBACC;
}

int is_listening_tcp_socket(int fd) {
    const api* a = loaded();
    return a ? a->is_socket_inet(fd, AF_UNSPEC, SOCK_STREAM, 1, 0) : -ELIBACC;
}

}  // namespace cadenced::service::libsystemd
