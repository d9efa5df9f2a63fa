#pragma once
// The request target: its path and its query (?token=...), percent-decoded.

#include <optional>
#include <string>
#include <string_view>

namespace cadenced::http {

struct request_target {
    std::string path;   ///< percent-decoded, starts with '/'
    std::string query;  ///< as sent, without the '?'; decode values with query_value()
};

/// Splits an origin-form target ("/feeds/a.ics?token=x") or an absolute-form
/// one ("http://host/feeds/a.ics"). Returns nullopt when the target is
/// neither, when any %-escape in it is malformed, or when the path decodes
/// to a NUL byte; a fragment, which clients should not send, is dropped.
std::optional<request_target> parse_target(std::string_view target);

/// Decodes %XX escapes. '+' stays '+': RFC 3986 gives it no meaning, and
/// feed tokens may be base64 text that contains it. nullopt for a '%' not
/// followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view text);

/// The decoded value of the first `key` parameter in `query`; "" for a key
/// with no '='; nullopt when the key is absent or its value is malformed.
std::optional<std::string> query_value(std::string_view query, std::string_view key);

}  // namespace cadenced::http
