#include "zoneinfo/posix_tz.h"

#include <date/tz.h>

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::zoneinfo::changes_in_year;
using cadenced::zoneinfo::parse_posix_tz;
using cadenced::zoneinfo::posix_date;

namespace {

sys_seconds utc(year_month_day d, minutes time_of_day) {
    return sys_days{d} + time_of_day;
}

}  // namespace

TEST_CASE("posix tz: New York's rule", "[unit][zoneinfo]") {
    const auto tz = parse_posix_tz("EST5EDT,M3.2.0,M11.1.0");
    REQUIRE(tz);
    CHECK(tz->std_abbrev == "EST");
    CHECK(tz->std_offset == hours{-5});
    REQUIRE(tz->dst);
    CHECK(tz->dst->abbrev == "EDT");
    CHECK(tz->dst->offset == hours{-4});
    CHECK(tz->dst->start.kind == posix_date::form::month_week_day);
    CHECK(tz->dst->start.month == 3);
    CHECK(tz->dst->start.week == 2);
    CHECK(tz->dst->start.weekday == 0);
    CHECK(tz->dst->start.time == hours{2});

    // 2040: second Sunday of March is the 11th, first Sunday of November the 4th.
    const auto changes = changes_in_year(*tz, year{2040});
    CHECK(changes[0].at == utc(year{2040} / March / 11, hours{7}));
    CHECK(changes[0].to_dst);
    CHECK(changes[1].at == utc(year{2040} / November / 4, hours{6}));
    CHECK_FALSE(changes[1].to_dst);
}

TEST_CASE("posix tz: Chatham's quoted names and 45-minute offsets", "[unit][zoneinfo]") {
    const auto tz = parse_posix_tz("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45");
    REQUIRE(tz);
    CHECK(tz->std_abbrev == "+1245");
    CHECK(tz->std_offset == hours{12} + minutes{45});
    REQUIRE(tz->dst);
    CHECK(tz->dst->abbrev == "+1345");
    CHECK(tz->dst->offset == hours{13} + minutes{45});
    // Southern hemisphere: the end (April) comes first in the year.
    const auto changes = changes_in_year(*tz, year{2040});
    CHECK_FALSE(changes[0].to_dst);
    CHECK(changes[0].at == utc(year{2040} / April / 1, hours{3} + minutes{45}) - (hours{13} + minutes{45}));
    CHECK(changes[1].to_dst);
    CHECK(changes[1].at == utc(year{2040} / September / 30, hours{2} + minutes{45}) - (hours{12} + minutes{45}));
}

TEST_CASE("posix tz: zones without daylight time", "[unit][zoneinfo]") {
    const auto kolkata = parse_posix_tz("IST-5:30");
    REQUIRE(kolkata);
    CHECK(kolkata->std_offset == hours{5} + minutes{30});
    CHECK_FALSE(kolkata->dst);
    const auto tehran = parse_posix_tz("<+0330>-3:30");
    REQUIRE(tehran);
    CHECK(tehran->std_abbrev == "+0330");
}

TEST_CASE("posix tz: RFC 8536 times below zero and past 24 hours", "[unit][zoneinfo]") {
    const auto nuuk = parse_posix_tz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    REQUIRE(nuuk);
    CHECK(nuuk->dst->start.time == hours{-1});
    // Last Sunday of March 2040 is the 25th; -1:00 local is 24th 23:00 at -02.
    CHECK(changes_in_year(*nuuk, year{2040})[0].at == utc(year{2040} / March / 25, hours{1}));

    const auto santiago = parse_posix_tz("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
    REQUIRE(santiago);
    CHECK(santiago->dst->start.time == hours{24});
}

TEST_CASE("posix tz: negative daylight saving (Europe/Dublin)", "[unit][zoneinfo]") {
    const auto tz = parse_posix_tz("IST-1GMT0,M10.5.0,M3.5.0/1");
    REQUIRE(tz);
    CHECK(tz->std_offset == hours{1});
    CHECK(tz->dst->offset == hours{0});
}

TEST_CASE("posix tz: Julian day forms", "[unit][zoneinfo]") {
    // Jn never counts 29 February; n does.
    const auto tz = parse_posix_tz("AAA0BBB,J60/0,59/0");
    REQUIRE(tz);
    const auto leap = changes_in_year(*tz, year{2040});
    // J60 is 1 March; zero-based 59 is 29 February in a leap year.
    CHECK(leap[0].at == utc(year{2040} / February / 29, hours{-1}));
    CHECK(leap[1].at == utc(year{2040} / March / 1, hours{0}));
}

TEST_CASE("posix tz: malformed strings are refused", "[unit][zoneinfo]") {
    CHECK_FALSE(parse_posix_tz(""));
    CHECK_FALSE(parse_posix_tz("E5"));               // name too short
    CHECK_FALSE(parse_posix_tz("EST"));              // no offset
    CHECK_FALSE(parse_posix_tz("EST5EDT"));          // daylight time without rules
    CHECK_FALSE(parse_posix_tz("EST5EDT,M3.2.0"));   // one rule
    CHECK_FALSE(parse_posix_tz("EST5EDT,M13.2.0,M11.1.0"));
    CHECK_FALSE(parse_posix_tz("EST5EDT,M3.6.0,M11.1.0"));
    CHECK_FALSE(parse_posix_tz("EST5EDT,M3.2.0,M11.1.0x"));
    CHECK_FALSE(parse_posix_tz("<+05"));
}

TEST_CASE("posix tz: agrees with the listed transitions up to 2037", "[unit][zoneinfo]") {
    // The footer rule and the tz database's own transitions must match
    // wherever both exist.
    struct zone_rule {
        const char* zone;
        const char* rule;
    };
    for (const auto& [zone, rule] : {zone_rule{"America/New_York", "EST5EDT,M3.2.0,M11.1.0"},
                                     zone_rule{"Europe/London", "GMT0BST,M3.5.0/1,M10.5.0"},
                                     zone_rule{"Australia/Sydney", "AEST-10AEDT,M10.1.0,M4.1.0/3"},
                                     zone_rule{"Pacific/Chatham", "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45"}}) {
        const auto tz = parse_posix_tz(rule);
        REQUIRE(tz);
        const auto* db = date::locate_zone(zone);
        for (int y = 2020; y <= 2036; ++y) {
            for (const auto& change : changes_in_year(*tz, year{y})) {
                INFO(zone << " " << y);
                const auto after = db->get_info(change.at);
                CHECK(after.begin == change.at);
                CHECK((after.save != minutes{0}) == change.to_dst);
            }
        }
    }
}
