#pragma once
// Errors of the iCalendar library.

#include <stdexcept>

namespace cadenced::ical {

/// Base of every error thrown by cadenced::ical.
class ical_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A time zone name the system tz database does not know, e.g.
/// `unknown time zone "Mars/Olympus_Mons"`. Config validation rejects such
/// names first; this is the last line of defence.
class unknown_zone_error : public ical_error {
public:
    using ical_error::ical_error;
};

/// Text that libical cannot parse as a VCALENDAR (reader.h).
class parse_error : public ical_error {
public:
    using ical_error::ical_error;
};

}  // namespace cadenced::ical
