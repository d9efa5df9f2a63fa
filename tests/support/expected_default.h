#pragma once
// Expected dates of the default rhythm (RHYTHM.md), computed by hand with
// tests/support/hand_calendar.h, shared by the core's and the config's tests.

#include "schedule/occurrence.h"
#include "support/hand_calendar.h"

#include <map>
#include <string>
#include <vector>

namespace test_support {

using namespace std::chrono;


constexpr int tuesday = 2, thursday = 4, monday = 1;

inline hand::date to_hand(local_days d) {
    const year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

struct expected_event {
    hand::date date;
    std::string title;
};

// Expected start dates per meeting id for fiscal years [first_fy, last_fy]
// of a February-start, end-labelled calendar.
inline std::map<std::string, std::vector<expected_event>> expected_default(int first_fy, int last_fy) {
    std::map<std::string, std::vector<expected_event>> out;
    for (int fy = first_fy; fy <= last_fy; ++fy) {
        for (int q = 1; q <= 4; ++q) {
            const std::string period = "Q" + std::to_string(q) + " FY" + std::to_string(fy);
            int y1 = fy - 1, m1 = 2;
            hand::add_months(y1, m1, 3 * (q - 1));
            int y2 = y1, m2 = m1;
            hand::add_months(y2, m2, 1);

            const hand::date call = hand::first_weekday_of_month(y1, m1, tuesday);
            out["cadence-call"].push_back({call, "Quarterly cadence call " + period});
            out["cadence-agenda-due"].push_back({hand::previous_weekday(call, thursday), "Cadence call agenda due " + period});
            out["cadence-follow-up"].push_back({hand::next_working_day(call), "Cadence call follow-up " + period});

            const hand::date day1 = hand::weekday_in_days_12_to_18(y2, m2, tuesday);
            for (int d = 0; d < 4; ++d)
                out["offsite"].push_back({hand::add_days(day1, d), "ELT offsite " + period + ": day " +
                                                                        std::to_string(d + 1) + " of 4"});
            out["offsite-prework"].push_back({hand::add_days(day1, -7), "Offsite pre-work due " + period});
            out["monday-with-managers"].push_back({hand::next_weekday(hand::add_days(day1, 3), monday),
                                                   "Monday with Managers " + period});
            out["monthly-meeting"].push_back({hand::first_weekday_of_month(y2, m2, tuesday), "Monthly meeting"});
        }
    }
    return out;
}


}  // namespace test_support
