#include "daemon/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace cadenced::cli {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int error) {
    throw io_error("cannot write " + path.string() + ": " + std::strerror(error));
}

// Owns the temp file until it is renamed into place.
class temp_file {
public:
    explicit temp_file(const std::filesystem::path& target) {
        auto dir = target.parent_path();
        if (dir.empty()) dir = ".";
        name_ = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
        fd_ = ::mkstemp(name_.data());
        if (fd_ < 0) fail(target, errno);
    }
    ~temp_file() {
        if (fd_ >= 0) ::close(fd_);
        if (!renamed_) ::unlink(name_.c_str());
    }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;

    int fd() const { return fd_; }
    const std::string& name() const { return name_; }
    int close() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }
    void mark_renamed() { renamed_ = true; }

private:
    std::string name_;
    int fd_ = -1;
    bool renamed_ = false;
};

// All of `content` to `fd`; the errno of a failed write, or 0.
int write_all(int fd, std::string_view content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

// Writes straight into something that is not a regular file (/dev/null, a
// FIFO, a terminal): renaming over it would replace the device node.
void write_in_place(const std::filesystem::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    if (const int error = write_all(fd, content)) {
        ::close(fd);
        fail(path, error);
    }
    if (::close(fd) != 0) fail(path, errno);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& requested, std::string_view content) {
    std::filesystem::path path = requested;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        // Replace the file the link points to, not the link.
        std::error_code ec;
        auto target = std::filesystem::canonical(path, ec);
        if (!ec) path = target;
    }
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        write_in_place(path, content);
        return;
    }
    temp_file tmp{path};
    // mkstemp creates 0600; an export is meant to be read like any file the
    // user writes, so follow the umask as open(2) would.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(tmp.fd(), 0666 & ~mask);

    if (const int error = write_all(tmp.fd(), content)) fail(path, error);
    if (::fsync(tmp.fd()) != 0) fail(path, errno);
    if (tmp.close() != 0) fail(path, errno);
    if (::rename(tmp.name().c_str(), path.c_str()) != 0) fail(path, errno);
    tmp.mark_renamed();
}

}  // namespace cadenced::cli
