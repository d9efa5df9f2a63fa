#include "ical/event.h"
#include "ical/reader.h"
#include "ical/writer.h"
#include "ical_test_support.h"
#include "schedule/agenda_render.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ical_test;
using cadenced::ical::calendar_info;
using cadenced::ical::read_calendar;
using cadenced::ical::write_calendar;
using cadenced::schedule::occurrence;
using cadenced::schedule::person;

namespace {

calendar_info info_for(std::string zone = "America/New_York") {
    calendar_info info;
    info.name = "Operating rhythm";
    info.description = "Leadership meetings";
    info.timezone = std::move(zone);
    info.stamp = sys_days{year{2027} / January / 1} + hours{8} + minutes{30};
    return info;
}

// The logical lines from the start up to the first component inside the calendar.
std::vector<std::string> calendar_head(const std::string& text) {
    std::vector<std::string> head;
    for (auto& line : content_lines(text)) {
        if (line.starts_with("BEGIN:") && line != "BEGIN:VCALENDAR") break;
        head.push_back(line);
    }
    return head;
}

occurrence full_event() {
    auto o = timed("cadence-call-FY2028-Q1@cadenced", "America/New_York", at(year{2027} / February / 2, hours{10}),
                   minutes{125});
    o.meeting_id = "cadence-call";
    o.title = "Cadence call Q1 FY2028";
    o.description = "Quarterly kickoff.";
    o.location = "Board room";
    o.categories = {"ELT", "Cadence"};
    o.organizer = person{"ceo", "CEO", "Zoë Ångström", "ceo@example.com", {}};
    o.attendees = {person{"head-of-sales", "Head of Sales", "Ana Sales", "sales@example.com", {}},
                   person{"cfo", "CFO", "Carl Finance", "", {}},
                   person{"cpo", "CPO", "", "cpo@example.com", {}}};
    o.reminder_minutes = 15;
    o.agenda.items.push_back({"Recap of previous quarter", "CEO", o.start, o.start + minutes{10}, {"Numbers"}});
    return o;
}

}  // namespace

TEST_CASE("writer: calendar properties", "[unit][ical]") {
    const auto text = write_calendar(info_for(), {});
    CHECK(calendar_head(text) == std::vector<std::string>{
                                     "BEGIN:VCALENDAR",
                                     "PRODID:-//cadenced//cadenced//EN",
                                     "VERSION:2.0",
                                     "CALSCALE:GREGORIAN",
                                     "METHOD:PUBLISH",
                                     "NAME:Operating rhythm",
                                     "X-WR-CALNAME:Operating rhythm",
                                     "DESCRIPTION:Leadership meetings",
                                     "X-WR-CALDESC:Leadership meetings",
                                     "X-WR-TIMEZONE:America/New_York",
                                     "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
                                     "X-PUBLISHED-TTL:PT12H",
                                 });
    CHECK(text.ends_with("END:VCALENDAR\r\n"));
}

TEST_CASE("writer: optional calendar properties", "[unit][ical]") {
    auto info = info_for();
    info.name = "Rhythm, ELT; all";
    info.description.clear();
    info.refresh_interval = minutes{90};
    const auto head = calendar_head(write_calendar(info, {}));
    CHECK(std::find(head.begin(), head.end(), "NAME:Rhythm\\, ELT\\; all") != head.end());
    CHECK(std::find(head.begin(), head.end(), "X-WR-CALNAME:Rhythm\\, ELT\\; all") != head.end());
    CHECK(std::find(head.begin(), head.end(), "REFRESH-INTERVAL;VALUE=DURATION:PT1H30M") != head.end());
    CHECK(std::find(head.begin(), head.end(), "X-PUBLISHED-TTL:PT1H30M") != head.end());
    CHECK(std::none_of(head.begin(), head.end(), [](const std::string& l) {
        return l.starts_with("DESCRIPTION") || l.starts_with("X-WR-CALDESC");
    }));

    info.refresh_interval = minutes{0};
    info.timezone.clear();
    const auto bare = calendar_head(write_calendar(info, {}));
    CHECK(std::find(bare.begin(), bare.end(), "X-WR-TIMEZONE:UTC") != bare.end());
    CHECK(std::none_of(bare.begin(), bare.end(), [](const std::string& l) {
        return l.starts_with("REFRESH-INTERVAL") || l.starts_with("X-PUBLISHED-TTL");
    }));
}

