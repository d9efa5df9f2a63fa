#include "daemon/web/dates.h"

#include "schedule/agenda_render.h"
#include "schedule/placeholders.h"

#include <array>

namespace cadenced::web {

using namespace std::chrono;

namespace {

constexpr std::array<std::string_view, 7> weekday_abbr{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> month_abbr{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void append_padded(std::string& out, unsigned value, int width) {
    std::string digits = std::to_string(value);
    for (int i = static_cast<int>(digits.size()); i < width; ++i) out += '0';
    out += digits;
}

}  // namespace

std::string iso_date(local_days d) {
    const year_month_day ymd{d};
    std::string out;
    append_padded(out, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
    out += '-';
    append_padded(out, static_cast<unsigned>(ymd.month()), 2);
    out += '-';
    append_padded(out, static_cast<unsigned>(ymd.day()), 2);
    return out;
}

std::string_view short_weekday(weekday wd) { return weekday_abbr[wd.c_encoding()]; }

std::string_view month_name(month m) { return month_names[static_cast<unsigned>(m) - 1]; }

std::string short_date(local_days d) {
    const year_month_day ymd{d};
    std::string out{short_weekday(weekday{d})};
    out += ' ';
    out += std::to_string(static_cast<unsigned>(ymd.day()));
    out += ' ';
    out += month_abbr[static_cast<unsigned>(ymd.month()) - 1];
    return out;
}

std::string time_span(const schedule::occurrence& o) {
    if (o.all_day) return {};
    return schedule::clock_time(o.start) + "-" + schedule::clock_time(o.end);
}

std::string when_text(const schedule::occurrence& o) {
    std::string out = schedule::long_date(year_month_day{o.date});
    if (o.all_day) {
        // An all-day block of several days is one occurrence per day, so the
        // end is always the midnight after `date`; say so only if it is not.
        const auto last = floor<days>(o.end) - days{1};
        if (last > o.date) out += " to " + schedule::long_date(year_month_day{last});
        out += " (all day)";
        return out;
    }
    out += ", " + schedule::clock_time(o.start) + "-";
    const auto end_day = floor<days>(o.end);
    if (end_day > o.date) out += schedule::long_date(year_month_day{end_day}) + ", ";
    out += schedule::clock_time(o.end);
    if (!o.timezone.empty()) out += " (" + o.timezone + ")";
    return out;
}

}  // namespace cadenced::web
