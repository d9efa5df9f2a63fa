#include "ical/writer.h"

#include "ical/content_lines.h"
#include "ical/event.h"
#include "ical/libical_ptr.h"
#include "ical/text.h"
#include "ical/vtimezone.h"
#include "ical/x_property.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace cadenced::ical {

using namespace std::chrono;

namespace {

// Names of the tz database's UTC zone and its links.
bool is_utc(std::string_view zone) {
    static constexpr std::array<std::string_view, 8> names{
        "UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT"};
    return std::find(names.begin(), names.end(), zone) != names.end();
}

const std::string& zone_of(const schedule::occurrence& o, const std::string& calendar_zone) {
    return o.timezone.empty() ? calendar_zone : o.timezone;
}

// The zones that need a VTIMEZONE: the calendar's first, then the others by name.
std::vector<std::string> zones_in_use(const std::vector<schedule::occurrence>& events,
                                      const std::string& calendar_zone) {
    std::set<std::string> others;
    for (const auto& o : events) {
        const auto& zone = zone_of(o, calendar_zone);
        if (!o.all_day && !is_utc(zone) && zone != calendar_zone) others.insert(zone);
    }
    std::vector<std::string> zones;
    if (!is_utc(calendar_zone)) zones.push_back(calendar_zone);
    zones.insert(zones.end(), others.begin(), others.end());
    return zones;
}

struct year_span {
    year first;
    year last;
};

// The civil years the events touch; the stamp's year when there are none.
year_span years_of(const std::vector<schedule::occurrence>& events, sys_seconds stamp) {
    const year stamp_year = year_month_day{floor<days>(stamp)}.year();
    if (events.empty()) return {stamp_year, stamp_year};
    year_span span{year::max(), year::min()};
    auto take = [&](local_days d) {
        const year y = year_month_day{d}.year();
        span.first = std::min(span.first, y);
        span.last = std::max(span.last, y);
    };
    for (const auto& o : events) {
        if (o.all_day) {
            take(o.date);
        } else {
            take(floor<days>(o.start));
            take(floor<days>(std::max(o.start, o.end)));
        }
    }
    return span;
}

component_ptr make_calendar(const calendar_info& info, const std::string& calendar_zone) {
    component_ptr calendar{icalcomponent_new_vcalendar()};
    icalcomponent* c = calendar.get();
    icalcomponent_add_property(c, icalproperty_new_prodid(clean_text(info.product_id).c_str()));
    icalcomponent_add_property(c, icalproperty_new_version("2.0"));
    icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(c, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    if (const auto name = clean_text(info.name); !name.empty()) {
        icalcomponent_add_property(c, icalproperty_new_name(name.c_str()));
        icalcomponent_add_property(c, new_x_property("X-WR-CALNAME", name));
    }
    if (const auto description = clean_text(info.description); !description.empty()) {
        icalcomponent_add_property(c, icalproperty_new_description(description.c_str()));
        icalcomponent_add_property(c, new_x_property("X-WR-CALDESC", description));
    }
    icalcomponent_add_property(c, new_x_property("X-WR-TIMEZONE", calendar_zone));
    if (info.refresh_interval > minutes{0}) {
        const auto interval = icaldurationtype_from_int(static_cast<int>(seconds{info.refresh_interval}.count()));
        icalcomponent_add_property(c, icalproperty_new_refreshinterval(interval));
        // Older clients (Outlook among them) read only this one.
        const buffer_ptr ttl{icaldurationtype_as_ical_string_r(interval)};
        icalcomponent_add_property(c, new_x_property("X-PUBLISHED-TTL", ttl.get()));
    }
    return calendar;
}

}  // namespace

std::string write_calendar(const calendar_info& info, const std::vector<schedule::occurrence>& events) {
    const std::string calendar_zone = info.timezone.empty() ? "UTC" : info.timezone;
    const year_span span = years_of(events, info.stamp);

    component_ptr calendar = make_calendar(info, calendar_zone);
    // libical puts each VTIMEZONE added at the head of the components, so
    // adding them last to first writes them first to last.
    const auto zones = zones_in_use(events, calendar_zone);
    for (auto zone = zones.rbegin(); zone != zones.rend(); ++zone) {
        icalcomponent_add_component(calendar.get(),
                                    build_vtimezone(*zone, span.first - years{1}, span.last + years{1}).release());
    }

    // Serialising one VCALENDAR holding every event is slower than linear in
    // libical, so the events are written one by one (event.h) between the
    // calendar's head and its END line.
    const buffer_ptr head = serialise(calendar.get());
    const std::string_view head_text{head.get()};
    constexpr std::string_view end_line = "END:VCALENDAR";
    const auto end_at = head_text.rfind(end_line);

    // Generous, so that the text is never copied to grow: a buffer this big
    // comes from mmap, and pages never written cost address space, not memory.
    std::string out;
    out.reserve(head_text.size() + events.size() * 2048);
    append_content_lines(out, head_text.substr(0, end_at));
    event_writer writer{info.stamp};
    for (const auto& o : events) {
        const auto& zone = zone_of(o, calendar_zone);
        writer.append(out, o, {zone, is_utc(zone)});
    }
    append_content_lines(out, head_text.substr(end_at));
    return out;
}

}  // namespace cadenced::ical
