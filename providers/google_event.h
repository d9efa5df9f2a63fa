#pragma once
// An occurrence as a Google Calendar API v3 Event resource, and listed
// events back as remote_event.

#include "providers/sync_model.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cadenced::providers {

struct google_event_options {
    /// The daemon's public base URL: the event's `source` links the agenda
    /// page, as does a description cut short. Empty: no links.
    std::string agenda_base_url;
    /// Longer agendas are cut at a line and linked. Google documents no
    /// exact limit; 8 KiB keeps well inside what its clients show.
    std::size_t max_description_bytes = 8192;
};

/// The event id Google will know the occurrence by: its UID in base32hex,
/// so a retried or repeated insert can never make a second event.
std::string google_event_id(std::string_view uid);

/// The Event resource to insert or update (PUT) for `d`.
nlohmann::json google_event_body(const desired_event& d, const google_event_options& options);

/// A listed event, if it carries cadenced's private tag.
std::optional<remote_event> google_remote_event(const nlohmann::json& item);

/// The private extended property every cadenced event carries, and the
/// listing filter that finds them ("cadenced=1").
inline constexpr const char* google_tag_key = "cadenced";
inline constexpr const char* google_tag_filter = "cadenced=1";

}  // namespace cadenced::providers
