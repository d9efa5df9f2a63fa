#pragma once
// An occurrence as a Microsoft Graph event resource, the agenda as its
// agenda.html attachment, and listed events back as remote_event.

#include "providers/sync_model.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cadenced::providers {

/// The single-value extended property that marks cadenced's events. A
/// named property in a GUID namespace of cadenced's own: custom properties
/// must not use the proptag form, and every access uses this exact id.
inline constexpr const char* graph_tag_property = "String {6c5e8bd5-0ea2-4c45-9d2a-1f0c7b3f5a61} Name cadenced";
/// The tag's value starts with this; its version, should the layout change.
inline constexpr const char* graph_tag_prefix = "cadenced/1 ";

inline constexpr const char* graph_agenda_attachment = "agenda.html";

/// The tag's value: prefix, the UID (spaces and '%' percent-encoded, so
/// the value splits on spaces), the content hash, and the digest of the
/// fields cadenced reads back. The UID comes first so that one occurrence's
/// event is found with startswith (graph_tag_lookup_prefix).
std::string graph_tag_value(std::string_view uid, std::string_view content_hash, std::string_view fields_digest);

/// What the tag of `uid`'s event starts with.
std::string graph_tag_lookup_prefix(std::string_view uid);

/// The transactionId of the occurrence's create: Graph drops a repeated
/// POST with a transactionId it has seen, so a retried create makes no
/// second event. Derived from the UID, so a crashed run's retry repeats it.
std::string graph_transaction_id(std::string_view uid);

/// The event to POST (create) or PATCH (update) for `d`; a create also
/// carries the transactionId. Attendees only `with_attendees`: Graph mails
/// an invitation to every attendee of a created or changed event.
nlohmann::json graph_event_body(const desired_event& d, bool create, bool with_attendees = false);

/// The agenda.html attachment for `d` (a fileAttachment, base64 content).
nlohmann::json graph_agenda_attachment_body(const desired_event& d);

/// A listed event (with the tag expanded, and attachments with $select=id,name),
/// if it carries cadenced's tag.
std::optional<remote_event> graph_remote_event(const nlohmann::json& item);

/// The instant a wall-clock time in an IANA zone names (zoneinfo::zone::to_sys),
/// the zone read once per process; nullopt for an unknown zone.
std::optional<std::chrono::sys_seconds> instant_of(std::chrono::local_seconds t, const std::string& iana_zone);

}  // namespace cadenced::providers
