#include "daemon/site/body_file.h"

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

/// An unnamed file in `dir`; -1 if the file system has no O_TMPFILE or
/// the directory is not writable.
int unnamed_file_in(const std::filesystem::path& dir, std::string_view bytes) {
    fd_guard file{::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)};
    if (file.fd < 0 || !write_all(file.fd, bytes)) return -1;
    return file.release();
}

int sealed_memfd(std::string_view bytes) {
    fd_guard file{::memfd_create("cadenced-body", MFD_CLOEXEC | MFD_ALLOW_SEALING)};
    if (file.fd < 0 || !write_all(file.fd, bytes)) return -1;
    // No writes, no resizing, and no removing these seals: what the kernel
    // sends is fixed for the file's life.
    if (::fcntl(file.fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0) return -1;
    return file.release();
}

}  // namespace

std::shared_ptr<const body_file> body_file::of(std::string_view bytes, const std::filesystem::path& dir) {
    int fd = dir.empty() ? -1 : unnamed_file_in(dir, bytes);
    if (fd < 0) fd = sealed_memfd(bytes);
    if (fd < 0) return nullptr;
    return std::shared_ptr<const body_file>{new body_file{fd, bytes.size()}};
}

body_file::~body_file() { ::close(fd_); }

}  // namespace cadenced::site
