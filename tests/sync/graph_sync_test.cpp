// cadenced --sync against the Microsoft Graph emulator: app-only access,
// tags, agendas attached, batches, faults, human edits, and the device
// code sign-in of delegated access.
#include "graph_fixture.h"
#include "support/rsa_keys.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

using namespace sync_test;
using nlohmann::json;

namespace {

const json* find_by_subject_prefix(const std::vector<json>& events, const std::string& prefix) {
    for (const auto& e : events)
        if (e.value("subject", "").rfind(prefix, 0) == 0) return &e;
    return nullptr;
}

std::string id_of_event_titled(const graph_emulator& graph, const std::string& prefix) {
    const auto events = graph.events();
    const json* event = find_by_subject_prefix(events, prefix);
    REQUIRE(event != nullptr);
    return event->at("id");
}

std::set<std::string> tagged_uids(const std::vector<json>& events) {
    std::set<std::string> uids;
    for (const auto& e : events) uids.insert(graph_tagged_uid(e));
    return uids;
}

std::string agenda_html(const json& event) {
    for (const auto& a : event.value("attachments", json::array()))
        if (a.value("name", "") == "agenda.html") return test_support::base64_decode(a.value("contentBytes", ""));
    return {};
}

std::size_t agenda_count(const json& event) {
    std::size_t n = 0;
    for (const auto& a : event.value("attachments", json::array())) n += a.value("name", "") == "agenda.html";
    return n;
}

}  // namespace

