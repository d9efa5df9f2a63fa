#include "ical/reader.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::ical::parse_error;
using cadenced::ical::read_calendar;

namespace {

// A calendar as another program might write it: folded at odd places, LF
// line ends, a VTIMEZONE with an RDATE, a floating time and a TZID without
// VTIMEZONE.
const char* const other_writer =
    "BEGIN:VCALENDAR\n"
    "VERSION:2.0\n"
    "PRODID:-//other//EN\n"
    "X-WR-CALNAME:Team\\, all\n"
    "BEGIN:VTIMEZONE\n"
    "TZID:Test/Zone\n"
    "X-LIC-LOCATION:Test/Zone\n"
    "BEGIN:STANDARD\n"
    "DTSTART:20261101T020000\n"
    "TZOFFSETFROM:-0400\n"
    "TZOFFSETTO:-0500\n"
    "TZNAME:TST\n"
    "RDATE:20271107T020000\n"
    "END:STANDARD\n"
    "BEGIN:DAYLIGHT\n"
    "DTSTART:20270314T020000\n"
    "TZOFFSETFROM:-0500\n"
    "TZOFFSETTO:-0400\n"
    "TZNAME:TDT\n"
    "END:DAYLIGHT\n"
    "END:VTIMEZONE\n"
    "BEGIN:VEVENT\n"
    "UID:one@other\n"
    "DTSTAMP:20270101T000000Z\n"
    "DTSTART;TZID=Test/Zone:20270601T100000\n"
    "DTEND;TZID=Test/Zone:20271201T100000\n"
    "SUMMARY:Fol\n"
    " ded\\, and\\; esc\\\\aped\\nline\n"
    "CATEGORIES:A,B\n"
    "ATTENDEE;CN=\"Doe, Jane\";ROLE=OPT-PARTICIPANT:mailto:jane@example.com\n"
    "X-CADENCED-KIND:kind\n"
    "END:VEVENT\n"
    "BEGIN:VEVENT\n"
    "UID:two@other\n"
    "DTSTART:20270601T100000\n"
    "DTEND;TZID=Nowhere/Zone:20270601T110000\n"
    "END:VEVENT\n"
    "END:VCALENDAR\n";

}  // namespace

TEST_CASE("reader: values from another writer", "[unit][ical]") {
    const auto cal = read_calendar(other_writer);
    CHECK(cal.version == "2.0");
    CHECK(cal.product_id == "-//other//EN");
    CHECK(cal.x_properties.at("X-WR-CALNAME") == "Team, all");
    REQUIRE(cal.timezones.size() == 1);
    const auto& zone = cal.timezones[0];
    CHECK(zone.tzid == "Test/Zone");
    CHECK(zone.property_names == std::vector<std::string>{"TZID", "X-LIC-LOCATION"});
    REQUIRE(zone.observances.size() == 2);
    CHECK_FALSE(zone.observances[0].daylight);
    CHECK(zone.observances[0].offset_from == -4 * 3600);
    CHECK(zone.observances[0].offset_to == -5 * 3600);
    CHECK(zone.observances[0].name == "TST");
    CHECK(zone.observances[0].rdates == std::vector<std::string>{"20271107T020000"});
    CHECK(zone.observances[1].daylight);

    REQUIRE(cal.events.size() == 2);
    const auto& one = cal.events[0];
    CHECK(one.summary == "Folded, and; esc\\aped\nline");
    CHECK(one.categories == std::vector<std::string>{"A", "B"});
    REQUIRE(one.attendees.size() == 1);
    CHECK(one.attendees[0].common_name == "Doe, Jane");
    CHECK(one.attendees[0].role == "OPT-PARTICIPANT");
    CHECK(one.attendees[0].partstat.empty());
    CHECK(one.x_properties.at("X-CADENCED-KIND") == "kind");
    // Through the file's own VTIMEZONE: daylight time in June, standard in December.
    CHECK(one.start->utc == sys_days{year{2027} / June / 1} + hours{14});
    CHECK(one.end->utc == sys_days{year{2027} / December / 1} + hours{15});
}

TEST_CASE("reader: floating times and missing VTIMEZONEs have no instant", "[unit][ical]") {
    const auto cal = read_calendar(other_writer);
    const auto& two = cal.events.at(1);
    REQUIRE(two.start);
    CHECK(two.start->tzid.empty());
    CHECK_FALSE(two.start->utc);
    REQUIRE(two.end);
    CHECK(two.end->tzid == "Nowhere/Zone");
    CHECK_FALSE(two.end->utc);
    CHECK(cal.errors == std::vector<std::string>{"no VTIMEZONE for TZID Nowhere/Zone"});
}

TEST_CASE("reader: libical's parse errors are reported", "[unit][ical]") {
    const auto cal = read_calendar(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:not-a-date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    CHECK_FALSE(cal.errors.empty());
}

TEST_CASE("reader: text without a VCALENDAR is an error", "[unit][ical]") {
    CHECK_THROWS_AS(read_calendar("hello"), parse_error);
    CHECK_THROWS_AS(read_calendar(""), parse_error);
    CHECK_THROWS_AS(read_calendar("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n"), parse_error);
}
