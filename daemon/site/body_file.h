#pragma once
// A response body written once into a file that nobody else can open, then
// only read. The feed server hands such a file to the kernel with
// sendfile(2): the bytes go from the page cache to the socket without a
// copy through the daemon, as a static file server sends files.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace cadenced::site {

class body_file {
public:
    /// A file holding `bytes`: unnamed in `dir` (O_TMPFILE) when given and
    /// possible, else a sealed memfd; nullptr when neither can be had, and
    /// the server then writes the bytes itself.
    ///
    /// A directory on a disk file system is preferred: its page cache keeps
    /// the bytes in large folios, which sendfile walks far faster than a
    /// memfd's 4 KiB pages (a quarter more feed throughput, measured with
    /// bench/feed_server_bench.sh). The file has no name, so it vanishes
    /// with its descriptor, crash or not. Should memory run short and its
    /// pages be dropped, sendfile reads them back from the disk, as it does
    /// for a static file server's files.
    static std::shared_ptr<const body_file> of(std::string_view bytes, const std::filesystem::path& dir = {});

    ~body_file();
    body_file(const body_file&) = delete;
    body_file& operator=(const body_file&) = delete;

    int fd() const { return fd_; }
    std::size_t size() const { return size_; }

private:
    body_file(int fd, std::size_t size) : fd_{fd}, size_{size} {}

    int fd_;
    std::size_t size_;
};

}  // namespace cadenced::site
