#pragma once
// The byte-to-text encodings of RFC 4648 the providers need.

#include <string>
#include <string_view>

namespace cadenced::providers {

/// base64url without padding (RFC 4648 section 5), as JWTs use.
std::string base64url(std::string_view bytes);

/// Standard base64 with padding (section 4), as attachments use.
std::string base64(std::string_view bytes);

/// base32hex in lower case without padding (section 7): the alphabet of
/// Google Calendar event ids (0-9 and a-v).
std::string base32hex(std::string_view bytes);

}  // namespace cadenced::providers
