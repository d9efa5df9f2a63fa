// Body files: the bytes a feed is sent from with sendfile(2).
#include "daemon/site/body_file.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using cadenced::site::body_file;

namespace {

std::string contents(const body_file& f) {
    std::string out(f.size() + 1, '\0');
    const ssize_t n = ::pread(f.fd(), out.data(), out.size(), 0);
    REQUIRE(n >= 0);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string sample_bytes() {
    std::string bytes;
    for (int i = 0; i < 50000; ++i) bytes += "line " + std::to_string(i) + "\r\n";
    return bytes;
}

struct temp_dir {
    fs::path path = fs::temp_directory_path() / ("cadenced-body-file-" + std::to_string(::getpid()));
    temp_dir() { fs::create_directories(path); }
    ~temp_dir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("body file: in a directory it holds the bytes and has no name", "[unit][http]") {
    temp_dir dir;
    const auto bytes = sample_bytes();
    const auto file = body_file::of(bytes, dir.path);
    REQUIRE(file);
    CHECK(file->size() == bytes.size());
    CHECK(contents(*file) == bytes);
    // Unnamed: nothing to clean up after a crash, nothing for others to open.
    CHECK(fs::is_empty(dir.path));
    // A disk file, not the memfd fallback: memfds take seals, these do not.
    CHECK(::fcntl(file->fd(), F_GET_SEALS) == -1);
}

TEST_CASE("body file: without a usable directory it is a sealed memfd", "[unit][http]") {
    const auto bytes = sample_bytes();
    for (const fs::path& dir : {fs::path{}, fs::path{"/nonexistent/cadenced"}}) {
        INFO(dir);
        const auto file = body_file::of(bytes, dir);
        REQUIRE(file);
        CHECK(contents(*file) == bytes);
        const int seals = ::fcntl(file->fd(), F_GET_SEALS);
        CHECK(seals == (F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL));
        // Sealed: not even this process can change what is being sent.
        CHECK(::pwrite(file->fd(), "x", 1, 0) == -1);
        CHECK(::ftruncate(file->fd(), 10) == -1);
    }
}

TEST_CASE("body file: an empty body is an empty file", "[unit][http]") {
    const auto file = body_file::of("");
    REQUIRE(file);
    CHECK(file->size() == 0);
    CHECK(contents(*file).empty());
}
