#include "google_fixture.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

using namespace sync_test;
using nlohmann::json;

namespace {

const json* find_by_summary_prefix(const std::vector<json>& events, const std::string& prefix) {
    for (const auto& e : events)
        if (e.value("summary", "").rfind(prefix, 0) == 0) return &e;
    return nullptr;
}

bool has_summary_prefix(const std::vector<json>& events, const std::string& prefix) {
    return find_by_summary_prefix(events, prefix) != nullptr;
}

// The id of the live event whose title starts with `prefix`; the test
// stops if there is none.
std::string id_of_event_titled(const google_emulator& google, const std::string& prefix) {
    const auto live = google.live_events();
    const json* event = find_by_summary_prefix(live, prefix);
    REQUIRE(event != nullptr);
    return event->at("id");
}

std::set<std::string> tagged_uids(const std::vector<json>& events) {
    std::set<std::string> uids;
    for (const auto& e : events) uids.insert(e["extendedProperties"]["private"].value("cadencedUid", ""));
    return uids;
}

}  // namespace

TEST_CASE("google sync: the first sync creates every occurrence, a second one writes nothing", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};

    const auto first = work.sync();
    INFO(first.out << first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.find("created=32 updated=0 deleted=0 unchanged=0") != std::string::npos);
    const auto events = google.live_events();
    REQUIRE(events.size() == small_rhythm_events);
    CHECK(tagged_uids(events).size() == small_rhythm_events);

    // The quarterly call of FY2027 Q4 (fiscal years start in February and
    // are named by their end): Tuesday 2 November 2027, 14:00-16:00 New York.
    const json* call = nullptr;
    for (const auto& e : events)
        if (e["extendedProperties"]["private"]["cadencedUid"] == "quarterly-FY2028-Q4@cadenced") call = &e;
    REQUIRE(call != nullptr);
    CHECK((*call)["summary"] == "Quarterly call Q4 FY2028");
    CHECK((*call)["start"] == json{{"dateTime", "2027-11-02T14:00:00"}, {"timeZone", "America/New_York"}});
    CHECK((*call)["end"] == json{{"dateTime", "2027-11-02T16:00:00"}, {"timeZone", "America/New_York"}});
    CHECK((*call)["visibility"] == "private");
    CHECK((*call)["reminders"]["overrides"][0]["minutes"] == 30);
    // The id is the UID in base32hex: a retried insert can only collide.
    CHECK((*call)["id"].get<std::string>().find_first_not_of("0123456789abcdefghijklmnopqrstuv") == std::string::npos);

    google.reset_stats();
    const auto second = work.sync();
    REQUIRE(second.exit_code == 0);
    CHECK(second.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    const auto stats = google.stats();
    CHECK(stats["list"] == 1);
    CHECK(stats["list_incremental"] == 1);  // only the changes since the last listing
    CHECK(stats["insert"] == 0);
    CHECK(stats["update"] == 0);
    CHECK(stats["patch"] == 0);
    CHECK(stats["delete"] == 0);
}

TEST_CASE("google sync: a config change rewrites exactly the events it changes", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);

    std::string changed = small_rhythm;
    changed.replace(changed.find("Quarterly call {period}"), 23, "Quarterly business review {period}");
    work.write_config(changed);
    google.reset_stats();
    const auto r = work.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("created=0 updated=8 deleted=0 unchanged=24") != std::string::npos);
    CHECK(google.stats()["update"] == small_rhythm_quarterly);
    CHECK(google.stats()["insert"] == 0);
    const auto events = google.live_events();
    CHECK_FALSE(has_summary_prefix(events, "Quarterly call"));
    CHECK(has_summary_prefix(events, "Quarterly business review Q4 FY2027"));
}

