#include "schedule/agenda_render.h"
#include "schedule/feed.h"
#include "schedule/schedule.h"
#include "support/default_rhythm.h"

#include <catch2/catch.hpp>

using namespace cadenced::schedule;
using namespace std::chrono;

namespace {
const date_range q1_fy2028{year{2027} / February / 1, year{2027} / April / 30};
}

TEST_CASE("render: the cadence call agenda as text with clock times", "[unit][schedule][render]") {
    auto r = test_support::default_rhythm();
    r.meetings[0].description = "Quarterly kickoff.\n\nCome prepared.";
    const auto all = generate(r, q1_fy2028);
    const occurrence& call = all[0];
    REQUIRE(call.meeting_id == "cadence-call");
    CHECK(render_text(call) ==
          "Quarterly kickoff.\n\nCome prepared.\n\n"
          "Agenda\n"
          "10:00-10:10 Recap of previous quarter performance (CEO)\n"
          "10:10-10:30 Product deliverables Q1: major features ('rocks') and deadlines\n"
          "10:30-10:50 Marketing alignment for leads and PR, features to market\n"
          "10:50-11:00 Event launch deadline, press release and marketing initiatives\n"
          "11:00-11:20 Sales quotas: regional and per AM/AE (Head of Sales)\n"
          "11:20-11:30 Review commissions and bonus structure, spiffs\n"
          "11:30-11:40 Customer success: revenue expansion and championing newly live customers\n"
          "11:40-12:00 Training: product, sales techniques, what worked and didn't\n"
          "12:00-12:05 Closing Q&A (CEO)\n\n"
          "Takes the place of the Monthly meeting of February 2027.");
    const std::string html = render_html(call);
    CHECK(html.find("<p>Quarterly kickoff.</p>\n<p>Come prepared.</p>") != std::string::npos);
    CHECK(html.find("<li><b>12:00-12:05</b> Closing Q&amp;A <i>(CEO)</i></li>") != std::string::npos);
    CHECK(html.find("major features (&#39;rocks&#39;)") != std::string::npos);
}

TEST_CASE("feeds: company feed shows confidential meetings as busy blocks", "[unit][schedule][feed]") {
    auto r = test_support::default_rhythm();
    r.people[0].email = "ceo@example.com";
    r.meetings[3].attendees = {"elt"};
    r.meetings[3].organizer = "ceo";
    const auto all = generate(r, q1_fy2028);
    const auto feeds = default_feeds();
    REQUIRE(feeds.size() == 2);
    const auto everything = apply_feed(all, feeds[0]);
    const auto company = apply_feed(all, feeds[1]);
    REQUIRE(everything.size() == all.size());
    REQUIRE(company.size() == all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].meeting_id != "offsite") {
            CHECK(company[i].title == all[i].title);
            continue;
        }
        CHECK(everything[i].title == all[i].title);
        CHECK(everything[i].attendees.size() == 2);
        CHECK(company[i].title == "Busy");
        CHECK(company[i].uid == all[i].uid);
        CHECK(company[i].start == all[i].start);
        CHECK(company[i].end == all[i].end);
        CHECK(company[i].description.empty());
        CHECK(company[i].location.empty());
        CHECK(company[i].agenda.items.empty());
        CHECK(company[i].remarks.empty());
        CHECK(company[i].attendees.empty());
        CHECK_FALSE(company[i].organizer.has_value());
        CHECK(render_text(company[i]).empty());
    }
    feed omit{"public", "Public", {"cadence-call", "offsite"}, confidential_view::omit, "Busy"};
    const auto public_view = apply_feed(all, omit);
    REQUIRE(public_view.size() == 1);
    CHECK(public_view[0].meeting_id == "cadence-call");
}
