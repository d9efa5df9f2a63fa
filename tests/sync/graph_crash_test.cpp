#include "graph_fixture.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <random>
#include <set>
#include <thread>

using namespace sync_test;
using namespace std::chrono_literals;
using nlohmann::json;

TEST_CASE("graph sync: killed at random points, one clean run leaves exactly the schedule", "[sync][microsoft][crash]") {
    // 150 ms per request: a sync (token, listing, two $batch rounds of
    // events, two of agendas) takes about a second, so the kills land
    // before, during and after creates whose ids cadenced never saw.
    graph_emulator graph{150};
    graph_workspace work{graph};
    std::string renamed = small_rhythm;
    renamed.replace(renamed.find("Monthly review {period}"), 23, "Monthly business review {period}");

    std::mt19937 random{20261124};  // fixed: a failure can be replayed
    std::uniform_int_distribution<int> delay_ms{0, 1200};
    int killed = 0;
    for (int run = 0; killed < 24 && run < 80; ++run) {
        work.write_config(run % 2 == 0 ? small_rhythm : renamed);
        test_support::background_process sync{binary, work.sync_args(), work.path("sync.log")};
        std::this_thread::sleep_for(std::chrono::milliseconds{delay_ms(random)});
        sync.signal(SIGKILL);
        if (sync.wait_exit(10s) == -1) ++killed;
    }
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