TEST_CASE("google sync: removals beyond the allowed share wait for --force", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);

    // Without the quarterly call, 8 of 32 events (25%) would go: more than 20%.
    std::string without = small_rhythm;
    without.erase(without.find("[[meetings]]\nid = \"quarterly\""));
    work.write_config(without);
    google.reset_stats();
    const auto guarded = work.sync();
    CHECK(guarded.exit_code == 69);
    CHECK(guarded.out.find("would delete 8 of 32 events, more than the allowed share of 20%") != std::string::npos);
    CHECK(google.stats()["delete"] == 0);
    CHECK(google.live_events().size() == small_rhythm_events);

    const auto forced = work.sync({"--force"});
    REQUIRE(forced.exit_code == 0);
    CHECK(forced.out.find("deleted=8") != std::string::npos);
    CHECK(google.live_events().size() == small_rhythm_events - small_rhythm_quarterly);

    // A target may allow more.
    REQUIRE(work.sync().exit_code == 0);
    std::string renamed = without;
    renamed.replace(renamed.find("id = \"monthly\""), 14, "id = \"monthly-review\"");  // every UID changes
    work.write_config(renamed, "max_delete_percent = 100");
    const auto replaced = work.sync();
    INFO(replaced.out);
    CHECK(replaced.exit_code == 0);
    CHECK(replaced.out.find("created=24 updated=0 deleted=24") != std::string::npos);
}

TEST_CASE("google sync: events cadenced did not create are never touched", "[sync][google]") {
    google_emulator google;
    google.control("insert", {{"id", "personal0001"},
                              {"summary", "Dentist"},
                              {"start", {{"dateTime", "2027-03-01T09:00:00Z"}}},
                              {"end", {{"dateTime", "2027-03-01T10:00:00Z"}}}});
    google.control("insert", {{"id", "othertool0001"},
                              {"summary", "Synced by another tool"},
                              {"start", {{"dateTime", "2027-03-02T09:00:00Z"}}},
                              {"end", {{"dateTime", "2027-03-02T10:00:00Z"}}},
                              {"extendedProperties", {{"private", {{"source", "other"}}}}}});
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);
    std::string without = small_rhythm;
    without.erase(without.find("[[meetings]]\nid = \"quarterly\""));
    work.write_config(without, "max_delete_percent = 100");
    REQUIRE(work.sync().exit_code == 0);

    std::map<std::string, json> by_id;
    for (const auto& e : google.events()) by_id[e["id"]] = e;
    CHECK(by_id["personal0001"]["status"] == "confirmed");
    CHECK(by_id["personal0001"]["etag"] == "\"1\"");
    CHECK(by_id["othertool0001"]["status"] == "confirmed");
    CHECK(by_id["othertool0001"]["etag"] == "\"2\"");
}

TEST_CASE("google sync: an edit in the calendar is restored, or kept with on_human_edit = keep", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);
    const std::string id = id_of_event_titled(google, "Quarterly call Q1 FY2028");

    google.control("edit", {{"id", id}, {"fields", {{"summary", "Moved by hand"}}}});
    const auto restored = work.sync();
    INFO(restored.out << restored.err);
    REQUIRE(restored.exit_code == 0);
    CHECK(restored.out.find("updated=1 deleted=0 unchanged=31") != std::string::npos);
    CHECK_FALSE(has_summary_prefix(google.live_events(), "Moved by hand"));
    // What was overwritten is logged.
    CHECK(restored.err.find("was=") != std::string::npos);
    CHECK(restored.err.find("Moved by hand") != std::string::npos);

    work.write_config(small_rhythm, "on_human_edit = \"keep\"");
    google.control("edit", {{"id", id}, {"fields", {{"summary", "Moved by hand"}}}});
    const auto kept = work.sync();
    REQUIRE(kept.exit_code == 0);
    CHECK(kept.out.find("updated=0 deleted=0 unchanged=31 kept_edits=1") != std::string::npos);
    CHECK(has_summary_prefix(google.live_events(), "Moved by hand"));
}