TEST_CASE("graph sync: the first sync creates every occurrence with its agenda, a second one writes nothing",
          "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};

    const auto first = work.sync();
    INFO(first.out << first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.find("created=32 updated=0 deleted=0 unchanged=0") != std::string::npos);
    const auto events = graph.events();
    REQUIRE(events.size() == small_rhythm_events);
    CHECK(tagged_uids(events).size() == small_rhythm_events);

    const json* call = nullptr;
    for (const auto& e : events)
        if (graph_tagged_uid(e) == "quarterly-FY2028-Q4@cadenced") call = &e;
    REQUIRE(call != nullptr);
    CHECK((*call)["mailbox"] == "ceo@contoso.com");
    CHECK((*call)["calendar"] == "default");
    CHECK((*call)["subject"] == "Quarterly call Q4 FY2028");
    // Tuesday 2 November 2027, 14:00-16:00 New York (still on daylight
    // time: it ends on 7 November), in the Windows name of the zone.
    CHECK((*call)["start"] == json{{"dateTime", "2027-11-02T14:00:00"}, {"timeZone", "Eastern Standard Time"}});
    CHECK((*call)["end"] == json{{"dateTime", "2027-11-02T16:00:00"}, {"timeZone", "Eastern Standard Time"}});
    CHECK((*call)["utcStart"] == "2027-11-02T18:00:00Z");
    CHECK((*call)["utcEnd"] == "2027-11-02T20:00:00Z");
    CHECK((*call)["sensitivity"] == "private");
    CHECK((*call)["isReminderOn"] == true);
    CHECK((*call)["reminderMinutesBeforeStart"] == 30);
    CHECK((*call)["body"]["contentType"] == "html");
    CHECK((*call)["transactionId"].get<std::string>().rfind("cadenced-", 0) == 0);
    CHECK(agenda_count(*call) == 1);
    CHECK(agenda_html(*call).find("<title>Quarterly call Q4 FY2028</title>") != std::string::npos);
    for (const auto& e : events) CHECK(agenda_count(e) == 1);

    graph.reset_stats();
    const auto second = work.sync();
    INFO(second.out << second.err);
    REQUIRE(second.exit_code == 0);
    CHECK(second.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    const auto stats = graph.stats();
    CHECK(stats["delta"] == 1);  // only the changes since the last sync
    CHECK(stats["list"] == 0);
    CHECK(stats["get"] == 0);  // the changes were cadenced's own writes, remembered
    CHECK(stats["create"] == 0);
    CHECK(stats["update"] == 0);
    CHECK(stats["delete"] == 0);
    CHECK(stats["attachment_create"] == 0);
    CHECK(stats["batch"] == 0);
}

TEST_CASE("graph sync: delta rounds see edits and new events, an expired delta link starts a full listing",
          "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    REQUIRE(work.sync().exit_code == 0);
    graph.control("insert", {{"mailbox", "ceo@contoso.com"},
                             {"calendar", "default"},
                             {"event", {{"subject", "Dentist"},
                                        {"start", {{"dateTime", "2027-03-01T09:00:00"}, {"timeZone", "UTC"}}},
                                        {"end", {{"dateTime", "2027-03-01T10:00:00"}, {"timeZone", "UTC"}}}}}});
    graph.control("edit", {{"id", id_of_event_titled(graph, "Quarterly call Q2")}, {"changes", {{"subject", "Renamed by hand"}}}});
    graph.reset_stats();

    const auto run = work.sync();
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("created=0 updated=1 deleted=0 unchanged=31") != std::string::npos);
    auto stats = graph.stats();
    CHECK(stats["delta"] == 1);
    CHECK(stats["get"] == 1);  // the new event, to see whose it is; the edited one was known
    CHECK(find_by_subject_prefix(graph.events(), "Renamed by hand") == nullptr);
    CHECK(find_by_subject_prefix(graph.events(), "Dentist") != nullptr);

    graph.control("expire-delta", json::object());
    graph.reset_stats();
    const auto after_expiry = work.sync();
    INFO(after_expiry.out << after_expiry.err);
    REQUIRE(after_expiry.exit_code == 0);
    CHECK(after_expiry.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    stats = graph.stats();
    CHECK(stats["list"] == 1);
    CHECK(stats["delta"].get<int>() >= 2);  // the refused link, then a new round

    // With the state gone the next sync lists in full again, duplicating nothing.
    graph.reset_stats();
    std::filesystem::remove_all(work.path("state"));
    const auto fresh = work.sync();
    CHECK(fresh.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    CHECK(graph.stats()["list"] == 1);
}

TEST_CASE("graph sync: a config change rewrites exactly the events it changes, agendas included", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    REQUIRE(work.sync().exit_code == 0);
    std::string renamed = small_rhythm;
    renamed.replace(renamed.find("Quarterly call {period}"), 23, "Quarterly cadence call {period}");
    work.write_config(renamed);
    graph.reset_stats();

    const auto run = work.sync();
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("created=0 updated=8 deleted=0 unchanged=24") != std::string::npos);
    const auto stats = graph.stats();
    CHECK(stats["update"] == 8);
    CHECK(stats["create"] == 0);
    CHECK(stats["attachment_delete"] == 8);  // the old agendas
    CHECK(stats["attachment_create"] == 8);
    for (const auto& e : graph.events()) {
        CHECK(agenda_count(e) == 1);
        if (e.value("subject", "").rfind("Quarterly", 0) == 0) {
            CHECK(e["subject"].get<std::string>().rfind("Quarterly cadence call", 0) == 0);
            CHECK(agenda_html(e).find("Quarterly cadence call") != std::string::npos);
        }
    }
}

TEST_CASE("graph sync: removals beyond the allowed share wait for --force, foreign events stay",
          "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    const json foreign = graph.control(
        "insert", {{"mailbox", "ceo@contoso.com"},
                   {"calendar", "default"},
                   {"event", {{"subject", "Dentist"},
                              {"start", {{"dateTime", "2027-03-01T09:00:00"}, {"timeZone", "Eastern Standard Time"}}},
                              {"end", {{"dateTime", "2027-03-01T10:00:00"}, {"timeZone", "Eastern Standard Time"}}}}}});
    REQUIRE(work.sync().exit_code == 0);
    std::string fewer = small_rhythm;
    fewer.replace(fewer.find("months = [1, 2, 3]"), 18, "months = [1, 2]");
    work.write_config(fewer);

    const auto held = work.sync();
    INFO(held.out << held.err);
    CHECK(held.exit_code == 69);
    CHECK(held.out.find("would delete 8 of 32 events") != std::string::npos);
    CHECK(graph.events().size() == small_rhythm_events + 1);

    const auto forced = work.sync({"--force"});
    INFO(forced.out << forced.err);
    REQUIRE(forced.exit_code == 0);
    CHECK(forced.out.find("created=0 updated=0 deleted=8 unchanged=24") != std::string::npos);
    const auto events = graph.events();
    CHECK(events.size() == 25);
    const json* dentist = find_by_subject_prefix(events, "Dentist");
    REQUIRE(dentist != nullptr);
    CHECK(graph_tagged_uid(*dentist).empty());
}