TEST_CASE("writer: a timed event, field by field", "[unit][ical]") {
    const auto o = full_event();
    const auto text = write_calendar(info_for(), {o});
    const auto cal = read_calendar(text);
    CHECK(cal.errors.empty());
    REQUIRE(cal.events.size() == 1);
    const auto& e = cal.events[0];

    CHECK(e.uid == "cadence-call-FY2028-Q1@cadenced");
    CHECK(e.stamp == "20270101T083000Z");
    REQUIRE(e.start);
    CHECK(e.start->text == "20270202T100000");
    CHECK(e.start->tzid == "America/New_York");
    CHECK(e.start->utc == sys_days{year{2027} / February / 2} + hours{15});
    REQUIRE(e.end);
    CHECK(e.end->text == "20270202T120500");
    CHECK(e.end->tzid == "America/New_York");
    CHECK(e.summary == "Cadence call Q1 FY2028");
    CHECK(e.description == cadenced::schedule::render_text(o));
    CHECK(e.x_properties.at("X-ALT-DESC") == cadenced::ical::html_document(o));
    CHECK(e.html_format == "text/html");
    CHECK(e.location == "Board room");
    CHECK(e.classification == "PUBLIC");
    CHECK(e.categories == std::vector<std::string>{"ELT", "Cadence"});
    REQUIRE(e.organizer);
    CHECK(e.organizer->address == "mailto:ceo@example.com");
    CHECK(e.organizer->common_name == "Zoë Ångström");
    REQUIRE(e.attendees.size() == 2);  // Carl has no email
    CHECK(e.attendees[0].address == "mailto:sales@example.com");
    CHECK(e.attendees[0].common_name == "Ana Sales");
    CHECK(e.attendees[0].role == "REQ-PARTICIPANT");
    CHECK(e.attendees[0].partstat == "NEEDS-ACTION");
    CHECK(e.attendees[0].rsvp == "FALSE");
    CHECK(e.attendees[1].address == "mailto:cpo@example.com");
    CHECK(e.attendees[1].common_name == "CPO");  // no name: the role title
    CHECK(e.sequence == 0);
    CHECK(e.status == "CONFIRMED");
    CHECK(e.transparency == "OPAQUE");
    CHECK(e.x_properties.at("X-CADENCED-KIND") == "cadence-call");
    REQUIRE(e.alarms.size() == 1);
    CHECK(e.alarms[0].action == "DISPLAY");
    CHECK(e.alarms[0].trigger == "-PT15M");
    CHECK(e.alarms[0].description == "Reminder");

    // The exact lines for the parameters clients care about.
    CHECK(event_line(text, "DTSTART") == "DTSTART;TZID=America/New_York:20270202T100000");
    CHECK(event_line(text, "DTEND") == "DTEND;TZID=America/New_York:20270202T120500");
    CHECK(event_line(text, "ORGANIZER") == "ORGANIZER;CN=Zoë Ångström:mailto:ceo@example.com");
    CHECK(event_line(text, "ATTENDEE") ==
          "ATTENDEE;CN=Ana Sales;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:sales@example.com");
    CHECK(event_line(text, "X-ALT-DESC").starts_with("X-ALT-DESC;FMTTYPE=text/html:<!DOCTYPE html>"));
}

TEST_CASE("writer: an event without extras has none of their properties", "[unit][ical]") {
    auto o = timed("plain@cadenced", "America/New_York", at(year{2027} / March / 2, hours{10}));
    o.meeting_id.clear();
    const auto cal = read_calendar(write_calendar(info_for(), {o}));
    REQUIRE(cal.events.size() == 1);
    const auto& e = cal.events[0];
    CHECK(e.description.empty());
    CHECK(e.location.empty());
    CHECK(e.categories.empty());
    CHECK_FALSE(e.organizer);
    CHECK(e.attendees.empty());
    CHECK(e.alarms.empty());
    CHECK(e.x_properties.count("X-CADENCED-KIND") == 0);
    CHECK(e.x_properties.count("X-ALT-DESC") == 0);  // no text, so no HTML either
}

TEST_CASE("writer: a confidential event is CLASS:CONFIDENTIAL", "[unit][ical]") {
    auto o = timed("offsite@cadenced", "America/New_York", at(year{2027} / March / 16, hours{9}), hours{8});
    o.confidential = true;
    const auto text = write_calendar(info_for(), {o});
    CHECK(event_line(text, "CLASS") == "CLASS:CONFIDENTIAL");
}

