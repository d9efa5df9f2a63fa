#pragma once
// A response body kept in an anonymous in-memory file (memfd), sealed so
// that it can never change. The feed server hands such a file to the
// kernel with sendfile(2): the bytes go from the file's pages to the socket
// without a copy through the daemon, as a static file server sends files,
// and the seals make it safe for the kernel to send those pages while
// another request reads them too.

#include <cstddef>
#include <memory>
#include <string_view>

namespace cadenced::site {

class sealed_file {
public:
    /// A new sealed file holding `bytes`; nullptr when the system offers no
    /// memfd (or refuses one), and the server then writes the bytes itself.
    static std::shared_ptr<const sealed_file> of(std::string_view bytes);

    ~sealed_file();
    sealed_file(const sealed_file&) = delete;
    sealed_file& operator=(const sealed_file&) = delete;

    int fd() const { return fd_; }
    std::size_t size() const { return size_; }

private:
    sealed_file(int fd, std::size_t size) : fd_{fd}, size_{size} {}

    int fd_;
    std::size_t size_;
};

}  // namespace cadenced::site
