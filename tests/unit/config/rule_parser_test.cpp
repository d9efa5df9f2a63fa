// A meeting's `when`: the four rules, how they map onto the core's types, and
// the errors each can give.
#include "config_test_support.h"

#include <catch2/catch.hpp>

#include <variant>

using namespace std::chrono;
using cadenced::config::testing::error_of;
using cadenced::config::testing::load;
namespace schedule = cadenced::schedule;

namespace {

// One meeting with the given `when` (and extra lines), as line 4 of the file.
std::string meeting(const std::string& when, const std::string& extra = "") {
    return "[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = " + when + "\n" + extra;
}

const schedule::series_rule& rule_of(const std::string& when, const std::string& extra = "") {
    static cadenced::config::config c;
    c = load(meeting(when, extra));
    return c.rhythm.meetings.at(0).when;
}

}  // namespace

TEST_CASE("nth-weekday maps to a calendar rule", "[unit][config]") {
    const auto& r = std::get<schedule::calendar_rule>(
        rule_of("{ rule = \"nth-weekday\", weekday = \"Wednesday\", nth = 2, months = [1, 3] }"));
    const auto& day = std::get<schedule::nth_weekday>(r.day);
    CHECK(day.weekday == Wednesday);
    CHECK(day.nth == 2);
    CHECK(r.months_of_quarter == std::vector<int>{1, 3});

    const auto& defaults = std::get<schedule::calendar_rule>(rule_of("{ rule = \"nth-weekday\", weekday = \"friday\" }"));
    CHECK(std::get<schedule::nth_weekday>(defaults.day).nth == 1);
    CHECK(defaults.months_of_quarter == std::vector<int>{1});

    const auto& last = std::get<schedule::calendar_rule>(
        rule_of("{ rule = \"nth-weekday\", weekday = \"friday\", nth = \"last\" }"));
    CHECK(std::get<schedule::nth_weekday>(last.day).nth == -1);
}

TEST_CASE("nth must be 1-5 or last", "[unit][config]") {
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\", nth = 7 }")) ==
          "my.toml:4:59: meetings[1] (id \"m\"): when.nth must be 1-5 or \"last\", got 7");
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\", nth = \"first\" }")) ==
          "my.toml:4:59: meetings[1] (id \"m\"): when.nth must be 1-5 or \"last\", got \"first\"");
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\", nth = 0 }")) ==
          "my.toml:4:59: meetings[1] (id \"m\"): when.nth must be 1-5 or \"last\", got 0");
}

TEST_CASE("a rule name or weekday outside the allowed words lists them", "[unit][config]") {
    CHECK(error_of(meeting("{ rule = \"monthly\" }")) ==
          "my.toml:4:17: meetings[1] (id \"m\"): when.rule must be \"nth-weekday\", \"nearest-weekday\", \"dates\" or "
          "\"relative\", got \"monthly\"");
    CHECK(error_of(meeting("{ rule = \"nth-weekdays\", weekday = \"tuesday\" }")) ==
          "my.toml:4:17: meetings[1] (id \"m\"): when.rule must be \"nth-weekday\", \"nearest-weekday\", \"dates\" or "
          "\"relative\", got \"nth-weekdays\"; did you mean \"nth-weekday\"?");
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tues\" }")) ==
          "my.toml:4:42: meetings[1] (id \"m\"): when.weekday must be \"monday\", \"tuesday\", \"wednesday\", "
          "\"thursday\", \"friday\", \"saturday\" or \"sunday\", got \"tues\"; did you mean \"tuesday\"?");
}

TEST_CASE("months of the quarter are 1-3, listed once", "[unit][config]") {
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\", months = [1, 4] }")) ==
          "my.toml:4:66: meetings[1] (id \"m\"): when.months[2] must be 1-3, got 4");
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\", months = [2, 2] }")) ==
          "my.toml:4:66: meetings[1] (id \"m\"): when.months lists 2 twice");
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\", months = [] }")) ==
          "my.toml:4:62: meetings[1] (id \"m\"): when.months must not be empty");
}

TEST_CASE("quarters are 1-4", "[unit][config]") {
    CHECK(error_of(meeting("{ rule = \"nth-weekday\", weekday = \"tuesday\" }", "quarters = [1, 5]\n")) ==
          "my.toml:5:16: meetings[1] (id \"m\"): quarters[2] must be 1-4, got 5");
}

TEST_CASE("nearest-weekday maps its day", "[unit][config]") {
    const auto& r = std::get<schedule::calendar_rule>(
        rule_of("{ rule = \"nearest-weekday\", weekday = \"tuesday\", day = 15, months = [2] }"));
    const auto& day = std::get<schedule::nearest_weekday>(r.day);
    CHECK(day.weekday == Tuesday);
    CHECK(day.day == 15u);
    CHECK(r.months_of_quarter == std::vector<int>{2});
}

