#include "providers/graph_event.h"

#include "providers/encoding.h"

#include <catch2/catch.hpp>

using namespace cadenced::providers;
using namespace std::chrono;
using nlohmann::json;

namespace {

cadenced::schedule::occurrence call(const std::string& zone = "America/New_York") {
    cadenced::schedule::occurrence o;
    o.uid = "cadence-call-FY2028-Q1@cadenced";
    o.meeting_id = "cadence-call";
    o.title = "Quarterly cadence call FY2028 Q1";
    o.location = "Board room";
    o.timezone = zone;
    o.start = local_days{year{2027} / February / 2} + hours{10};
    o.end = o.start + hours{2};
    o.date = floor<days>(o.start);
    o.confidential = true;
    o.reminder_minutes = 15;
    o.attendees = {{"ceo", "Chief Executive Officer", "Ada", "ada@example.com", {}}};
    o.agenda.items = {{"Recap & <wins>", "CEO", o.start, o.start + minutes{10}, {}}};
    return o;
}

// The event as Graph lists it: times in UTC, the tag expanded, the
// attachments' ids and names.
json as_listed(const json& sent, const std::string& utc_start, const std::string& utc_end, bool with_agenda = true) {
    json item = {{"id", "AAMkAGI2TG93AAA="},
                 {"@odata.etag", "W/\"DwAAABYAAAA\""},
                 {"subject", sent["subject"]},
                 {"isAllDay", sent["isAllDay"]},
                 {"location", sent["location"]},
                 {"start", {{"dateTime", utc_start + ".0000000"}, {"timeZone", "UTC"}}},
                 {"end", {{"dateTime", utc_end + ".0000000"}, {"timeZone", "UTC"}}},
                 {"singleValueExtendedProperties", sent["singleValueExtendedProperties"]},
                 {"attachments", json::array()}};
    if (with_agenda) item["attachments"].push_back({{"id", "AAMkAGI2att1"}, {"name", "agenda.html"}});
    return item;
}

}  // namespace

TEST_CASE("graph event: an occurrence as a Graph event, in its Windows zone", "[unit][providers]") {
    const auto o = call();
    const desired_event d{&o, o.uid, "0123abcd"};
    const json e = graph_event_body(d, true);
    CHECK(e["subject"] == "Quarterly cadence call FY2028 Q1");
    CHECK(e["start"] == json{{"dateTime", "2027-02-02T10:00:00"}, {"timeZone", "Eastern Standard Time"}});
    CHECK(e["end"] == json{{"dateTime", "2027-02-02T12:00:00"}, {"timeZone", "Eastern Standard Time"}});
    CHECK(e["isAllDay"] == false);
    CHECK(e["sensitivity"] == "private");
    CHECK(e["showAs"] == "busy");
    CHECK(e["location"] == json{{"displayName", "Board room"}});
    CHECK(e["isReminderOn"] == true);
    CHECK(e["reminderMinutesBeforeStart"] == 15);
    CHECK(e["body"]["contentType"] == "html");
    CHECK(e["body"]["content"].get<std::string>().find("Recap &amp; &lt;wins&gt;") != std::string::npos);
    CHECK_FALSE(e.contains("attendees"));  // Graph would mail them invitations
    CHECK(e["transactionId"] == graph_transaction_id(o.uid));
    CHECK(graph_transaction_id(o.uid) == graph_transaction_id("cadence-call-FY2028-Q1@cadenced"));
    CHECK(graph_transaction_id(o.uid) != graph_transaction_id("cadence-call-FY2028-Q2@cadenced"));
    REQUIRE(e["singleValueExtendedProperties"].size() == 1);
    CHECK(e["singleValueExtendedProperties"][0]["id"] == graph_tag_property);
    const std::string tag = e["singleValueExtendedProperties"][0]["value"];
    CHECK(tag.rfind("cadenced/1 cadence-call-FY2028-Q1@cadenced 0123abcd ", 0) == 0);
    CHECK(tag.rfind(graph_tag_lookup_prefix(o.uid), 0) == 0);
    // An update carries no transactionId: Graph refuses to change it.
    CHECK_FALSE(graph_event_body(d, false).contains("transactionId"));
    // Attendees only when the target sends invitations.
    CHECK(graph_event_body(d, false, true)["attendees"] ==
          json::array({{{"emailAddress", {{"address", "ada@example.com"}, {"name", "Ada"}}}, {"type", "required"}}}));
}

TEST_CASE("graph event: zones Windows has no name for go as UTC, all-day events as whole UTC days", "[unit][providers]") {
    auto o = call("America/Ciudad_Juarez");  // newer than CLDR's table; UTC-7 all year
    const desired_event d{&o, o.uid, "h"};
    const json e = graph_event_body(d, false);
    CHECK(e["start"] == json{{"dateTime", "2027-02-02T17:00:00"}, {"timeZone", "UTC"}});
    CHECK(e["end"] == json{{"dateTime", "2027-02-02T19:00:00"}, {"timeZone", "UTC"}});

    auto offsite = call("Australia/Sydney");
    offsite.all_day = true;
    offsite.date = local_days{year{2027} / May / 10};
    offsite.start = offsite.date;
    offsite.end = offsite.date + days{1};
    const desired_event a{&offsite, offsite.uid, "h"};
    const json day = graph_event_body(a, false);
    CHECK(day["isAllDay"] == true);
    CHECK(day["start"] == json{{"dateTime", "2027-05-10T00:00:00"}, {"timeZone", "UTC"}});
    CHECK(day["end"] == json{{"dateTime", "2027-05-11T00:00:00"}, {"timeZone", "UTC"}});
    CHECK(day["showAs"] == "free");
}

