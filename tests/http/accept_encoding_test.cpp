#include "daemon/http/accept_encoding.h"

#include <catch2/catch.hpp>

using cadenced::http::accepts_gzip;

TEST_CASE("accepts_gzip honours q-values", "[unit][http]") {
    CHECK(accepts_gzip("gzip"));
    CHECK(accepts_gzip("GZip"));
    CHECK(accepts_gzip("x-gzip"));
    CHECK(accepts_gzip("gzip, deflate, br"));
    CHECK(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
    CHECK(accepts_gzip("gzip;q=0.001"));
    CHECK(accepts_gzip("gzip ; q=1"));
    CHECK(accepts_gzip("gzip;level=9"));

    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("identity"));
    CHECK_FALSE(accepts_gzip("deflate, br"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip;q=0.000"));
    CHECK_FALSE(accepts_gzip("gzip;Q=0."));
    CHECK_FALSE(accepts_gzip("gzip;q=0, *"));
    CHECK_FALSE(accepts_gzip("gzip, gzip;q=0"));
}

TEST_CASE("accepts_gzip treats '*' as gzip when gzip is not named", "[unit][http]") {
    CHECK(accepts_gzip("*"));
    CHECK(accepts_gzip("br, *;q=0.5"));
    CHECK_FALSE(accepts_gzip("*;q=0"));
    CHECK(accepts_gzip("gzip;q=0.5, *;q=0"));
}

TEST_CASE("accepts_gzip refuses malformed q-values", "[unit][http]") {
    CHECK_FALSE(accepts_gzip("gzip;q=2"));
    CHECK_FALSE(accepts_gzip("gzip;q=1.5"));
    CHECK_FALSE(accepts_gzip("gzip;q=0.12345"));
    CHECK_FALSE(accepts_gzip("gzip;q="));
    CHECK_FALSE(accepts_gzip("gzip;q=high"));
}
