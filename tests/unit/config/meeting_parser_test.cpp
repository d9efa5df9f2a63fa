// A meeting's own keys: times, blocks, agenda, location and exceptions.
#include "config_test_support.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using cadenced::config::testing::error_of;
using cadenced::config::testing::load;
namespace schedule = cadenced::schedule;

namespace {

// A meeting "m" on fixed dates; `extra` follows the `when` line (line 5 on).
std::string meeting(const std::string& extra) {
    return "[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { rule = \"dates\", dates = [2027-03-16] }\n" + extra;
}

schedule::series series_of(const std::string& extra) { return load(meeting(extra)).rhythm.meetings.at(0); }

}  // namespace

TEST_CASE("every meeting key maps onto the series", "[unit][config]") {
    const auto s = series_of(
        "description = \"Why we meet\"\n"
        "quarters = [2, 4]\n"
        "start = \"09:30\"\n"
        "end = \"11:00\"\n"
        "days = 2\n"
        "timezone = \"Europe/London\"\n"
        "confidential = true\n"
        "organizer = \"ceo\"\n"
        "attendees = [\"elt\", \"cfo\"]\n"
        "categories = [\"Planning\"]\n"
        "reminder_minutes = 15\n"
        "on_holiday = \"skip\"\n"
        "location = \"Board room\"\n");
    CHECK(s.id == "m");
    CHECK(s.title == "M");
    CHECK(s.description == "Why we meet");
    CHECK(s.quarters == std::vector<int>{2, 4});
    CHECK(s.start_time == minutes{9 * 60 + 30});
    CHECK(s.duration == minutes{90});
    CHECK(s.days == 2);
    CHECK(s.timezone == "Europe/London");
    CHECK(s.confidential);
    CHECK(s.organizer == "ceo");
    CHECK(s.attendees == std::vector<std::string>{"elt", "cfo"});
    CHECK(s.categories == std::vector<std::string>{"Planning"});
    CHECK(s.reminder_minutes == 15);
    CHECK(s.on_holiday == schedule::shift_rule::skip);
    CHECK(s.location.fixed == "Board room");
    CHECK_FALSE(s.all_day);
}

TEST_CASE("omitted meeting keys take their defaults", "[unit][config]") {
    const auto s = series_of("");
    CHECK(s.quarters == std::vector<int>{1, 2, 3, 4});
    CHECK(s.start_time == minutes{10 * 60});
    CHECK(s.duration == minutes{60});
    CHECK(s.days == 1);
    CHECK_FALSE(s.timezone);
    CHECK_FALSE(s.confidential);
    CHECK_FALSE(s.reminder_minutes);
    CHECK_FALSE(s.on_holiday);
    CHECK(s.agenda.empty());
    CHECK(s.exceptions.empty());
}

TEST_CASE("the duration follows the agenda unless given", "[unit][config]") {
    const std::string agenda = "[[meetings.agenda]]\nitems = [{ title = \"a\", minutes = 20 }, { title = \"b\", minutes = 25 }]\n";
    CHECK_FALSE(series_of(agenda).duration);                                     // default: the agenda's sum
    CHECK_FALSE(series_of("duration = \"agenda\"\n" + agenda).duration);         // asked for
    CHECK(series_of("duration = 30\n" + agenda).duration == minutes{30});        // given
    CHECK(series_of("[[meetings.agenda]]\nitems = [{ title = \"a\" }]\n").duration == minutes{60});  // untimed items
}

TEST_CASE("times are HH:MM and consistent", "[unit][config]") {
    CHECK(error_of(meeting("start = \"9am\"\n")) ==
          "my.toml:5:9: meetings[1] (id \"m\"): start must be a time \"HH:MM\" such as \"09:30\", got \"9am\"");
    CHECK(error_of(meeting("start = \"24:00\"\n")) ==
          "my.toml:5:9: meetings[1] (id \"m\"): start must be a time \"HH:MM\" such as \"09:30\", got \"24:00\"");
    CHECK(error_of(meeting("start = \"10:00\"\nduration = 60\nend = \"11:00\"\n")) ==
          "my.toml:7:7: meetings[1] (id \"m\"): end cannot be used together with duration; give one of them");
    CHECK(error_of(meeting("start = \"10:00\"\nend = \"09:30\"\n")) ==
          "my.toml:6:7: meetings[1] (id \"m\"): end must be after start (10:00), got \"09:30\"");
    CHECK(error_of(meeting("all_day = true\nstart = \"10:00\"\n")) ==
          "my.toml:6:9: meetings[1] (id \"m\"): start cannot be used with all_day = true; an all-day event has no time");
    CHECK(error_of(meeting("all_day = true\nduration = 30\n")) ==
          "my.toml:6:12: meetings[1] (id \"m\"): duration cannot be used with all_day = true; an all-day event has no "
          "time");
    CHECK(error_of(meeting("duration = 0\n")) == "my.toml:5:12: meetings[1] (id \"m\"): duration must be 1-1440, got 0");
    CHECK(error_of(meeting("duration = \"2h\"\n")) ==
          "my.toml:5:12: meetings[1] (id \"m\"): duration must be a number of minutes or \"agenda\", got \"2h\"");
    CHECK(error_of(meeting("duration = \"agenda\"\n")) ==
          "my.toml:5:12: meetings[1] (id \"m\"): duration is \"agenda\" but no agenda item has minutes; give a number "
          "of minutes instead");
}

