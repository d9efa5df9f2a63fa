#pragma once
// gzip with zlib, for making sample bodies and checking compressed answers.

#include <string>
#include <string_view>

namespace test_support {

std::string gzip_compress(std::string_view plain);
/// Throws std::runtime_error when `compressed` is not a complete gzip stream.
std::string gzip_decompress(std::string_view compressed);

}  // namespace test_support
