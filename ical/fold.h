#pragma once
// RFC 5545 line folding (section 3.1). Internal to ical/.

#include <cstddef>
#include <string>
#include <string_view>

namespace cadenced::ical {

/// RFC 5545: "Lines of text SHOULD NOT be longer than 75 octets, excluding
/// the line break."
inline constexpr std::size_t max_line_octets = 75;

/// Appends one logical content line (without its CRLF) to `out`, folded:
/// every physical line holds at most max_line_octets octets including the
/// leading space of a continuation line, ends with CRLF, and no line break
/// falls inside a UTF-8 sequence. Bytes that are not valid UTF-8 are cut
/// wherever the limit falls.
void append_folded(std::string& out, std::string_view line);

}  // namespace cadenced::ical
