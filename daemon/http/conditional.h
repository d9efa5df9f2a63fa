#pragma once
// Conditional GET/HEAD (RFC 9110 section 13): If-None-Match and
// If-Modified-Since, evaluated in the order section 13.2.2 gives.

#include <chrono>
#include <optional>
#include <string_view>

namespace cadenced::http {

/// The request's preconditions; nullopt for a header the request lacks.
/// Repeated header lines arrive joined with ", ".
struct preconditions {
    std::optional<std::string_view> if_none_match;
    std::optional<std::string_view> if_modified_since;
};

/// Whether an If-None-Match value matches `etag` (our quoted tag, e.g.
/// "\"abc\""): "*", or any listed tag equal to it under the weak comparison
/// RFC 9110 prescribes for If-None-Match (a W/ prefix on either is ignored).
/// A malformed list matches only up to where it stops parsing.
bool if_none_match_matches(std::string_view list, std::string_view etag);

/// True when the client's copy is current and the answer is 304: If-None-
/// Match matches; or, only when there is no If-None-Match, If-Modified-Since
/// is a valid date no earlier than `last_modified`. An invalid date is
/// ignored, as RFC 9110 requires.
bool not_modified(const preconditions& request, std::string_view etag, std::chrono::sys_seconds last_modified);

}  // namespace cadenced::http
