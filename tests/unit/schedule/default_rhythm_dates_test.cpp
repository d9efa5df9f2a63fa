// The default rhythm's dates over 36 fiscal years in five zones, against
// dates computed by hand (tests/support/hand_calendar.h), not by the core.
#include "schedule/agenda_render.h"
#include "schedule/schedule.h"
#include "support/default_rhythm.h"
#include "support/expected_default.h"

#include <catch2/catch.hpp>


using namespace cadenced::schedule;
using namespace std::chrono;

using namespace test_support;


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
