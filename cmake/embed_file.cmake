# Turns a file, text or binary, into a C++ source defining
#   std::string_view NAMESPACE::FUNCTION()
# that returns its bytes. HEADER is the header declaring FUNCTION.
# Run as: cmake -DINPUT=... -DOUTPUT=... -DHEADER=... -DNAMESPACE=... -DFUNCTION=... -P embed_file.cmake
foreach(parameter INPUT OUTPUT HEADER NAMESPACE FUNCTION)
  if(NOT DEFINED ${parameter})
    message(FATAL_ERROR "embed_file.cmake: -D${parameter}=... is missing")
  endif()
endforeach()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# Break the array into lines of 16 bytes to keep the file readable by tools.
string(REGEX REPLACE "(('[^']+',){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.
#include \"${HEADER}\"
#include <string_view>
namespace ${NAMESPACE} {
namespace {
constexpr char embedded_bytes[] = {
${bytes}'\\0'};
}  // namespace
std::string_view ${FUNCTION}() { return {embedded_bytes, ${byte_count}}; }
}  // namespace ${NAMESPACE}
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
