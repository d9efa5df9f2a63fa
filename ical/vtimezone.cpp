#include "ical/vtimezone.h"

#include "ical/ical_time.h"
#include "ical/zone_history.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace cadenced::ical {

using namespace std::chrono;

namespace {

// How far past the span transitions are read to see whether a rule goes on.
constexpr days lookahead{3 * 366};

local_seconds local_time_before(const zone_transition& t) {
    return local_seconds{(t.at + t.offset_from).time_since_epoch()};
}

// Where a transition falls in its year, as an RRULE would name it.
struct yearly_position {
    year y;
    month m;
    weekday wd;
    unsigned nth = 1;   // 1-5: the nth such weekday of the month
    bool last = false;  // also the last such weekday of the month
    seconds time_of_day{0};
};

yearly_position position_of(const zone_transition& t) {
    const auto local = local_time_before(t);
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const unsigned dom = static_cast<unsigned>(ymd.day());
    const unsigned month_length = static_cast<unsigned>((ymd.year() / ymd.month() / std::chrono::last).day());
    return {ymd.year(), ymd.month(), weekday{day}, (dom - 1) / 7 + 1, dom + 7 > month_length, local - day};
}

// Consecutive years of one kind of transition on one yearly rule. A run may
// match "nth weekday" and "last weekday" at once until a year tells them
// apart.
struct rule_run {
    std::vector<const zone_transition*> members;
    yearly_position first;
    year last_year;
    bool by_nth = true;
    bool by_last = true;

    bool takes(const yearly_position& p) const {
        return p.y == last_year + years{1} && p.m == first.m && p.wd == first.wd &&
               p.time_of_day == first.time_of_day &&
               ((by_nth && p.nth == first.nth) || (by_last && p.last));
    }
    void add(const zone_transition* t, const yearly_position& p) {
        by_nth = by_nth && p.nth == first.nth;
        by_last = by_last && p.last;
        last_year = p.y;
        members.push_back(t);
    }
};

std::vector<rule_run> split_into_runs(const std::vector<const zone_transition*>& list) {
    std::vector<rule_run> runs;
    for (const auto* t : list) {
        const auto p = position_of(*t);
        if (!runs.empty() && runs.back().takes(p)) {
            runs.back().add(t, p);
        } else {
            runs.push_back({{t}, p, p.y, true, p.last});
        }
    }
    return runs;
}

// The yearly rule of a run: BYMONTH and BYDAY of its RRULE.
struct yearly_rule {
    month m;
    weekday wd;
    int position = 1;  // 1-5, or -1 for the last such weekday
};

yearly_rule rule_of(const rule_run& run) {
    // "Last" wins when both fit: a rule that lands on the 5th weekday is a
    // "last weekday" rule, and an open-ended rule must carry on correctly.
    return {run.first.m, run.first.wd, run.by_last ? -1 : static_cast<int>(run.first.nth)};
}

// One STANDARD or DAYLIGHT sub-component to write.
struct observance {
    std::vector<const zone_transition*> members;  // inside the span, in time order
    std::optional<yearly_rule> rule;              // nullopt: members are RDATEs
    bool open_ended = false;
};

icalrecurrencetype recurrence_of(const observance& o) {
    icalrecurrencetype r;
    icalrecurrencetype_clear(&r);
    r.freq = ICAL_YEARLY_RECURRENCE;
    r.by_month[0] = static_cast<short>(static_cast<unsigned>(o.rule->m));
    // libical encodes BYDAY as sign * (position * 8 + weekday), Sunday = 1.
    const int weekday_code = static_cast<int>(o.rule->wd.c_encoding()) + 1;
    const int position = o.rule->position;
    r.by_day[0] = static_cast<short>(position < 0 ? -(-position * 8 + weekday_code) : position * 8 + weekday_code);
    if (!o.open_ended) r.until = utc_date_time(o.members.back()->at);
    return r;
}

icalcomponent* make_observance(const observance& o) {
    const zone_transition& first = *o.members.front();
    icalcomponent* c = first.daylight ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    icalcomponent_add_property(c, icalproperty_new_dtstart(local_date_time(local_time_before(first))));
    icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(static_cast<int>(first.offset_from.count())));
    icalcomponent_add_property(c, icalproperty_new_tzoffsetto(static_cast<int>(first.offset_to.count())));
    icalcomponent_add_property(c, icalproperty_new_tzname(first.abbrev.c_str()));
    if (o.rule) {
        icalcomponent_add_property(c, icalproperty_new_rrule(recurrence_of(o)));
    } else {
        for (std::size_t i = 1; i < o.members.size(); ++i) {
            icaldatetimeperiodtype date{};
            date.time = local_date_time(local_time_before(*o.members[i]));
            date.period = icalperiodtype_null_period();
            icalcomponent_add_property(c, icalproperty_new_rdate(date));
        }
    }
    return c;
}

