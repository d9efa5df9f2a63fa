#pragma once
// Chip colours of meeting kinds (meeting ids). The page and the screenshot
// check both rely on a kind keeping its colour from run to run.

#include <string_view>

namespace cadenced::web {

/// "#rrggbb" for `meeting_id`: a chosen colour for each meeting of the
/// embedded default, otherwise one of a fixed palette picked by a stable hash
/// of the id (FNV-1a, so the choice does not depend on the standard library).
/// Every colour carries white text at a contrast of at least 4.5:1.
std::string_view kind_colour(std::string_view meeting_id);

/// Busy blocks (confidential occurrences shown without details) are neutral
/// whatever their kind: a hatch of these two greys with dark text.
inline constexpr std::string_view busy_colour = "#e3e6ea";
inline constexpr std::string_view busy_stripe_colour = "#d3d8de";

}  // namespace cadenced::web
