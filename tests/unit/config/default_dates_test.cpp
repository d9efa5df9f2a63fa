// The embedded default, loaded through the TOML loader, gives the dates of
// RHYTHM.md: the same hand-computed expectations as the core's own test.
#include "config/config.h"
#include "schedule/agenda_render.h"
#include "schedule/schedule.h"
#include "support/expected_default.h"

#include <catch2/catch.hpp>

using namespace cadenced;
using namespace test_support;

TEST_CASE("embedded default: dates of FY2010-FY2045 in five zones match the hand calendar", "[unit][config][default]") {
    const auto zone = GENERATE(as<std::string>{}, "America/New_York", "Europe/London", "Australia/Sydney",
                               "Asia/Kolkata", "Pacific/Chatham");
    const auto cfg = config::load_string("timezone = \"" + zone + "\"\n", "zone.toml");
    const auto occurrences =
        schedule::generate(cfg.rhythm, {year{2009} / February / 1, year{2045} / January / 31});

    std::map<std::string, std::vector<hand::date>> got;
    for (const auto& o : occurrences) {
        got[o.meeting_id].push_back(to_hand(o.date));
        CHECK(o.timezone == zone);
    }
    const auto want = expected_default(2010, 2045);
    REQUIRE(got.size() == want.size());
    for (const auto& [id, expected] : want) {
        std::vector<hand::date> dates;
        for (const auto& e : expected)
            if (!(e.date < hand::date{2009, 2, 1}) && !(hand::date{2045, 1, 31} < e.date)) dates.push_back(e.date);
        INFO("meeting " << id);
        REQUIRE(got[id].size() == dates.size());
        for (std::size_t i = 0; i < dates.size(); ++i) {
            INFO("expected " << hand::str(dates[i]) << " got " << hand::str(got[id][i]));
            CHECK(got[id][i] == dates[i]);
        }
    }
}

TEST_CASE("embedded default: times and titles of Q1 FY2028", "[unit][config][default]") {
    const auto cfg = config::load_string("timezone = \"Europe/London\"\n", "zone.toml");
    const auto all = schedule::generate(cfg.rhythm, {year{2027} / January / 28, year{2027} / March / 22});
    std::vector<std::string> lines;
    for (const auto& o : all) {
        std::string line = hand::str(to_hand(o.date)) + " ";
        line += o.all_day ? std::string{"all-day"} : schedule::clock_time(o.start) + "-" + schedule::clock_time(o.end);
        lines.push_back(line + " " + o.meeting_id + " | " + o.title);
    }
    for (const auto& l : lines) UNSCOPED_INFO(l);
    REQUIRE(lines.size() == 10);
    CHECK(lines[0] == "2027-01-28 all-day cadence-agenda-due | Cadence call agenda due Q1 FY2028");
    CHECK(lines[1] == "2027-02-02 10:00-12:05 cadence-call | Quarterly cadence call Q1 FY2028");
    CHECK(lines[2] == "2027-02-03 all-day cadence-follow-up | Cadence call follow-up Q1 FY2028");
    CHECK(lines[3] == "2027-03-02 10:00-11:00 monthly-meeting | Monthly meeting");
    CHECK(lines[4] == "2027-03-09 all-day offsite-prework | Offsite pre-work due Q1 FY2028");
    for (int d = 0; d < 4; ++d)
        CHECK(lines[static_cast<std::size_t>(5 + d)] == "2027-03-1" + std::to_string(6 + d) +
                                                           " 09:00-17:00 offsite | ELT offsite Q1 FY2028 (day " +
                                                           std::to_string(d + 1) + " of 4)");
    CHECK(lines[9] == "2027-03-22 10:00-11:00 monday-with-managers | Monday with Managers Q1 FY2028");
}
