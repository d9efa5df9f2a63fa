#pragma once
// Checks across entries: references between meetings, roles and feeds,
// placeholders, and days that must exist in every month a rule reaches.

#include "config/document.h"
#include "config/feeds.h"
#include "config/meeting_parser.h"

#include "schedule/rhythm.h"

#include <vector>

namespace cadenced::config::detail {

/// Throws config_error at the first problem, meeting by meeting in file
/// order, then feed by feed. `user` is the file being loaded; meetings or
/// people may come from the embedded default instead.
void validate(const document& user, const schedule::rhythm& r, const std::vector<parsed_meeting>& meetings,
              const std::vector<parsed_feed>& feeds);

}  // namespace cadenced::config::detail
