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

}  // namespace cadenced::ical
