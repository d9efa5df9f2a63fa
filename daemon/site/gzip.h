#pragma once
// gzip (RFC 1952) compression of response bodies, done once per snapshot.

#include <string>
#include <string_view>

namespace cadenced::site {

/// The gzip-compressed form of `data` at the best compression level.
std::string gzip(std::string_view data);

}  // namespace cadenced::site
