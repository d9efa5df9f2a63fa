#pragma once
// Feeds (audiences): which occurrences a published calendar shows, and how
// much of a confidential one it may reveal.

#include "schedule/occurrence.h"

#include <string>
#include <vector>

namespace cadenced::schedule {

enum class confidential_view {
    full,  ///< everything (the ELT's own feed)
    busy,  ///< a busy block: time only, no details, agenda, people or place
    omit,  ///< not shown at all
};

struct feed {
    std::string name;   ///< URL-safe id: "all", "company"
    std::string title;  ///< calendar name shown by clients
    std::vector<std::string> meetings;  ///< series ids; empty = every series
    confidential_view confidential = confidential_view::full;
    std::string busy_title = "Busy";

    bool operator==(const feed&) const = default;
};

/// The occurrences `f` shows, in the same order, confidential ones reduced
/// as `f.confidential` says. Takes the list by value: a caller done with it
/// moves it in, and nothing is copied.
std::vector<occurrence> apply_feed(std::vector<occurrence> all, const feed& f);

/// The two feeds a config without [[feeds]] gets: "all" and "company".
std::vector<feed> default_feeds();

}  // namespace cadenced::schedule