TEST_CASE("a block lasts 1-14 days", "[unit][config]") {
    CHECK(error_of(meeting("days = 0\n")) == "my.toml:5:8: meetings[1] (id \"m\"): days must be 1-14, got 0");
    CHECK(error_of(meeting("days = 15\n")) == "my.toml:5:8: meetings[1] (id \"m\"): days must be 1-14, got 15");
}

TEST_CASE("an agenda has one day or one per day of the block", "[unit][config]") {
    const std::string day = "[[meetings.agenda]]\nitems = [{ title = \"x\" }]\n";
    CHECK(series_of("days = 3\n" + day).agenda.size() == 1);
    CHECK(series_of("days = 2\n" + day + day).agenda.size() == 2);
    // Too many: the first agenda day without a day of its own.
    CHECK(error_of(meeting("days = 2\n" + day + day + day)) ==
          "my.toml:10:1: meetings[1] (id \"m\"): agenda has 3 days but the meeting lasts 2 days (days = 2); give one "
          "agenda, or one per day");
    CHECK(error_of(meeting(day + day)) ==
          "my.toml:7:1: meetings[1] (id \"m\"): agenda has 2 days but the meeting lasts 1 day (days = 1); give one "
          "agenda, or one per day");
    // Too few: point at days.
    CHECK(error_of(meeting("days = 4\n" + day + day)) ==
          "my.toml:5:8: meetings[1] (id \"m\"): days is 4 but the agenda has 2 days; give one agenda, or one per day");
}

TEST_CASE("agenda days and items map onto the series", "[unit][config]") {
    const auto s = series_of(
        "days = 2\n"
        "[[meetings.agenda]]\ntitle = \"Day 1\"\n"
        "items = [{ title = \"Recap\", minutes = 10, owner = \"ceo\", notes = [\"KPIs\"], quarters = [2, 3] }]\n"
        "[[meetings.agenda]]\ntitle = \"Day 2\"\nitems = [{ title = \"Wrap-up\" }]\n");
    REQUIRE(s.agenda.size() == 2);
    CHECK(s.agenda[0].title == "Day 1");
    const auto& item = s.agenda[0].items.at(0);
    CHECK(item.title == "Recap");
    CHECK(item.duration == minutes{10});
    CHECK(item.owner == "ceo");
    CHECK(item.notes == std::vector<std::string>{"KPIs"});
    CHECK(item.quarters == std::vector<int>{2, 3});
    CHECK(s.agenda[1].items.at(0).duration == minutes{0});
    CHECK(s.agenda[1].items.at(0).quarters.empty());
}

TEST_CASE("agenda item values are checked", "[unit][config]") {
    CHECK(error_of(meeting("[[meetings.agenda]]\nitems = [{ title = \"a\", quarters = [0] }]\n")) ==
          "my.toml:6:37: meetings[1] (id \"m\"): agenda[1].items[1].quarters[1] must be 1-4, got 0");
    CHECK(error_of(meeting("[[meetings.agenda]]\nitems = [{ title = \"a\", minutes = -5 }]\n")) ==
          "my.toml:6:35: meetings[1] (id \"m\"): agenda[1].items[1].minutes must be 0-1440, got -5");
    CHECK(error_of(meeting("[[meetings.agenda]]\nitems = [{ title = \"a\", owner = \"Head of Sales\" }]\n")) ==
          "my.toml:6:33: meetings[1] (id \"m\"): agenda[1].items[1].owner must use only lower-case letters, digits "
          "and \"-\", got \"Head of Sales\"");
}

TEST_CASE("a location alternates between travel and local by quarter", "[unit][config]") {
    const auto s = series_of("location = { travel = \"Lisbon\", local = \"HQ\", travel_quarters = [1, 3] }\n");
    CHECK(s.location.fixed.empty());
    CHECK(s.location.travel == "Lisbon");
    CHECK(s.location.local == "HQ");
    CHECK(s.location.travel_quarters == std::vector<int>{1, 3});

    CHECK(error_of(meeting("location = { travel = \"Lisbon\", travel_quarters = [1] }\n")) ==
          "my.toml:5:12: meetings[1] (id \"m\"): missing required key \"local\" in location");
    CHECK(error_of(meeting("location = 3\n")) ==
          "my.toml:5:12: meetings[1] (id \"m\"): location must be a place, or a table such as { travel = \"...\", "
          "local = \"...\", travel_quarters = [1, 3] }, got an integer");
}