TEST_CASE("writer: all-day events use VALUE=DATE and end the next day", "[unit][ical]") {
    const auto o = all_day("due@cadenced", "America/New_York", year{2027} / January / 28);
    const auto text = write_calendar(info_for(), {o});
    CHECK(event_line(text, "DTSTART") == "DTSTART;VALUE=DATE:20270128");
    CHECK(event_line(text, "DTEND") == "DTEND;VALUE=DATE:20270129");
    CHECK(event_line(text, "TRANSP") == "TRANSP:TRANSPARENT");
    const auto cal = read_calendar(text);
    REQUIRE(cal.events.size() == 1);
    REQUIRE(cal.events[0].start);
    CHECK(cal.events[0].start->is_date);
    CHECK(cal.events[0].start->date == year{2027} / January / 28);
    CHECK(cal.events[0].end->date == year{2027} / January / 29);

    // Year end, and an all-day event whose end is missing.
    auto new_year = all_day("eve@cadenced", "America/New_York", year{2027} / December / 31);
    new_year.end = new_year.start;
    const auto eve = write_calendar(info_for(), {new_year});
    CHECK(event_line(eve, "DTEND") == "DTEND;VALUE=DATE:20280101");
}

TEST_CASE("writer: UTC events are UTC times without a VTIMEZONE", "[unit][ical]") {
    const auto o = timed("review@cadenced", "UTC", at(year{2027} / June / 1, hours{10}));
    const auto text = write_calendar(info_for("Etc/UTC"), {o});
    CHECK(event_line(text, "DTSTART") == "DTSTART:20270601T100000Z");
    CHECK(event_line(text, "DTEND") == "DTEND:20270601T110000Z");
    const auto cal = read_calendar(text);
    CHECK(cal.timezones.empty());
    CHECK(cal.x_properties.at("X-WR-TIMEZONE") == "Etc/UTC");
    CHECK(cal.events[0].start->utc == sys_days{year{2027} / June / 1} + hours{10});
}

TEST_CASE("writer: a timed event ending at its start gets no DTEND", "[unit][ical]") {
    auto o = timed("instant@cadenced", "America/New_York", at(year{2027} / June / 1, hours{10}));
    o.end = o.start;
    const auto text = write_calendar(info_for(), {o});
    CHECK(event_line(text, "DTEND").empty());
}

TEST_CASE("writer: one VTIMEZONE per zone in use, calendar zone first", "[unit][ical]") {
    const std::vector<occurrence> events{
        timed("a@cadenced", "Asia/Kolkata", at(year{2027} / March / 2, hours{10})),
        timed("b@cadenced", "Pacific/Chatham", at(year{2027} / March / 3, hours{10})),
        timed("c@cadenced", "Asia/Kolkata", at(year{2027} / March / 4, hours{10})),
        all_day("d@cadenced", "Europe/London", year{2027} / March / 5),  // dates need no zone
        timed("e@cadenced", "UTC", at(year{2027} / March / 6, hours{10})),
        timed("f@cadenced", "", at(year{2027} / March / 7, hours{10})),  // the calendar's zone
    };
    const auto text = write_calendar(info_for(), events);
    const auto cal = read_calendar(text);
    CHECK(cal.errors.empty());
    std::vector<std::string> tzids;
    for (const auto& z : cal.timezones) {
        tzids.push_back(z.tzid);
        CHECK(z.property_names == std::vector<std::string>{"TZID"});  // no X-LIC-LOCATION
    }
    CHECK(tzids == std::vector<std::string>{"America/New_York", "Asia/Kolkata", "Pacific/Chatham"});
    std::vector<std::string> tzid_lines;
    for (const auto& line : content_lines(text)) {
        if (line.starts_with("TZID:")) tzid_lines.push_back(line);
    }
    CHECK(tzid_lines ==
          std::vector<std::string>{"TZID:America/New_York", "TZID:Asia/Kolkata", "TZID:Pacific/Chatham"});
    CHECK(text.find("freeassociation") == std::string::npos);
    CHECK(event_line(text, "DTSTART;TZID=America/New_York") == "DTSTART;TZID=America/New_York:20270307T100000");
}

