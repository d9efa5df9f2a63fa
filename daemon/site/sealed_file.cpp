#include "daemon/site/sealed_file.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace cadenced::site {

namespace {

/// Closes the descriptor unless released: every early return cleans up.
struct fd_guard {
    int fd;
    ~fd_guard() {
        if (fd >= 0) ::close(fd);
    }
    int release() {
        const int out = fd;
        fd = -1;
        return out;
    }
};

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

std::shared_ptr<const sealed_file> sealed_file::of(std::string_view bytes) {
    fd_guard file{::memfd_create("cadenced-body", MFD_CLOEXEC | MFD_ALLOW_SEALING)};
    if (file.fd < 0) return nullptr;
    if (!write_all(file.fd, bytes)) return nullptr;
    // No writes, no resizing, and no removing these seals: what a reader
    // (or the kernel, mid-sendfile) sees is fixed for the file's life.
    if (::fcntl(file.fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0) return nullptr;
    return std::shared_ptr<const sealed_file>{new sealed_file{file.release(), bytes.size()}};
}

sealed_file::~sealed_file() { ::close(fd_); }

}  // namespace cadenced::site
