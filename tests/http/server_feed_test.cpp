// GET/HEAD of feeds over a real socket: headers, conditional requests, gzip
// and tokens.
#include "clients.h"
#include "fake_site.h"
#include "support/gzip_codec.h"
#include "server_fixture.h"

#include <catch2/catch.hpp>

using namespace cadenced::http::test;

namespace {

const std::string last_modified_text = "Tue, 14 Nov 2028 09:30:00 GMT";

const cadenced::site::document& team_ics() {
    static const auto snap = sample_snapshot();
    return snap->feeds.at("team").ics;
}

}  // namespace

TEST_CASE("a feed is served with its validators and caching headers", "[integration][http]") {
    fake_source source;
    running_server server(source);

    const auto r = fetch(server.url("/feeds/team.ics"));
    CHECK(r.status == 200);
    CHECK(r.body == team_ics().body);
    CHECK(r.header_names() == std::vector<std::string>{"cache-control", "content-length", "content-type", "date",
                                                       "etag", "last-modified", "server", "vary"});
    CHECK(r.header("Content-Type") == "text/calendar; charset=utf-8");
    CHECK(r.header("Content-Length") == std::to_string(team_ics().body.size()));
    CHECK(r.header("ETag") == "\"feed-team-v1\"");
    CHECK(r.header("Last-Modified") == last_modified_text);
    CHECK(r.header("Cache-Control") == "max-age=3600");
    CHECK(r.header("Vary") == "Accept-Encoding");
    CHECK(r.header("Server") == "cadenced");
    CHECK(r.header("Date")->ends_with(" GMT"));
    CHECK(r.header("Date")->size() == last_modified_text.size());
}

