// References across entries: ids, roles, placeholders, exception hosts and
// feeds.
#include "config_test_support.h"

#include <catch2/catch.hpp>

using cadenced::config::testing::error_of;
using cadenced::config::testing::load;

namespace {

// Meeting `id` on fixed dates, followed by `extra` lines.
std::string meeting(const std::string& id, const std::string& extra = "") {
    return "[[meetings]]\nid = \"" + id + "\"\ntitle = \"T\"\nwhen = { rule = \"dates\", dates = [2027-03-16] }\n" + extra;
}

}  // namespace

TEST_CASE("meeting ids are unique", "[unit][config]") {
    CHECK(error_of(meeting("standup") + meeting("review") + meeting("standup")) ==
          "my.toml:10:6: meetings[3] (id \"standup\"): id \"standup\" is already used by meetings[1]");
}

TEST_CASE("organizers and owners name roles, attendees name roles or groups", "[unit][config]") {
    // Without [[people]] the default roles apply: ceo, cfo, ..., group "elt".
    CHECK(error_of(meeting("m", "organizer = \"coo\"\n")) ==
          "my.toml:5:13: meetings[1] (id \"m\"): organizer names unknown role \"coo\" (roles are defined in [[people]]); "
          "did you mean \"ceo\"?");
    CHECK(error_of(meeting("m", "organizer = \"elt\"\n")) ==
          "my.toml:5:13: meetings[1] (id \"m\"): organizer names unknown role \"elt\" (roles are defined in [[people]])");
    CHECK(error_of(meeting("m", "attendees = [\"elt\", \"head-of-sale\"]\n")) ==
          "my.toml:5:21: meetings[1] (id \"m\"): attendees[2] names unknown role or group \"head-of-sale\" (roles are "
          "defined in [[people]]); did you mean \"head-of-sales\"?");
    CHECK(error_of(meeting("m", "[[meetings.agenda]]\nitems = [{ title = \"a\", owner = \"board\" }]\n")) ==
          "my.toml:6:33: meetings[1] (id \"m\"): agenda[1].items[1].owner names unknown role \"board\" (roles are "
          "defined in [[people]])");
    CHECK(error_of(meeting("m", "organizer = \"ceo\"\nattendees = [\"elt\", \"cfo\"]\n")) == "(no error)");
}

TEST_CASE("roles come from the config's own [[people]] when it has them", "[unit][config]") {
    const std::string people = "[[people]]\nrole = \"lead\"\ntitle = \"Team lead\"\ngroups = [\"team\"]\n";
    CHECK(error_of(people + meeting("m", "organizer = \"lead\"\nattendees = [\"team\"]\n")) == "(no error)");
    CHECK(error_of(people + meeting("m", "organizer = \"ceo\"\n")) ==
          "my.toml:9:13: meetings[1] (id \"m\"): organizer names unknown role \"ceo\" (roles are defined in [[people]])");
}

TEST_CASE("own [[people]] must cover the roles the default meetings use", "[unit][config]") {
    CHECK(error_of("timezone = \"UTC\"\n[[people]]\nrole = \"ceo\"\ntitle = \"CEO\"\nemail = \"ceo@example.com\"\n") ==
          "my.toml:2:1: [[people]] has no role \"head-of-product\", which the default meeting \"cadence-call\" uses; "
          "add it, or define your own [[meetings]]");
}

TEST_CASE("own [[people]] must also keep the groups the default meetings invite", "[unit][config]") {
    std::string people;
    for (const char* role : {"ceo", "cfo", "cpo", "head-of-product", "head-of-engineering", "head-of-sales",
                             "head-of-marketing", "head-of-customer-success", "organizer"})
        people += "[[people]]\nrole = \"" + std::string{role} + "\"\ntitle = \"x\"\n";
    CHECK(error_of(people) ==
          "my.toml:1:1: [[people]] has no role or group \"elt\", which the default meeting \"cadence-call\" uses; "
          "add it, or define your own [[meetings]]");
    CHECK(error_of(people + "[[people]]\nrole = \"coach\"\ntitle = \"Coach\"\ngroups = [\"elt\"]\n") == "(no error)");
}

