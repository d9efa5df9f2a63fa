#include "daemon/web/kind_colours.h"

#include <array>
#include <cstdint>
#include <utility>

namespace cadenced::web {

namespace {

// The default rhythm's kinds, in families: the cadence call and its deadlines
// in indigo/orange/teal, the offsite and what hangs off it in rose/amber/purple.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> chosen{{
    {"cadence-call", "#4338ca"},
    {"cadence-agenda-due", "#c2410c"},
    {"cadence-follow-up", "#0f766e"},
    {"offsite", "#be123c"},
    {"offsite-prework", "#a16207"},
    {"monday-with-managers", "#7e22ce"},
    {"monthly-meeting", "#0369a1"},
}};

// Distinct from the chosen colours, so a user's own kind never looks like a
// default one, and from the busy greys.
constexpr std::array<std::string_view, 10> palette{
    "#15803d", "#a21caf", "#0e7490", "#9a3412", "#4d7c0f",
    "#be185d", "#1d4ed8", "#854d0e", "#b91c1c", "#5b21b6",
};

std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

}  // namespace

std::string_view kind_colour(std::string_view meeting_id) {
    for (const auto& [id, colour] : chosen)
        if (id == meeting_id) return colour;
    return palette[fnv1a(meeting_id) % palette.size()];
}

}  // namespace cadenced::web
