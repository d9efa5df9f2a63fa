#include "providers/google_event.h"

#include <catch2/catch.hpp>

using namespace cadenced::providers;
using namespace std::chrono;
using nlohmann::json;

namespace {

cadenced::schedule::occurrence call() {
    cadenced::schedule::occurrence o;
    o.uid = "cadence-call-FY2028-Q1@cadenced";
    o.meeting_id = "cadence-call";
    o.title = "Quarterly cadence call FY2028 Q1";
    o.description = "Re-align on outcomes.";
    o.location = "Board room";
    o.timezone = "America/New_York";
    o.start = local_days{year{2027} / February / 2} + hours{10};
    o.end = o.start + hours{2};
    o.date = floor<days>(o.start);
    o.confidential = true;
    o.reminder_minutes = 15;
    o.attendees = {{"ceo", "Chief Executive Officer", "Ada", "ada@example.com", {}},
                   {"cfo", "Chief Financial Officer", "", "", {}}};
    o.agenda.items = {{"Recap & <wins>", "CEO", o.start, o.start + minutes{10}, {}}};
    return o;
}

}  // namespace

TEST_CASE("google event: an occurrence as an Event resource", "[unit][providers]") {
    const auto o = call();
    const desired_event d{&o, o.uid, "0123abcd"};
    google_event_options options;
    options.agenda_base_url = "https://rhythm.example.com/";
    const json e = google_event_body(d, options);
    CHECK(e["id"] == google_event_id(o.uid));
    CHECK(e["summary"] == "Quarterly cadence call FY2028 Q1");
    CHECK(e["start"] == json{{"dateTime", "2027-02-02T10:00:00"}, {"timeZone", "America/New_York"}});
    CHECK(e["end"] == json{{"dateTime", "2027-02-02T12:00:00"}, {"timeZone", "America/New_York"}});
    CHECK(e["visibility"] == "private");
    CHECK(e["transparency"] == "opaque");
    CHECK(e["location"] == "Board room");
    CHECK(e["status"] == "confirmed");
    CHECK(e["reminders"] == json{{"useDefault", false}, {"overrides", {{{"method", "popup"}, {"minutes", 15}}}}});
    CHECK(e["attendees"] == json::array({{{"email", "ada@example.com"}, {"displayName", "Ada"}}}));
    CHECK(e["source"] == json{{"title", "Agenda"},
                              {"url", "https://rhythm.example.com/agenda/cadence-call-FY2028-Q1%40cadenced"}});
    CHECK(e["description"].get<std::string>().find("<b>10:00-10:10</b> Recap &amp; &lt;wins&gt;") != std::string::npos);
    const json& tags = e["extendedProperties"]["private"];
    CHECK(tags["cadenced"] == "1");
    CHECK(tags["cadencedUid"] == o.uid);
    CHECK(tags["cadencedHash"] == "0123abcd");
    for (const auto& [key, value] : tags.items()) CHECK(key.size() <= 44);
}

TEST_CASE("google event: all-day events use dates, the end exclusive", "[unit][providers]") {
    auto o = call();
    o.all_day = true;
    o.start = local_days{year{2027} / January / 28};
    o.end = o.start + days{1};
    o.date = floor<days>(o.start);
    o.confidential = false;
    o.reminder_minutes.reset();
    const json e = google_event_body({&o, o.uid, "h"}, {});
    CHECK(e["start"] == json{{"date", "2027-01-28"}});
    CHECK(e["end"] == json{{"date", "2027-01-29"}});
    CHECK(e["transparency"] == "transparent");
    CHECK(e["visibility"] == "default");
    CHECK(e["reminders"] == json{{"useDefault", true}});
    CHECK_FALSE(e.contains("source"));
}

TEST_CASE("google event: listed events read back, edits noticed", "[unit][providers]") {
    const auto o = call();
    json listed = google_event_body({&o, o.uid, "h1"}, {});
    listed["etag"] = "\"7\"";
    // Google answers with the offset added to the wall-clock time.
    listed["start"]["dateTime"] = "2027-02-02T10:00:00-05:00";
    auto r = google_remote_event(listed);
    REQUIRE(r);
    CHECK(r->remote_id == google_event_id(o.uid));
    CHECK(r->uid == o.uid);
    CHECK(r->content_hash == "h1");
    CHECK(r->etag == "\"7\"");
    CHECK_FALSE(r->cancelled);
    CHECK_FALSE(r->edited_by_someone);

    listed["start"]["dateTime"] = "2027-02-02T11:00:00-05:00";  // moved by hand
    CHECK(google_remote_event(listed)->edited_by_someone);
    listed["status"] = "cancelled";
    CHECK(google_remote_event(listed)->cancelled);

    CHECK_FALSE(google_remote_event(json{{"id", "abc"}, {"summary", "Lunch"}}));
    CHECK_FALSE(google_remote_event(json{{"id", "abc"}, {"extendedProperties", {{"private", {{"other", "1"}}}}}}));
}

TEST_CASE("google event: a long agenda is cut at a line and linked", "[unit][providers]") {
    auto o = call();
    for (int i = 0; i < 400; ++i)
        o.agenda.items.push_back({"Item number " + std::to_string(i) + " with some words", "", std::nullopt, std::nullopt, {}});
    google_event_options options;
    options.agenda_base_url = "https://rhythm.example.com";
    const std::string description = google_event_body({&o, o.uid, "h"}, options)["description"];
    CHECK(description.size() <= options.max_description_bytes);
    CHECK(description.find("<a href=\"https://rhythm.example.com/agenda/cadence-call-FY2028-Q1%40cadenced\">Full agenda</a>") !=
          std::string::npos);
    CHECK(description.find("Item number 1 with some words") != std::string::npos);
    CHECK(description.find("Item number 399") == std::string::npos);
}
