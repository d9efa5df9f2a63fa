#include "ical/zone_history.h"

#include <date/tz.h>

#include <catch2/catch.hpp>


using namespace std::chrono;
using cadenced::ical::load_zone_history;
using cadenced::ical::unknown_zone_error;

namespace {

sys_seconds jan1(int y) { return sys_days{year{y} / January / 1}; }

}  // namespace

TEST_CASE("zone history: the listed transitions match the tz database", "[unit][ical]") {
    for (const std::string zone : {"America/New_York", "Europe/London", "Australia/Sydney", "Pacific/Chatham",
                                   "Europe/Dublin", "America/Santiago"}) {
        INFO(zone);
        const auto h = load_zone_history(zone, jan1(2020), jan1(2030));
        const auto* db = date::locate_zone(zone);
        CHECK(h.initial_offset == db->get_info(jan1(2020)).offset);
        REQUIRE(h.transitions.size() == 20);  // two a year
        for (const auto& t : h.transitions) {
            const auto before = db->get_info(t.at - seconds{1});
            const auto after = db->get_info(t.at);
            CHECK(after.begin == t.at);
            CHECK(t.offset_from == before.offset);
            CHECK(t.offset_to == after.offset);
            CHECK(t.abbrev == after.abbrev);
        }
    }
}

TEST_CASE("zone history: summer time is daylight, Dublin's negative DST is not", "[unit][ical]") {
    const auto ny = load_zone_history("America/New_York", jan1(2027), jan1(2028));
    REQUIRE(ny.transitions.size() == 2);
    CHECK(ny.transitions[0].daylight);        // March, to EDT
    CHECK_FALSE(ny.transitions[1].daylight);  // November, to EST

    const auto dublin = load_zone_history("Europe/Dublin", jan1(2027), jan1(2028));
    REQUIRE(dublin.transitions.size() == 2);
    CHECK(dublin.transitions[0].abbrev == "IST");
    CHECK_FALSE(dublin.transitions[0].daylight);
    CHECK(dublin.transitions[1].abbrev == "GMT");
    CHECK_FALSE(dublin.transitions[1].daylight);
}

TEST_CASE("zone history: zones keep changing after the listed transitions end", "[unit][ical]") {
    // The system TZif files list transitions up to 2037 only; the footer rule
    // continues them.
    const auto h = load_zone_history("America/New_York", jan1(2036), jan1(2042));
    REQUIRE(h.transitions.size() == 12);
    const auto& march_2040 = h.transitions[8];
    CHECK(march_2040.at == sys_days{year{2040} / March / 11} + hours{7});
    CHECK(march_2040.offset_from == hours{-5});
    CHECK(march_2040.offset_to == hours{-4});
    CHECK(march_2040.abbrev == "EDT");
    CHECK(march_2040.daylight);

    const auto chatham = load_zone_history("Pacific/Chatham", jan1(2100), jan1(2101));
    REQUIRE(chatham.transitions.size() == 2);
    CHECK(chatham.transitions[0].offset_to == hours{12} + minutes{45});
    CHECK(chatham.transitions[1].offset_to == hours{13} + minutes{45});
}

TEST_CASE("zone history: a span that starts after the listed transitions", "[unit][ical]") {
    // On 1 January Sydney is on summer time; only the rule can say so in 2040.
    const auto sydney = load_zone_history("Australia/Sydney", jan1(2040), jan1(2041));
    CHECK(sydney.initial_offset == hours{11});
    CHECK(sydney.initial_abbrev == "AEDT");
    REQUIRE(sydney.transitions.size() == 2);
    CHECK(sydney.transitions[0].at == sys_days{year{2040} / April / 1} + hours{3} - hours{11});
    CHECK(sydney.transitions[0].abbrev == "AEST");
    CHECK(sydney.transitions[1].abbrev == "AEDT");

    const auto ny = load_zone_history("America/New_York", jan1(2040), jan1(2041));
    CHECK(ny.initial_offset == hours{-5});
    CHECK(ny.initial_abbrev == "EST");
}

TEST_CASE("zone history: zones without transitions", "[unit][ical]") {
    const auto h = load_zone_history("Asia/Kolkata", jan1(2020), jan1(2130));
    CHECK(h.transitions.empty());
    CHECK(h.initial_offset == hours{5} + minutes{30});
    CHECK(h.initial_abbrev == "IST");
}

TEST_CASE("zone history: an unknown zone is an error naming it", "[unit][ical]") {
    CHECK_THROWS_MATCHES(load_zone_history("Mars/Olympus_Mons", jan1(2027), jan1(2028)), unknown_zone_error,
                         Catch::Message("unknown time zone \"Mars/Olympus_Mons\""));
}
