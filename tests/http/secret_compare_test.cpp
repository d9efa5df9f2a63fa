#include "daemon/http/secret_compare.h"

#include <catch2/catch.hpp>

using cadenced::http::secrets_equal;

TEST_CASE("secrets_equal compares whole strings", "[unit][http]") {
    CHECK(secrets_equal("s3cr+t", "s3cr+t"));
    CHECK(secrets_equal("", ""));
    CHECK_FALSE(secrets_equal("s3cr+", "s3cr+t"));
    CHECK_FALSE(secrets_equal("s3cr+tt", "s3cr+t"));
    CHECK_FALSE(secrets_equal("S3cr+t", "s3cr+t"));
    CHECK_FALSE(secrets_equal("s3cr+u", "s3cr+t"));
    CHECK_FALSE(secrets_equal("", "s3cr+t"));
    CHECK_FALSE(secrets_equal("s3cr+t", ""));
    // A repetition of the secret's prefix must not pass for it.
    CHECK_FALSE(secrets_equal("ab", "abab"));
    CHECK_FALSE(secrets_equal(std::string_view("ab\0", 3), "ab"));
}