TEST_CASE("writer: on DST days libical's instants from our VTIMEZONEs equal HH date's", "[unit][ical]") {
    struct local_event {
        const char* zone;
        year_month_day day;
        minutes time;
    };
    const std::vector<local_event> cases{
        {"America/New_York", year{2027} / March / 14, hours{10}},  // spring forward
        {"America/New_York", year{2027} / November / 7, hours{10}},  // fall back
        {"America/New_York", year{2027} / March / 14, hours{3}},
        {"Europe/London", year{2027} / March / 28, hours{10}},
        {"Europe/London", year{2027} / October / 31, hours{10}},
        {"Australia/Sydney", year{2027} / April / 4, hours{10}},  // southern autumn: DST ends
        {"Australia/Sydney", year{2027} / October / 3, hours{10}},
        {"Asia/Kolkata", year{2027} / March / 14, hours{10}},
        {"Pacific/Chatham", year{2027} / April / 4, hours{10}},
        {"Pacific/Chatham", year{2027} / September / 26, hours{10}},
        {"Pacific/Chatham", year{2027} / September / 26, minutes{90}},  // ends before 02:45
        {"Pacific/Chatham", year{2027} / September / 26, hours{4}},  // just after
    };
    std::vector<occurrence> events;
    for (const auto& c : cases) {
        events.push_back(timed(std::string{c.zone} + "-" + iso(c.day) + "@test", c.zone, local_days{c.day} + c.time));
    }
    const auto cal = read_calendar(write_calendar(info_for(), events));
    CHECK(cal.errors.empty());
    REQUIRE(cal.events.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO(events[i].uid);
        REQUIRE(cal.events[i].start->utc);
        CHECK(*cal.events[i].start->utc == date_instant(cases[i].zone, events[i].start));
        CHECK(*cal.events[i].end->utc == date_instant(cases[i].zone, events[i].end));
    }
}

TEST_CASE("writer: a century of events keeps small, correct VTIMEZONEs", "[unit][ical]") {
    std::vector<occurrence> events;
    for (int y = 2027; y <= 2126; y += 33) {
        events.push_back(timed("ny-" + std::to_string(y), "America/New_York", at(year{y} / July / 6, hours{10})));
        events.push_back(timed("syd-" + std::to_string(y), "Australia/Sydney", at(year{y} / July / 6, hours{10})));
    }
    const auto text = write_calendar(info_for(), events);
    const auto cal = read_calendar(text);
    REQUIRE(cal.timezones.size() == 2);
    CHECK(cal.timezones[0].observances.size() == 2);
    CHECK(cal.timezones[1].observances.size() == 2);
    // HH date has no DST after 2037 here; July is summer in New York and
    // winter in Sydney.
    for (const auto& e : cal.events) {
        INFO(e.uid);
        const auto day = sys_days{year_month_day{floor<days>(*e.start->utc)}};
        CHECK(*e.start->utc - day == (e.uid.starts_with("ny") ? hours{14} : hours{0}));
    }
}

TEST_CASE("writer: TEXT values are escaped exactly", "[unit][ical]") {
    auto o = timed("escape@cadenced", "America/New_York", at(year{2027} / March / 2, hours{10}));
    o.title = "Plan, budget; C:\\path\r\nnext line";
    o.description = "Notes, more; C:\\dir\nline 2";
    o.location = "Room 1, HQ; floor 2";
    o.categories = {"Sales, Marketing", "R;D", "ELT"};
    const auto text = write_calendar(info_for(), {o});
    CHECK(event_line(text, "SUMMARY") == "SUMMARY:Plan\\, budget\\; C:\\\\path\\nnext line");
    CHECK(event_line(text, "LOCATION") == "LOCATION:Room 1\\, HQ\\; floor 2");
    CHECK(event_line(text, "CATEGORIES") == "CATEGORIES:Sales\\, Marketing,R\\;D,ELT");
    CHECK(event_line(text, "X-ALT-DESC").find("<p>Notes\\, more\\; C:\\\\dir<br>line 2</p>") != std::string::npos);

    // (libical 3.0.16 itself cannot split that CATEGORIES list again: after
    // an escaped character it stops splitting at commas.)
    const auto cal = read_calendar(text);
    REQUIRE(cal.events.size() == 1);
    CHECK(cal.events[0].summary == "Plan, budget; C:\\path\nnext line");
    CHECK(cal.events[0].location == "Room 1, HQ; floor 2");
}

TEST_CASE("writer: control characters are dropped, quotes in names replaced", "[unit][ical]") {
    auto o = timed("ctl@cadenced", "America/New_York", at(year{2027} / March / 2, hours{10}));
    o.title = std::string{"bell\x07 tab\there"};
    o.organizer = person{"ceo", "CEO", "Jo \"JJ\" Doe, Jr.", "ceo@example.com", {}};
    const auto text = write_calendar(info_for(), {o});
    CHECK(event_line(text, "SUMMARY") == "SUMMARY:bell tab\there");
    CHECK(event_line(text, "ORGANIZER") == "ORGANIZER;CN=\"Jo 'JJ' Doe, Jr.\":mailto:ceo@example.com");
}

