#pragma once
// Fiscal calendar arithmetic: which fiscal year, quarter and month-of-quarter a
// civil month belongs to, and back.
//
// A fiscal year starts on day 1 of `start_month`. It is labelled either by the
// civil year in which it ends (the default: Feb 2027 - Jan 2028 is FY2028) or
// by the civil year in which it starts. A fiscal year starting in January is
// the same under both labellings.

#include <chrono>
#include <compare>
#include <string>

namespace cadenced::schedule {

enum class fiscal_year_label { end_year, start_year };

/// One fiscal quarter: the fiscal-year label (e.g. 2028) and the quarter (1-4).
struct fiscal_quarter {
    int fiscal_year = 0;
    int quarter = 1;

    auto operator<=>(const fiscal_quarter&) const = default;

    /// "Q1"
    std::string quarter_name() const;
    /// "FY2028"
    std::string year_name() const;
    /// "Q1 FY2028"
    std::string name() const;
};

class fiscal_calendar {
public:
    fiscal_calendar() = default;
    fiscal_calendar(std::chrono::month start_month, fiscal_year_label label)
        : start_month_{start_month}, label_{label} {}

    std::chrono::month start_month() const { return start_month_; }
    fiscal_year_label label() const { return label_; }

    /// Fiscal-year label of the fiscal year containing civil month `ym`.
    int fiscal_year_of(std::chrono::year_month ym) const;
    fiscal_quarter quarter_of(std::chrono::year_month ym) const;
    fiscal_quarter quarter_of(std::chrono::year_month_day d) const {
        return quarter_of(d.year() / d.month());
    }
    /// 1, 2 or 3: the position of `ym` inside its fiscal quarter.
    int month_of_quarter(std::chrono::year_month ym) const;

    /// The civil month that is month `k` (1-3) of fiscal quarter `q`.
    std::chrono::year_month month_of(fiscal_quarter q, int k) const;

    std::chrono::year_month_day first_day(int fiscal_year) const;
    std::chrono::year_month_day last_day(int fiscal_year) const;
    std::chrono::year_month_day first_day(fiscal_quarter q) const;
    std::chrono::year_month_day last_day(fiscal_quarter q) const;

    static fiscal_quarter next(fiscal_quarter q);
    static fiscal_quarter previous(fiscal_quarter q);

    bool operator==(const fiscal_calendar&) const = default;

private:
    std::chrono::month start_month_ = std::chrono::February;
    fiscal_year_label label_ = fiscal_year_label::end_year;
};

}  // namespace cadenced::schedule
