#include "daemon/http/http_date.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::http::format_http_date;
using cadenced::http::parse_http_date;

namespace {
const sys_seconds rfc_example = sys_days{1994y / November / 6} + 8h + 49min + 37s;
}

TEST_CASE("format_http_date writes IMF-fixdate", "[unit][http]") {
    CHECK(format_http_date(rfc_example) == "Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK(format_http_date(sys_days{2028y / February / 29}) == "Tue, 29 Feb 2028 00:00:00 GMT");
    CHECK(format_http_date(sys_seconds{}) == "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST_CASE("parse_http_date reads the three forms RFC 9110 lists", "[unit][http]") {
    CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == rfc_example);
    CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == rfc_example);
    CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == rfc_example);
    CHECK(parse_http_date("Thu, 01 Jan 2032 00:00:00 GMT") == sys_seconds{sys_days{2032y / January / 1}});
    CHECK(parse_http_date("Thursday, 01-Jan-32 00:00:00 GMT") == sys_seconds{sys_days{2032y / January / 1}});
}

TEST_CASE("parse_http_date rejects what is not an HTTP-date", "[unit][http]") {
    for (const char* text : {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
                             "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 30 Feb 1994 08:49:37 GMT",
                             "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT",
                             "Sun, 06 Nov 1994 08:49:37 GMT ", "Xyz, 06 Nov 1994 08:49:37 GMT",
                             "Sun, 06 Nov 19944 08:49:37 GMT", "Sun Nov 6 08:49:37 1994"}) {
        INFO(text);
        CHECK_FALSE(parse_http_date(text));
    }
}

TEST_CASE("parse_http_date inverts format_http_date", "[unit][http]") {
    // A step that is prime in seconds visits every weekday, month, leap day
    // and time-of-day digit over the years covered.
    for (sys_seconds t = sys_days{1970y / January / 1}; t < sys_days{2100y / January / 1}; t += 86'413s * 7) {
        const auto text = format_http_date(t);
        INFO(text);
        REQUIRE(parse_http_date(text) == t);
    }
}
