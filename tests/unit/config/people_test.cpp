// [[people]]: roles, titles, contact details and groups.
#include "config_test_support.h"

#include <catch2/catch.hpp>

using cadenced::config::testing::error_of;
using cadenced::config::testing::load;

TEST_CASE("people map onto the rhythm and replace the default roles", "[unit][config]") {
    const auto c = load("[[people]]\nrole = \"ceo\"\ntitle = \"Chief Executive\"\nname = \"Alex Example\"\n"
                        "email = \"ceo@example.com\"\ngroups = [\"elt\", \"board\"]\n"
                        "[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { rule = \"dates\", dates = [2027-03-16] }\n");
    REQUIRE(c.rhythm.people.size() == 1);
    const auto& p = c.rhythm.people[0];
    CHECK(p.role == "ceo");
    CHECK(p.title == "Chief Executive");
    CHECK(p.name == "Alex Example");
    CHECK(p.email == "ceo@example.com");
    CHECK(p.groups == std::vector<std::string>{"elt", "board"});
}

TEST_CASE("people errors", "[unit][config]") {
    const std::string ceo = "[[people]]\nrole = \"ceo\"\ntitle = \"CEO\"\n";
    CHECK(error_of(ceo + ceo) == "my.toml:5:8: people[2] (role \"ceo\"): role \"ceo\" is already used by people[1]");
    CHECK(error_of("[[people]]\nrole = \"Head of Sales\"\ntitle = \"x\"\n") ==
          "my.toml:2:8: people[1] (role \"Head of Sales\"): role must use only lower-case letters, digits and \"-\", "
          "got \"Head of Sales\"");
    CHECK(error_of(ceo + "email = \"ceo at example.com\"\n") ==
          "my.toml:4:9: people[1] (role \"ceo\"): email must look like name@example.com, got \"ceo at example.com\"");
    CHECK(error_of("[[people]]\nrole = \"ceo\"\n") == "my.toml:1:1: people[1] (role \"ceo\"): missing required key \"title\"");
    CHECK(error_of(ceo + "[[people]]\nrole = \"cfo\"\ntitle = \"CFO\"\ngroups = [\"finance\", \"ceo\"]\n") ==
          "my.toml:7:22: people[2] (role \"cfo\"): groups[2] \"ceo\" is also a role id; give the group a name no role "
          "uses, so attendee lists can tell them apart");
}