icalcomponent* make_fixed_observance(const zone_history& h, year first_year) {
    icalcomponent* c = icalcomponent_new_xstandard();
    icalcomponent_add_property(c, icalproperty_new_dtstart(local_date_time(local_days{first_year / January / 1})));
    icalcomponent_add_property(c, icalproperty_new_tzoffsetfrom(static_cast<int>(h.initial_offset.count())));
    icalcomponent_add_property(c, icalproperty_new_tzoffsetto(static_cast<int>(h.initial_offset.count())));
    icalcomponent_add_property(c, icalproperty_new_tzname(h.initial_abbrev.c_str()));
    return c;
}

using change_kind = std::tuple<bool, seconds, seconds, std::string>;

std::map<change_kind, std::vector<const zone_transition*>> group_by_kind(const zone_history& h) {
    std::map<change_kind, std::vector<const zone_transition*>> groups;
    for (const auto& t : h.transitions) {
        groups[{t.daylight, t.offset_from, t.offset_to, t.abbrev}].push_back(&t);
    }
    return groups;
}

// The observances of one kind of change: a rule observance per run of two or
// more years (or one that goes on past the span), and one observance listing
// the remaining transitions as RDATEs.
std::vector<observance> plan_group(const std::vector<rule_run>& runs, sys_seconds span_end) {
    std::vector<observance> out;
    observance dates;
    for (const auto& run : runs) {
        std::vector<const zone_transition*> inside;
        for (const auto* t : run.members) {
            if (t->at < span_end) inside.push_back(t);
        }
        if (inside.empty()) continue;
        const bool continues = inside.size() < run.members.size();
        if (inside.size() >= 2 || continues) {
            out.push_back({std::move(inside), rule_of(run), continues});
        } else {
            dates.members.push_back(inside.front());
        }
    }
    if (!dates.members.empty()) out.push_back(std::move(dates));
    return out;
}

}  // namespace

component_ptr build_vtimezone(const std::string& tzid, year first_year, year last_year) {
    // Local midnight of 1 January is within a day of UTC midnight.
    const sys_seconds span_start = sys_days{first_year / January / 1} - days{1};
    const sys_seconds span_end = sys_days{(last_year + years{1}) / January / 1} + days{1};
    const zone_history h = load_zone_history(tzid, span_start, span_end + lookahead);

    component_ptr vtimezone{icalcomponent_new_vtimezone()};
    icalcomponent_add_property(vtimezone.get(), icalproperty_new_tzid(tzid.c_str()));

    std::vector<observance> observances;
    for (const auto& [kind, list] : group_by_kind(h)) {
        for (auto& o : plan_group(split_into_runs(list), span_end)) observances.push_back(std::move(o));
    }
    if (observances.empty()) {
        icalcomponent_add_component(vtimezone.get(), make_fixed_observance(h, first_year));
        return vtimezone;
    }
    std::sort(observances.begin(), observances.end(), [](const observance& a, const observance& b) {
        return a.members.front()->at < b.members.front()->at;
    });
    for (const auto& o : observances) icalcomponent_add_component(vtimezone.get(), make_observance(o));
    return vtimezone;
}

}  // namespace cadenced::ical
