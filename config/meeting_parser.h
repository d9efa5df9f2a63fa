#pragma once
// [[meetings]]: one series each, with everything the cross-checks in
// validate.h need to point back at the text.

#include "config/document.h"

#include "schedule/rhythm.h"

#include <string>
#include <vector>

namespace cadenced::config::detail {

/// A name in a meeting that must match something defined elsewhere (a role,
/// a meeting) or a text whose placeholders must be known, with where it was
/// written and how messages name it.
struct reference {
    std::string text;
    const toml::node* node = nullptr;
    std::string subject;  ///< `meetings[2] (id "standup"): organizer`
};

struct parsed_meeting {
    schedule::series series;
    const document* doc = nullptr;  ///< the user's file or the embedded default
    const toml::table* table = nullptr;
    scope where;

    const toml::node* id_node = nullptr;
    reference relative_to;            ///< when.to of a relative rule (node null otherwise)
    reference nearest_day;            ///< when.day of a nearest-weekday rule (node null otherwise)
    std::vector<reference> roles;     ///< organizer and agenda owners: role ids
    std::vector<reference> attendees; ///< role ids or group names
    std::vector<reference> texts;     ///< texts that may hold placeholders
    std::vector<reference> exception_hosts;  ///< parallel to series.exceptions
};

/// Every [[meetings]] entry of `root`, each checked on its own; references
/// between meetings are checked by validate().
std::vector<parsed_meeting> parse_meetings(const table_reader& root);

/// The `when` rule of a meeting (rule_parser.cpp).
schedule::series_rule parse_when(const table_reader& meeting, parsed_meeting& out);

/// The agenda days of a meeting, one or one per day (agenda_parser.cpp).
std::vector<schedule::agenda_day> parse_agenda(const table_reader& meeting, parsed_meeting& out);

}  // namespace cadenced::config::detail
