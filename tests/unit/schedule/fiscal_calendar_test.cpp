#include "schedule/fiscal_calendar.h"
#include "support/hand_calendar.h"

#include <catch2/catch.hpp>

using namespace cadenced::schedule;
using namespace std::chrono;

TEST_CASE("fiscal calendar: February start labelled by end year", "[unit][schedule][fiscal]") {
    const fiscal_calendar fc{February, fiscal_year_label::end_year};
    CHECK(fc.quarter_of(year{2027} / February) == fiscal_quarter{2028, 1});
    CHECK(fc.quarter_of(year{2027} / April) == fiscal_quarter{2028, 1});
    CHECK(fc.quarter_of(year{2027} / May) == fiscal_quarter{2028, 2});
    CHECK(fc.quarter_of(year{2027} / October) == fiscal_quarter{2028, 3});
    CHECK(fc.quarter_of(year{2027} / November) == fiscal_quarter{2028, 4});
    CHECK(fc.quarter_of(year{2028} / January) == fiscal_quarter{2028, 4});
    CHECK(fc.quarter_of(year{2027} / January) == fiscal_quarter{2027, 4});
    CHECK(fc.month_of_quarter(year{2027} / April) == 3);
    CHECK(fc.month_of_quarter(year{2028} / January) == 3);
    CHECK(fc.month_of_quarter(year{2027} / November) == 1);
    CHECK(fc.first_day(2028) == year{2027} / February / 1);
    CHECK(fc.last_day(2028) == year{2028} / January / 31);
    CHECK(fc.last_day(fiscal_quarter{2028, 1}) == year{2027} / April / 30);
    CHECK(fiscal_quarter{2028, 1}.name() == "Q1 FY2028");
}

TEST_CASE("fiscal calendar: other starts and labels", "[unit][schedule][fiscal]") {
    // US federal style: October start, named by the end year.
    const fiscal_calendar october{October, fiscal_year_label::end_year};
    CHECK(october.quarter_of(year{2026} / October) == fiscal_quarter{2027, 1});
    CHECK(october.quarter_of(year{2027} / September) == fiscal_quarter{2027, 4});
    // April start named by the start year.
    const fiscal_calendar april{April, fiscal_year_label::start_year};
    CHECK(april.quarter_of(year{2026} / April) == fiscal_quarter{2026, 1});
    CHECK(april.quarter_of(year{2027} / March) == fiscal_quarter{2026, 4});
    CHECK(april.first_day(2026) == year{2026} / April / 1);
    // A January start is the civil year under both labellings.
    for (auto label : {fiscal_year_label::end_year, fiscal_year_label::start_year}) {
        const fiscal_calendar jan{January, label};
        CHECK(jan.quarter_of(year{2027} / January) == fiscal_quarter{2027, 1});
        CHECK(jan.quarter_of(year{2027} / December) == fiscal_quarter{2027, 4});
        CHECK(jan.first_day(2027) == year{2027} / January / 1);
    }
}

TEST_CASE("fiscal calendar: every start month and label round-trips every month", "[unit][schedule][fiscal]") {
    for (unsigned start = 1; start <= 12; ++start) {
        for (auto label : {fiscal_year_label::end_year, fiscal_year_label::start_year}) {
            const fiscal_calendar fc{month{start}, label};
            for (int y = 1990; y <= 2060; ++y) {
                for (unsigned m = 1; m <= 12; ++m) {
                    const year_month ym = year{y} / month{m};
                    const fiscal_quarter q = fc.quarter_of(ym);
                    const int k = fc.month_of_quarter(ym);
                    INFO("start " << start << " month " << y << "-" << m);
                    REQUIRE(fc.month_of(q, k) == ym);
                    // Months into the fiscal year, counted by hand.
                    const int into = static_cast<int>((m + 12 - start) % 12);
                    CHECK(q.quarter == into / 3 + 1);
                    CHECK(k == into % 3 + 1);
                    const int start_civil = m >= start ? y : y - 1;
                    const bool by_end = label == fiscal_year_label::end_year && start != 1;
                    CHECK(q.fiscal_year == (by_end ? start_civil + 1 : start_civil));
                }
            }
        }
    }
}

TEST_CASE("fiscal calendar: next and previous quarter are inverses", "[unit][schedule][fiscal]") {
    fiscal_quarter q{2020, 1};
    for (int i = 0; i < 200; ++i) {
        const fiscal_quarter n = fiscal_calendar::next(q);
        CHECK(fiscal_calendar::previous(n) == q);
        CHECK(n > q);
        q = n;
    }
    CHECK(q == fiscal_quarter{2070, 1});
}
