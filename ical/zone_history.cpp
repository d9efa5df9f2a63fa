#include "ical/zone_history.h"

#include "zoneinfo/zone.h"

#include <algorithm>

namespace cadenced::ical {

using namespace std::chrono;
using zoneinfo::posix_tz;
using zoneinfo::time_type;

namespace {

void add_transition(zone_history& h, time_type& current, sys_seconds at, time_type next) {
    if (next == current) return;
    h.transitions.push_back({at, current.offset, next.offset, next.abbrev,
                             next.dst && next.offset > current.offset});
    current = std::move(next);
}

// Continues `h` from the last listed transition (`since`) to `to` with the
// zone's POSIX rule.
void extend_with_rule(zone_history& h, time_type& current, const posix_tz& rule, sys_seconds since,
                      sys_seconds to) {
    const time_type standard{rule.std_offset, false, rule.std_abbrev};
    const time_type daylight{rule.dst->offset, true, rule.dst->abbrev};
    const auto first_year = year_month_day{floor<days>(since)}.year();
    const auto last_year = year_month_day{floor<days>(to)}.year() + years{1};
    for (auto y = first_year; y <= last_year; ++y) {
        for (const auto& change : changes_in_year(rule, y)) {
            if (change.at <= since) continue;
            if (change.at >= to) return;
            add_transition(h, current, change.at, change.to_dst ? daylight : standard);
        }
    }
}

}  // namespace

zone_history load_zone_history(const std::string& name, sys_seconds from, sys_seconds to) {
    const auto zone = zoneinfo::zone::load(name);
    if (!zone) throw unknown_zone_error{"unknown time zone \"" + name + "\""};

    zone_history h;
    time_type current = zone->type_at(from);
    const time_type initial = current;
    const auto& listed = zone->transitions();
    auto next = std::upper_bound(listed.begin(), listed.end(), from,
                                 [](sys_seconds when, const zoneinfo::transition& t) { return when < t.at; });
    for (; next != listed.end() && next->at < to; ++next) {
        add_transition(h, current, next->at, zone->types()[next->type]);
    }
    // Past the last listed transition the rule says how the zone goes on
    // (files list transitions up to 2037 at most).
    if (next == listed.end() && zone->rule() && zone->rule()->dst) {
        const sys_seconds since = listed.empty() ? from : std::max(listed.back().at, from);
        extend_with_rule(h, current, *zone->rule(), since, to);
    }
    h.initial_offset = initial.offset;
    h.initial_abbrev = initial.abbrev;
    return h;
}

}  // namespace cadenced::ical
