#include "daemon/web/kind_colours.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using cadenced::web::kind_colour;

TEST_CASE("kind colours: the default kinds have their own distinct colours", "[unit][web][colours]") {
    CHECK(kind_colour("cadence-call") == "#4338ca");
    CHECK(kind_colour("offsite") == "#be123c");
    CHECK(kind_colour("monthly-meeting") == "#0369a1");
    CHECK(kind_colour("monday-with-managers") == "#7e22ce");
    const std::set<std::string_view> chosen{
        kind_colour("cadence-call"),      kind_colour("cadence-agenda-due"), kind_colour("cadence-follow-up"),
        kind_colour("offsite"),           kind_colour("offsite-prework"),    kind_colour("monday-with-managers"),
        kind_colour("monthly-meeting")};
    CHECK(chosen.size() == 7);
}

TEST_CASE("kind colours: other kinds get a stable palette colour unlike the defaults", "[unit][web][colours]") {
    const std::set<std::string_view> chosen{"#4338ca", "#c2410c", "#0f766e", "#be123c",
                                            "#a16207", "#7e22ce", "#0369a1"};
    std::set<std::string_view> used;
    for (int i = 0; i < 200; ++i) {
        const std::string id = "series-" + std::to_string(i);
        const auto c = kind_colour(id);
        CHECK(c == kind_colour(id));
        CHECK(c.size() == 7);
        CHECK(chosen.count(c) == 0);
        used.insert(c);
    }
    CHECK(used.size() == 10);  // the whole palette is in use
    // Pinned: a kind keeps its colour across builds and machines.
    CHECK(kind_colour("product-release") == "#15803d");
    CHECK(kind_colour("standup") == "#0e7490");
}
