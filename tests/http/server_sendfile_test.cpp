// Large feeds go out with sendfile(2) from their body files: whole and
// byte-exact, across waits for a slow reader, and without a client that
// leaves mid-feed (or stops reading) costing anyone else anything.
#include "clients.h"
#include "fake_site.h"
#include "server_fixture.h"
#include "support/gzip_codec.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

using namespace cadenced::http::test;
using namespace std::chrono_literals;
namespace site = cadenced::site;

namespace {

// Far more than a loopback socket's send and receive buffers together
// (4 MiB and 6 MiB here at most), so the server has to wait for the reader.
constexpr std::size_t big_size = 12 * 1024 * 1024;

// Calendar-like lines that do not repeat, so gzip cannot make them small.
std::string big_calendar() {
    std::string ics = "BEGIN:VCALENDAR\r\n";
    std::uint64_t state = 0x9e3779b97f4a7c15ULL;
    while (ics.size() < big_size) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        ics += "X-LINE:" + std::to_string(state) + "\r\n";
    }
    ics += "END:VCALENDAR\r\n";
    return ics;
}

std::shared_ptr<const site::snapshot> big_snapshot() {
    auto snap = std::make_shared<site::snapshot>(*sample_snapshot());
    site::feed_document feed;
    feed.name = "big";
    feed.title = "Big";
    feed.ics.content_type = "text/calendar; charset=utf-8";
    feed.ics.body = big_calendar();
    feed.ics.gzip_body = test_support::gzip_compress(feed.ics.body);
    feed.ics.body_file = site::body_file::of(feed.ics.body);
    feed.ics.gzip_file = site::body_file::of(feed.ics.gzip_body);
    feed.ics.etag = "\"big-v1\"";
    feed.ics.last_modified = sample_last_modified();
    REQUIRE(feed.ics.body_file);
    REQUIRE(feed.ics.gzip_file);
    snap->feeds.emplace("big", std::move(feed));
    return snap;
}

const std::shared_ptr<const site::snapshot>& shared_big_snapshot() {
    static const auto snap = big_snapshot();
    return snap;
}

// So small that the server finds the socket full and must wait for the
// client to read, again and again.
constexpr int tiny_receive_buffer = 4096;

const std::string big_request = "GET /feeds/big.ics HTTP/1.1\r\nHost: t\r\n\r\n";

}  // namespace

TEST_CASE("a large feed goes out whole from its body file, plain and gzip", "[integration][http]") {
    fake_source source{shared_big_snapshot()};
    running_server server(source);
    const auto& doc = shared_big_snapshot()->feeds.at("big").ics;

    const auto plain = fetch(server.url("/feeds/big.ics"));
    CHECK(plain.status == 200);
    CHECK(plain.header("Content-Length") == std::to_string(doc.body.size()));
    CHECK(plain.body.size() == doc.body.size());
    CHECK(plain.body == doc.body);

    const auto gzipped = fetch(server.url("/feeds/big.ics"), {"Accept-Encoding: gzip"});
    CHECK(gzipped.status == 200);
    CHECK(gzipped.header("Content-Encoding") == "gzip");
    CHECK(gzipped.body == doc.gzip_body);

    // Several on one connection: each response ends where the next begins.
    http_client client;
    for (int i = 0; i < 3; ++i) {
        const auto again = client.request(server.url("/feeds/big.ics"));
        CHECK(again.body == doc.body);
        CHECK(again.new_connections == (i == 0 ? 1 : 0));
    }
}

TEST_CASE("a slow reader of a large feed gets every byte, in order", "[integration][http]") {
    fake_source source{shared_big_snapshot()};
    running_server server(source, test_limits(), 1);
    const auto& body = shared_big_snapshot()->feeds.at("big").ics.body;

    raw_connection reader(server.port(), tiny_receive_buffer);
    REQUIRE(reader.send(big_request));
    // Pauses make the server find the socket full and wait for it, many times.
    std::string got = reader.read_up_to(4096);
    std::this_thread::sleep_for(200ms);
    // Meanwhile the same (only) server thread serves others.
    CHECK(fetch(server.url("/feeds/team.ics")).status == 200);
    got += reader.read_up_to(1024 * 1024);
    std::this_thread::sleep_for(200ms);
    const auto head_end = got.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    CHECK(status_of(got) == 200);
    got += reader.read_up_to(head_end + 4 + body.size() - got.size());
    CHECK(got.size() == head_end + 4 + body.size());
    CHECK(got.compare(head_end + 4, std::string::npos, body) == 0);
}

TEST_CASE("a request sent while a large feed waits for the socket is answered right after it",
          "[integration][http]") {
    fake_source source{shared_big_snapshot()};
    auto limits = test_limits();
    limits.idle_timeout = 20s;  // a request the server missed would wait this long
    running_server server(source, limits, 1);
    const auto& body = shared_big_snapshot()->feeds.at("big").ics.body;

    raw_connection reader(server.port(), tiny_receive_buffer);
    REQUIRE(reader.send(big_request));
    std::string got = reader.read_up_to(64 * 1024);
    // The server is now waiting for room in the socket; the next request
    // arrives during that wait, announced while nobody is reading.
    std::this_thread::sleep_for(100ms);
    REQUIRE(reader.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
    std::this_thread::sleep_for(100ms);
    const auto head_end = got.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    got += reader.read_up_to(head_end + 4 + body.size() - got.size());
    CHECK(got.size() == head_end + 4 + body.size());
    const auto started = std::chrono::steady_clock::now();
    const auto next = reader.read_response(false, 5s);
    CHECK(status_of(next) == 200);
    CHECK(std::chrono::steady_clock::now() - started < 2s);
}

TEST_CASE("clients that leave mid-feed do not take the server down", "[integration][http]") {
    fake_source source{shared_big_snapshot()};
    running_server server(source);
    for (int i = 0; i < 10; ++i) {
        raw_connection leaver(server.port(), tiny_receive_buffer);
        REQUIRE(leaver.send(big_request));
        CHECK(leaver.read_up_to(64 * 1024).size() == 64 * 1024);
        leaver.abort();
    }
    // Were SIGPIPE not ignored, the first of them would have ended the
    // process, this test with it.
    const auto after = fetch(server.url("/feeds/big.ics"));
    CHECK(after.status == 200);
    CHECK(after.body == shared_big_snapshot()->feeds.at("big").ics.body);
}

TEST_CASE("a client that stops reading a large feed is cut off after write_timeout", "[integration][http]") {
    fake_source source{shared_big_snapshot()};
    auto limits = test_limits();
    limits.write_timeout = 1s;
    limits.idle_timeout = 10s;
    running_server server(source, limits, 1);

    raw_connection stalled(server.port(), tiny_receive_buffer);
    REQUIRE(stalled.send(big_request));
    CHECK(stalled.read_up_to(4096).size() == 4096);
    const auto start = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(1500ms);
    // Past the deadline the server has closed: what is left to read is what
    // the buffers held, then the end, far short of the whole feed.
    const auto rest = stalled.read_up_to(big_size);
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(rest.size() < big_size / 2);
    CHECK(waited < 5s);
    // And the one server thread carries on.
    CHECK(fetch(server.url("/feeds/team.ics")).status == 200);
}
