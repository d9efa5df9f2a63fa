#include "daemon/http/conditional.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::http::if_none_match_matches;
using cadenced::http::not_modified;
using cadenced::http::preconditions;

namespace {
const sys_seconds modified = sys_days{2028y / November / 14} + 9h + 30min;
constexpr std::string_view etag = "\"v1\"";
}  // namespace

TEST_CASE("if_none_match_matches reads entity-tag lists", "[unit][http]") {
    CHECK(if_none_match_matches("\"v1\"", etag));
    CHECK(if_none_match_matches("*", etag));
    CHECK(if_none_match_matches("\"v0\", \"v1\"", etag));
    CHECK(if_none_match_matches("\"v0\",\"v1\"", etag));
    CHECK(if_none_match_matches("W/\"v1\"", etag));  // weak comparison
    CHECK(if_none_match_matches("\"v1\"", "W/\"v1\""));
    CHECK(if_none_match_matches("\"a,b\", \"v1\"", etag));  // a comma inside a tag

    CHECK_FALSE(if_none_match_matches("", etag));
    CHECK_FALSE(if_none_match_matches("\"v2\"", etag));
    CHECK_FALSE(if_none_match_matches("v1", etag));
    CHECK_FALSE(if_none_match_matches("\"v1", etag));
    CHECK_FALSE(if_none_match_matches("\"V1\"", etag));
    CHECK_FALSE(if_none_match_matches("w/\"v1\"", etag));
}

TEST_CASE("not_modified prefers If-None-Match over If-Modified-Since", "[unit][http]") {
    preconditions none;
    CHECK_FALSE(not_modified(none, etag, modified));

    preconditions match{"\"v1\"", std::nullopt};
    CHECK(not_modified(match, etag, modified));

    // A stale tag decides even when the date alone would say 304.
    preconditions stale_tag{"\"v0\"", "Tue, 14 Nov 2028 09:30:00 GMT"};
    CHECK_FALSE(not_modified(stale_tag, etag, modified));
}

TEST_CASE("not_modified compares If-Modified-Since to the second", "[unit][http]") {
    auto since = [](const char* date) { return preconditions{std::nullopt, date}; };
    CHECK(not_modified(since("Tue, 14 Nov 2028 09:30:00 GMT"), etag, modified));
    CHECK(not_modified(since("Wed, 15 Nov 2028 00:00:00 GMT"), etag, modified));
    CHECK(not_modified(since("Tuesday, 14-Nov-28 09:30:00 GMT"), etag, modified));
    CHECK_FALSE(not_modified(since("Tue, 14 Nov 2028 09:29:59 GMT"), etag, modified));
    CHECK_FALSE(not_modified(since("not a date"), etag, modified));
}
