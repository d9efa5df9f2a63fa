#pragma once
// std::chrono values as libical time values. Internal to ical/.

#include <libical/ical.h>

#include <chrono>

namespace cadenced::ical {

/// A DATE-TIME without zone ("20270202T100000"); a TZID parameter or the
/// enclosing observance gives it its meaning.
icaltimetype local_date_time(std::chrono::local_seconds t);

/// A DATE ("20270202").
icaltimetype date_value(std::chrono::local_days d);

/// A DATE-TIME in UTC ("20270202T100000Z").
icaltimetype utc_date_time(std::chrono::sys_seconds t);

}  // namespace cadenced::ical
