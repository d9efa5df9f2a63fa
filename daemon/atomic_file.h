#pragma once
// Writes a file so that readers see either the old content or the whole new
// content, never a part: a temp file in the same folder, fsync, rename.

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace cadenced::cli {

class io_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Throws io_error("cannot write PATH: reason") and leaves no temp file behind.
/// A symbolic link keeps pointing at the new content; a target that is not
/// a regular file (/dev/null, a FIFO) is written in place, as a rename over
/// it would replace the device itself.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace cadenced::cli