TEST_CASE("graph sync: edits and deletions in Outlook are restored, or kept with on_human_edit = keep",
          "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    REQUIRE(work.sync().exit_code == 0);

    SECTION("restore") {
        graph.control("edit", {{"id", id_of_event_titled(graph, "Quarterly call Q1")}, {"changes", {{"subject", "Moved by hand"}}}});
        graph.control("delete", {{"id", id_of_event_titled(graph, "Monthly review")}});
        const auto run = work.sync();
        INFO(run.out << run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(run.out.find("created=0 updated=2 deleted=0 unchanged=30") != std::string::npos);
        const auto events = graph.events();
        CHECK(events.size() == small_rhythm_events);
        CHECK(tagged_uids(events).size() == small_rhythm_events);
        CHECK(find_by_subject_prefix(events, "Moved by hand") == nullptr);
        CHECK(run.err.find("overwrites a change made in the calendar") != std::string::npos);
    }
    SECTION("keep") {
        work.write_config(small_rhythm, "on_human_edit = \"keep\"\n");
        graph.control("edit", {{"id", id_of_event_titled(graph, "Quarterly call Q1")}, {"changes", {{"subject", "Moved by hand"}}}});
        graph.control("delete", {{"id", id_of_event_titled(graph, "Monthly review")}});
        for (int run_number = 0; run_number < 2; ++run_number) {
            const auto run = work.sync();
            INFO(run.out << run.err);
            REQUIRE(run.exit_code == 0);
            CHECK(run.out.find("created=0 updated=0 deleted=0 unchanged=30") != std::string::npos);
            CHECK(run.out.find("kept_edits=1 kept_deletions=1") != std::string::npos);
        }
        const auto events = graph.events();
        CHECK(events.size() == small_rhythm_events - 1);
        CHECK(find_by_subject_prefix(events, "Moved by hand") != nullptr);
    }
}

TEST_CASE("graph sync: deleting the state duplicates nothing", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    REQUIRE(work.sync().exit_code == 0);
    std::filesystem::remove_all(work.path("state"));
    const auto run = work.sync();
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    CHECK(graph.events().size() == small_rhythm_events);
}

TEST_CASE("graph sync: throttling, server errors and creates that fail yet land are retried without duplicates",
          "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    graph.faults(json::array({
        {{"kind", "batch-item"}, {"status", 429}, {"code", "ApplicationThrottled"}, {"retry_after", "1"}, {"times", 3}},
        {{"kind", "batch"}, {"status", 503}, {"code", "ServiceUnavailable"}, {"times", 1}},
        {{"kind", "create"}, {"status", 503}, {"code", "ServiceUnavailable"}, {"then_create", true}, {"times", 2}},
        {{"kind", "list"}, {"status", 504}, {"code", "GatewayTimeout"}, {"times", 1}},
        {{"kind", "api"}, {"status", 401}, {"code", "InvalidAuthenticationToken"}, {"times", 1}},
    }));
    const auto run = work.sync();
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("created=32 updated=0 deleted=0") != std::string::npos);
    const auto events = graph.events();
    CHECK(events.size() == small_rhythm_events);
    CHECK(tagged_uids(events).size() == small_rhythm_events);
    const auto stats = graph.stats();
    CHECK(stats["throttled"].get<int>() >= 3);
    CHECK(stats["token"].get<int>() >= 2);  // the 401 fetched a fresh token
}

TEST_CASE("graph sync: a refused event is reported with its title and date, the others still go", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    graph.faults(json::array({{{"kind", "create"}, {"status", 400}, {"code", "ErrorInvalidRequest"},
                               {"message", "Your request can't be completed."}, {"times", 1}}}));
    const auto run = work.sync();
    INFO(run.out << run.err);
    CHECK(run.exit_code == 69);
    CHECK(run.out.find("refused:") != std::string::npos);
    CHECK(run.out.find("HTTP 400 ErrorInvalidRequest: Your request can't be completed.") != std::string::npos);
    CHECK(graph.events().size() == small_rhythm_events - 1);
    const auto again = work.sync();
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("created=1 updated=0 deleted=0 unchanged=31") != std::string::npos);
}

TEST_CASE("graph sync: a throttle longer than a sync waits defers the target", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    graph.faults(json::array({{{"kind", "list"}, {"status", 429}, {"code", "ApplicationThrottled"},
                               {"retry_after", "600"}, {"times", 1}}}));
    const auto run = work.sync();
    INFO(run.out << run.err);
    CHECK(run.exit_code == 75);
    CHECK(run.out.find("Retry-After longer than a sync waits") != std::string::npos);
    CHECK(graph.events().empty());
}

