#include "providers/retry.h"

#include <catch2/catch.hpp>

using namespace cadenced::providers;
using namespace std::chrono;

TEST_CASE("retry: backoff doubles, is capped, and jitters within its half", "[unit][providers]") {
    retry_policy p;
    p.base_delay = milliseconds{500};
    p.max_delay = milliseconds{4000};
    std::mt19937_64 random{42};
    for (int i = 0; i < 200; ++i) {
        const auto first = backoff_delay(p, 1, random);
        CHECK(first >= milliseconds{250});
        CHECK(first <= milliseconds{500});
        const auto third = backoff_delay(p, 3, random);
        CHECK(third >= milliseconds{1000});
        CHECK(third <= milliseconds{2000});
        const auto tenth = backoff_delay(p, 10, random);
        CHECK(tenth >= milliseconds{2000});
        CHECK(tenth <= milliseconds{4000});
    }
}

TEST_CASE("retry: Retry-After as seconds or as an HTTP date", "[unit][providers]") {
    const auto now = system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
    CHECK(parse_retry_after("120", now) == milliseconds{120'000});
    CHECK(parse_retry_after("0", now) == milliseconds{0});
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now) == milliseconds{30'000});
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now) == milliseconds{0});  // past: at once
    CHECK_FALSE(parse_retry_after("", now));
    CHECK_FALSE(parse_retry_after("-5", now));
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK_FALSE(parse_retry_after("12s", now));
}