TEST_CASE("HEAD sends GET's headers and no body", "[integration][http]") {
    fake_source source;
    running_server server(source);

    const auto get = fetch(server.url("/feeds/team.ics"));
    const auto head = fetch(server.url("/feeds/team.ics"), {}, "HEAD");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header_names() == get.header_names());
    CHECK(head.header("Content-Length") == get.header("Content-Length"));
    CHECK(head.header("ETag") == get.header("ETag"));

    // On the wire, too: exactly the header block, nothing after it.
    raw_connection raw(server.port());
    REQUIRE(raw.send("HEAD /feeds/team.ics HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
    const auto text = raw.read_until_close();
    CHECK(status_of(text) == 200);
    CHECK(text.ends_with("\r\n\r\n"));
    CHECK(text.find("Content-Length: " + std::to_string(team_ics().body.size()) + "\r\n") != std::string::npos);
}

TEST_CASE("If-None-Match answers 304 without a body", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto url = server.url("/feeds/team.ics");

    for (const char* value : {"\"feed-team-v1\"", "\"old\", \"feed-team-v1\"", "W/\"feed-team-v1\"", "*"}) {
        INFO(value);
        const auto r = fetch(url, {std::string("If-None-Match: ") + value});
        CHECK(r.status == 304);
        CHECK(r.body.empty());
        CHECK(r.header("ETag") == "\"feed-team-v1\"");
        CHECK(r.header("Cache-Control") == "max-age=3600");
        CHECK_FALSE(r.header("Content-Type"));
    }

    const auto changed = fetch(url, {"If-None-Match: \"feed-team-v0\""});
    CHECK(changed.status == 200);
    CHECK(changed.body == team_ics().body);

    // If-None-Match decides alone: a matching date does not turn a stale tag into a 304.
    const auto both = fetch(url, {"If-None-Match: \"feed-team-v0\"", "If-Modified-Since: " + last_modified_text});
    CHECK(both.status == 200);
}

TEST_CASE("If-Modified-Since answers 304 when nothing changed since", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto url = server.url("/feeds/team.ics");

    CHECK(fetch(url, {"If-Modified-Since: " + last_modified_text}).status == 304);
    CHECK(fetch(url, {"If-Modified-Since: Thu, 01 Jan 2032 00:00:00 GMT"}).status == 304);
    CHECK(fetch(url, {"If-Modified-Since: Tue, 14 Nov 2028 09:29:59 GMT"}).status == 200);
    CHECK(fetch(url, {"If-Modified-Since: garbage"}).status == 200);

    const auto head = fetch(url, {"If-Modified-Since: " + last_modified_text}, "HEAD");
    CHECK(head.status == 304);
}

TEST_CASE("gzip is sent when the client accepts it", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto url = server.url("/feeds/team.ics");

    const auto r = fetch(url, {"Accept-Encoding: gzip, deflate"});
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Encoding") == "gzip");
    CHECK(r.header("Content-Length") == std::to_string(r.body.size()));
    CHECK(r.body.size() < team_ics().body.size());
    CHECK(test_support::gzip_decompress(r.body) == team_ics().body);
    CHECK(r.header("ETag") == "\"feed-team-v1-gzip\"");
    CHECK(r.header("Vary") == "Accept-Encoding");

    // The compressed variant revalidates with its own tag.
    CHECK(fetch(url, {"Accept-Encoding: gzip", "If-None-Match: \"feed-team-v1-gzip\""}).status == 304);
    CHECK(fetch(url, {"Accept-Encoding: gzip", "If-None-Match: \"feed-team-v1\""}).status == 200);

    const auto head = fetch(url, {"Accept-Encoding: gzip"}, "HEAD");
    CHECK(head.header("Content-Length") == std::to_string(r.body.size()));
    CHECK(head.header("Content-Encoding") == "gzip");

    for (const char* refused : {"gzip;q=0", "br", "identity", "*;q=0"}) {
        INFO(refused);
        const auto plain = fetch(url, {std::string("Accept-Encoding: ") + refused});
        CHECK_FALSE(plain.header("Content-Encoding"));
        CHECK(plain.body == team_ics().body);
    }
    CHECK(fetch(url, {"Accept-Encoding: br;q=1, *;q=0.5"}).header("Content-Encoding") == "gzip");
}

TEST_CASE("a document without a gzip body is always sent plain", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto r = fetch(server.url("/feeds/plain.ics"), {"Accept-Encoding: gzip"});
    CHECK(r.status == 200);
    CHECK_FALSE(r.header("Content-Encoding"));
    CHECK(r.header("ETag") == "\"feed-plain-v1\"");
    CHECK(r.body == sample_snapshot()->feeds.at("plain").ics.body);
}

TEST_CASE("a token feed needs its token, and says 404 like an unknown feed otherwise", "[integration][http]") {
    fake_source source;
    running_server server(source);
    const auto snap = sample_snapshot();
    const auto& board = snap->feeds.at("board").ics;

    const auto ok = fetch(server.url("/feeds/board.ics?token=" + std::string(board_token_in_url)));
    CHECK(ok.status == 200);
    CHECK(ok.body == board.body);
    const auto ok_later = fetch(server.url("/feeds/board.ics?x=1&token=" + std::string(board_token_in_url)));
    CHECK(ok_later.status == 200);

    const auto unknown = fetch(server.url("/feeds/nosuch.ics"));
    REQUIRE(unknown.status == 404);
    for (const char* path : {"/feeds/board.ics", "/feeds/board.ics?token=", "/feeds/board.ics?token=s3cr%2Bt",
                             "/feeds/board.ics?token=s3cr+t/ok&more", "/feeds/board.ics?token=S3CR%2BT%2FOK%26MORE",
                             "/feeds/board.ics?tok=s3cr%2Bt%2Fok%26more", "/feeds/nosuch.ics?token=x"}) {
        INFO(path);
        const auto denied = fetch(server.url(path));
        CHECK(denied.status == 404);
        CHECK(denied.body == unknown.body);
        // Same fields, same values (Date aside): nothing tells the two apart.
        auto without_date = [](const http_response& r) {
            auto h = r.headers;
            std::erase_if(h, [](const auto& field) { return field.first == "Date"; });
            return h;
        };
        CHECK(without_date(denied) == without_date(unknown));
    }
    CHECK(unknown.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(unknown.body.find("404") != std::string::npos);

    // A public feed ignores a token it does not need.
    CHECK(fetch(server.url("/feeds/team.ics?token=whatever")).status == 200);
}
