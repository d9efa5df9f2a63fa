#include "graph_fixture.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

using namespace sync_test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

class daemon_with_sync {
public:
    template <typename Workspace>
    explicit daemon_with_sync(Workspace& work)
        : process_{binary,
                   {"--config", work.path("cadenced.toml"), "--listen", "127.0.0.1:0", "--state-dir", work.path("state")},
                   work.path("daemon.log"),
                   {{"NOTIFY_SOCKET", "\x01unset"}}} {
        const auto m = process_.wait_for_log(std::regex{"serving page=(http://127\\.0\\.0\\.1:[0-9]+)/"}, 15s);
        if (m) base_ = (*m)[1];
    }
    const std::string& base() const { return base_; }
    test_support::background_process& process() { return process_; }
    json health() const { return json::parse(test_support::http_get(base_ + "/healthz").body); }
    std::string metrics() const { return test_support::http_get(base_ + "/metrics").body; }

private:
    test_support::background_process process_;
    std::string base_;
};

}  // namespace

TEST_CASE("daemon sync: at start and after a config change, shown on /healthz and /metrics", "[sync][google][daemon]") {
    google_emulator google;
    sync_workspace work{google};
    daemon_with_sync daemon{work};
    REQUIRE_FALSE(daemon.base().empty());

    REQUIRE(daemon.process().wait_for_log(std::regex{"sync target=google-test ok created=32"}, 20s));
    CHECK(google.live_events().size() == small_rhythm_events);
    const auto health = daemon.health();
    CHECK(health["status"] == "ok");
    REQUIRE(health["sync"].size() == 1);
    CHECK(health["sync"][0]["target"] == "google-test");
    CHECK(health["sync"][0]["result"] == "ok");
    CHECK(health["sync"][0]["created"] == 32);
    CHECK(health["sync"][0]["degraded"] == false);
    CHECK(daemon.metrics().find("cadenced_sync_runs_total{target=\"google-test\",result=\"ok\"} 1") != std::string::npos);
    CHECK(daemon.metrics().find("cadenced_sync_writes_total{target=\"google-test\",kind=\"created\"} 32") !=
          std::string::npos);

    // An edit of the config file: reloaded within seconds, synced at once.
    std::string changed = small_rhythm;
    changed.replace(changed.find("Quarterly call {period}"), 23, "Quarterly business review {period}");
    work.write_config(changed);
    REQUIRE(daemon.process().wait_for_log(std::regex{"sync target=google-test ok created=0 updated=8"}, 20s));

    const auto started = std::chrono::steady_clock::now();
    daemon.process().signal(SIGTERM);
    CHECK(daemon.process().wait_exit(10s) == 0);
    CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("daemon sync: a deferred target shows as degraded, and a stop is not held up", "[sync][google][daemon]") {
    google_emulator google;
    google.faults(json::array({{{"kind", "list"}, {"status", 403}, {"reason", "quotaExceeded"},
                                {"domain", "usageLimits"}, {"message", "Calendar usage limits exceeded."}, {"times", 1}}}));
    sync_workspace work{google};
    daemon_with_sync daemon{work};
    REQUIRE_FALSE(daemon.base().empty());
    REQUIRE(daemon.process().wait_for_log(std::regex{"sync target=google-test deferred"}, 20s));
    const auto health = daemon.health();
    CHECK(health["status"] == "degraded");
    CHECK(health["sync"][0]["result"] == "deferred");
    CHECK(health["sync"][0]["degraded"] == true);
    CHECK(health["sync"][0]["problem"].get<std::string>().find("quotaExceeded") != std::string::npos);
    CHECK(daemon.metrics().find("cadenced_sync_target_degraded{target=\"google-test\"} 1") != std::string::npos);

    // A sync stuck on a slow provider does not hold up a stop.
    google.faults(json::array({{{"kind", "list"}, {"delay_ms", 20000}, {"times", 1}}}));
    work.write_config(small_rhythm, "timeout = 60");
    REQUIRE(daemon.process().wait_for_log(std::regex{"config file changed"}, 10s));
    std::this_thread::sleep_for(500ms);
    const auto started = std::chrono::steady_clock::now();
    daemon.process().signal(SIGTERM);
    CHECK(daemon.process().wait_exit(10s) == 0);
    CHECK(std::chrono::steady_clock::now() - started < 5s);
}

TEST_CASE("daemon sync: a Microsoft target is synced at start, then through delta rounds", "[sync][microsoft][daemon]") {
    graph_emulator graph;
    graph_workspace work{graph};
    daemon_with_sync daemon{work};
    REQUIRE_FALSE(daemon.base().empty());
    REQUIRE(daemon.process().wait_for_log(std::regex{"sync target=m365 ok created=32"}, 20s));
    CHECK(graph.events().size() == small_rhythm_events);
    const auto health = daemon.health();
    CHECK(health["status"] == "ok");
    CHECK(health["sync"][0]["target"] == "m365");
    CHECK(health["sync"][0]["created"] == 32);

    graph.reset_stats();
    std::string changed = small_rhythm;
    changed.replace(changed.find("Quarterly call {period}"), 23, "Quarterly business review {period}");
    work.write_config(changed);
    REQUIRE(daemon.process().wait_for_log(std::regex{"sync target=m365 ok created=0 updated=8"}, 20s));
    const auto stats = graph.stats();
    CHECK(stats["delta"] == 1);
    CHECK(stats["list"] == 0);
    daemon.process().signal(SIGTERM);
    CHECK(daemon.process().wait_exit(10s) == 0);
}
