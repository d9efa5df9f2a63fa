// Errors about the shape of the file: syntax, unknown and missing keys, wrong
// types, and a file that cannot be read.
#include "config_test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using cadenced::config::config_error;
using cadenced::config::testing::error_of;

TEST_CASE("a TOML syntax error carries toml++'s position and description", "[unit][config]") {
    CHECK(error_of("[calendar\nname = \"x\"\n") ==
          "my.toml:1:10: Error while parsing table header: expected ']', saw '\\n'");
    CHECK(error_of("timezone = \"UTC\"\ntimezone = \"UTC\"\n") ==
          "my.toml:2:12: Error while parsing key-value pair: cannot redefine existing string 'timezone'");
}

TEST_CASE("an invalid calendar date is a syntax error", "[unit][config]") {
    CHECK(error_of("[holidays]\ndates = [{ date = 2027-02-30, name = \"x\" }]\n") ==
          "my.toml:2:29: Error while parsing date: expected day between 1 and 28 (inclusive), saw 30");
}

TEST_CASE("config_error keeps the position apart from the message", "[unit][config]") {
    try {
        cadenced::config::testing::load("[calendar]\nrefresh_minutes = 5\n");
        FAIL("no error");
    } catch (const config_error& e) {
        CHECK(e.source() == "my.toml");
        CHECK(e.line() == 2);
        CHECK(e.column() == 19);
        CHECK(e.message() == "calendar.refresh_minutes must be 15-10080, got 5");
        CHECK(std::string{e.what()} == "my.toml:2:19: calendar.refresh_minutes must be 15-10080, got 5");
    }
}

TEST_CASE("an error without a position prints as path: message", "[unit][config]") {
    const config_error e{"cadenced.toml", 0, 0, "cannot read config: Permission denied"};
    CHECK(std::string{e.what()} == "cadenced.toml: cannot read config: Permission denied");
}

TEST_CASE("a missing config file names the OS reason without a position", "[unit][config]") {
    const auto path = std::filesystem::temp_directory_path() / "cadenced-no-such-dir" / "cadenced.toml";
    try {
        cadenced::config::load_file(path, cadenced::config::testing::pinned_zones());
        FAIL("no error");
    } catch (const config_error& e) {
        CHECK(std::string{e.what()} == path.string() + ": cannot read config: No such file or directory");
        CHECK(e.line() == 0);
        CHECK(e.column() == 0);
    }
}

TEST_CASE("a directory is not a config file", "[unit][config]") {
    const auto dir = std::filesystem::temp_directory_path();
    CHECK_THROWS_WITH(cadenced::config::load_file(dir, cadenced::config::testing::pinned_zones()),
                      dir.string() + ": cannot read config: Is a directory");
}

TEST_CASE("unknown keys are rejected with a suggestion when one is close", "[unit][config]") {
    SECTION("top level") {
        CHECK(error_of("timezon = \"UTC\"\n") == "my.toml:1:1: unknown top-level key \"timezon\"; did you mean \"timezone\"?");
        CHECK(error_of("colour = \"blue\"\n") == "my.toml:1:1: unknown top-level key \"colour\"");
    }
    SECTION("a section") {
        CHECK(error_of("[calendar]\nname = \"x\"\ncolour = \"blue\"\n") ==
              "my.toml:3:1: unknown key \"colour\" in calendar");
        CHECK(error_of("[calendar]\nrefresh = 60\n") ==
              "my.toml:2:1: unknown key \"refresh\" in calendar; did you mean \"refresh_minutes\"?");
        CHECK(error_of("[fiscal_year]\nstart_mnth = 3\n") ==
              "my.toml:2:1: unknown key \"start_mnth\" in fiscal_year; did you mean \"start_month\"?");
        CHECK(error_of("[holidays]\nwork_wek = [\"monday\"]\n") ==
              "my.toml:2:1: unknown key \"work_wek\" in holidays; did you mean \"work_week\"?");
    }
    SECTION("an entry of a list of tables, named by its id") {
        CHECK(error_of("[[meetings]]\nid = \"standup\"\ntitel = \"Standup\"\n") ==
              "my.toml:3:1: meetings[1] (id \"standup\"): unknown key \"titel\"; did you mean \"title\"?");
        CHECK(error_of("[[people]]\nrole = \"ceo\"\ntitle = \"CEO\"\nmail = \"a@b.c\"\n") ==
              "my.toml:4:1: people[1] (role \"ceo\"): unknown key \"mail\"; did you mean \"email\"?");
        CHECK(error_of("[[feeds]]\nname = \"all\"\nconfidental = \"busy\"\n") ==
              "my.toml:3:1: feeds[1] (name \"all\"): unknown key \"confidental\"; did you mean \"confidential\"?");
    }
    SECTION("inside a meeting") {
        const std::string head = "[[meetings]]\nid = \"m\"\ntitle = \"M\"\n";
        CHECK(error_of(head + "when = { rule = \"nth-weekday\", weekday = \"monday\", nht = 2 }\n") ==
              "my.toml:4:52: meetings[1] (id \"m\"): unknown key \"nht\" in when; did you mean \"nth\"?");
        CHECK(error_of(head + "when = { rule = \"nth-weekday\", weekday = \"monday\", day = 2 }\n") ==
              "my.toml:4:52: meetings[1] (id \"m\"): unknown key \"day\" in when for rule \"nth-weekday\"");
        CHECK(error_of(head + "when = { rule = \"dates\", dates = [2027-01-05] }\n"
                              "location = { travel = \"x\", local = \"y\", travel_quarter = [1] }\n") ==
              "my.toml:5:41: meetings[1] (id \"m\"): unknown key \"travel_quarter\" in location; "
              "did you mean \"travel_quarters\"?");
        CHECK(error_of(head + "when = { rule = \"dates\", dates = [2027-01-05] }\n"
                              "exceptions = [{ month = 1, replaced = \"x\" }]\n") ==
              "my.toml:5:28: meetings[1] (id \"m\"): unknown key \"replaced\" in exceptions[1]; "
              "did you mean \"replaced_by\"?");
        CHECK(error_of(head + "when = { rule = \"dates\", dates = [2027-01-05] }\n"
                              "[[meetings.agenda]]\ntitle = \"Day\"\nitem = []\n") ==
              "my.toml:7:1: meetings[1] (id \"m\"): unknown key \"item\" in agenda[1]; did you mean \"items\"?");
        CHECK(error_of(head + "when = { rule = \"dates\", dates = [2027-01-05] }\n"
                              "[[meetings.agenda]]\nitems = [{ title = \"a\", minute = 5 }]\n") ==
              "my.toml:6:25: meetings[1] (id \"m\"): unknown key \"minute\" in agenda[1].items[1]; "
              "did you mean \"minutes\"?");
    }
    SECTION("holiday dates") {
        CHECK(error_of("[holidays]\ndates = [{ day = 2027-12-25, name = \"x\" }]\n") ==
              "my.toml:2:12: unknown key \"day\" in holidays.dates[1]");
    }
}

