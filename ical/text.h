#pragma once
// Text as iCalendar can carry it. RFC 5545 TEXT allows no control characters
// other than HTAB (line breaks travel as "\n"), and parameter values allow no
// control characters or DQUOTE at all. Internal to ical/.

#include <string>
#include <vector>

namespace cadenced::ical {

/// Stands for a comma inside one category name while the CATEGORIES value
/// passes through libical, which writes every comma of that property raw as
/// a list separator. content_lines.cpp turns it into "\,". A control
/// character, so clean_text() guarantees it never occurs in real text.
inline constexpr char category_comma = '\x1F';

/// `text` with CR LF and lone CR turned into LF and every other control
/// character except HTAB and LF removed. Valid UTF-8 stays as it is.
std::string clean_text(std::string text);

/// A parameter value such as CN: clean_text(), then line breaks and tabs
/// become spaces and DQUOTE becomes an apostrophe (RFC 5545 allows neither in
/// a parameter; the RFC 6868 escapes libical offers are not understood by
/// every client).
std::string clean_parameter(std::string text);

/// The CATEGORIES value for libical: names (clean_text(), line breaks as
/// spaces) joined by ',', with commas inside a name replaced by
/// category_comma. Empty names are dropped.
std::string category_list(const std::vector<std::string>& names);

}  // namespace cadenced::ical
