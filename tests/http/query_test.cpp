#include "daemon/http/query.h"

#include <catch2/catch.hpp>

using cadenced::http::parse_target;
using cadenced::http::percent_decode;
using cadenced::http::query_value;

TEST_CASE("percent_decode decodes escapes and leaves '+' alone", "[unit][http]") {
    CHECK(percent_decode("a%20b%2Fc%2bd") == "a b/c+d");
    CHECK(percent_decode("a+b") == "a+b");
    CHECK(percent_decode("") == "");
    CHECK(percent_decode("%e2%82%AC") == "\xe2\x82\xac");
    CHECK_FALSE(percent_decode("%"));
    CHECK_FALSE(percent_decode("%4"));
    CHECK_FALSE(percent_decode("%4g"));
    CHECK_FALSE(percent_decode("abc%"));
}

TEST_CASE("parse_target splits path and query", "[unit][http]") {
    const auto t = parse_target("/feeds/board.ics?token=a%2Bb&x=1");
    REQUIRE(t);
    CHECK(t->path == "/feeds/board.ics");
    CHECK(t->query == "token=a%2Bb&x=1");

    const auto decoded = parse_target("/agenda/abc%40cadenced#frag");
    REQUIRE(decoded);
    CHECK(decoded->path == "/agenda/abc@cadenced");
    CHECK(decoded->query.empty());
}

TEST_CASE("parse_target accepts absolute-form targets", "[unit][http]") {
    const auto t = parse_target("HTTP://example.org:8470/feeds/a.ics?token=x");
    REQUIRE(t);
    CHECK(t->path == "/feeds/a.ics");
    CHECK(t->query == "token=x");
    CHECK(parse_target("http://example.org")->path == "/");
}

TEST_CASE("parse_target rejects targets it cannot route", "[unit][http]") {
    CHECK_FALSE(parse_target(""));
    CHECK_FALSE(parse_target("*"));
    CHECK_FALSE(parse_target("feeds/a.ics"));
    CHECK_FALSE(parse_target("ftp://host/x"));
    CHECK_FALSE(parse_target("/feeds/%zz.ics"));
    CHECK_FALSE(parse_target("/a%00b"));
    CHECK_FALSE(parse_target("/feeds/a.ics?token=%"));
}

TEST_CASE("query_value finds the first parameter and decodes it", "[unit][http]") {
    CHECK(query_value("token=abc", "token") == "abc");
    CHECK(query_value("a=1&token=x%26y&token=second", "token") == "x&y");
    CHECK(query_value("to%6Ben=encoded-name", "token") == "encoded-name");
    CHECK(query_value("token", "token") == "");
    CHECK(query_value("token=", "token") == "");
    CHECK_FALSE(query_value("", "token"));
    CHECK_FALSE(query_value("tokens=abc&xtoken=1", "token"));
}