TEST_CASE("placeholders in texts must be known", "[unit][config]") {
    CHECK(error_of("[[meetings]]\nid = \"m\"\ntitle = \"Review {perod}\"\nwhen = { rule = \"dates\", dates = [2027-03-16] }\n") ==
          "my.toml:3:9: meetings[1] (id \"m\"): title: unknown placeholder {perod}; known: {quarter}, {fiscal_year}, "
          "{period}, {prior_quarter}, {next_quarter}, {prior_fiscal_year}, {next_fiscal_year}, {day}, {days}, "
          "{anchor_date}, {next:ID}");
    CHECK(error_of(meeting("m", "description = \"Next: {next:cadence}\"\n")) ==
          "my.toml:5:15: meetings[1] (id \"m\"): description: placeholder {next:cadence} names unknown meeting \"cadence\"");
    CHECK(error_of(meeting("m", "[[meetings.agenda]]\ntitle = \"Day {day\"\n")) ==
          "my.toml:6:9: meetings[1] (id \"m\"): agenda[1].title: unterminated placeholder: \"{\" without \"}\" (write {{ "
          "for a brace)");
    CHECK(error_of(meeting("m", "[[meetings.agenda]]\nitems = [{ title = \"a\", notes = [\"ok\", \"{quartr}\"] }]\n")) ==
          "my.toml:6:40: meetings[1] (id \"m\"): agenda[1].items[1].notes[2]: unknown placeholder {quartr}; known: "
          "{quarter}, {fiscal_year}, {period}, {prior_quarter}, {next_quarter}, {prior_fiscal_year}, "
          "{next_fiscal_year}, {day}, {days}, {anchor_date}, {next:ID}");
    CHECK(error_of(meeting("m", "description = \"Next: {next:m}, {{literal}}\"\n")) == "(no error)");
}

TEST_CASE("exceptions name existing hosts that meet whenever the meeting does", "[unit][config]") {
    const std::string monthly = "[[meetings]]\nid = \"monthly\"\ntitle = \"Monthly\"\n"
                                "when = { rule = \"nth-weekday\", weekday = \"tuesday\", months = [1, 2, 3] }\n";
    CHECK(error_of(monthly + "exceptions = [{ month = 3, folded_into = \"ofsite\" }]\n" +
                   meeting("offsite")) ==
          "my.toml:5:42: meetings[1] (id \"monthly\"): exceptions[1].folded_into names unknown meeting \"ofsite\"; "
          "did you mean \"offsite\"?");
    CHECK(error_of(monthly + "exceptions = [{ month = 3, folded_into = \"offsite\" }]\n" +
                   meeting("offsite", "quarters = [1, 2, 3]\n")) ==
          "my.toml:5:42: meetings[1] (id \"monthly\"): exceptions[1].folded_into \"offsite\" does not meet in Q4, so it "
          "cannot host this meeting there; limit this meeting's quarters or the host's");
    CHECK(error_of(monthly + "exceptions = [{ month = 1, replaced_by = \"call\" }]\n" +
                   meeting("call", "quarters = [2, 3, 4]\n")) ==
          "my.toml:5:42: meetings[1] (id \"monthly\"): exceptions[1].replaced_by \"call\" does not meet in Q1, so it "
          "cannot take this meeting's place there; limit this meeting's quarters or the host's");
    CHECK(error_of(monthly + "quarters = [2, 3]\nexceptions = [{ month = 1, replaced_by = \"call\" }]\n" +
                   meeting("call", "quarters = [2, 3, 4]\n")) == "(no error)");
}

TEST_CASE("feeds name existing meetings", "[unit][config]") {
    CHECK(error_of(meeting("standup") + "[[feeds]]\nname = \"team\"\nmeetings = [\"standup\", \"stand-up\"]\n") ==
          "my.toml:7:24: feeds[1] (name \"team\"): meetings[2] names unknown meeting \"stand-up\"; did you mean "
          "\"standup\"?");
}

TEST_CASE("feeds without own meetings can name the default ones", "[unit][config]") {
    const auto c = load("[[feeds]]\nname = \"elt\"\nmeetings = [\"offsite\", \"offsite-prework\"]\n");
    REQUIRE(c.feeds.size() == 1);
    CHECK(c.feeds[0].meetings == std::vector<std::string>{"offsite", "offsite-prework"});
}
