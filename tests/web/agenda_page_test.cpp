#include "daemon/web/pages.h"
#include "html_probe.h"
#include "sample_year.h"
#include "schedule/agenda_render.h"

#include <catch2/catch.hpp>

using namespace web_test;
using cadenced::schedule::occurrence;
using cadenced::web::agenda_page;

namespace {

occurrence fy2028(const std::string& uid) {
    for (auto& o : fy2028_occurrences())
        if (o.uid == uid) return o;
    FAIL("no occurrence " << uid);
    return {};
}

}  // namespace

TEST_CASE("agenda page: the cadence call with times, owners and the shared agenda renderer", "[unit][web][agenda]") {
    const auto call = fy2028("cadence-call-FY2028-Q1@cadenced");
    const std::string page = agenda_page(call, "Operating rhythm");
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(contains(page, "<title>Quarterly cadence call Q1 FY2028 - Operating rhythm</title>"));
    CHECK(contains(page, "<h1>Quarterly cadence call Q1 FY2028</h1>"));
    CHECK(contains(page, "<dt>When</dt><dd>Tuesday 2 February 2027, 10:00-12:05 (Europe/London)</dd>"));
    CHECK(contains(page, "<dt>Organizer</dt><dd>CEO</dd>"));
    CHECK(contains(page, "Head of Customer Success, Chief of Staff</dd>"));
    CHECK(contains(page, "<li><b>10:00-10:10</b> Recap of previous quarter performance <i>(CEO)</i>"));
    CHECK(contains(page, "<b>12:00-12:05</b> Closing Q&amp;A <i>(CEO)</i>"));
    CHECK(contains(page, cadenced::schedule::render_html(call)));
    CHECK(contains(page, "Takes the place of the Monthly meeting of February 2027."));
    CHECK(contains(page, "<a class=\"back\" href=\"/\">"));
    CHECK_FALSE(contains(page, "<dt>Day</dt>"));
    CHECK_FALSE(contains(page, "Confidential"));
    CHECK(contains(page, ":root{--k:#4338ca}"));
}

TEST_CASE("agenda page: an offsite day names its place in the block and is marked confidential", "[unit][web][agenda]") {
    const std::string page = agenda_page(fy2028("offsite-FY2028-Q1-D2@cadenced"), "Operating rhythm");
    CHECK(contains(page, "<dt>When</dt><dd>Wednesday 17 March 2027, 09:00-17:00 (Europe/London)</dd>"));
    CHECK(contains(page, "<dt>Day</dt><dd>Day 2 of 4 (Tue 16 Mar &ndash; Fri 19 Mar)</dd>"));
    CHECK(contains(page, "<dt>Where</dt><dd>Travel offsite (venue to be announced)</dd>"));
    CHECK(contains(page, "<p class=\"badge\">Confidential</p>"));
    CHECK(contains(page, "<h3>Agenda: Day 2 - Priorities</h3>"));
}

TEST_CASE("agenda page: an all-day deadline", "[unit][web][agenda]") {
    const std::string page = agenda_page(fy2028("cadence-agenda-due-FY2028-Q2@cadenced"), "Operating rhythm");
    CHECK(contains(page, "<dt>When</dt><dd>Thursday 29 April 2027 (all day)</dd>"));
    CHECK(contains(page, "Release deadlines and engineering capacity <i>(Head of Engineering)</i>"));
}

TEST_CASE("agenda page: people with names and addresses, everything escaped", "[unit][web][agenda]") {
    auto o = fy2028("monday-with-managers-FY2028-Q1@cadenced");
    o.title = "Managers <b>&</b>";
    o.location = "Room \"A\"";
    o.organizer = cadenced::schedule::person{"ceo", "CEO", "Alex <Example>", "alex@example.com", {}};
    o.attendees = {{"cfo", "CFO", "", "", {}}};
    const std::string page = agenda_page(o, "R&D");
    CHECK(contains(page, "<h1>Managers &lt;b&gt;&amp;&lt;/b&gt;</h1>"));
    CHECK(contains(page, "<title>Managers &lt;b&gt;&amp;&lt;/b&gt; - R&amp;D</title>"));
    CHECK(contains(page, "<dd>Room &quot;A&quot;</dd>"));
    CHECK(contains(page, "<dd><a href=\"mailto:alex@example.com\">Alex &lt;Example&gt;</a> (CEO)</dd>"));
    CHECK(contains(page, "<dt>Attendees</dt><dd>CFO</dd>"));
    CHECK_FALSE(contains(page, "<b>&</b>"));
}

TEST_CASE("agenda page: a busy block has no agenda to show", "[unit][web][agenda]") {
    const auto company = cadenced::schedule::apply_feed(fy2028_occurrences(), default_feed("company"));
    const occurrence* busy = nullptr;
    for (const auto& o : company)
        if (o.uid == "offsite-FY2028-Q1-D1@cadenced") busy = &o;
    REQUIRE(busy != nullptr);
    const std::string page = agenda_page(*busy, "Operating rhythm");
    CHECK(contains(page, "<h1>Busy</h1>"));
    CHECK(contains(page, "No agenda is published for this meeting."));
    CHECK_FALSE(contains(page, "<div class=\"cadenced-agenda\">"));
}
