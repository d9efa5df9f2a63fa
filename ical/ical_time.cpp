#include "ical/ical_time.h"

namespace cadenced::ical {

using namespace std::chrono;

namespace {

icaltimetype fields(local_seconds t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    icaltimetype v = icaltime_null_time();
    v.year = static_cast<int>(ymd.year());
    v.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    v.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    v.hour = static_cast<int>(hms.hours().count());
    v.minute = static_cast<int>(hms.minutes().count());
    v.second = static_cast<int>(hms.seconds().count());
    return v;
}

}  // namespace

icaltimetype local_date_time(local_seconds t) {
    icaltimetype v = fields(t);
    v.is_date = 0;
    v.zone = nullptr;
    return v;
}

icaltimetype date_value(local_days d) {
    icaltimetype v = fields(local_seconds{d});
    v.is_date = 1;
    v.hour = v.minute = v.second = 0;
    return v;
}

icaltimetype utc_date_time(sys_seconds t) {
    icaltimetype v = fields(local_seconds{t.time_since_epoch()});
    v.is_date = 0;
    v.zone = icaltimezone_get_utc_timezone();
    return v;
}

namespace {

void put_digits(std::string& out, long long value, int width) {
    char buf[24];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buf, static_cast<std::size_t>(width));
}

}  // namespace

std::string date_text(std::chrono::local_days d) {
    const std::chrono::year_month_day ymd{d};
    std::string out;
    out.reserve(8);
    put_digits(out, static_cast<int>(ymd.year()), 4);
    put_digits(out, static_cast<unsigned>(ymd.month()), 2);
    put_digits(out, static_cast<unsigned>(ymd.day()), 2);
    return out;
}

std::string date_time_text(std::chrono::local_seconds t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const hh_mm_ss time{t - day};
    std::string out = date_text(day);
    out += 'T';
    put_digits(out, time.hours().count(), 2);
    put_digits(out, time.minutes().count(), 2);
    put_digits(out, time.seconds().count(), 2);
    return out;
}

}  // namespace cadenced::ical
