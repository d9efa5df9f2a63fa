// The default rhythm synced to both providers at once: every event must
// land at the same instant on Google (IANA zone names) and on Microsoft
// (Windows zone names through CLDR's table), whatever the zone.
#include "graph_fixture.h"

#include <catch2/catch.hpp>
#include <date/tz.h>

#include <cstdio>
#include <map>

using namespace sync_test;
using nlohmann::json;

namespace {

// "2027-11-02T14:00:00" in `zone` as UTC "2027-11-02T18:00:00Z", by HH
// date, an oracle independent of cadenced's own zone code and of the
// emulator's.
std::string utc_of(const std::string& local, const std::string& zone) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    REQUIRE(std::sscanf(local.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) == 6);
    const date::local_seconds t = date::local_days{date::year{y} / mo / d} + std::chrono::hours{h} +
                                  std::chrono::minutes{mi} + std::chrono::seconds{s};
    const auto utc = date::locate_zone(zone)->to_sys(t, date::choose::earliest);
    return date::format("%Y-%m-%dT%H:%M:%SZ", utc);
}

}  // namespace

TEST_CASE("sync: every default-rhythm event lands at the same instant on Google and Microsoft", "[sync][microsoft][google]") {
    const auto zone = GENERATE(as<std::string>{}, "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney",
                               "Pacific/Chatham");
    INFO("time zone " << zone);
    google_emulator google;
    graph_emulator graph;
    graph_workspace work{graph};
    const auto default_config = work.run({"--print-default-config"});
    REQUIRE(default_config.exit_code == 0);
    work.write("google.json", json{{"type", "authorized_user"},
                                   {"client_id", "test-client-id"},
                                   {"client_secret", "test-client-secret"},
                                   {"refresh_token", "test-refresh-token"}}
                                  .dump());
    // The Microsoft target comes from write_config; the Google one is added.
    work.write_config("timezone = \"" + zone + "\"\n" + default_config.out +
                      "\n[[sync]]\nname = \"google\"\nprovider = \"google\"\n"
                      "credentials = \"" + work.path("google.json") + "\"\n"
                      "api_base = \"" + google.base() + "/calendar/v3\"\n"
                      "token_url = \"" + google.base() + "/token\"\n");
    const auto run = work.sync();
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);

    std::map<std::string, json> on_google;
    for (const auto& e : google.live_events()) on_google[e["extendedProperties"]["private"].value("cadencedUid", "")] = e;
    const auto on_microsoft = graph.events();
    REQUIRE(on_microsoft.size() >= 70);  // two fiscal years of the default rhythm
    REQUIRE(on_google.size() == on_microsoft.size());
    std::size_t timed = 0;
    for (const auto& m : on_microsoft) {
        const std::string uid = graph_tagged_uid(m);
        INFO(uid);
        REQUIRE(on_google.count(uid) == 1);
        const json& g = on_google[uid];
        if (g["start"].contains("date")) {
            // All-day: the same dates, midnight to midnight.
            CHECK(m["isAllDay"] == true);
            CHECK(m["utcStart"] == g["start"]["date"].get<std::string>() + "T00:00:00Z");
            CHECK(m["utcEnd"] == g["end"]["date"].get<std::string>() + "T00:00:00Z");
            continue;
        }
        ++timed;
        CHECK(g["start"]["timeZone"] == zone);
        CHECK(m["utcStart"] == utc_of(g["start"]["dateTime"], zone));
        CHECK(m["utcEnd"] == utc_of(g["end"]["dateTime"], zone));
        // The wall clock is the same too: a Windows zone, not UTC.
        CHECK(m["start"]["dateTime"].get<std::string>().substr(0, 19) == g["start"]["dateTime"].get<std::string>());
        CHECK(m["start"]["timeZone"] != "UTC");
    }
    CHECK(timed > 0);
}
