#pragma once
// One generated event, with everything a writer (ICS, provider, HTML page)
// needs: no writer goes back to the rhythm.

#include "schedule/fiscal_calendar.h"
#include "schedule/rhythm.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cadenced::schedule {

/// An agenda item with its clock times computed (untimed items have none).
struct timed_item {
    std::string title;
    std::string owner;  ///< the owner's role title ("Head of Sales"), or empty
    std::optional<std::chrono::local_seconds> start;
    std::optional<std::chrono::local_seconds> end;
    std::vector<std::string> notes;
};

struct timed_agenda {
    std::string title;  ///< the day's title, e.g. "Day 1 - Context"
    std::vector<timed_item> items;
};

/// Why an occurrence carries a note: it hosts a folded meeting, it took the
/// place of another meeting, or it was moved off a holiday.
enum class remark_kind { folded_in, replaces, moved };

struct remark {
    remark_kind kind;
    std::string meeting_id;  ///< the other meeting (folded_in, replaces)
    std::string text;        ///< one human sentence, already expanded
};

struct occurrence {
    /// Stable identity: the same meeting in the same fiscal quarter (and
    /// month / block day) keeps its UID across runs and config edits,
    /// e.g. "cadence-call-FY2028-Q1@cadenced".
    std::string uid;
    std::string meeting_id;
    fiscal_quarter quarter;
    int month_of_quarter = 1;  ///< of the civil month it was planned in

    std::string title;
    std::string description;
    std::string location;
    std::string timezone;  ///< IANA name

    bool all_day = false;
    std::chrono::local_days date;         ///< first (only) day
    std::chrono::local_seconds start;     ///< wall clock in `timezone`
    std::chrono::local_seconds end;       ///< all-day: midnight after
    int day_index = 1;                    ///< 1-based day of a block
    int day_count = 1;

    timed_agenda agenda;
    std::vector<remark> remarks;

    bool confidential = false;
    std::optional<person> organizer;
    std::vector<person> attendees;
    std::vector<std::string> categories;
    std::optional<int> reminder_minutes;

    /// Revision, kept by whoever remembers earlier versions (the daemon's
    /// store): SEQUENCE goes up and last_modified moves when the content
    /// changes, so subscribed clients notice a moved meeting. Generation
    /// leaves them at 0 / unset.
    int sequence = 0;
    std::optional<std::chrono::sys_seconds> last_modified;
};

/// A digest of everything a subscriber sees of `o` except its revision: equal
/// fingerprints mean nothing visible changed. 32 hex digits.
std::string fingerprint(const occurrence& o);

}  // namespace cadenced::schedule
