// HTTP/1.1 framing over raw sockets: malformed requests, limits on the
// header and the body, keep-alive and its ends.
#include "clients.h"
#include "fake_site.h"
#include "server_fixture.h"

#include <catch2/catch.hpp>

#include <string>
#include <thread>

using namespace cadenced::http::test;
using namespace std::chrono_literals;

namespace {

/// Sends `request` on a fresh connection and returns all the server sends
/// before closing; fails if it does not close.
std::string exchange_and_close(unsigned short port, std::string_view request) {
    raw_connection raw(port);
    raw.send(request);
    auto text = raw.read_until_close(3s);
    return text;
}

}  // namespace

TEST_CASE("garbage gets 400 and the connection closes", "[integration][http]") {
    fake_source source;
    running_server server(source);
    for (const char* garbage : {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: t\r\n\r\n",
                                "GET / HTTQ/1.1\r\nHost: t\r\n\r\n", "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
                                "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: x\r\n\r\n",
                                "G\x01T / HTTP/1.1\r\nHost: t\r\n\r\n", "GET /\x7f HTTP/1.1\r\nHost: t\r\n\r\n"}) {
        INFO(garbage);
        const auto text = exchange_and_close(server.port(), garbage);
        CHECK(status_of(text) == 400);
        CHECK(text.find("\r\nConnection: close\r\n") != std::string::npos);
    }
}

TEST_CASE("targets and Host fields that cannot be served get 400", "[integration][http]") {
    fake_source source;
    running_server server(source);
    CHECK(status_of(exchange_and_close(server.port(), "GET / HTTP/1.1\r\n\r\n")) == 400);
    CHECK(status_of(exchange_and_close(server.port(), "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")) == 400);
    CHECK(status_of(exchange_and_close(server.port(), "GET feeds HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")) ==
          400);
    CHECK(status_of(exchange_and_close(server.port(),
                                       "GET /feeds/%zz.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")) == 400);
    // HTTP/1.0 needs no Host; absolute-form targets are routed by their path.
    CHECK(status_of(exchange_and_close(server.port(), "GET /feeds/team.ics HTTP/1.0\r\n\r\n")) == 200);
    CHECK(status_of(exchange_and_close(
              server.port(), "GET http://t/feeds/team.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")) == 200);
    // Dot segments are not resolved: a path is a name, not a file.
    CHECK(status_of(exchange_and_close(
              server.port(), "GET /feeds/../feeds/team.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")) == 404);
}

TEST_CASE("a header block over the limit gets 431 and the connection closes", "[integration][http]") {
    fake_source source;
    running_server server(source);  // max_header_bytes 8 KiB

    const std::string big(12 * 1024, 'a');
    raw_connection raw(server.port());
    raw.send("GET /feeds/team.ics HTTP/1.1\r\nHost: t\r\nX-Big: " + big + "\r\n\r\n");
    const auto text = raw.read_until_close(3s);
    CHECK(status_of(text) == 431);
    CHECK(text.find("\r\nConnection: close\r\n") != std::string::npos);

    // Many small fields count the same as one big one.
    std::string many = "GET / HTTP/1.1\r\nHost: t\r\n";
    for (int i = 0; i < 1000; ++i) many += "X-F" + std::to_string(i) + ": v\r\n";
    CHECK(status_of(exchange_and_close(server.port(), many + "\r\n")) == 431);

    // Just under the limit is fine.
    const std::string fits(7 * 1024, 'a');
    CHECK(status_of(exchange_and_close(server.port(),
                                       "GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\nX-Fits: " + fits + "\r\n\r\n")) ==
          200);
}

TEST_CASE("a header sent in parts is put together, and the parts count together against the limit",
          "[integration][http]") {
    fake_source source;
    running_server server(source);  // max_header_bytes 8 KiB

    raw_connection raw(server.port());
    raw.send("GET /feeds/te");
    std::this_thread::sleep_for(50ms);
    raw.send("am.ics HTTP/1.1\r\nHo");
    std::this_thread::sleep_for(50ms);
    raw.send("st: t\r\n\r\n");
    const auto whole = raw.read_response();
    CHECK(status_of(whole) == 200);
    CHECK(whole.find("BEGIN:VCALENDAR") != std::string::npos);

    // Three fields of 3 KiB, each in a part of its own: 9 KiB in all.
    raw_connection parts(server.port());
    parts.send("GET / HTTP/1.1\r\nHost: t\r\n");
    for (int i = 0; i < 3; ++i) {
        std::this_thread::sleep_for(50ms);
        parts.send("X-Part" + std::to_string(i) + ": " + std::string(3 * 1024, 'p') + "\r\n");
    }
    parts.send("\r\n");
    CHECK(status_of(parts.read_until_close(3s)) == 431);
}

