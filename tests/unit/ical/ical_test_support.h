#pragma once
// Helpers shared by the ical tests: hand-built occurrences, the physical and
// logical lines of an ICS text, and instants computed two independent ways.

#include "ical/ical_time.h"
#include "schedule/occurrence.h"

#include <date/tz.h>
#include <libical/ical.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ical_test {

using namespace std::chrono;

/// "2027-03-14" (GCC 12 cannot print chrono calendar types).
inline std::string iso(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

inline local_seconds at(year_month_day d, hours h, minutes m = minutes{0}) {
    return local_days{d} + h + m;
}

inline cadenced::schedule::occurrence timed(std::string uid, std::string zone, local_seconds start,
                                            minutes length = minutes{60}) {
    cadenced::schedule::occurrence o;
    o.uid = std::move(uid);
    o.meeting_id = "test-meeting";
    o.title = "Test meeting";
    o.timezone = std::move(zone);
    o.date = floor<days>(start);
    o.start = start;
    o.end = start + length;
    return o;
}

inline cadenced::schedule::occurrence all_day(std::string uid, std::string zone, year_month_day day) {
    cadenced::schedule::occurrence o;
    o.uid = std::move(uid);
    o.meeting_id = "test-deadline";
    o.title = "Test deadline";
    o.timezone = std::move(zone);
    o.all_day = true;
    o.date = local_days{day};
    o.start = local_seconds{local_days{day}};
    o.end = local_seconds{local_days{day} + days{1}};
    return o;
}

/// The physical lines of `text` without their CRLF; a final piece without
/// CRLF is returned too (and fails the CRLF checks).
inline std::vector<std::string> physical_lines(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const auto end = text.find("\r\n");
        lines.emplace_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 2);
    }
    return lines;
}

/// RFC 5545 unfolding: removes every CRLF followed by a space or tab.
inline std::string unfold(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i).starts_with("\r\n ") || text.substr(i).starts_with("\r\n\t")) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

/// The logical (unfolded) content lines of `text`.
inline std::vector<std::string> content_lines(std::string_view text) {
    return physical_lines(unfold(text));
}

/// The first unfolded line starting with `prefix` inside the first VEVENT, or "".
inline std::string event_line(std::string_view text, std::string_view prefix) {
    bool inside = false;
    for (auto& line : content_lines(text)) {
        if (line == "BEGIN:VEVENT") inside = true;
        if (inside && line.starts_with(prefix)) return line;
    }
    return {};
}

inline bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The instant of wall-clock time `t` in `zone` according to HH date.
inline sys_seconds date_instant(const std::string& zone, local_seconds t) {
    const date::zoned_time<seconds> zoned{zone, date::local_seconds{t.time_since_epoch()}, date::choose::earliest};
    return zoned.get_sys_time();
}

/// Whether `t` exists exactly once in `zone` (not skipped, not repeated).
inline bool is_unique_local_time(const std::string& zone, local_seconds t) {
    const auto* z = date::locate_zone(zone);
    return z->get_info(date::local_seconds{t.time_since_epoch()}).result == date::local_info::unique;
}

/// libical's instant of wall-clock time `t` through a VTIMEZONE given as text.
class libical_zone {
public:
    explicit libical_zone(const std::string& vtimezone_text) {
        icalcomponent* c = icalparser_parse_string(vtimezone_text.c_str());
        zone_ = icaltimezone_new();
        icaltimezone_set_component(zone_, c);  // the zone owns it from here
    }
    ~libical_zone() { icaltimezone_free(zone_, 1); }
    libical_zone(const libical_zone&) = delete;
    libical_zone& operator=(const libical_zone&) = delete;

    sys_seconds instant(local_seconds t) const {
        return sys_seconds{seconds{icaltime_as_timet_with_zone(cadenced::ical::local_date_time(t), zone_)}};
    }

private:
    icaltimezone* zone_ = nullptr;
};

}  // namespace ical_test