TEST_CASE("google sync: a deletion in the calendar is restored, or remembered with keep", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);
    const std::string id = id_of_event_titled(google, "Monthly review Q4 FY2027");

    google.control("delete", {{"id", id}});
    REQUIRE(google.live_events().size() == small_rhythm_events - 1);
    REQUIRE(work.sync().exit_code == 0);
    CHECK(google.live_events().size() == small_rhythm_events);

    work.write_config(small_rhythm, "on_human_edit = \"keep\"");
    google.control("delete", {{"id", id}});
    const auto kept = work.sync();
    REQUIRE(kept.exit_code == 0);
    CHECK(kept.out.find("kept_deletions=1") != std::string::npos);
    CHECK(google.live_events().size() == small_rhythm_events - 1);
    // Remembered: a fresh state would see the cancelled event again and
    // keep it too; the remembered deletion holds even if the event were purged.
    std::filesystem::remove(work.path("state/sync.sqlite"));
    REQUIRE(work.sync().exit_code == 0);
    CHECK(google.live_events().size() == small_rhythm_events - 1);
}

TEST_CASE("google sync: deleting the state duplicates nothing", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);
    std::filesystem::remove(work.path("state/sync.sqlite"));
    std::filesystem::remove(work.path("state/sync.sqlite-wal"));
    google.reset_stats();
    const auto r = work.sync();
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    CHECK(google.events().size() == small_rhythm_events);
    CHECK(google.stats()["insert"] == 0);
}

TEST_CASE("google sync: rate limits, server errors and resets are retried", "[sync][google]") {
    google_emulator google;
    google.faults(json::array({
        {{"kind", "insert"}, {"status", 429}, {"reason", "rateLimitExceeded"}, {"domain", "usageLimits"},
         {"retry_after", "1"}, {"times", 1}},
        {{"kind", "insert"}, {"status", 403}, {"reason", "rateLimitExceeded"}, {"domain", "usageLimits"}, {"times", 1}},
        {{"kind", "insert"}, {"status", 403}, {"reason", "userRateLimitExceeded"}, {"domain", "usageLimits"}, {"times", 1}},
        {{"kind", "insert"}, {"status", 500}, {"reason", "backendError"}, {"times", 1}},
        {{"kind", "insert"}, {"status", 503}, {"reason", "backendError"}, {"times", 1}},
        {{"kind", "list"}, {"status", 502}, {"reason", "backendError"}, {"times", 1}},
        {{"kind", "insert"}, {"reset", true}, {"times", 1}},
    }));
    sync_workspace work{google};
    const auto r = work.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("created=32") != std::string::npos);
    CHECK(google.live_events().size() == small_rhythm_events);
    // The six failed inserts were repeated.
    CHECK(google.stats()["insert"].get<int>() >= 32 + 5);
}

TEST_CASE("google sync: an answer slower than the timeout is retried", "[sync][google]") {
    google_emulator google;
    google.faults(json::array({{{"kind", "insert"}, {"delay_ms", 2500}, {"times", 1}}}));
    sync_workspace work{google};
    work.write_config(small_rhythm, "timeout = 1");
    const auto r = work.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(google.live_events().size() == small_rhythm_events);
}

TEST_CASE("google sync: a spent quota defers the target", "[sync][google]") {
    google_emulator google;
    google.faults(json::array({{{"kind", "insert"}, {"status", 403}, {"reason", "quotaExceeded"},
                                {"domain", "usageLimits"}, {"message", "Calendar usage limits exceeded."}, {"times", 1}}}));
    sync_workspace work{google};
    const auto r = work.sync();
    CHECK(r.exit_code == 75);
    CHECK(r.out.find("deferred") != std::string::npos);
    CHECK(r.out.find("quotaExceeded") != std::string::npos);
    CHECK(google.stats()["batch"] == 1);  // no further rounds
    // The next cycle finishes the job.
    REQUIRE(work.sync().exit_code == 0);
    CHECK(google.live_events().size() == small_rhythm_events);
}

TEST_CASE("google sync: an expired access token is refreshed once", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    google.faults(json::array({{{"kind", "insert"}, {"status", 401}, {"reason", "authError"}, {"times", 1}}}));
    const auto r = work.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(google.stats()["token"] == 2);
    CHECK(google.live_events().size() == small_rhythm_events);
}

