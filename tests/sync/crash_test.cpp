#include "google_fixture.h"

#include <catch2/catch.hpp>

#include <set>

using namespace sync_test;
using nlohmann::json;

TEST_CASE("google sync: killed at random points, one clean run leaves exactly the schedule", "[sync][google][crash]") {
    // 250 ms per request stretches a sync (token, listing, one batch of
    // writes) to most of a second, so the kills land before, during and
    // after the writes, and while a batch is being applied.
    google_emulator google{250};
    sync_workspace work{google};
    std::string renamed = small_rhythm;
    renamed.replace(renamed.find("Monthly review {period}"), 23, "Monthly business review {period}");

    // Half the runs sync a changed config, so updates are cut short too.
    const int killed = kill_runs_at_random_points(
        [&](int run) {
            work.write_config(run % 2 == 0 ? small_rhythm : renamed);
            return work.sync_args();
        },
        work.path("sync.log"), 20261123, 800, 24);
    INFO("runs killed before they finished: " << killed);
    REQUIRE(killed >= 20);

    work.write_config(small_rhythm);
    const auto clean = work.sync();
    INFO(clean.out << clean.err);
    REQUIRE(clean.exit_code == 0);
    const auto live = google.live_events();
    CHECK(live.size() == small_rhythm_events);
    std::set<std::string> uids;
    for (const auto& e : live) {
        uids.insert(e["extendedProperties"]["private"].value("cadencedUid", ""));
        CHECK(e.value("summary", "").rfind("Monthly business review", 0) == std::string::npos);
    }
    CHECK(uids.size() == small_rhythm_events);
    // Nothing left to do: every event holds exactly what the config says.
    const auto again = work.sync();
    CHECK(again.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
}
