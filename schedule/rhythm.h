#pragma once
// The rhythm: every series (meeting definition) of an operating rhythm, as
// plain values. config/ builds one from TOML; generate() in schedule.h turns it
// into occurrences.
//
// Vocabulary used throughout the core:
//   series      one meeting definition ("cadence-call"), with its rule, times
//               and agenda. Called "meeting" in the config and in this code.
//   rule        how a series picks its dates: a calendar rule (n-th weekday of
//               month k of each fiscal quarter, weekday nearest day D, explicit
//               dates) or a relative rule (N days before / the next Monday
//               after / the first working day after another meeting).
//   occurrence  one generated event: one date of one series (one per day for
//               multi-day blocks).
//   exception   a month in which a series does not meet: it is either
//               replaced by another meeting (the cadence call takes the
//               month-1 monthly meeting's place) or folded into another
//               meeting's agenda (the month-3 monthly meeting into the
//               offsite).
//   shift       the move of an occurrence that lands on a holiday or a
//               blackout date.
//   horizon     the date range an export or feed covers.
//
// Text fields (titles, descriptions, agenda item titles and notes) may hold
// placeholders, expanded per occurrence; see placeholders.h.

#include "schedule/fiscal_calendar.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cadenced::schedule {

/// Which day of a month a calendar rule picks.
struct nth_weekday {
    std::chrono::weekday weekday;
    /// 1-5, or -1 for the last one. A 5th weekday exists only in some months;
    /// in the others the series has no occurrence (as RFC 5545 BYDAY=5TU).
    int nth = 1;

    bool operator==(const nth_weekday&) const = default;
};

/// The `weekday` nearest to day `day` of the month: always within three days
/// of it, so e.g. Tuesday nearest day 15 is the one Tuesday on day 12-18.
struct nearest_weekday {
    std::chrono::weekday weekday;
    unsigned day = 15;

    bool operator==(const nearest_weekday&) const = default;
};

/// n-th (or last) weekday, or weekday nearest a day, in chosen months of
/// every fiscal quarter.
struct calendar_rule {
    std::variant<nth_weekday, nearest_weekday> day;
    /// Months of the quarter (1-3) the series meets in; {1,2,3} = monthly.
    std::vector<int> months_of_quarter{1};

    bool operator==(const calendar_rule&) const = default;
};

/// One-off dates, e.g. product release dates that marketing milestones hang off.
struct dates_rule {
    std::vector<std::chrono::year_month_day> dates;

    bool operator==(const dates_rule&) const = default;
};

enum class anchor_edge { start, end };

/// `days` calendar days from the anchor (negative = before).
struct day_offset {
    int days = 0;

    bool operator==(const day_offset&) const = default;
};
/// The nearest `weekday` strictly before (`after == false`) or strictly after
/// the anchor date.
struct weekday_step {
    std::chrono::weekday weekday;
    bool after = true;

    bool operator==(const weekday_step&) const = default;
};
/// The n-th working day after (n > 0) or before (n < 0) the anchor date;
/// working days are the rhythm's work week minus holidays.
struct working_day_step {
    int n = 1;

    bool operator==(const working_day_step&) const = default;
};

/// Dates placed relative to each occurrence (or block) of another series.
struct relative_rule {
    std::string to;  ///< id of the anchor series
    anchor_edge edge = anchor_edge::start;
    std::variant<day_offset, weekday_step, working_day_step> step;

    bool operator==(const relative_rule&) const = default;
};

using series_rule = std::variant<calendar_rule, dates_rule, relative_rule>;

/// What happens to an occurrence that lands on a holiday or blackout day.
enum class shift_rule {
    next_working_day,      ///< later, to the first working day (default)
    previous_working_day,  ///< earlier, to the last working day
    next_week,             ///< same weekday(s), a week later, repeatedly
    skip,                  ///< no occurrence that time
    keep,                  ///< ignore holidays
};

struct agenda_item {
    std::string title;
    std::chrono::minutes duration{0};  ///< 0 = untimed
    std::string owner;                 ///< role id, e.g. "ceo"; may be empty
    std::vector<std::string> notes;    ///< sub-points, shown under the item
    std::vector<int> quarters;         ///< empty = every quarter

    bool operator==(const agenda_item&) const = default;
};

/// The agenda of one day; a multi-day series has one per day.
struct agenda_day {
    std::string title;  ///< e.g. "Day 1 - Context"; may be empty
    std::vector<agenda_item> items;

    bool operator==(const agenda_day&) const = default;
};

/// Where a series meets: a fixed place, or alternating between a travel and a
/// local place by quarter.
struct location_rule {
    std::string fixed;
    std::string travel;
    std::string local;
    std::vector<int> travel_quarters;  ///< quarters that use `travel`

    bool operator==(const location_rule&) const = default;
};

enum class exception_kind { replaced, folded };

/// A month of the quarter in which a series does not meet on its own.
struct series_exception {
    int month_of_quarter = 1;
    exception_kind kind = exception_kind::replaced;
    std::string by;  ///< id of the series that replaces it or hosts it

    bool operator==(const series_exception&) const = default;
};

struct series {
    std::string id;
    std::string title;
    std::string description;
    series_rule when;
    std::vector<int> quarters{1, 2, 3, 4};  ///< quarters it meets in
    std::vector<series_exception> exceptions;

    bool all_day = false;
    std::chrono::minutes start_time{10 * 60};  ///< minutes after midnight
    /// nullopt: the sum of the agenda's timed items (per day).
    std::optional<std::chrono::minutes> duration;
    int days = 1;  ///< consecutive days of a block
    std::optional<std::string> timezone;  ///< overrides the rhythm's zone

    std::vector<agenda_day> agenda;  ///< empty, one, or one per day
    std::optional<shift_rule> on_holiday;  ///< nullopt = rhythm default
    location_rule location;
    bool confidential = false;
    std::string organizer;               ///< role id
    std::vector<std::string> attendees;  ///< role ids or group names
    std::vector<std::string> categories;
    std::optional<int> reminder_minutes;

    bool operator==(const series&) const = default;
};

struct person {
    std::string role;   ///< role id, e.g. "head-of-sales"
    std::string title;  ///< role title, e.g. "Head of Sales"
    std::string name;
    std::string email;
    std::vector<std::string> groups;  ///< e.g. "elt": attendee lists may name a group

    bool operator==(const person&) const = default;
};

/// A holiday or blackout period: [first, last] inclusive.
struct holiday {
    std::chrono::year_month_day first;
    std::chrono::year_month_day last;
    std::string name;

    bool operator==(const holiday&) const = default;
};

struct rhythm {
    fiscal_calendar fiscal;
    std::string timezone = "UTC";
    std::string uid_domain = "cadenced";  ///< right-hand side of every UID
    std::vector<series> meetings;
    std::vector<holiday> holidays;
    shift_rule default_shift = shift_rule::next_working_day;
    /// Working days, indexed by weekday c_encoding (0 = Sunday).
    std::array<bool, 7> work_week{false, true, true, true, true, true, false};
    std::vector<person> people;

    const series* find(std::string_view id) const;
    const person* find_person(std::string_view role) const;

    bool operator==(const rhythm&) const = default;
};

}  // namespace cadenced::schedule
