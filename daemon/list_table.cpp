#include "daemon/list_table.h"

#include "schedule/agenda_render.h"

#include <array>
#include <cstdio>

namespace cadenced::cli {

using namespace std::chrono;

namespace {

constexpr std::array<const char*, 7> weekday_abbrev{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// Code points, which is the display width for the scripts a title uses in
// practice; wide CJK characters would need wcwidth and a locale.
std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string date_cell(local_days d) {
    const year_month_day ymd{d};
    char buf[24];
    std::snprintf(buf, sizeof buf, "%s %04d-%02u-%02u", weekday_abbrev[weekday{d}.c_encoding()],
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string time_cell(const schedule::occurrence& o) {
    if (o.all_day) return "all day";
    return schedule::clock_time(o.start) + "-" + schedule::clock_time(o.end);
}

}  // namespace

std::string list_table(const std::vector<schedule::occurrence>& events) {
    using row = std::array<std::string, 5>;
    std::vector<row> rows{{"DATE", "TIME", "ZONE", "MEETING", "QUARTER"}};
    for (const auto& o : events)
        rows.push_back({date_cell(o.date), time_cell(o), o.timezone, o.title, o.quarter.name()});

    std::array<std::size_t, 5> width{};
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], display_width(r[c]));

    std::string out;
    for (const auto& r : rows) {
        std::string line;
        for (std::size_t c = 0; c < r.size(); ++c) {
            line += r[c];
            if (c + 1 < r.size()) line.append(width[c] - display_width(r[c]) + 2, ' ');
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace cadenced::cli
