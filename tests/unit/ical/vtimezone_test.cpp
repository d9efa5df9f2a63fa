#include "ical/libical_ptr.h"
#include "ical/vtimezone.h"
#include "ical_test_support.h"

#include <catch2/catch.hpp>

using namespace ical_test;
using cadenced::ical::build_vtimezone;

namespace {

std::string vtimezone_text(const std::string& zone, int first_year, int last_year) {
    auto c = build_vtimezone(zone, year{first_year}, year{last_year});
    return cadenced::ical::serialise(c.get()).get();
}

// Every day of [first_year, last_year] at several hours, including the
// hours around typical transitions, skipping local times that do not exist
// or exist twice: libical through our VTIMEZONE must agree with HH date.
void check_against_tz_database(const std::string& zone, int first_year, int last_year) {
    const libical_zone libical{vtimezone_text(zone, first_year, last_year)};
    int checked = 0;
    for (local_days d{year{first_year} / January / 1}; d <= local_days{year{last_year} / December / 31};
         d += days{1}) {
        for (const auto time : {minutes{0}, minutes{90}, minutes{150}, minutes{210}, minutes{240}, minutes{600},
                                minutes{23 * 60 + 59}}) {
            const local_seconds t = d + time;
            if (!is_unique_local_time(zone, t)) continue;
            INFO(zone << " " << iso(year_month_day{d}) << " +" << time.count() << " min");
            REQUIRE(libical.instant(t) == date_instant(zone, t));
            ++checked;
        }
    }
    CHECK(checked > 365 * 7 * (last_year - first_year));
}

}  // namespace

TEST_CASE("vtimezone: TZID is the plain IANA name, no libical location", "[unit][ical]") {
    const auto text = vtimezone_text("America/New_York", 2026, 2028);
    CHECK(text.find("TZID:America/New_York\r\n") != std::string::npos);
    CHECK(text.find("freeassociation") == std::string::npos);
    CHECK(text.find("X-LIC-LOCATION") == std::string::npos);
}

TEST_CASE("vtimezone: New York as two yearly rules", "[unit][ical]") {
    const auto text = unfold(vtimezone_text("America/New_York", 2026, 2028));
    CHECK(text ==
          "BEGIN:VTIMEZONE\r\n"
          "TZID:America/New_York\r\n"
          "BEGIN:DAYLIGHT\r\n"
          "DTSTART:20260308T020000\r\n"
          "TZOFFSETFROM:-0500\r\n"
          "TZOFFSETTO:-0400\r\n"
          "TZNAME:EDT\r\n"
          "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n"
          "END:DAYLIGHT\r\n"
          "BEGIN:STANDARD\r\n"
          "DTSTART:20261101T020000\r\n"
          "TZOFFSETFROM:-0400\r\n"
          "TZOFFSETTO:-0500\r\n"
          "TZNAME:EST\r\n"
          "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\n"
          "END:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
}

TEST_CASE("vtimezone: a rule that ends inside the span gets UNTIL", "[unit][ical]") {
    // The United States moved its DST dates in 2007.
    const auto text = unfold(vtimezone_text("America/New_York", 2004, 2009));
    CHECK(text.find("RRULE:FREQ=YEARLY;UNTIL=20060402T070000Z;BYDAY=1SU;BYMONTH=4\r\n") != std::string::npos);
    CHECK(text.find("RRULE:FREQ=YEARLY;UNTIL=20061029T060000Z;BYDAY=-1SU;BYMONTH=10\r\n") != std::string::npos);
    CHECK(text.find("RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n") != std::string::npos);
    check_against_tz_database("America/New_York", 2004, 2009);
}

TEST_CASE("vtimezone: a zone without DST is one STANDARD", "[unit][ical]") {
    const auto text = unfold(vtimezone_text("Asia/Kolkata", 2026, 2028));
    CHECK(text ==
          "BEGIN:VTIMEZONE\r\n"
          "TZID:Asia/Kolkata\r\n"
          "BEGIN:STANDARD\r\n"
          "DTSTART:20260101T000000\r\n"
          "TZOFFSETFROM:+0530\r\n"
          "TZOFFSETTO:+0530\r\n"
          "TZNAME:IST\r\n"
          "END:STANDARD\r\n"
          "END:VTIMEZONE\r\n");
}

TEST_CASE("vtimezone: Chatham's +12:45/+13:45 with changes at 02:45 and 03:45", "[unit][ical]") {
    const auto text = unfold(vtimezone_text("Pacific/Chatham", 2026, 2028));
    CHECK(text.find("TZOFFSETFROM:+1245\r\nTZOFFSETTO:+1345\r\nTZNAME:+1345\r\n"
                    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=9\r\n") != std::string::npos);
    CHECK(text.find("DTSTART:20260927T024500\r\n") != std::string::npos);
    CHECK(text.find("DTSTART:20260405T034500\r\n") != std::string::npos);
}

TEST_CASE("vtimezone: libical's instants equal HH date's, day by day", "[unit][ical]") {
    for (const std::string zone : {"America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata",
                                   "Pacific/Chatham", "Europe/Dublin", "America/Santiago", "Asia/Tehran",
                                   "America/Nuuk", "Africa/Casablanca"}) {
        check_against_tz_database(zone, 2026, 2028);
    }
}

TEST_CASE("vtimezone: zones keep their DST after 2037", "[unit][ical]") {
    // HH date's OS database reports no DST after 2037, so the
    // expected instants are written out: 10:00 on 1 July 2040 is summer time
    // in the north, winter time in the south.
    const auto ten_am = at(year{2040} / July / 1, hours{10});
    const libical_zone ny{vtimezone_text("America/New_York", 2039, 2041)};
    CHECK(ny.instant(ten_am) == sys_days{year{2040} / July / 1} + hours{14});
    const libical_zone london{vtimezone_text("Europe/London", 2039, 2041)};
    CHECK(london.instant(ten_am) == sys_days{year{2040} / July / 1} + hours{9});
    const libical_zone sydney{vtimezone_text("Australia/Sydney", 2039, 2041)};
    CHECK(sydney.instant(ten_am) == sys_days{year{2040} / July / 1} + hours{0});
    const auto ten_am_january = at(year{2041} / January / 1, hours{10});
    CHECK(sydney.instant(ten_am_january) == sys_days{year{2040} / December / 31} + hours{23});
}

TEST_CASE("vtimezone: a century of New York stays two small rules", "[unit][ical]") {
    const auto text = unfold(vtimezone_text("America/New_York", 2026, 2127));
    CHECK(std::count(text.begin(), text.end(), '\n') == 17);
    const libical_zone ny{text};
    CHECK(ny.instant(at(year{2126} / July / 1, hours{10})) == sys_days{year{2126} / July / 1} + hours{14});
    CHECK(ny.instant(at(year{2126} / December / 1, hours{10})) == sys_days{year{2126} / December / 1} + hours{15});
}

TEST_CASE("vtimezone: an unknown zone throws", "[unit][ical]") {
    CHECK_THROWS_AS(build_vtimezone("Nowhere/Special", year{2026}, year{2028}), cadenced::ical::unknown_zone_error);
}
