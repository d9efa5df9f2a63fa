// Limits that keep slow or greedy clients from holding the server: the
// request deadline, the connection cap, and stop() ending everything.
#include "clients.h"
#include "fake_site.h"
#include "server_fixture.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

using namespace cadenced::http::test;
using namespace std::chrono_literals;

TEST_CASE("a client sending a byte at a time is cut off while others are served", "[integration][http]") {
    fake_source source;
    auto limits = test_limits();
    limits.read_timeout = 1s;
    // One thread: the slow client must not hold it.
    running_server server(source, limits, 1);

    const std::string request = "GET /feeds/team.ics HTTP/1.1\r\nHost: slow.example\r\nX-Padding: abcdefgh\r\n\r\n";
    raw_connection slow(server.port());
    std::atomic<bool> cut_off{false};
    std::atomic<long long> cut_off_after_ms{0};
    const auto start = std::chrono::steady_clock::now();
    std::thread trickle([&] {
        for (const char c : request) {
            if (!slow.send(std::string_view(&c, 1))) break;
            if (slow.closed_by_peer_within(300ms)) {
                cut_off = true;
                break;
            }
        }
        cut_off_after_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - start)
                               .count();
    });

    // While it trickles, others get answers at once.
    std::this_thread::sleep_for(200ms);
    for (int i = 0; i < 3; ++i) {
        const auto before = std::chrono::steady_clock::now();
        const auto r = fetch(server.url("/feeds/team.ics"));
        CHECK(r.status == 200);
        CHECK(std::chrono::steady_clock::now() - before < 500ms);
    }
    trickle.join();

    CHECK(cut_off);
    // The deadline is 1 s for the whole request; at 300 ms a byte the
    // request would need about 25 s.
    CHECK(cut_off_after_ms >= 900);
    CHECK(cut_off_after_ms < 2500);
}

TEST_CASE("a client that connects and says nothing is cut off too", "[integration][http]") {
    fake_source source;
    auto limits = test_limits();
    limits.read_timeout = 1s;
    running_server server(source, limits);
    raw_connection silent(server.port());
    CHECK(silent.closed_by_peer_within(2500ms));
}

TEST_CASE("connections beyond max_connections are refused and the server carries on", "[integration][http]") {
    fake_source source;
    auto limits = test_limits();
    limits.max_connections = 4;
    limits.read_timeout = 5s;  // the held ones must outlast the checks below
    running_server server(source, limits, 1);  // one server: one cap

    std::vector<std::unique_ptr<raw_connection>> idle;
    for (int i = 0; i < 10; ++i) idle.push_back(std::make_unique<raw_connection>(server.port()));

    // The first four are held open, the other six are closed at once.
    int refused = 0;
    for (auto& c : idle) refused += c->closed_by_peer_within(300ms) ? 1 : 0;
    CHECK(refused == 6);
    raw_connection one_more(server.port());
    one_more.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    CHECK(one_more.read_until_close(1s).empty());

    idle.clear();
    // Once they are gone, requests are served again.
    long status = 0;
    for (int attempt = 0; attempt < 40 && status != 200; ++attempt) {
        raw_connection probe(server.port());
        probe.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        status = status_of(probe.read_until_close(1s));
        if (status != 200) std::this_thread::sleep_for(50ms);
    }
    CHECK(status == 200);
    CHECK(fetch(server.url("/feeds/team.ics")).status == 200);
}

TEST_CASE("stop() closes every connection and the io_context runs out of work", "[integration][http]") {
    fake_source source;
    auto limits = test_limits();
    limits.idle_timeout = 30s;
    limits.read_timeout = 30s;
    auto server = std::make_unique<running_server>(source, limits);

    raw_connection kept_alive(server->port());
    kept_alive.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(status_of(kept_alive.read_response()) == 200);
    raw_connection half_request(server->port());
    half_request.send("GET /feeds/team.ics HTTP/1.1\r\nHost:");
    std::this_thread::sleep_for(100ms);

    const auto took = server->stop_and_join();
    CHECK(took < 1s);
    CHECK(kept_alive.closed_by_peer_within(1s));
    CHECK(half_request.closed_by_peer_within(1s));
}

TEST_CASE("a serving thread held up in one request holds up no other connection", "[integration][http]") {
    fake_source source;
    running_server server(source, test_limits(), 2);
    const std::string feed_request = "GET /feeds/team.ics HTTP/1.1\r\nHost: t\r\n\r\n";
    // Four connections, each past its first request: with connections
    // owned by threads, two of them would now belong to each.
    std::vector<std::unique_ptr<raw_connection>> connections;
    for (int i = 0; i < 4; ++i) {
        connections.push_back(std::make_unique<raw_connection>(server.port()));
        REQUIRE(connections.back()->send(feed_request));
        REQUIRE(status_of(connections.back()->read_response()) == 200);
    }

    source.hold_health();
    // Let go on the way out too, so that a failed check cannot leave the
    // server unable to stop.
    struct release_on_exit {
        fake_source& source;
        ~release_on_exit() { source.release_health(); }
    } release{source};
    REQUIRE(connections[0]->send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
    const auto held = source.thread_held_in_health(2s);
    REQUIRE(held.has_value());
    const auto served_before = source.serving_threads().size();

    // Every other connection is still answered, twice over, by the thread
    // that is free.
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 1; i < connections.size(); ++i) {
            REQUIRE(connections[i]->send(feed_request));
            CHECK(status_of(connections[i]->read_response(false, 2s)) == 200);
        }
    }
    const auto threads = source.serving_threads();
    REQUIRE(threads.size() == served_before + 6);
    for (auto t = threads.begin() + static_cast<std::ptrdiff_t>(served_before); t != threads.end(); ++t)
        CHECK(*t != *held);

    // And the held request is answered once its thread is let go.
    source.release_health();
    CHECK(status_of(connections[0]->read_response()) == 200);
}
