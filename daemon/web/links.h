#pragma once
// URLs the pages link to. Results are plain text: HTML-escape them before
// putting them in an attribute.

#include <optional>
#include <string>
#include <string_view>

namespace cadenced::web {

/// `base` + the UID, percent-encoded except for the characters a path
/// segment may carry as they are (RFC 3986 unreserved, "@" and ":"), so the
/// default UIDs ("cadence-call-FY2028-Q1@cadenced") appear unchanged and
/// any other UID still makes one path segment. The server decodes it.
std::string agenda_href(std::string_view base, std::string_view uid);

/// The webcal:// form of an http:// or https:// feed URL, which calendar
/// apps open as a subscription; nullopt for any other (e.g. root-relative)
/// URL, which has no host to put after webcal://.
std::optional<std::string> webcal_url(std::string_view url);

}  // namespace cadenced::web
