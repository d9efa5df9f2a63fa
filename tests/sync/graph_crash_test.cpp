#include "graph_fixture.h"

#include <catch2/catch.hpp>

#include <set>

using namespace sync_test;
using nlohmann::json;

TEST_CASE("graph sync: killed at random points, one clean run leaves exactly the schedule", "[sync][microsoft][crash]") {
    // 150 ms per request: a sync (token, listing, two $batch rounds of
    // events, two of agendas) takes about a second, so the kills land
    // before, during and after creates whose ids cadenced never saw.
    graph_emulator graph{150};
    graph_workspace work{graph};
    std::string renamed = small_rhythm;
    renamed.replace(renamed.find("Monthly review {period}"), 23, "Monthly business review {period}");

    const int killed = kill_runs_at_random_points(
        [&](int run) {
            work.write_config(run % 2 == 0 ? small_rhythm : renamed);
            return work.sync_args();
        },
        work.path("sync.log"), 20261124, 1200, 24);
    INFO("runs killed before they finished: " << killed);
    REQUIRE(killed >= 20);

    graph.control("latency", {{"ms", 0}});
    work.write_config(small_rhythm);
    const auto clean = work.sync();
    INFO(clean.out << clean.err);
    REQUIRE(clean.exit_code == 0);
    const auto events = graph.events();
    CHECK(events.size() == small_rhythm_events);
    std::set<std::string> uids;
    for (const auto& e : events) {
        uids.insert(graph_tagged_uid(e));
        CHECK(e.value("subject", "").rfind("Monthly business review", 0) == std::string::npos);
    }
    CHECK(uids.size() == small_rhythm_events);
    const auto again = work.sync();
    CHECK(again.out.find("created=0 updated=0 deleted=0 unchanged=32") != std::string::npos);
}
