#pragma once
// The UTC offsets of an IANA zone over a span of time, from the system's
// zoneinfo files. Internal to ical/.
//
// TZif files list transitions up to 2037 at most ("slim" ones fewer); the
// POSIX TZ rule at the end of the same file says how the zone continues, so
// transitions after the listed ones come from it.

#include "ical/errors.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::ical {

/// One change of offset. `daylight` marks the start of summer time: the
/// database flags the new period as daylight saving and the clocks go
/// forward. (Negative daylight saving, as Europe/Dublin's winter in the
/// database's main form, therefore counts as standard time.)
struct zone_transition {
    std::chrono::sys_seconds at;
    std::chrono::seconds offset_from{0};
    std::chrono::seconds offset_to{0};
    std::string abbrev;  ///< of the period that starts
    bool daylight = false;
};

struct zone_history {
    std::chrono::seconds initial_offset{0};  ///< in force at the start
    std::string initial_abbrev;
    std::vector<zone_transition> transitions;  ///< in time order
};

/// The offsets of zone `name` in [from, to). Transitions that change neither
/// offset, abbreviation nor daylight flag are left out. Throws
/// unknown_zone_error for an unknown name.
zone_history load_zone_history(const std::string& name, std::chrono::sys_seconds from,
                               std::chrono::sys_seconds to);

}  // namespace cadenced::ical