TEST_CASE("the first unknown key in file order is reported", "[unit][config]") {
    // toml++ keeps keys sorted by name; the error must follow the text.
    CHECK(error_of("[calendar]\nzzz = 1\naaa = 2\n") == "my.toml:2:1: unknown key \"zzz\" in calendar");
}

TEST_CASE("values of the wrong type name what was expected and what was found", "[unit][config]") {
    const std::string head = "[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { rule = \"dates\", dates = [2027-01-05] }\n";
    CHECK(error_of(head + "start = 10\n") == "my.toml:5:9: meetings[1] (id \"m\"): start must be a string \"HH:MM\", got an integer");
    CHECK(error_of(head + "all_day = \"yes\"\n") == "my.toml:5:11: meetings[1] (id \"m\"): all_day must be true or false, got a string");
    CHECK(error_of(head + "attendees = \"elt\"\n") ==
          "my.toml:5:13: meetings[1] (id \"m\"): attendees must be a list of role ids or group names such as [\"elt\"], got a string");
    CHECK(error_of(head + "categories = [\"a\", 2]\n") ==
          "my.toml:5:20: meetings[1] (id \"m\"): categories[2] must be a string, got an integer");
    CHECK(error_of(head + "duration = 1.5\n") ==
          "my.toml:5:12: meetings[1] (id \"m\"): duration must be a number of minutes or \"agenda\", got a decimal number");
    CHECK(error_of("[[meetings]]\nid = 7\n") == "my.toml:2:6: meetings[1]: id must be a string, got an integer");
    CHECK(error_of("[calendar]\nrefresh_minutes = \"720\"\n") ==
          "my.toml:2:19: calendar.refresh_minutes must be an integer, got a string");
    CHECK(error_of("calendar = 3\n") == "my.toml:1:12: calendar must be a table, got an integer");
    CHECK(error_of("[meetings]\nid = \"m\"\n") ==
          "my.toml:1:1: meetings must be a list of tables such as [[meetings]], got a table");
    CHECK(error_of("[holidays]\ndates = [\"2027-12-25\"]\n") ==
          "my.toml:2:10: holidays.dates[1] must be a table such as { date = 2027-12-25, name = \"Christmas Day\" }, got a string");
    CHECK(error_of("[holidays]\ndates = [{ date = \"2027-12-25\", name = \"Christmas Day\" }]\n") ==
          "my.toml:2:19: holidays.dates[1].date must be a date such as 2027-12-25 (written without quotes), got a string");
}

TEST_CASE("missing required keys are reported at the table that lacks them", "[unit][config]") {
    CHECK(error_of("[[meetings]]\ntitle = \"M\"\n") == "my.toml:1:1: meetings[1]: missing required key \"id\"");
    CHECK(error_of("[[meetings]]\nid = \"m\"\nwhen = { rule = \"dates\", dates = [2027-01-05] }\n") ==
          "my.toml:1:1: meetings[1] (id \"m\"): missing required key \"title\"");
    CHECK(error_of("[[meetings]]\nid = \"m\"\ntitle = \"M\"\n") ==
          "my.toml:1:1: meetings[1] (id \"m\"): missing required key \"when\"");
    CHECK(error_of("[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { weekday = \"monday\" }\n") ==
          "my.toml:4:8: meetings[1] (id \"m\"): missing required key \"rule\" in when");
    CHECK(error_of("[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { rule = \"dates\", dates = [2027-01-05] }\n"
                   "[[meetings.agenda]]\nitems = [{ minutes = 5 }]\n") ==
          "my.toml:6:10: meetings[1] (id \"m\"): missing required key \"title\" in agenda[1].items[1]");
    CHECK(error_of("[[people]]\ntitle = \"CEO\"\n") == "my.toml:1:1: people[1]: missing required key \"role\"");
    CHECK(error_of("[[feeds]]\ntitle = \"All\"\n") == "my.toml:1:1: feeds[1]: missing required key \"name\"");
}
