#pragma once
// std::chrono values as libical time values. Internal to ical/.

#include <libical/ical.h>

#include <chrono>
#include <string>

namespace cadenced::ical {

/// A DATE-TIME without zone ("20270202T100000"); a TZID parameter or the
/// enclosing observance gives it its meaning.
icaltimetype local_date_time(std::chrono::local_seconds t);

/// A DATE ("20270202").
icaltimetype date_value(std::chrono::local_days d);

/// A DATE-TIME in UTC ("20270202T100000Z").
icaltimetype utc_date_time(std::chrono::sys_seconds t);

/// The text of a DATE value, "20270202", as libical writes it.
std::string date_text(std::chrono::local_days d);

/// The text of a DATE-TIME value without zone, "20270202T100000".
std::string date_time_text(std::chrono::local_seconds t);

}  // namespace cadenced::ical
