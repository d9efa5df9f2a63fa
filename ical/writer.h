#pragma once
// Writes occurrences as an RFC 5545 VCALENDAR through libical.

#include "ical/errors.h"
#include "schedule/occurrence.h"

#include <chrono>
#include <string>
#include <vector>

namespace cadenced::ical {

struct calendar_info {
    std::string name;         ///< NAME and X-WR-CALNAME
    std::string description;  ///< DESCRIPTION / X-WR-CALDESC, may be empty
    std::string timezone;     ///< X-WR-TIMEZONE (the rhythm's zone)
    std::chrono::minutes refresh_interval{12 * 60};
    /// DTSTAMP of every event: the export's "now", so that the same input
    /// and the same now give the same bytes.
    std::chrono::sys_seconds stamp;
    std::string product_id = "-//cadenced//cadenced//EN";
};

/// The whole VCALENDAR, CRLF line ends, folded at 75 octets (never inside a
/// UTF-8 sequence). The same arguments always give the same bytes.
///
/// Calendar: PRODID, VERSION:2.0, CALSCALE:GREGORIAN, METHOD:PUBLISH, NAME and
/// X-WR-CALNAME (when `name` is set), DESCRIPTION and X-WR-CALDESC (when
/// `description` is set), X-WR-TIMEZONE (`timezone`, "UTC" when empty),
/// REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (when `refresh_interval`
/// is positive).
///
/// Time zones: one VTIMEZONE per zone in use (the calendar's zone and the
/// zone of every timed event), its TZID the plain IANA name, built from the
/// system tz database for the years of the events plus one on each side.
/// Events in UTC (names such as "UTC", "Etc/UTC") are written as UTC "Z"
/// times and need no VTIMEZONE. An occurrence with an empty zone uses the
/// calendar's.
///
/// Each event, in the given order: UID, DTSTAMP (`stamp`), DTSTART and DTEND
/// (TZID=<zone> wall-clock times, or VALUE=DATE with DTEND the day after for
/// all-day events), SUMMARY, DESCRIPTION (schedule::render_text),
/// X-ALT-DESC;FMTTYPE=text/html (an HTML document around
/// schedule::render_html), LOCATION, CLASS (CONFIDENTIAL or PUBLIC),
/// CATEGORIES, ORGANIZER and ATTENDEEs (only people with an email),
/// SEQUENCE:0, STATUS:CONFIRMED, TRANSP (TRANSPARENT for all-day deadlines,
/// OPAQUE otherwise), X-CADENCED-KIND (the meeting id), and a VALARM
/// (ACTION:DISPLAY, TRIGGER:-PT<n>M, DESCRIPTION:Reminder) when
/// `reminder_minutes` is set. Empty texts are left out. Control characters
/// other than line breaks and tabs are dropped from every text.
///
/// Throws unknown_zone_error for a zone the tz database does not know.
std::string write_calendar(const calendar_info& info,
                           const std::vector<schedule::occurrence>& events);

}  // namespace cadenced::ical
