#include "schedule/fiscal_calendar.h"

namespace cadenced::schedule {

using namespace std::chrono;

std::string fiscal_quarter::quarter_name() const { return "Q" + std::to_string(quarter); }

std::string fiscal_quarter::year_name() const { return "FY" + std::to_string(fiscal_year); }

std::string fiscal_quarter::name() const { return quarter_name() + " " + year_name(); }

namespace {

// Months from the fiscal year's first month to `m`: 0-11.
int months_into_year(month start, month m) {
    return static_cast<int>((m - start).count());
}

}  // namespace

int fiscal_calendar::fiscal_year_of(year_month ym) const {
    const int civil = static_cast<int>(ym.year());
    const int start_civil = ym.month() >= start_month_ ? civil : civil - 1;
    // A year starting in January ends in the same civil year, so both
    // labellings agree.
    if (label_ == fiscal_year_label::start_year || start_month_ == January) return start_civil;
    return start_civil + 1;
}

fiscal_quarter fiscal_calendar::quarter_of(year_month ym) const {
    return {fiscal_year_of(ym), months_into_year(start_month_, ym.month()) / 3 + 1};
}

int fiscal_calendar::month_of_quarter(year_month ym) const {
    return months_into_year(start_month_, ym.month()) % 3 + 1;
}

year_month fiscal_calendar::month_of(fiscal_quarter q, int k) const {
    const bool labelled_by_end = label_ == fiscal_year_label::end_year && start_month_ != January;
    const int start_civil = labelled_by_end ? q.fiscal_year - 1 : q.fiscal_year;
    return year{start_civil} / start_month_ + months{(q.quarter - 1) * 3 + (k - 1)};
}

year_month_day fiscal_calendar::first_day(int fiscal_year) const {
    return first_day(fiscal_quarter{fiscal_year, 1});
}

year_month_day fiscal_calendar::last_day(int fiscal_year) const {
    return last_day(fiscal_quarter{fiscal_year, 4});
}

year_month_day fiscal_calendar::first_day(fiscal_quarter q) const {
    return month_of(q, 1) / day{1};
}

year_month_day fiscal_calendar::last_day(fiscal_quarter q) const {
    const year_month last = month_of(q, 3);
    return year_month_day{last / std::chrono::last};
}

fiscal_quarter fiscal_calendar::next(fiscal_quarter q) {
    return q.quarter == 4 ? fiscal_quarter{q.fiscal_year + 1, 1} : fiscal_quarter{q.fiscal_year, q.quarter + 1};
}

fiscal_quarter fiscal_calendar::previous(fiscal_quarter q) {
    return q.quarter == 1 ? fiscal_quarter{q.fiscal_year - 1, 4} : fiscal_quarter{q.fiscal_year, q.quarter - 1};
}

}  // namespace cadenced::schedule
