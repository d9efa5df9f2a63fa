#pragma once
// Content negotiation for gzip (RFC 9110 section 12.5.3).

#include <string_view>

namespace cadenced::http {

/// Whether an Accept-Encoding value allows a gzip body: "gzip" or "x-gzip"
/// with a q-value above 0 or, if neither is named, "*" with one. q=0 (and
/// q=0.000) means "not acceptable"; an entry with a malformed q-value counts
/// as not acceptable. An empty or absent header gets the identity body:
/// RFC 9110 would allow any coding, but clients that want gzip say so.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace cadenced::http