TEST_CASE("a nearest-weekday day must exist in every month the rule reaches", "[unit][config]") {
    // February start: month 1 of Q1 is February, month 3 of Q1 is April.
    CHECK(error_of(meeting("{ rule = \"nearest-weekday\", weekday = \"tuesday\", day = 30, months = [1] }")) ==
          "my.toml:4:63: meetings[1] (id \"m\"): when.day 30 does not exist in February (month 1 of Q1); "
          "use a day every month it reaches has, at most 28");
    CHECK(error_of(meeting("{ rule = \"nearest-weekday\", weekday = \"tuesday\", day = 31, months = [3] }")) ==
          "my.toml:4:63: meetings[1] (id \"m\"): when.day 31 does not exist in April (month 3 of Q1); "
          "use a day every month it reaches has, at most 30");
    // February is never leap for this check: the rule must hold every year.
    CHECK(error_of("[fiscal_year]\nstart_month = 1\n" +
                   meeting("{ rule = \"nearest-weekday\", weekday = \"monday\", day = 29, months = [2] }")) ==
          "my.toml:6:62: meetings[1] (id \"m\"): when.day 29 does not exist in February (month 2 of Q1); "
          "use a day every month it reaches has, at most 28");
    // Only the quarters the meeting meets in count: Q2 and Q3 of a February
    // year reach May-Oct with months [3]: July and October have 31 days.
    CHECK(error_of(meeting("{ rule = \"nearest-weekday\", weekday = \"tuesday\", day = 31, months = [3] }",
                           "quarters = [2, 3]\n")) == "(no error)");
    CHECK(error_of(meeting("{ rule = \"nearest-weekday\", weekday = \"tuesday\", day = 32 }")) ==
          "my.toml:4:63: meetings[1] (id \"m\"): when.day must be 1-31, got 32");
}

TEST_CASE("dates rules take TOML dates", "[unit][config]") {
    const auto& r = std::get<schedule::dates_rule>(rule_of("{ rule = \"dates\", dates = [2027-03-15, 2027-09-14] }"));
    CHECK(r.dates == std::vector<year_month_day>{2027y / March / 15, 2027y / September / 14});

    CHECK(error_of(meeting("{ rule = \"dates\", dates = [\"2027-03-15\"] }")) ==
          "my.toml:4:35: meetings[1] (id \"m\"): when.dates[1] must be a date such as 2027-12-25 (written without "
          "quotes), got a string");
    CHECK(error_of(meeting("{ rule = \"dates\", dates = [] }")) ==
          "my.toml:4:34: meetings[1] (id \"m\"): when.dates must list at least one date");
    CHECK(error_of(meeting("{ rule = \"dates\", dates = [2027-03-15, 2027-03-15] }")) ==
          "my.toml:4:47: meetings[1] (id \"m\"): when.dates lists 2027-03-15 twice");
}

TEST_CASE("relative rules map each kind of step", "[unit][config]") {
    const std::string anchor = "[[meetings]]\nid = \"a\"\ntitle = \"A\"\nwhen = { rule = \"dates\", dates = [2027-03-15] }\n";
    const auto relative = [&](const std::string& when) {
        const auto c = load(anchor + "[[meetings]]\nid = \"b\"\ntitle = \"B\"\nwhen = " + when + "\n");
        return std::get<schedule::relative_rule>(c.rhythm.meetings.at(1).when);
    };
    const auto days = relative("{ rule = \"relative\", to = \"a\", days = -7 }");
    CHECK(days.to == "a");
    CHECK(days.edge == schedule::anchor_edge::start);
    CHECK(std::get<schedule::day_offset>(days.step).days == -7);

    const auto weekday = relative("{ rule = \"relative\", to = \"a\", from = \"end\", weekday = \"monday\", direction = \"after\" }");
    CHECK(weekday.edge == schedule::anchor_edge::end);
    CHECK(std::get<schedule::weekday_step>(weekday.step).weekday == Monday);
    CHECK(std::get<schedule::weekday_step>(weekday.step).after);

    const auto before = relative("{ rule = \"relative\", to = \"a\", weekday = \"thursday\", direction = \"before\" }");
    CHECK_FALSE(std::get<schedule::weekday_step>(before.step).after);

    const auto working = relative("{ rule = \"relative\", to = \"a\", working_days = -1 }");
    CHECK(std::get<schedule::working_day_step>(working.step).n == -1);
}

