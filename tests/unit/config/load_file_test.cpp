// Loading from files: the path names the config in its errors.
#include "config_test_support.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string fixture(const char* name) { return std::string{CADENCED_TEST_DATA} + "/config/" + name; }

}  // namespace

TEST_CASE("a config file loads and is named by its path", "[unit][config]") {
    const auto c = cadenced::config::load_file(fixture("small.toml"), cadenced::config::testing::pinned_zones());
    CHECK(c.source == fixture("small.toml"));
    CHECK(c.rhythm.timezone == "Europe/London");
    CHECK(c.rhythm.fiscal.start_month() == std::chrono::April);
    REQUIRE(c.rhythm.meetings.size() == 2);
    CHECK(c.rhythm.meetings[0].id == "quarterly-review");
    CHECK(c.rhythm.meetings[1].id == "review-pack-due");
    CHECK(c.rhythm.people.size() == 2);
    CHECK(c.rhythm.holidays.size() == 2);
}

TEST_CASE("errors in a config file start with its path", "[unit][config]") {
    CHECK_THROWS_WITH(cadenced::config::load_file(fixture("misspelt-key.toml"), cadenced::config::testing::pinned_zones()),
                      fixture("misspelt-key.toml") +
                          ":11:1: meetings[2] (id \"standup\"): unknown key \"titel\"; did you mean \"title\"?");
}
