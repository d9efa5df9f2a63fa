// [fiscal_year], [calendar] and [holidays].
#include "config_test_support.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::config::testing::error_of;
using cadenced::config::testing::load;
namespace schedule = cadenced::schedule;

TEST_CASE("the fiscal year defaults to February, named by its end year", "[unit][config]") {
    const auto c = load("");
    CHECK(c.rhythm.fiscal.start_month() == February);
    CHECK(c.rhythm.fiscal.label() == schedule::fiscal_year_label::end_year);
}

TEST_CASE("the fiscal start month is a number or a month name", "[unit][config]") {
    CHECK(load("[fiscal_year]\nstart_month = 7\nlabel = \"start\"\n").rhythm.fiscal.start_month() == July);
    CHECK(load("[fiscal_year]\nstart_month = 7\nlabel = \"start\"\n").rhythm.fiscal.label() ==
          schedule::fiscal_year_label::start_year);
    CHECK(load("[fiscal_year]\nstart_month = \"October\"\n").rhythm.fiscal.start_month() == October);
    CHECK(load("[fiscal_year]\nstart_month = \"apr\"\n").rhythm.fiscal.start_month() == April);
    CHECK(error_of("[fiscal_year]\nstart_month = 13\n") == "my.toml:2:15: fiscal_year.start_month must be 1-12, got 13");
    CHECK(error_of("[fiscal_year]\nstart_month = \"febuary\"\n") ==
          "my.toml:2:15: fiscal_year.start_month must be 1-12 or a month name such as \"february\", got \"febuary\"; "
          "did you mean \"February\"?");
    CHECK(error_of("[fiscal_year]\nstart_month = 2.0\n") ==
          "my.toml:2:15: fiscal_year.start_month must be 1-12 or a month name such as \"february\", got a decimal number");
    CHECK(error_of("[fiscal_year]\nlabel = \"ending\"\n") ==
          "my.toml:2:9: fiscal_year.label must be \"end\" or \"start\", got \"ending\"");
}

TEST_CASE("calendar settings map and are checked", "[unit][config]") {
    const auto c = load("[calendar]\nname = \"Leadership\"\ndescription = \"ELT\"\nrefresh_minutes = 60\n"
                        "uid_domain = \"rhythm.example.com\"\n");
    CHECK(c.calendar.name == "Leadership");
    CHECK(c.calendar.description == "ELT");
    CHECK(c.calendar.refresh_interval == minutes{60});
    CHECK(c.calendar.uid_domain == "rhythm.example.com");
    CHECK(c.rhythm.uid_domain == "rhythm.example.com");

    const auto defaults = load("");
    CHECK(defaults.calendar.name == "Operating rhythm");
    CHECK(defaults.calendar.refresh_interval == minutes{720});
    CHECK(defaults.calendar.uid_domain == "cadenced");

    CHECK(error_of("[calendar]\nrefresh_minutes = 20000\n") ==
          "my.toml:2:19: calendar.refresh_minutes must be 15-10080, got 20000");
    CHECK(error_of("[calendar]\nuid_domain = \"my company\"\n") ==
          "my.toml:2:14: calendar.uid_domain must look like a host name (letters, digits, \"-\" and \".\"), got "
          "\"my company\"");
    CHECK(error_of("[calendar]\nname = \"\"\n") == "my.toml:2:8: calendar.name must not be empty");
}

TEST_CASE("holidays: shift rule, work week and dates", "[unit][config]") {
    const auto c = load("[holidays]\nshift = \"previous-working-day\"\nwork_week = [\"sunday\", \"monday\", \"tuesday\", "
                        "\"wednesday\", \"thursday\"]\n"
                        "dates = [\n  { date = 2027-12-25, name = \"Christmas Day\" },\n"
                        "  { from = 2027-12-24, to = 2028-01-01, name = \"Year-end blackout\" },\n]\n");
    CHECK(c.rhythm.default_shift == schedule::shift_rule::previous_working_day);
    CHECK(c.rhythm.work_week == std::array<bool, 7>{true, true, true, true, true, false, false});
    REQUIRE(c.rhythm.holidays.size() == 2);
    CHECK(c.rhythm.holidays[0].first == 2027y / December / 25);
    CHECK(c.rhythm.holidays[0].last == 2027y / December / 25);
    CHECK(c.rhythm.holidays[0].name == "Christmas Day");
    CHECK(c.rhythm.holidays[1].first == 2027y / December / 24);
    CHECK(c.rhythm.holidays[1].last == 2028y / January / 1);
}

TEST_CASE("holiday errors", "[unit][config]") {
    CHECK(error_of("[holidays]\ndates = [{ from = 2028-01-02, to = 2028-01-01, name = \"x\" }]\n") ==
          "my.toml:2:19: holidays.dates[1].from 2028-01-02 is after to 2028-01-01; a period runs from its first to its "
          "last day");
    CHECK(error_of("[holidays]\ndates = [{ from = 2028-01-02, name = \"x\" }]\n") ==
          "my.toml:2:10: missing required key \"to\" in holidays.dates[1]");
    CHECK(error_of("[holidays]\ndates = [{ date = 2028-01-02, to = 2028-01-03, name = \"x\" }]\n") ==
          "my.toml:2:36: holidays.dates[1].to cannot be used together with date; give either date or from and to");
    CHECK(error_of("[holidays]\ndates = [{ name = \"x\" }]\n") ==
          "my.toml:2:10: holidays.dates[1] needs either date = YYYY-MM-DD or from = YYYY-MM-DD and to = YYYY-MM-DD");
    CHECK(error_of("[holidays]\ndates = [{ date = 2028-01-02 }]\n") ==
          "my.toml:2:10: missing required key \"name\" in holidays.dates[1]");
    CHECK(error_of("[holidays]\nshift = \"later\"\n") ==
          "my.toml:2:9: holidays.shift must be \"next-working-day\", \"previous-working-day\", \"next-week\", \"skip\" or "
          "\"keep\", got \"later\"");
    CHECK(error_of("[holidays]\nwork_week = [\"monday\", \"Monday\"]\n") ==
          "my.toml:2:24: holidays.work_week lists \"Monday\" twice");
    CHECK(error_of("[holidays]\nwork_week = []\n") == "my.toml:2:13: holidays.work_week must name at least one working day");
}
