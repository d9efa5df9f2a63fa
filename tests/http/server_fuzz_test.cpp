// Thousands of random and malformed requests must neither crash the server
// nor leave connections behind. The seed is printed; set
// CADENCED_HTTP_FUZZ_SEED to replay a run.
#include "clients.h"
#include "fake_site.h"
#include "server_fixture.h"

#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace cadenced::http::test;
using namespace std::chrono_literals;

namespace {

class request_generator {
public:
    explicit request_generator(std::uint64_t seed) : rng_(seed) {}

    std::string next() {
        switch (pick(4)) {
        case 0: return random_bytes(pick(400));
        case 1: return mutate(well_formed());
        case 2: return assembled();
        default: return well_formed() + mutate(well_formed());
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

    template <std::size_t N>
    std::string_view one_of(const std::array<std::string_view, N>& options) {
        return options[pick(N)];
    }

    std::string random_bytes(std::size_t n) {
        std::string s(n, '\0');
        for (auto& c : s) c = static_cast<char>(pick(256));
        return s;
    }

    std::string well_formed() {
        static constexpr std::array<std::string_view, 6> paths{
            "/feeds/team.ics", "/feeds/board.ics?token=s3cr%2Bt%2Fok%26more", "/", "/agenda/conf-board",
            "/healthz", "/metrics"};
        return "GET " + std::string(one_of(paths)) +
               " HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\nIf-None-Match: \"x\"\r\n\r\n";
    }

    std::string mutate(std::string s) {
        const auto edits = 1 + pick(6);
        for (std::size_t i = 0; i < edits && !s.empty(); ++i) {
            const auto at = pick(s.size());
            switch (pick(4)) {
            case 0: s[at] = static_cast<char>(pick(256)); break;
            case 1: s.insert(at, random_bytes(1 + pick(8))); break;
            case 2: s.erase(at, 1 + pick(8)); break;
            default: s.insert(at, std::string(pick(3) == 0 ? 9000 : 40, static_cast<char>('A' + pick(26)))); break;
            }
        }
        return s;
    }

    std::string assembled() {
        static constexpr std::array<std::string_view, 10> methods{"GET", "HEAD", "POST", "get", "", "G ET",
                                                                  "CONNECT", "OPTIONS", "\x01", "GETGETGETGET"};
        static constexpr std::array<std::string_view, 12> targets{
            "/", "*", "/feeds/%", "/feeds/%zz.ics", "/feeds/team.ics?token=%%", "http://x", "//", "/agenda/\xff",
            "/feeds/team.ics?token=a&token=b", "", "/%00", "/feeds/board.ics?token=s3cr%2Bt%2Fok%26mor"};
        static constexpr std::array<std::string_view, 7> versions{"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9",
                                                                  "HTTP/1.", "http/1.1", ""};
        static constexpr std::array<std::string_view, 14> fields{
            "Host: t",
            "Content-Length: 5",
            "Content-Length: -1",
            "Content-Length: 99999999999999999999999",
            "Transfer-Encoding: chunked",
            "Transfer-Encoding: gzip, chunked",
            "Connection: close",
            "Connection: keep-alive, upgrade",
            "If-None-Match: *",
            "If-None-Match: W/\"unterminated",
            "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT",
            "Accept-Encoding: gzip;q=0.5, *;q=bad",
            " folded: continuation",
            "Name-Without-Value",
        };
        std::string s = std::string(one_of(methods)) + " " + std::string(one_of(targets)) + " " +
                        std::string(one_of(versions)) + "\r\n";
        const auto count = pick(6);
        for (std::size_t i = 0; i < count; ++i) s.append(one_of(fields)).append(pick(5) == 0 ? "\n" : "\r\n");
        s += "\r\n";
        if (pick(3) == 0) s += random_bytes(pick(20));
        return s;
    }

    std::mt19937_64 rng_;
};

std::uint64_t fuzz_seed() {
    if (const char* text = std::getenv("CADENCED_HTTP_FUZZ_SEED")) return std::strtoull(text, nullptr, 10);
    return std::random_device{}();
}

long open_connections(const running_server& server) {
    const auto text = fetch(server.url("/metrics")).body;
    const std::string key = "\ncadenced_http_open_connections ";
    const auto at = text.find(key);
    return at == std::string::npos ? -1 : std::stol(text.substr(at + key.size()));
}

}  // namespace

TEST_CASE("random and malformed requests do not crash the server", "[integration][http][fuzz]") {
    const auto seed = fuzz_seed();
    std::cout << "fuzz seed: " << seed << " (replay with CADENCED_HTTP_FUZZ_SEED=" << seed << ")\n";
    INFO("fuzz seed " << seed);

    fake_source source;
    auto limits = test_limits();
    limits.read_timeout = 1s;
    running_server server(source, limits, 2, 60s);

    constexpr int clients = 2;
    constexpr int requests_per_client = 1500;
    const std::set<int> expected_statuses{0, 200, 304, 400, 404, 405, 413, 431};
    std::atomic<int> unexpected{0};
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            request_generator generate(seed + static_cast<std::uint64_t>(c));
            for (int i = 0; i < requests_per_client; ++i) {
                const auto request = generate.next();
                raw_connection raw(server.port());
                raw.send(request);
                raw.shutdown_write();
                const auto reply = raw.read_until_close(3s);
                const int status = status_of(reply);
                if (status != 0) ++answered;
                if (!expected_statuses.contains(status) || (status == 0 && !reply.empty())) ++unexpected;
            }
        });
    }
    for (auto& t : threads) t.join();

    CHECK(unexpected == 0);
    CHECK(answered > clients * requests_per_client / 2);

    // Still serving, and every fuzzing connection is gone (the one left is
    // the /metrics request's own).
    const auto r = fetch(server.url("/feeds/team.ics"));
    CHECK(r.status == 200);
    CHECK(r.body == sample_snapshot()->feeds.at("team").ics.body);
    long open = -1;
    for (int attempt = 0; attempt < 40 && open != 1; ++attempt) {
        open = open_connections(server);
        if (open != 1) std::this_thread::sleep_for(50ms);
    }
    CHECK(open == 1);
}
