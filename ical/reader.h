#pragma once
// Reads iCalendar text back into plain values through libical: tests use it
// to check what the writer produced, and it is the start of reading feeds.
// Only the properties cadenced writes are collected.

#include "ical/errors.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::ical {

/// ORGANIZER or ATTENDEE. Absent parameters are empty strings.
struct parsed_address {
    std::string address;      ///< "mailto:ceo@example.com"
    std::string common_name;  ///< CN
    std::string role;         ///< ROLE, e.g. "REQ-PARTICIPANT"
    std::string partstat;     ///< PARTSTAT, e.g. "NEEDS-ACTION"
    std::string rsvp;         ///< RSVP, "TRUE" or "FALSE"
};

/// DTSTART or DTEND.
struct parsed_time {
    std::string text;  ///< as written: "20270202T100000", "...Z" or "20270202"
    std::string tzid;  ///< TZID parameter; empty for dates and UTC times
    bool is_date = false;
    /// For a date-time: the instant, computed by libical, through the
    /// calendar's own VTIMEZONE for a TZID. Missing for a floating time or
    /// a TZID without VTIMEZONE (which also adds to parsed_calendar::errors).
    std::optional<std::chrono::sys_seconds> utc;
    /// For a date (VALUE=DATE).
    std::optional<std::chrono::year_month_day> date;
};

struct parsed_alarm {
    std::string action;       ///< "DISPLAY"
    std::string trigger;      ///< as written, e.g. "-PT15M"
    std::string description;
};

struct parsed_event {
    std::string uid;
    std::string stamp;  ///< DTSTAMP as written
    std::optional<parsed_time> start;
    std::optional<parsed_time> end;
    std::string summary;
    std::string description;
    std::string location;
    std::string classification;  ///< CLASS
    std::string status;
    std::string transparency;    ///< TRANSP
    std::optional<int> sequence;
    /// As libical splits them; libical 3.0.16 does not split a list after
    /// an escaped character ("A\;B,C" gives one value "A;B,C").
    std::vector<std::string> categories;
    std::optional<parsed_address> organizer;
    std::vector<parsed_address> attendees;
    std::vector<parsed_alarm> alarms;
    /// X- properties by name (text unescaped), e.g. "X-CADENCED-KIND".
    std::map<std::string, std::string> x_properties;
    std::string html_format;  ///< FMTTYPE of X-ALT-DESC
};

/// A STANDARD or DAYLIGHT sub-component of a VTIMEZONE.
struct parsed_observance {
    bool daylight = false;
    std::string start;  ///< DTSTART as written
    int offset_from = 0;  ///< seconds east of UTC
    int offset_to = 0;
    std::string name;  ///< TZNAME
    std::vector<std::string> rrules;  ///< as written
    std::vector<std::string> rdates;  ///< as written
};

struct parsed_timezone {
    std::string tzid;
    std::vector<parsed_observance> observances;
    /// Every property name of the VTIMEZONE itself, e.g. to spot X-LIC-LOCATION.
    std::vector<std::string> property_names;
};

struct parsed_calendar {
    std::string product_id;
    std::string version;
    std::string calscale;
    std::string method;
    std::string name;         ///< NAME
    std::string description;  ///< DESCRIPTION
    std::string refresh_interval;  ///< REFRESH-INTERVAL as written
    std::map<std::string, std::string> x_properties;  ///< X-WR-CALNAME, ...
    std::vector<parsed_timezone> timezones;  ///< in file order
    std::vector<parsed_event> events;
    /// What libical could not parse (its X-LIC-ERROR texts) and TZIDs without
    /// a VTIMEZONE; empty for a valid calendar.
    std::vector<std::string> errors;
};

/// The first VCALENDAR in `text`. Throws parse_error if there is none.
parsed_calendar read_calendar(std::string_view text);

}  // namespace cadenced::ical
