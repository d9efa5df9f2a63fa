#include "providers/iso_text.h"

#include <cstdio>

namespace cadenced::providers {

using namespace std::chrono;

std::string iso_date(local_days d) {
    const year_month_day ymd{d};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return out;
}

std::string iso_date_time(local_seconds t) {
    const auto day = floor<days>(t);
    const hh_mm_ss time{t - day};
    char out[32];
    std::snprintf(out, sizeof out, "%sT%02d:%02d:%02d", iso_date(day).c_str(), static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
    return out;
}

std::string iso_utc_date_time(sys_seconds t) { return iso_date_time(local_seconds{t.time_since_epoch()}); }

}  // namespace cadenced::providers