TEST_CASE("google sync: a refused event is reported and the others still go", "[sync][google]") {
    google_emulator google;
    google.faults(json::array({{{"kind", "insert"}, {"status", 400}, {"reason", "invalid"},
                                {"message", "Invalid start time."}, {"times", 1}}}));
    sync_workspace work{google};
    const auto r = work.sync();
    CHECK(r.exit_code == 69);
    CHECK(r.out.find("refused: ") != std::string::npos);
    CHECK(r.out.find("Invalid start time.") != std::string::npos);
    CHECK(r.out.find("created=31") != std::string::npos);
    CHECK(google.live_events().size() == small_rhythm_events - 1);
    REQUIRE(work.sync().exit_code == 0);
    CHECK(google.live_events().size() == small_rhythm_events);
}

TEST_CASE("google sync: a listing that fails or comes back empty is no empty calendar", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);

    // Retry-After: 0 keeps the test quick; the six attempts still run.
    google.faults(json::array(
        {{{"kind", "list"}, {"status", 500}, {"reason", "backendError"}, {"retry_after", "0"}, {"times", 10}}}));
    const auto failed = work.sync();
    CHECK(failed.exit_code == 75);
    CHECK(google.live_events().size() == small_rhythm_events);
    google.control("faults", json::array());

    // The calendar comes back empty (as if the credentials now reached
    // another one): the events written before are missing, which is refused.
    google_emulator other;
    sync_workspace redirected{other};
    std::filesystem::create_directories(redirected.path("state"));
    std::filesystem::copy_file(work.path("state/sync.sqlite"), redirected.path("state/sync.sqlite"));
    const auto empty = redirected.sync();
    CHECK(empty.exit_code == 69);
    CHECK(empty.out.find("listed none of the 32 events written to it before") != std::string::npos);
    CHECK(other.events().empty());
}

TEST_CASE("google sync: --dry-run prints the plan and writes nothing", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    const auto r = work.sync({"--dry-run"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("google-test: create 2027-11-02T14:00 Quarterly call Q4 FY2028 (new)") != std::string::npos);
    CHECK(r.out.find("(dry run)") != std::string::npos);
    CHECK(google.events().empty());
    CHECK(google.stats()["insert"] == 0);
}

TEST_CASE("google sync: an expired sync token starts a full listing", "[sync][google]") {
    google_emulator google;
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);
    google.control("expire-sync-tokens", json::object());
    const std::string id = id_of_event_titled(google, "Monthly review Q2 FY2028");
    google.control("edit", {{"id", id}, {"fields", {{"summary", "Renamed by hand"}}}});
    google.reset_stats();
    const auto r = work.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    // 410 on the token, then the full listing: the edit is seen and undone.
    CHECK(google.stats()["list"] == 2);
    CHECK(google.stats()["list_incremental"] == 0);
    CHECK(r.out.find("updated=1 deleted=0 unchanged=31") != std::string::npos);
    CHECK_FALSE(has_summary_prefix(google.live_events(), "Renamed by hand"));
    CHECK(google.live_events().size() == small_rhythm_events);
}

TEST_CASE("google sync: listings that span pages are read to their end", "[sync][google]") {
    google_emulator google;
    google.control("page-cap", {{"items", 5}});  // 32 events: seven pages
    google.control("insert", {{"id", "personal0001"},
                              {"summary", "Dentist"},
                              {"start", {{"dateTime", "2027-03-01T09:00:00Z"}}},
                              {"end", {{"dateTime", "2027-03-01T10:00:00Z"}}}});
    sync_workspace work{google};
    REQUIRE(work.sync().exit_code == 0);
    google.reset_stats();
    const auto full = work.sync();
    REQUIRE(full.exit_code == 0);
    CHECK(full.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);

    // Changes spread over pages of an incremental listing too.
    std::string changed = small_rhythm;
    changed.replace(changed.find("Monthly review {period}"), 23, "Monthly business review {period}");
    work.write_config(changed);
    REQUIRE(work.sync().exit_code == 0);
    google.reset_stats();
    const auto again = work.sync();
    INFO(again.out);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
    CHECK(google.stats()["list"].get<int>() == 5);  // the 24 rewritten events, five to a page
}
