#pragma once
// Turns what libical 3.0.16 writes into exact RFC 5545 content lines.
// Internal to ical/.
//
// Two faults of that version are repaired on its output rather than avoided,
// so that every property is still built and written by libical:
//  - Folding: libical folds at 75 octets but, when a line's remainder is
//    exactly at the limit, folds between the CR and the LF that end the line
//    ("...x\r" CRLF " \n"), which leaves a bare CR in the property and a line
//    holding only a space. Unfolding its output (removing every CRLF followed
//    by a space) restores the original line, which is then folded again.
//  - Escaping: libical writes ',' and ';' unescaped in the values of X-
//    properties (X-ALT-DESC, X-WR-CALNAME, ...) and ';' unescaped in
//    CATEGORIES. RFC 5545 gives X- properties the TEXT type by default, and
//    TEXT requires "\," and "\;". Backslashes and line breaks libical does
//    escape, so every backslash in its output already starts an escape.

#include <string>
#include <string_view>

namespace cadenced::ical {

/// Appends `serialised` (libical's output: CRLF lines, folded by libical) to
/// `out` as unfolded, repaired and re-folded content lines, each ending in
/// CRLF. A final line without CRLF is completed.
void append_content_lines(std::string& out, std::string_view serialised);

/// Appends one TEXT property straight to `out`: `head` is the name with its
/// parameters ("X-ALT-DESC;FMTTYPE=text/html"), `value` text already passed
/// through clean_text(). It escapes and folds exactly as libical followed by
/// append_content_lines() would (a test holds the two to the same bytes),
/// without libical's byte-by-byte buffer: the long agenda texts of every
/// event go this way, and they dominate the cost of an export.
void append_text_property(std::string& out, std::string_view head, std::string_view value);

}  // namespace cadenced::ical