TEST_CASE("other meeting values are range-checked", "[unit][config]") {
    CHECK(error_of(meeting("reminder_minutes = 50000\n")) ==
          "my.toml:5:20: meetings[1] (id \"m\"): reminder_minutes must be 0-40320, got 50000");
    CHECK(error_of(meeting("on_holiday = \"later\"\n")) ==
          "my.toml:5:14: meetings[1] (id \"m\"): on_holiday must be \"next-working-day\", \"previous-working-day\", "
          "\"next-week\", \"skip\" or \"keep\", got \"later\"");
    CHECK(error_of("[[meetings]]\nid = \"Stand up\"\n") ==
          "my.toml:2:6: meetings[1] (id \"Stand up\"): id must use only lower-case letters, digits and \"-\", got "
          "\"Stand up\"");
    CHECK(error_of("[[meetings]]\nid = \"m\"\ntitle = \"\"\n") ==
          "my.toml:3:9: meetings[1] (id \"m\"): title must not be empty");
}

TEST_CASE("exceptions map onto the series", "[unit][config]") {
    const auto c = load(
        "[[meetings]]\nid = \"call\"\ntitle = \"Call\"\nwhen = { rule = \"nth-weekday\", weekday = \"tuesday\" }\n"
        "[[meetings]]\nid = \"offsite\"\ntitle = \"Offsite\"\nwhen = { rule = \"nth-weekday\", weekday = \"monday\", months = [2] }\n"
        "[[meetings]]\nid = \"monthly\"\ntitle = \"Monthly\"\n"
        "when = { rule = \"nth-weekday\", weekday = \"tuesday\", months = [1, 2, 3] }\n"
        "exceptions = [{ month = 1, replaced_by = \"call\" }, { month = 3, folded_into = \"offsite\" }]\n");
    const auto& e = c.rhythm.meetings.at(2).exceptions;
    REQUIRE(e.size() == 2);
    CHECK(e[0].month_of_quarter == 1);
    CHECK(e[0].kind == schedule::exception_kind::replaced);
    CHECK(e[0].by == "call");
    CHECK(e[1].month_of_quarter == 3);
    CHECK(e[1].kind == schedule::exception_kind::folded);
    CHECK(e[1].by == "offsite");
}

TEST_CASE("exceptions within one meeting are consistent", "[unit][config]") {
    const std::string monthly = "[[meetings]]\nid = \"monthly\"\ntitle = \"Monthly\"\n"
                                "when = { rule = \"nth-weekday\", weekday = \"tuesday\", months = [1, 2, 3] }\n";
    CHECK(error_of(monthly + "exceptions = [{ month = 1, replaced_by = \"x\" }, { month = 1, folded_into = \"y\" }]\n") ==
          "my.toml:5:59: meetings[1] (id \"monthly\"): exceptions[2].month 1 already has an exception "
          "(exceptions[1]); a month is either replaced or folded, once");
    CHECK(error_of(monthly + "exceptions = [{ month = 3, folded_into = \"monthly\" }]\n") ==
          "my.toml:5:42: meetings[1] (id \"monthly\"): exceptions[1].folded_into cannot name the meeting itself");
    CHECK(error_of(monthly + "exceptions = [{ month = 3, replaced_by = \"a\", folded_into = \"b\" }]\n") ==
          "my.toml:5:61: meetings[1] (id \"monthly\"): exceptions[1].folded_into cannot be used together with "
          "replaced_by; give one of them");
    CHECK(error_of(monthly + "exceptions = [{ month = 3 }]\n") ==
          "my.toml:5:15: meetings[1] (id \"monthly\"): exceptions[1] needs replaced_by or folded_into");
    CHECK(error_of(monthly + "exceptions = [{ month = 4, replaced_by = \"a\" }]\n") ==
          "my.toml:5:25: meetings[1] (id \"monthly\"): exceptions[1].month must be 1-3, got 4");
    CHECK(error_of("[[meetings]]\nid = \"q\"\ntitle = \"Q\"\nwhen = { rule = \"nth-weekday\", weekday = \"tuesday\" }\n"
                   "exceptions = [{ month = 2, replaced_by = \"a\" }]\n") ==
          "my.toml:5:25: meetings[1] (id \"q\"): exceptions[1].month 2 is not a month this meeting meets in (when.months)");
}