TEST_CASE("graph event: instants of wall-clock times across daylight-saving changes", "[unit][providers]") {
    const auto at = [](int y, unsigned m, unsigned d, int h) {
        return local_seconds{local_days{year{y} / month{m} / day{d}}} + hours{h};
    };
    const auto utc = [](int y, unsigned m, unsigned d, int h) { return sys_days{year{y} / month{m} / day{d}} + hours{h}; };
    CHECK(instant_of(at(2027, 1, 5, 10), "America/New_York") == utc(2027, 1, 5, 15));
    CHECK(instant_of(at(2027, 7, 5, 10), "America/New_York") == utc(2027, 7, 5, 14));
    CHECK(instant_of(at(2027, 3, 14, 12), "America/New_York") == utc(2027, 3, 14, 16));  // the day clocks go forward
    CHECK(instant_of(at(2027, 1, 5, 10), "Asia/Kolkata") == utc(2027, 1, 5, 4) + minutes{30});
    CHECK(instant_of(at(2027, 1, 5, 10), "Pacific/Chatham") == utc(2027, 1, 4, 20) + minutes{15});
    CHECK_FALSE(instant_of(at(2027, 1, 5, 10), "Mars/Olympus").has_value());
}

TEST_CASE("graph event: listed events back, edits and missing agendas seen", "[unit][providers]") {
    const auto o = call();
    const desired_event d{&o, o.uid, "0123abcd"};
    const json sent = graph_event_body(d, true);

    const auto r = graph_remote_event(as_listed(sent, "2027-02-02T15:00:00", "2027-02-02T17:00:00"));
    REQUIRE(r.has_value());
    CHECK(r->remote_id == "AAMkAGI2TG93AAA=");
    CHECK(r->uid == o.uid);
    CHECK(r->content_hash == "0123abcd");
    CHECK(r->etag == "W/\"DwAAABYAAAA\"");
    CHECK(r->attachment_ids == std::vector<std::string>{"AAMkAGI2att1"});
    CHECK_FALSE(r->edited_by_someone);
    CHECK_FALSE(r->cancelled);

    // Someone moved it an hour later in Outlook.
    const auto moved = graph_remote_event(as_listed(sent, "2027-02-02T16:00:00", "2027-02-02T18:00:00"));
    REQUIRE(moved.has_value());
    CHECK(moved->edited_by_someone);
    json renamed = as_listed(sent, "2027-02-02T15:00:00", "2027-02-02T17:00:00");
    renamed["subject"] = "Renamed";
    CHECK(graph_remote_event(renamed)->edited_by_someone);

    // Its agenda is missing: the event must be written again.
    const auto bare = graph_remote_event(as_listed(sent, "2027-02-02T15:00:00", "2027-02-02T17:00:00", false));
    REQUIRE(bare.has_value());
    CHECK(bare->content_hash.empty());

    // Not cadenced's: no tag, another tag, a tag of another layout.
    json foreign = as_listed(sent, "2027-02-02T15:00:00", "2027-02-02T17:00:00");
    foreign.erase("singleValueExtendedProperties");
    CHECK_FALSE(graph_remote_event(foreign).has_value());
    foreign["singleValueExtendedProperties"] = {{{"id", "String {00000000-0000-0000-0000-000000000000} Name other"}, {"value", "x"}}};
    CHECK_FALSE(graph_remote_event(foreign).has_value());
    foreign["singleValueExtendedProperties"] = {{{"id", graph_tag_property}, {"value", "cadenced/2 a b c"}}};
    CHECK_FALSE(graph_remote_event(foreign).has_value());
}

TEST_CASE("graph event: UIDs with spaces survive the tag", "[unit][providers]") {
    auto o = call();
    o.uid = "odd uid 100%";
    const desired_event d{&o, o.uid, "h"};
    const json sent = graph_event_body(d, true);
    CHECK(sent["singleValueExtendedProperties"][0]["value"].get<std::string>().rfind("cadenced/1 odd%20uid%20100%25 h ", 0) == 0);
    const auto r = graph_remote_event(as_listed(sent, "2027-02-02T15:00:00", "2027-02-02T17:00:00"));
    REQUIRE(r.has_value());
    CHECK(r->uid == "odd uid 100%");
}

TEST_CASE("graph event: the agenda as an agenda.html attachment", "[unit][providers]") {
    const auto o = call();
    const desired_event d{&o, o.uid, "h"};
    const json a = graph_agenda_attachment_body(d);
    CHECK(a["@odata.type"] == "#microsoft.graph.fileAttachment");
    CHECK(a["name"] == "agenda.html");
    CHECK(a["contentType"] == "text/html");
    const std::string b64 = a["contentBytes"];
    CHECK(b64.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") == std::string::npos);
    CHECK(b64.rfind(base64("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Quarterly").substr(0, 40), 0) == 0);
}
