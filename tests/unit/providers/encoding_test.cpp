#include "providers/encoding.h"

#include <catch2/catch.hpp>

using namespace cadenced::providers;

TEST_CASE("encoding: RFC 4648 test vectors", "[unit][providers]") {
    // Section 10, base32hex and base64 (padding dropped where the variant has none).
    CHECK(base32hex("") == "");
    CHECK(base32hex("f") == "co");
    CHECK(base32hex("fo") == "cpng");
    CHECK(base32hex("foo") == "cpnmu");
    CHECK(base32hex("foob") == "cpnmuog");
    CHECK(base32hex("fooba") == "cpnmuoj1");
    CHECK(base32hex("foobar") == "cpnmuoj1e8");
    CHECK(base64("") == "");
    CHECK(base64("f") == "Zg==");
    CHECK(base64("fo") == "Zm8=");
    CHECK(base64("foo") == "Zm9v");
    CHECK(base64("foobar") == "Zm9vYmFy");
    CHECK(base64url("\xfb\xff") == "-_8");
    CHECK(base64("\xfb\xff") == "+/8=");
}

TEST_CASE("encoding: base32hex ids only use Google's event id alphabet", "[unit][providers]") {
    const auto id = base32hex("cadence-call-FY2028-Q1@cadenced");
    CHECK(id.size() == 50);  // 31 bytes * 8 / 5, rounded up
    CHECK(id.find_first_not_of("0123456789abcdefghijklmnopqrstuv") == std::string::npos);
}
