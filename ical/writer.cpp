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
#include <exception>
#include <string_view>
#include <thread>
#include <vector>

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

// Appends the VEVENTs of events[first, last) in order, by one writer.
void write_event_range(std::string& out, sys_seconds stamp, const std::vector<schedule::occurrence>& events,
                       std::size_t first, std::size_t last, const std::string& calendar_zone) {
    // Events of one rhythm are alike in size, so the buffer is grown ahead
    // of need to what those written so far say the rest will take, and a
    // quarter more: the text is then copied to grow about once, not once per
    // doubling. Room reserved and never written costs no memory, since a
    // buffer this big comes from mmap and its pages are only mapped in when
    // touched.
    constexpr std::size_t first_guess = 16 * 1024;
    const std::size_t start = out.size();
    out.reserve(start + first_guess);
    event_writer writer{stamp};
    for (std::size_t i = first; i < last; ++i) {
        const auto& zone = zone_of(events[i], calendar_zone);
        writer.append(out, events[i], {zone, is_utc(zone)});
        const std::size_t written = i - first + 1, left = last - i - 1;
        const std::size_t average = (out.size() - start) / written;
        if (left > 0 && out.capacity() - out.size() < 2 * average) out.reserve(out.size() + (left + left / 4 + 1) * average);
    }
}

// Events are independent, so a large calendar is written in contiguous
// slices on every core, each by its own writer (its own libical objects),
// and the slices joined in order: the same bytes as one writer would give.
void write_events(std::string& out, sys_seconds stamp, const std::vector<schedule::occurrence>& events,
                  const std::string& calendar_zone) {
    // Starting a thread (and the malloc arena it then makes) costs more
    // than writing a few hundred events, so only long calendars are split:
    // the default export is written on the calling thread alone.
    constexpr std::size_t min_events_per_slice = 1000;
    const std::size_t cores = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    const std::size_t slices = std::max<std::size_t>(1, std::min(cores, events.size() / min_events_per_slice));
    if (slices == 1) {
        write_event_range(out, stamp, events, 0, events.size(), calendar_zone);
        return;
    }

    std::vector<std::string> parts(slices);
    std::vector<std::exception_ptr> errors(slices);
    std::vector<std::thread> threads;
    const std::size_t per_slice = (events.size() + slices - 1) / slices;
    for (std::size_t s = 0; s < slices; ++s) {
        const std::size_t first = s * per_slice, last = std::min(events.size(), first + per_slice);
        auto work = [&, s, first, last] {
            try {
                write_event_range(parts[s], stamp, events, first, last, calendar_zone);
            } catch (...) {
                errors[s] = std::current_exception();
            }
        };
        if (s + 1 == slices) work();  // the calling thread takes the last slice
        else threads.emplace_back(work);
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    std::size_t total = out.size();
    for (const auto& p : parts) total += p.size();
    out.reserve(total);
    for (auto& p : parts) {
        out += p;
        std::string{}.swap(p);  // give the memory back as we go
    }
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
    append_content_lines(out, head_text.substr(0, end_at));
    write_events(out, info.stamp, events, calendar_zone);
    append_content_lines(out, head_text.substr(end_at));
    return out;
}

}  // namespace cadenced::ical
