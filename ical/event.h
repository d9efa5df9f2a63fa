#pragma once
// Occurrences as VEVENT content lines. Internal to ical/.

#include "ical/libical_ptr.h"
#include "schedule/occurrence.h"

#include <chrono>
#include <string>
#include <unordered_map>

namespace cadenced::ical {

/// How an event's wall-clock times are written.
struct event_zone {
    std::string tzid;  ///< TZID parameter of DTSTART/DTEND; unused when utc
    bool utc = false;  ///< write UTC "Z" times instead (the zone is UTC)
};

/// Writes VEVENTs, each property built and serialised by libical.
///
/// libical needs a few hundred nanoseconds per property however short, so a
/// property line that recurs across events (DTSTAMP, CLASS, ORGANIZER, each
/// ATTENDEE, CATEGORIES, X-CADENCED-KIND, the VALARM, ...) is serialised once
/// per writer and its text reused; the bytes are the same either way. Only
/// UID, DTSTART, DTEND, SUMMARY, DESCRIPTION and X-ALT-DESC are serialised
/// per event, each through one property object that gets a new value per
/// event. Not thread-safe; use one writer per thread.
class event_writer {
public:
    explicit event_writer(std::chrono::sys_seconds stamp);

    /// Appends the VEVENT of `o` to `out` as folded CRLF content lines. See
    /// write_calendar() in writer.h for its properties. A timed event whose
    /// end is not after its start gets no DTEND (RFC 5545: it then ends when
    /// it starts); an all-day event ends at the later of the day after
    /// `o.date` and the day of `o.end`.
    void append(std::string& out, const schedule::occurrence& o, const event_zone& zone);

private:
    /// DTSTART and DTEND of one way of writing times.
    /// The DTSTART and DTEND lines up to their value ("DTSTART;TZID=...:"),
    /// as libical writes them, for one kind of time value.
    struct time_heads {
        std::string start;
        std::string end;
    };

    template <class Make>
    const std::string& repeated(std::string key, Make make);

    void append_times(std::string& out, const schedule::occurrence& o, const event_zone& zone);
    void append_people(std::string& out, const schedule::occurrence& o);
    const time_heads& heads_for(const std::string& key, const char* tzid, icaltimetype sample);

    std::string begin_;  ///< "BEGIN:VEVENT" line
    std::string end_;    ///< "END:VEVENT" line
    std::string stamp_;  ///< DTSTAMP line
    std::string dtstamp_head_;        ///< "DTSTAMP:"
    std::string last_modified_head_;  ///< "LAST-MODIFIED:"
    /// Content lines of recurring properties, by what they were made from.
    std::unordered_map<std::string, std::string> lines_;

    /// By "tzid:<TZID>", "date" or "utc".
    std::unordered_map<std::string, time_heads> times_;
};

/// X-ALT-DESC's value: a minimal HTML document around render_html(o).
std::string html_document(const schedule::occurrence& o);

}  // namespace cadenced::ical
