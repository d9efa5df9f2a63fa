// [[feeds]]: published calendars.
#include "config_test_support.h"

#include <catch2/catch.hpp>

using cadenced::config::testing::error_of;
using cadenced::config::testing::load;
namespace schedule = cadenced::schedule;

TEST_CASE("without [[feeds]] the core's default feeds apply", "[unit][config]") {
    const auto c = load("");
    REQUIRE(c.feeds.size() == 2);
    CHECK(c.feeds[0].name == "all");
    CHECK(c.feeds[0].confidential == schedule::confidential_view::full);
    CHECK(c.feeds[1].name == "company");
    CHECK(c.feeds[1].confidential == schedule::confidential_view::busy);
    CHECK(c.find_feed("company") == &c.feeds[1]);
    CHECK(c.find_feed("board") == nullptr);
}

TEST_CASE("the default feeds are titled after the calendar", "[unit][config]") {
    const auto unnamed = load("");
    CHECK(unnamed.feeds[0].title == "Operating rhythm");
    CHECK(unnamed.feeds[1].title == "Operating rhythm (company)");
    const auto named = load("[calendar]\nname = \"Leadership\"\n");
    CHECK(named.feeds[0].title == "Leadership");
    CHECK(named.feeds[1].title == "Leadership (company)");
}

TEST_CASE("feeds map onto the schedule's feed type", "[unit][config]") {
    const auto c = load("[[feeds]]\nname = \"board\"\ntitle = \"Board view\"\nmeetings = [\"offsite\"]\n"
                        "confidential = \"omit\"\nbusy_title = \"Unavailable\"\n"
                        "[[feeds]]\nname = \"staff\"\n");
    REQUIRE(c.feeds.size() == 2);
    CHECK(c.feeds[0].name == "board");
    CHECK(c.feeds[0].title == "Board view");
    CHECK(c.feeds[0].meetings == std::vector<std::string>{"offsite"});
    CHECK(c.feeds[0].confidential == schedule::confidential_view::omit);
    CHECK(c.feeds[0].busy_title == "Unavailable");
    CHECK(c.feeds[1].title.empty());
    CHECK(c.feeds[1].meetings.empty());
    CHECK(c.feeds[1].confidential == schedule::confidential_view::full);
    CHECK(c.feeds[1].busy_title == "Busy");
}

TEST_CASE("feed errors", "[unit][config]") {
    CHECK(error_of("[[feeds]]\nname = \"all\"\n[[feeds]]\nname = \"all\"\n") ==
          "my.toml:4:8: feeds[2] (name \"all\"): name \"all\" is already used by feeds[1]");
    CHECK(error_of("[[feeds]]\nname = \"All staff\"\n") ==
          "my.toml:2:8: feeds[1] (name \"All staff\"): name must use only lower-case letters, digits and \"-\", got "
          "\"All staff\"");
    CHECK(error_of("[[feeds]]\nname = \"all\"\nconfidential = \"hidden\"\n") ==
          "my.toml:3:16: feeds[1] (name \"all\"): confidential must be \"full\", \"busy\" or \"omit\", got \"hidden\"");
}
