# Turns a text file into a C++ source defining
#   std::string_view cadenced::config::embedded_default_toml()
# Run as: cmake -DINPUT=... -DOUTPUT=... -P embed_text.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# Break the array into lines of 16 bytes to keep the file readable by tools.
string(REGEX REPLACE "(('[^']+',){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.
#include \"config/config.h\"
#include <string_view>
namespace cadenced::config {
namespace {
constexpr char embedded_bytes[] = {
${bytes}'\\0'};
}  // namespace
std::string_view embedded_default_toml() { return {embedded_bytes, ${byte_count}}; }
}  // namespace cadenced::config
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
