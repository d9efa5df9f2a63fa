#include "ical/zone_history.h"

#include "ical/posix_tz.h"

#include <date/tz.h>

#include <fstream>
#include <iterator>

namespace cadenced::ical {

using namespace std::chrono;

namespace {

// Where HH date's OS database reads its TZif files on Linux.
constexpr const char* zoneinfo_dir = "/usr/share/zoneinfo";

// HH date marks "no further transition" with an end in the year 32767.
bool is_last_listed(const date::sys_info& info) {
    return info.end >= sys_days{year{9999} / January / 1};
}

struct period {
    seconds offset{0};
    std::string abbrev;
    bool dst = false;

    bool operator==(const period&) const = default;
};

period period_of(const date::sys_info& info) {
    return {info.offset, info.abbrev, info.save != minutes{0}};
}

void add_transition(zone_history& h, period& current, sys_seconds at, period next) {
    if (next == current) return;
    h.transitions.push_back({at, current.offset, next.offset, next.abbrev,
                             next.dst && next.offset > current.offset});
    current = std::move(next);
}

std::optional<posix_tz> footer_rule(const std::string& zone_name) {
    std::ifstream in{std::string{zoneinfo_dir} + "/" + zone_name, std::ios::binary};
    if (!in) return std::nullopt;
    const std::string bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    const auto footer = tzif_footer(bytes);
    if (!footer) return std::nullopt;
    return parse_posix_tz(*footer);
}

period standard_period(const posix_tz& rule) {
    return {rule.std_offset, rule.std_abbrev, false};
}

period daylight_period(const posix_tz& rule) {
    return {rule.dst->offset, rule.dst->abbrev, true};
}

// The period the rule puts `t` in: the one started by its last change at or
// before `t`.
period rule_period_at(const posix_tz& rule, sys_seconds t) {
    const auto y = year_month_day{floor<days>(t)}.year();
    bool dst = false;
    for (const auto in : {y - years{1}, y}) {
        for (const auto& change : changes_in_year(rule, in)) {
            if (change.at <= t) dst = change.to_dst;
        }
    }
    return dst ? daylight_period(rule) : standard_period(rule);
}

// Continues `h` from the last listed transition (`since`) to `to` with the
// zone's POSIX rule.
void extend_with_rule(zone_history& h, period& current, const posix_tz& rule, sys_seconds since,
                      sys_seconds to) {
    const auto first_year = year_month_day{floor<days>(since)}.year();
    const auto last_year = year_month_day{floor<days>(to)}.year() + years{1};
    for (auto y = first_year; y <= last_year; ++y) {
        for (const auto& change : changes_in_year(rule, y)) {
            if (change.at <= since) continue;
            if (change.at >= to) return;
            add_transition(h, current, change.at, change.to_dst ? daylight_period(rule) : standard_period(rule));
        }
    }
}

}  // namespace

std::optional<std::string> tzif_footer(std::string_view bytes) {
    // Header: "TZif", then the version: NUL for version 1, which has no footer.
    if (bytes.size() < 44 || !bytes.starts_with("TZif") || bytes[4] == '\0') return std::nullopt;
    // The footer is the last line: NL, the TZ string (no NL in it), NL.
    if (bytes.back() != '\n') return std::nullopt;
    const auto start = bytes.rfind('\n', bytes.size() - 2);
    if (start == std::string_view::npos) return std::nullopt;
    return std::string{bytes.substr(start + 1, bytes.size() - start - 2)};
}

zone_history load_zone_history(const std::string& name, sys_seconds from, sys_seconds to) {
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(name);
    } catch (const std::runtime_error&) {
        throw unknown_zone_error{"unknown time zone \"" + name + "\""};
    }

    zone_history h;
    auto info = zone->get_info(from);
    period current = period_of(info);
    period initial = current;
    while (!is_last_listed(info) && info.end < to) {
        const auto next = zone->get_info(info.end);
        add_transition(h, current, info.end, period_of(next));
        info = next;
    }
    // The last listed period seems to last for ever; the rule says how it
    // really goes on.
    if (is_last_listed(info)) {
        if (const auto rule = footer_rule(zone->name()); rule && rule->dst) {
            if (from > info.begin) {
                // `from` is past every listed transition: only the rule knows its offset.
                current = initial = rule_period_at(*rule, from);
            }
            extend_with_rule(h, current, *rule, std::max(info.begin, from), to);
        }
    }
    h.initial_offset = initial.offset;
    h.initial_abbrev = initial.abbrev;
    return h;
}

}  // namespace cadenced::ical
