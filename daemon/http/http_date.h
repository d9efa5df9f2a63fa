#pragma once
// HTTP-date (RFC 9110 section 5.6.7), for Date, Last-Modified and
// If-Modified-Since.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cadenced::http {

/// IMF-fixdate, the only form we send: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(std::chrono::sys_seconds t);

/// Parses IMF-fixdate and the two obsolete forms a recipient must still
/// accept (RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime
/// "Sun Nov  6 08:49:37 1994"). Returns nullopt for anything else, including
/// impossible dates such as Feb 30; the weekday name is checked for shape
/// only, since clients compute it and a wrong one carries no meaning for us.
/// Two-digit RFC 850 years below 70 are read as 20xx.
std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text);

}  // namespace cadenced::http
