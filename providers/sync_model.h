#pragma once
// What sync compares: the occurrences a target should hold (desired) and
// the events cadenced created on it (remote), as every provider reports
// them.

#include "schedule/occurrence.h"

#include <string>
#include <vector>

namespace cadenced::providers {

struct desired_event {
    const schedule::occurrence* occurrence = nullptr;
    std::string uid;
    /// schedule::fingerprint of the occurrence: carried in the remote tag,
    /// so an unchanged occurrence is never rewritten.
    std::string content_hash;
};

/// An event cadenced created, recognised by its private tag.
struct remote_event {
    std::string remote_id;
    std::string uid;           ///< from the tag
    std::string content_hash;  ///< from the tag: what was last written
    std::string etag;          ///< for If-Match
    /// Deleted on the provider's side but still listed (Google keeps
    /// deleted events as "cancelled").
    bool cancelled = false;
    /// Someone changed what cadenced wrote: the fields it manages no
    /// longer match the digest it tagged them with.
    bool edited_by_someone = false;
    std::string title;  ///< for logs and the dry-run plan
    std::string start;  ///< likewise, as the provider gives it
    /// Microsoft: the ids of the agenda.html attachments cadenced added,
    /// replaced when the agenda changes.
    std::vector<std::string> attachment_ids;
};

/// What to do about human edits and deletions of cadenced's events.
enum class human_edit_policy {
    restore,  ///< the config is the source of truth: put the event back
    keep,     ///< leave edits, and do not re-create deleted occurrences
};

}  // namespace cadenced::providers