TEST_CASE("a relative rule needs exactly one step", "[unit][config]") {
    const std::string anchor = "[[meetings]]\nid = \"a\"\ntitle = \"A\"\nwhen = { rule = \"dates\", dates = [2027-03-15] }\n";
    const auto second = [&](const std::string& when) {
        return error_of(anchor + "[[meetings]]\nid = \"b\"\ntitle = \"B\"\nwhen = " + when + "\n");
    };
    CHECK(second("{ rule = \"relative\", to = \"a\" }") ==
          "my.toml:8:8: meetings[2] (id \"b\"): when needs one of days, weekday (with direction) or working_days");
    CHECK(second("{ rule = \"relative\", to = \"a\", days = 1, working_days = 1 }") ==
          "my.toml:8:64: meetings[2] (id \"b\"): when.working_days cannot be used together with days; give exactly "
          "one of days, weekday or working_days");
    CHECK(second("{ rule = \"relative\", to = \"a\", weekday = \"monday\" }") ==
          "my.toml:8:8: meetings[2] (id \"b\"): missing required key \"direction\" in when");
    CHECK(second("{ rule = \"relative\", to = \"a\", days = 3, direction = \"after\" }") ==
          "my.toml:8:61: meetings[2] (id \"b\"): when.direction only goes with weekday");
    CHECK(second("{ rule = \"relative\", to = \"a\", working_days = 0 }") ==
          "my.toml:8:54: meetings[2] (id \"b\"): when.working_days must not be 0; use 1 for the next working day or "
          "-1 for the previous one");
    CHECK(second("{ rule = \"relative\", to = \"a\", days = 400 }") ==
          "my.toml:8:46: meetings[2] (id \"b\"): when.days must be between -366 and 366, got 400");
    CHECK(second("{ rule = \"relative\", to = \"a\", from = \"middle\", days = 1 }") ==
          "my.toml:8:46: meetings[2] (id \"b\"): when.from must be \"start\" or \"end\", got \"middle\"");
}

TEST_CASE("a relative rule must hang off another, existing meeting without a cycle", "[unit][config]") {
    SECTION("itself") {
        CHECK(error_of(meeting("{ rule = \"relative\", to = \"m\", days = 1 }")) ==
              "my.toml:4:34: meetings[1] (id \"m\"): when.to cannot name the meeting itself; a relative rule hangs off "
              "another meeting");
    }
    SECTION("an unknown meeting, with a suggestion") {
        CHECK(error_of("[[meetings]]\nid = \"offsite\"\ntitle = \"O\"\nwhen = { rule = \"dates\", dates = [2027-03-15] }\n"
                       "[[meetings]]\nid = \"prework\"\ntitle = \"P\"\n"
                       "when = { rule = \"relative\", to = \"ofsite\", days = -7 }\n") ==
              "my.toml:8:34: meetings[2] (id \"prework\"): when.to names unknown meeting \"ofsite\"; did you mean "
              "\"offsite\"?");
    }
    SECTION("a cycle") {
        CHECK(error_of("[[meetings]]\nid = \"a\"\ntitle = \"A\"\nwhen = { rule = \"relative\", to = \"b\", days = 1 }\n"
                       "[[meetings]]\nid = \"b\"\ntitle = \"B\"\nwhen = { rule = \"relative\", to = \"a\", days = 1 }\n") ==
              "my.toml:4:34: meetings[1] (id \"a\"): when.to makes a cycle of relative rules: a -> b -> a; one of them "
              "needs a calendar rule or dates");
    }
    SECTION("a longer cycle is reported at its first meeting") {
        CHECK(error_of("[[meetings]]\nid = \"x\"\ntitle = \"X\"\nwhen = { rule = \"relative\", to = \"a\", days = 1 }\n"
                       "[[meetings]]\nid = \"a\"\ntitle = \"A\"\nwhen = { rule = \"relative\", to = \"b\", days = 1 }\n"
                       "[[meetings]]\nid = \"b\"\ntitle = \"B\"\nwhen = { rule = \"relative\", to = \"c\", days = 1 }\n"
                       "[[meetings]]\nid = \"c\"\ntitle = \"C\"\nwhen = { rule = \"relative\", to = \"a\", days = 1 }\n") ==
              "my.toml:8:34: meetings[2] (id \"a\"): when.to makes a cycle of relative rules: a -> b -> c -> a; one of "
              "them needs a calendar rule or dates");
    }
}

TEST_CASE("a when that is not a table shows how to write one", "[unit][config]") {
    CHECK(error_of(meeting("\"first tuesday\"")) ==
          "my.toml:4:8: meetings[1] (id \"m\"): when must be a table such as { rule = \"nth-weekday\", weekday = "
          "\"tuesday\", nth = 1 }, got a string");
}