TEST_CASE("graph sync: delegated access signs in with a device code, then syncs the signed-in calendar",
          "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph, true};
    const std::vector<std::string> auth_args{"--auth", "microsoft", "--config", work.path("cadenced.toml"),
                                             "--state-dir", work.path("state")};
    const std::string token_file = work.path("state") + "/microsoft-m365.refresh-token";

    SECTION("no sign-in yet: the sync says how to sign in") {
        const auto run = work.sync();
        CHECK(run.exit_code == 69);
        CHECK(run.out.find("run cadenced --auth microsoft --target <name> once") != std::string::npos);
    }
    SECTION("declined") {
        graph.control("auto-approve", {{"after_polls", 1}, {"decline", true}});
        const auto run = work.run(auth_args);
        INFO(run.out << run.err);
        CHECK(run.exit_code == 69);
        CHECK(run.err == "cadenced: the sign-in was declined\n");
        CHECK_FALSE(std::filesystem::exists(token_file));
    }
    SECTION("approved") {
        graph.control("auto-approve", {{"after_polls", 2}});
        const auto run = work.run(auth_args);
        INFO(run.out << run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(run.out.find("https://microsoft.com/devicelogin") != std::string::npos);
        CHECK(run.out.find("Signed in; the refresh token is stored in " + token_file) != std::string::npos);
        REQUIRE(std::filesystem::exists(token_file));
        const auto perms = std::filesystem::status(token_file).permissions();
        CHECK((perms & std::filesystem::perms::all) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
        std::string before;
        std::getline(std::ifstream{token_file}, before);

        const auto sync = work.sync();
        INFO(sync.out << sync.err);
        REQUIRE(sync.exit_code == 0);
        CHECK(sync.out.find("created=32") != std::string::npos);
        for (const auto& e : graph.events()) CHECK(e["mailbox"] == "me");
        // The refresh token was used and rotated: the new one is stored.
        std::string after;
        std::getline(std::ifstream{token_file}, after);
        CHECK_FALSE(after.empty());
        CHECK(after != before);
        CHECK(work.sync().exit_code == 0);
    }
}

TEST_CASE("graph sync: app-only access must name the mailbox", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    work.write("cadenced.toml", std::string{small_rhythm} + "\n[[sync]]\nname = \"m365\"\nprovider = \"microsoft\"\n"
                                "credentials = \"" + work.path("app.json") + "\"\n"
                                "api_base = \"" + graph.base() + "/v1.0\"\n");
    const auto run = work.sync();
    CHECK(run.exit_code == 69);
    CHECK(run.out.find("app-only access (the credentials have a client_secret) needs user = \"<mailbox>\" in [[sync]] m365") !=
          std::string::npos);
    const auto check = work.run({"--check-config", "--config", work.path("cadenced.toml")});
    CHECK(check.exit_code == 0);
    CHECK(check.err == "cadenced: warning: sync target m365: app-only access (the credentials have a client_secret) needs "
                       "user = \"<mailbox>\"\n");
    CHECK(graph.stats()["token"] == 0);
}

TEST_CASE("graph sync: dropped connections and answers slower than the timeout are retried", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    work.write_config(small_rhythm, "timeout = 1\n");
    graph.faults(json::array({
        {{"kind", "batch"}, {"reset", true}, {"times", 1}},
        {{"kind", "delta"}, {"delay_ms", 2500}, {"times", 1}},
    }));
    const auto run = work.sync();
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("created=32 updated=0 deleted=0") != std::string::npos);
    const auto events = graph.events();
    CHECK(events.size() == small_rhythm_events);
    CHECK(tagged_uids(events).size() == small_rhythm_events);
}

TEST_CASE("graph sync: --dry-run prints the plan and writes nothing, the state included", "[sync][microsoft]") {
    graph_emulator graph;
    graph_workspace work{graph};
    const auto r = work.sync({"--dry-run"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("m365: create 2027-11-02T14:00 Quarterly call Q4 FY2028 (new)") != std::string::npos);
    CHECK(r.out.find("(dry run)") != std::string::npos);
    CHECK(graph.events().empty());
    CHECK(graph.stats()["batch"] == 0);
    // No delta link was kept: the real sync lists in full.
    graph.reset_stats();
    REQUIRE(work.sync().exit_code == 0);
    CHECK(graph.stats()["list"] == 1);
    CHECK(graph.events().size() == small_rhythm_events);
}
