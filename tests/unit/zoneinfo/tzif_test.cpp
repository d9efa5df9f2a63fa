#include "zoneinfo/tzif.h"

#include "support/run_process.h"
#include "tzif_builder.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::zoneinfo::parse_tzif;
using cadenced::zoneinfo::tzif_footer;
using zoneinfo_test::made_zone;
using zoneinfo_test::tzif_bytes;

namespace {

// A summer around 2030 and one around 2040; the latter lies past 2^31
// seconds, so only the 64-bit block holds it.
made_zone two_summers() {
    made_zone z;
    z.types = {{-18000, false, "EST"}, {-14400, true, "EDT"}};
    z.times = {1899010800, 1909573200, 2215062000, 2225624400};
    z.indices = {1, 0, 1, 0};
    z.footer = "EST5EDT,M3.2.0,M11.1.0";
    return z;
}

}  // namespace

TEST_CASE("tzif: a version 2 file's types, transitions and footer", "[unit][zoneinfo]") {
    const auto data = parse_tzif(tzif_bytes(two_summers()));
    REQUIRE(data);
    REQUIRE(data->types.size() == 2);
    CHECK(data->types[0].offset == hours{-5});
    CHECK_FALSE(data->types[0].dst);
    CHECK(data->types[0].abbrev == "EST");
    CHECK(data->types[1].offset == hours{-4});
    CHECK(data->types[1].dst);
    CHECK(data->types[1].abbrev == "EDT");
    REQUIRE(data->transitions.size() == 4);
    CHECK(data->transitions[0].at == sys_seconds{seconds{1899010800}});
    CHECK(data->transitions[0].type == 1);
    CHECK(data->transitions[3].at == sys_seconds{seconds{2225624400}});
    CHECK(data->transitions[3].type == 0);
    CHECK(data->footer == "EST5EDT,M3.2.0,M11.1.0");
}

TEST_CASE("tzif: a version 1 file has 32-bit times and no footer", "[unit][zoneinfo]") {
    made_zone z;
    z.version = '\0';
    z.types = {{19800, false, "IST"}, {23400, true, "+0630"}};
    z.times = {-800000000, -790000000};
    z.indices = {1, 0};
    const auto data = parse_tzif(tzif_bytes(z));
    REQUIRE(data);
    REQUIRE(data->transitions.size() == 2);
    CHECK(data->transitions[0].at == sys_seconds{seconds{-800000000}});
    CHECK(data->types[1].abbrev == "+0630");
    CHECK(data->footer.empty());
}

TEST_CASE("tzif: malformed files are refused", "[unit][zoneinfo]") {
    const std::string good = tzif_bytes(two_summers());
    REQUIRE(parse_tzif(good));
    CHECK_FALSE(parse_tzif(""));
    CHECK_FALSE(parse_tzif("TZif2"));
    CHECK_FALSE(parse_tzif("TZjf" + good.substr(4)));  // magic
    for (std::size_t cut : {std::size_t{44}, std::size_t{60}, good.size() / 2, good.size() - 3, good.size() - 1}) {
        INFO("cut at " << cut);
        CHECK_FALSE(parse_tzif(good.substr(0, cut)));  // truncated
    }
    CHECK_FALSE(parse_tzif(good + "extra"));  // bytes after the footer

    auto bad_index = two_summers();
    bad_index.indices[2] = 2;  // only types 0 and 1 exist
    CHECK_FALSE(parse_tzif(tzif_bytes(bad_index)));

    auto unordered = two_summers();
    std::swap(unordered.times[1], unordered.times[2]);
    CHECK_FALSE(parse_tzif(tzif_bytes(unordered)));

    auto no_types = two_summers();
    no_types.types.clear();
    no_types.times.clear();
    no_types.indices.clear();
    CHECK_FALSE(parse_tzif(tzif_bytes(no_types)));

    auto two_lines = two_summers();
    two_lines.footer = "EST5\nEDT";
    CHECK_FALSE(parse_tzif(tzif_bytes(two_lines)));
}

TEST_CASE("tzif: the footer of a system zone file", "[unit][zoneinfo]") {
    const auto bytes = test_support::read_file("/usr/share/zoneinfo/America/New_York");
    REQUIRE_FALSE(bytes.empty());
    const auto footer = tzif_footer(bytes);
    REQUIRE(footer);
    CHECK(*footer == "EST5EDT,M3.2.0,M11.1.0");
    const auto data = parse_tzif(bytes);
    REQUIRE(data);
    CHECK(data->footer == *footer);
}

TEST_CASE("tzif: footers of made-up files", "[unit][zoneinfo]") {
    const std::string header = "TZif2" + std::string(39, '\0');
    CHECK(tzif_footer(header + "\nABC-1\n") == "ABC-1");
    CHECK(tzif_footer(header + "\n\n") == "");  // a zone with no rule
    CHECK_FALSE(tzif_footer("TZif" + std::string(40, '\0') + "\nABC-1\n"));  // version 1
    CHECK_FALSE(tzif_footer("not a zone file at all, but long enough for a header\nABC\n"));
    CHECK_FALSE(tzif_footer(header + "\nABC-1"));  // no final newline
}