TEST_CASE("writer: CRLF everywhere, at most 75 octets, UTF-8 never split", "[unit][ical]") {
    std::vector<occurrence> events;
    for (std::size_t shift = 0; shift < 12; ++shift) {
        auto o = timed("utf8-" + std::to_string(shift) + "@cadenced", "Europe/London",
                       at(year{2027} / May / 4, hours{10}));
        o.title = std::string(shift, 'x') + "Überprüfung — 日本語 … Überprüfung — 日本語 … Überprüfung 🚀 — 日本語 …";
        o.description = std::string(shift, 'y') + "Ünïcödé, ∑; 日本語テキスト\nnext line — " + std::string(200, 'z');
        events.push_back(o);
    }
    const auto text = write_calendar(info_for(), events);
    REQUIRE(text.ends_with("\r\n"));
    const auto lines = physical_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i + 1 << ": " << lines[i]);
        CHECK(lines[i].size() <= 75);
        CHECK(lines[i].find_first_of("\r\n") == std::string::npos);
        if (lines[i].starts_with(" ")) {
            REQUIRE(lines[i].size() > 1);
            CHECK_FALSE(is_utf8_continuation(lines[i][1]));
        }
    }
    const auto cal = read_calendar(text);
    CHECK(cal.errors.empty());
    REQUIRE(cal.events.size() == events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK(cal.events[i].summary == events[i].title);
        CHECK(cal.events[i].description == cadenced::schedule::render_text(events[i]));
    }
}

TEST_CASE("writer: the same input gives the same bytes", "[unit][ical]") {
    std::vector<occurrence> events{full_event(), all_day("due@cadenced", "America/New_York", year{2027} / January / 28),
                                   timed("kol@cadenced", "Asia/Kolkata", at(year{2027} / March / 16, hours{9}))};
    const auto first = write_calendar(info_for(), events);
    const auto second = write_calendar(info_for(), events);
    CHECK(first == second);
    auto later = info_for();
    later.stamp += hours{1};
    CHECK(write_calendar(later, events) != first);  // only DTSTAMP may differ
}

TEST_CASE("writer: an unknown zone is an error", "[unit][ical]") {
    const auto o = timed("x@cadenced", "Mars/Olympus_Mons", at(year{2027} / March / 2, hours{10}));
    CHECK_THROWS_AS(write_calendar(info_for(), {o}), cadenced::ical::unknown_zone_error);
    CHECK_THROWS_AS(write_calendar(info_for("Nowhere/Else"), {}), cadenced::ical::unknown_zone_error);
}

TEST_CASE("writer: each attendee once per event, the right ones in every event", "[unit][ical]") {
    const person ana{"sales", "Head of Sales", "Ana", "ana@example.com", {}};
    const person bob{"cfo", "CFO", "Bob", "bob@example.com", {}};
    auto first = timed("first@cadenced", "America/New_York", at(year{2027} / March / 2, hours{10}));
    first.attendees = {ana, bob, ana};
    auto second = timed("second@cadenced", "America/New_York", at(year{2027} / March / 3, hours{10}));
    second.attendees = {bob};
    second.organizer = ana;
    const auto cal = read_calendar(write_calendar(info_for(), {first, second}));
    REQUIRE(cal.events.size() == 2);
    REQUIRE(cal.events[0].attendees.size() == 2);
    CHECK(cal.events[0].attendees[0].common_name == "Ana");
    CHECK(cal.events[0].attendees[1].common_name == "Bob");
    CHECK_FALSE(cal.events[0].organizer);
    REQUIRE(cal.events[1].attendees.size() == 1);
    CHECK(cal.events[1].attendees[0].address == "mailto:bob@example.com");
    REQUIRE(cal.events[1].organizer);
    CHECK(cal.events[1].organizer->address == "mailto:ana@example.com");
}

TEST_CASE("writer: a large calendar written on several cores has the bytes of one writer", "[unit][ical]") {
    // 9,000 events make several slices; the expected text is built event by
    // event from single-event calendars, which never slice.
    std::vector<cadenced::schedule::occurrence> events;
    for (int i = 0; i < 9000; ++i) {
        auto o = timed("e" + std::to_string(i) + "@cadenced", "America/New_York",
                       at(year{2027} / March / 2, hours{10}) + days{i % 400}, minutes{30 + i % 90});
        o.title = "Event " + std::to_string(i) + ", with; text";
        events.push_back(o);
    }
    const auto info = info_for();
    const auto whole = write_calendar(info, events);
    const auto body_of = [](const std::string& calendar) {
        const auto first = calendar.find("BEGIN:VEVENT");
        return calendar.substr(first, calendar.rfind("END:VCALENDAR") - first);
    };
    std::string expected;
    for (const auto& o : events) expected += body_of(write_calendar(info, {o}));
    CHECK(body_of(whole) == expected);
}
