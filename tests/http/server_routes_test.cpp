// The other routes over a real socket: the year page, agendas, health,
// metrics, 404 and 405.
#include "clients.h"
#include "fake_site.h"
#include "support/gzip_codec.h"
#include "server_fixture.h"

#include <catch2/catch.hpp>

using namespace cadenced::http::test;

TEST_CASE("/ serves the year page, conditionally and compressed", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto snap = sample_snapshot();
    const auto& index = snap->index;

    const auto r = fetch(server.url("/"));
    CHECK(r.status == 200);
    CHECK(r.body == index.body);
    CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(r.header("ETag") == "\"index-v1\"");

    CHECK(fetch(server.url("/"), {"If-None-Match: \"index-v1\""}).status == 304);
    const auto gz = fetch(server.url("/?utm=x"), {"Accept-Encoding: gzip"});
    CHECK(gz.header("Content-Encoding") == "gzip");
    CHECK(test_support::gzip_decompress(gz.body) == index.body);
}

TEST_CASE("agendas: public ones for all, confidential ones behind a feed's token", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto snap = sample_snapshot();
    const std::string board_token = "?token=" + std::string(board_token_in_url);

    const auto open = fetch(server.url("/agenda/open-1"));
    CHECK(open.status == 200);
    CHECK(open.body == snap->agendas.at("open-1").html.body);
    CHECK(open.header("Content-Type") == "text/html; charset=utf-8");

    const auto not_found = fetch(server.url("/agenda/nosuch"));
    CHECK(not_found.status == 404);

    // Shown in full only in the board feed: its token opens it.
    CHECK(fetch(server.url("/agenda/conf-board")).status == 404);
    CHECK(fetch(server.url("/agenda/conf-board?token=wrong")).status == 404);
    const auto with_token = fetch(server.url("/agenda/conf-board" + board_token));
    CHECK(with_token.status == 200);
    CHECK(with_token.body == snap->agendas.at("conf-board").html.body);
    CHECK(fetch(server.url("/agenda/conf-board"), {}, "HEAD").status == 404);
    CHECK(fetch(server.url("/agenda/conf-board")).body == not_found.body);

    // Shown in full in a public feed as well: open to everyone.
    CHECK(fetch(server.url("/agenda/conf-team")).status == 200);

    // Shown in full nowhere: closed even to the board token.
    CHECK(fetch(server.url("/agenda/conf-nowhere" + board_token)).status == 404);
}

TEST_CASE("/healthz reports the source's health", "[integration][http]") {
    fake_source source;
    running_server server(source);

    const auto ok = fetch(server.url("/healthz"));
    CHECK(ok.status == 200);
    CHECK(ok.body == R"({"status":"ok"})");
    CHECK(ok.header("Content-Type") == "application/json");
    CHECK(ok.header("Cache-Control") == "no-store");

    source.set_health(R"({"status":"degraded","reason":"config rejected"})", false);
    const auto degraded = fetch(server.url("/healthz"));
    CHECK(degraded.status == 503);
    CHECK(degraded.body == R"({"status":"degraded","reason":"config rejected"})");
    CHECK(degraded.header("Content-Type") == "application/json");
}

TEST_CASE("/metrics counts the requests served", "[integration][http]") {
    fake_source source;
    running_server server(source);
    server.counters.count_regeneration();

    // One client, one connection: the open-connections gauge is exact.
    http_client client;
    const auto feed = client.request(server.url("/feeds/team.ics"));
    client.request(server.url("/feeds/team.ics"), {"If-None-Match: \"feed-team-v1\""});
    const auto missing = client.request(server.url("/nowhere"));
    client.request(server.url("/"), {}, "HEAD");
    const auto refused = client.request(server.url("/"), {}, "DELETE");
    const auto r = client.request(server.url("/metrics"));

    CHECK(r.status == 200);
    CHECK(r.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
    const auto bytes = feed.body.size() + missing.body.size() + refused.body.size();
    CHECK(r.body ==
          "# HELP cadenced_http_requests_total HTTP requests answered, by route and status.\n"
          "# TYPE cadenced_http_requests_total counter\n"
          "cadenced_http_requests_total{route=\"feed\",status=\"200\"} 1\n"
          "cadenced_http_requests_total{route=\"feed\",status=\"304\"} 1\n"
          "cadenced_http_requests_total{route=\"index\",status=\"200\"} 1\n"
          "cadenced_http_requests_total{route=\"index\",status=\"405\"} 1\n"
          "cadenced_http_requests_total{route=\"other\",status=\"404\"} 1\n"
          "# HELP cadenced_http_response_body_bytes_total Body bytes sent in HTTP responses (HEAD and 304 send none).\n"
          "# TYPE cadenced_http_response_body_bytes_total counter\n"
          "cadenced_http_response_body_bytes_total " +
              std::to_string(bytes) +
              "\n"
              "# HELP cadenced_http_open_connections HTTP connections currently open.\n"
              "# TYPE cadenced_http_open_connections gauge\n"
              "cadenced_http_open_connections 1\n"
              "# HELP cadenced_regenerations_total Times the schedule and its feeds were rebuilt.\n"
              "# TYPE cadenced_regenerations_total counter\n"
              "cadenced_regenerations_total 1\n"
              "# HELP cadenced_reload_failures_total Configuration reloads rejected; the previous configuration "
              "stayed in use.\n"
              "# TYPE cadenced_reload_failures_total counter\n"
              "cadenced_reload_failures_total 0\n");
    CHECK(r.new_connections == 0);
}

TEST_CASE("unknown paths are 404 with a small HTML page", "[integration][http]") {
    fake_source source;
    running_server server(source);
    for (const char* path : {"/nowhere", "/feeds/", "/feeds/.ics", "/feeds/team", "/feeds/team.ics/", "/agenda/",
                             "/feeds/team.ICS", "/index.html"}) {
        INFO(path);
        const auto r = fetch(server.url(path));
        CHECK(r.status == 404);
        CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
        CHECK(r.body.starts_with("<!DOCTYPE html>"));
    }
}

TEST_CASE("methods other than GET and HEAD get 405 with Allow", "[integration][http]") {
    fake_source source;
    running_server server(source);
    for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "BREW", "get"}) {
        INFO(method);
        const auto r = fetch(server.url("/feeds/team.ics"), {}, method);
        CHECK(r.status == 405);
        CHECK(r.header("Allow") == "GET, HEAD");
    }
}