TEST_CASE("a buffer full of pipelined requests is answered, each in turn", "[integration][http]") {
    fake_source source;
    running_server server(source, test_limits(), 1);

    // Several reads' worth of requests arriving at once; answering each one
    // inside the one before would nest 500 deep.
    constexpr int count = 500;
    std::string requests;
    for (int i = 0; i < count; ++i) {
        requests += (i % 2 == 0) ? "GET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n" : "HEAD / HTTP/1.1\r\nHost: t\r\n\r\n";
    }
    raw_connection raw(server.port());
    REQUIRE(raw.send(requests));
    int in_order = 0;
    for (int i = 0; i < count; ++i) {
        const auto response = raw.read_response(i % 2 == 1);
        if (status_of(response) == ((i % 2 == 0) ? 404 : 200)) ++in_order;
    }
    CHECK(in_order == count);
    // The connection is still good for more.
    raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    CHECK(status_of(raw.read_response()) == 200);
}

TEST_CASE("a request body gets 413 (405 if the method is wrong too)", "[integration][http]") {
    fake_source source;
    running_server server(source);
    CHECK(status_of(exchange_and_close(server.port(), "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello")) ==
          413);
    CHECK(status_of(exchange_and_close(server.port(),
                                       "GET / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")) ==
          413);
    const auto post = exchange_and_close(server.port(), "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
    CHECK(status_of(post) == 405);
    CHECK(post.find("\r\nAllow: GET, HEAD\r\n") != std::string::npos);
    // An empty body is no body.
    CHECK(status_of(exchange_and_close(server.port(),
                                       "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) ==
          200);
}

TEST_CASE("keep-alive: requests share a connection until one says close", "[integration][http]") {
    fake_source source;
    running_server server(source);

    SECTION("curl reuses the connection") {
        http_client client;
        CHECK(client.request(server.url("/feeds/team.ics")).new_connections == 1);
        CHECK(client.request(server.url("/feeds/team.ics")).new_connections == 0);
        CHECK(client.request(server.url("/nowhere")).new_connections == 0);
        CHECK(client.request(server.url("/"), {}, "POST").new_connections == 0);
    }
    SECTION("two requests, one socket, then Connection: close") {
        raw_connection raw(server.port());
        raw.send("GET /feeds/team.ics HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto first = raw.read_response();
        CHECK(status_of(first) == 200);
        CHECK(first.find("Connection:") == std::string::npos);
        raw.send("HEAD / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        const auto second = raw.read_response(true);
        CHECK(status_of(second) == 200);
        CHECK(second.find("\r\nConnection: close\r\n") != std::string::npos);
        CHECK(raw.closed_by_peer_within(2s));
    }
    SECTION("pipelined requests are answered in order") {
        raw_connection raw(server.port());
        raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n"
                 "GET /feeds/team.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        CHECK(status_of(raw.read_response()) == 200);
        CHECK(status_of(raw.read_response()) == 404);
        CHECK(status_of(raw.read_response()) == 200);
        CHECK(raw.closed_by_peer_within(2s));
    }
    SECTION("HTTP/1.0 closes unless it asks for keep-alive") {
        const auto plain = exchange_and_close(server.port(), "GET /healthz HTTP/1.0\r\n\r\n");
        CHECK(status_of(plain) == 200);
        CHECK(plain.find("\r\nConnection: close\r\n") != std::string::npos);

        raw_connection raw(server.port());
        raw.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        const auto kept = raw.read_response();
        CHECK(kept.find("\r\nConnection: keep-alive\r\n") != std::string::npos);
        raw.send("GET /healthz HTTP/1.0\r\n\r\n");
        CHECK(status_of(raw.read_response()) == 200);
        CHECK(raw.closed_by_peer_within(2s));
    }
}

TEST_CASE("an idle keep-alive connection is closed after idle_timeout", "[integration][http]") {
    fake_source source;
    auto limits = test_limits();
    limits.idle_timeout = 1s;
    running_server server(source, limits);

    raw_connection raw(server.port());
    raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    REQUIRE(status_of(raw.read_response()) == 200);
    const auto start = std::chrono::steady_clock::now();
    CHECK(raw.closed_by_peer_within(3s));
    CHECK(std::chrono::steady_clock::now() - start >= 900ms);
}

TEST_CASE("a connection in use is kept past its first deadline, and closed idle_timeout after its last request",
          "[integration][http]") {
    fake_source source;
    auto limits = test_limits();
    limits.read_timeout = 1s;  // the deadline from the accept
    limits.idle_timeout = 2s;
    running_server server(source, limits);

    raw_connection raw(server.port());
    // Requests every 400 ms for 2.4 s: past the first deadline (1 s after the
    // accept) and past the idle deadline of the first request.
    for (int i = 0; i < 7; ++i) {
        REQUIRE(raw.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"));
        REQUIRE(status_of(raw.read_response()) == 200);
        std::this_thread::sleep_for(400ms);
    }
    const auto last = std::chrono::steady_clock::now() - 400ms;
    CHECK(raw.closed_by_peer_within(4s));
    const auto idle_for = std::chrono::steady_clock::now() - last;
    CHECK(idle_for >= 1900ms);
    CHECK(idle_for < 3500ms);
}
