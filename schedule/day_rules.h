#pragma once
// The date arithmetic behind the rules, each a pure function on civil days.

#include "schedule/rhythm.h"

#include <chrono>
#include <optional>

namespace cadenced::schedule {

/// The day a calendar rule picks in month `ym`, or nullopt when the month
/// has none (a 5th Tuesday in a month with four).
std::optional<std::chrono::year_month_day> pick_day(std::chrono::year_month ym,
                                                    const std::variant<nth_weekday, nearest_weekday>& rule);

/// Working days and holidays of a rhythm, for shifting and counting.
class working_calendar {
public:
    explicit working_calendar(const rhythm& r);

    bool is_holiday(std::chrono::local_days d) const;
    bool is_working_day(std::chrono::local_days d) const;
    /// Name of the holiday covering `d`, or empty.
    std::string holiday_name(std::chrono::local_days d) const;

    /// Where a block of `days` consecutive days starting on `first` moves
    /// under `rule` when one of its days is a holiday: its first day, or
    /// nullopt when it is skipped (or no place is found within a year).
    /// A single day moves to a working day; a block keeps its pattern of
    /// working and non-working days (a Tuesday-Friday block lands on four
    /// working days).
    std::optional<std::chrono::local_days> shift(std::chrono::local_days first, int days, shift_rule rule) const;

    /// The date a relative rule gives for an anchor date.
    std::chrono::local_days step(std::chrono::local_days anchor,
                                 const std::variant<day_offset, weekday_step, working_day_step>& s) const;

private:
    bool block_has_holiday(std::chrono::local_days first, int days) const;
    bool block_fits(std::chrono::local_days candidate, std::chrono::local_days original, int days) const;

    const rhythm& rhythm_;
};

}  // namespace cadenced::schedule
