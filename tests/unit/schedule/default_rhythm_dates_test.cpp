// The default rhythm's dates over 36 fiscal years in five zones, against
// dates computed by hand (tests/support/hand_calendar.h), not by the core.
#include "schedule/agenda_render.h"
#include "schedule/schedule.h"
#include "support/default_rhythm.h"
#include "support/hand_calendar.h"

#include <catch2/catch.hpp>

#include <map>

using namespace cadenced::schedule;
using namespace std::chrono;

namespace {

constexpr int tuesday = 2, thursday = 4, monday = 1;

hand::date to_hand(local_days d) {
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
std::map<std::string, std::vector<expected_event>> expected_default(int first_fy, int last_fy) {
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

}  // namespace

TEST_CASE("default rhythm: every date of FY2010-FY2045 in five zones", "[unit][schedule]") {
    const auto zone = GENERATE(as<std::string>{}, "America/New_York", "Europe/London", "Australia/Sydney",
                               "Asia/Kolkata", "Pacific/Chatham");
    const rhythm r = test_support::default_rhythm(zone);
    // The agenda-due deadline of FY2010 Q1 falls in January 2009 (FY2009),
    // so the range starts at the first call and stops after the last event.
    const date_range range{year{2009} / February / 1, year{2045} / January / 31};
    const auto occurrences = generate(r, range);

    std::map<std::string, std::vector<expected_event>> got;
    for (const auto& o : occurrences) {
        got[o.meeting_id].push_back({to_hand(o.date), o.title});
        CHECK(o.timezone == zone);
    }
    auto want = expected_default(2010, 2045);
    // Drop expected events outside the range (the FY2010 Q1 agenda-due
    // deadline on 2009-01-29 is before it).
    for (auto& [id, list] : want)
        std::erase_if(list, [](const expected_event& e) {
            return e.date < hand::date{2009, 2, 1} || hand::date{2045, 1, 31} < e.date;
        });

    REQUIRE(got.size() == want.size());
    for (const auto& [id, expected] : want) {
        INFO("meeting " << id);
        const auto& actual = got[id];
        REQUIRE(actual.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO("occurrence " << i << " expected " << hand::str(expected[i].date) << " got " << hand::str(actual[i].date));
            CHECK(actual[i].date == expected[i].date);
            CHECK(actual[i].title == expected[i].title);
        }
    }
}

TEST_CASE("default rhythm: FY2028 Q1 read off a printed calendar", "[unit][schedule]") {
    const auto occurrences = generate(test_support::default_rhythm(), {year{2027} / January / 1, year{2027} / April / 30});
    std::vector<std::string> lines;
    for (const auto& o : occurrences) {
        std::string line = hand::str(to_hand(o.date)) + " " + o.meeting_id;
        if (!o.all_day) line += " " + clock_time(o.start) + "-" + clock_time(o.end);
        lines.push_back(line);
    }
    // January is month 3 of Q4 FY2027 and April month 3 of Q1 FY2028: their
    // monthly meetings are folded into the offsites, so neither has one.
    // RHYTHM.md: the agenda due on Thursday 28 January 2027 is for the Q1
    // FY2028 call on Tuesday 2 February.
    const std::vector<std::string> expected{
        "2027-01-28 cadence-agenda-due",
        "2027-02-02 cadence-call 10:00-12:05",
        "2027-02-03 cadence-follow-up",
        "2027-03-02 monthly-meeting 10:00-11:00",
        "2027-03-09 offsite-prework",
        "2027-03-16 offsite 09:00-17:00",
        "2027-03-17 offsite 09:00-17:00",
        "2027-03-18 offsite 09:00-17:00",
        "2027-03-19 offsite 09:00-17:00",
        "2027-03-22 monday-with-managers 10:00-11:00",
        "2027-04-29 cadence-agenda-due",
    };
    CHECK(lines == expected);
}
