// The embedded default rhythm (config/default.toml), as RHYTHM.md fixes it.
#include "config_test_support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace std::chrono;
using cadenced::config::testing::load;
using cadenced::config::testing::pinned_zones;
namespace schedule = cadenced::schedule;

namespace {

const cadenced::config::config& the_default() {
    static const auto c = cadenced::config::load_default(pinned_zones());
    return c;
}

const schedule::series& meeting(std::string_view id) {
    const auto* s = the_default().rhythm.find(id);
    REQUIRE(s != nullptr);
    return *s;
}

std::size_t item_count(const schedule::series& s) {
    std::size_t n = 0;
    for (const auto& day : s.agenda) n += day.items.size();
    return n;
}

}  // namespace

TEST_CASE("the default loads with the seven meetings in order", "[unit][config]") {
    const auto& c = the_default();
    CHECK(c.source == "<embedded default>");
    std::vector<std::string> ids;
    for (const auto& s : c.rhythm.meetings) ids.push_back(s.id);
    CHECK(ids == std::vector<std::string>{"cadence-call", "cadence-agenda-due", "cadence-follow-up", "offsite",
                                          "offsite-prework", "monday-with-managers", "monthly-meeting"});
    CHECK(c.rhythm.timezone == "UTC");  // left to the fallback
    CHECK(c.rhythm.fiscal.start_month() == February);
    CHECK(c.rhythm.fiscal.label() == schedule::fiscal_year_label::end_year);
    CHECK(c.rhythm.holidays.empty());
    CHECK(c.feeds.size() == 2);
}

TEST_CASE("the default roles have titles, the elt group, and no names", "[unit][config]") {
    std::vector<std::string> roles;
    for (const auto& p : the_default().rhythm.people) {
        roles.push_back(p.role);
        CHECK_FALSE(p.title.empty());
        CHECK(p.name.empty());
        CHECK(p.email.empty());
        CHECK(p.groups == std::vector<std::string>{"elt"});
    }
    CHECK(roles == std::vector<std::string>{"ceo", "cfo", "cpo", "head-of-product", "head-of-engineering",
                                            "head-of-sales", "head-of-marketing", "head-of-customer-success",
                                            "organizer"});
}

TEST_CASE("default cadence call: first Tuesday of month 1, 10:00, the nine timed items", "[unit][config]") {
    const auto& s = meeting("cadence-call");
    const auto& rule = std::get<schedule::calendar_rule>(s.when);
    CHECK(std::get<schedule::nth_weekday>(rule.day).weekday == Tuesday);
    CHECK(std::get<schedule::nth_weekday>(rule.day).nth == 1);
    CHECK(rule.months_of_quarter == std::vector<int>{1});
    CHECK(s.quarters == std::vector<int>{1, 2, 3, 4});
    CHECK(s.start_time == minutes{10 * 60});
    CHECK_FALSE(s.duration);  // the sum of the agenda
    CHECK(s.title == "Quarterly cadence call {period}");
    REQUIRE(s.agenda.size() == 1);
    const auto& items = s.agenda[0].items;
    REQUIRE(items.size() == 9);
    std::vector<int> minutes_each;
    std::vector<std::string> owners;
    for (const auto& item : items) {
        minutes_each.push_back(static_cast<int>(item.duration.count()));
        owners.push_back(item.owner);
    }
    CHECK(minutes_each == std::vector<int>{10, 20, 20, 10, 20, 10, 10, 20, 5});
    CHECK(owners == std::vector<std::string>{"ceo", "head-of-product", "head-of-marketing", "head-of-marketing",
                                             "head-of-sales", "head-of-sales", "head-of-customer-success",
                                             "head-of-sales", "ceo"});
    CHECK(items[0].title == "Recap of previous quarter performance");
    CHECK(items[1].title.find("Product deliverables {quarter}") == 0);
    CHECK(items[8].title == "Closing Q&A");
    CHECK(s.organizer == "ceo");
    CHECK_FALSE(s.confidential);
}

TEST_CASE("default deadlines and follow-ups hang off their meetings", "[unit][config]") {
    const auto& due = meeting("cadence-agenda-due");
    CHECK(due.all_day);
    CHECK(due.on_holiday == schedule::shift_rule::previous_working_day);
    const auto& due_rule = std::get<schedule::relative_rule>(due.when);
    CHECK(due_rule.to == "cadence-call");
    CHECK(due_rule.edge == schedule::anchor_edge::start);
    CHECK(std::get<schedule::weekday_step>(due_rule.step).weekday == Thursday);
    CHECK_FALSE(std::get<schedule::weekday_step>(due_rule.step).after);

    const auto& follow_up = meeting("cadence-follow-up");
    CHECK(follow_up.all_day);
    const auto& follow_rule = std::get<schedule::relative_rule>(follow_up.when);
    CHECK(follow_rule.to == "cadence-call");
    CHECK(std::get<schedule::working_day_step>(follow_rule.step).n == 1);
    bool names_next_call = false;
    for (const auto& item : follow_up.agenda.at(0).items)
        names_next_call = names_next_call || item.title.find("{next:cadence-call}") != std::string::npos;
    CHECK(names_next_call);
    CHECK(follow_up.description.find("not effective") != std::string::npos);

    const auto& prework = meeting("offsite-prework");
    CHECK(prework.all_day);
    const auto& prework_rule = std::get<schedule::relative_rule>(prework.when);
    CHECK(prework_rule.to == "offsite");
    CHECK(std::get<schedule::day_offset>(prework_rule.step).days == -7);
    CHECK(prework.description.find("three discussion topics") != std::string::npos);
}

TEST_CASE("default offsite: four confidential days from the Tuesday nearest the 15th of month 2", "[unit][config]") {
    const auto& s = meeting("offsite");
    const auto& rule = std::get<schedule::calendar_rule>(s.when);
    CHECK(std::get<schedule::nearest_weekday>(rule.day).weekday == Tuesday);
    CHECK(std::get<schedule::nearest_weekday>(rule.day).day == 15u);
    CHECK(rule.months_of_quarter == std::vector<int>{2});
    CHECK(s.days == 4);
    CHECK(s.start_time == minutes{9 * 60});
    CHECK(s.duration == minutes{8 * 60});
    CHECK(s.confidential);
    CHECK(s.organizer == "organizer");
    CHECK(s.location.travel_quarters == std::vector<int>{1, 3});
    CHECK_FALSE(s.location.travel.empty());
    CHECK_FALSE(s.location.local.empty());
    CHECK(s.description.find("Nothing, Nobody, Never") != std::string::npos);
    std::vector<std::string> day_titles;
    for (const auto& day : s.agenda) day_titles.push_back(day.title);
    CHECK(day_titles == std::vector<std::string>{"Day 1 - Context", "Day 2 - Priorities", "Day 3 - Execution",
                                                 "Day 4 - Wrap-up"});
}

TEST_CASE("default offsite content depends on the quarter", "[unit][config]") {
    // The titles an agenda day shows in quarter q.
    const auto titles_in = [](const schedule::agenda_day& day, int q) {
        std::vector<std::string> out;
        for (const auto& item : day.items)
            if (item.quarters.empty() || std::find(item.quarters.begin(), item.quarters.end(), q) != item.quarters.end())
                out.push_back(item.title);
        return out;
    };
    const auto contains = [](const std::vector<std::string>& titles, std::string_view text) {
        return std::any_of(titles.begin(), titles.end(), [&](const std::string& t) { return t.find(text) != std::string::npos; });
    };
    const auto& s = meeting("offsite");
    const auto day1_q1 = titles_in(s.agenda.at(0), 1);
    const auto day1_q2 = titles_in(s.agenda.at(0), 2);
    const auto day1_q3 = titles_in(s.agenda.at(0), 3);
    CHECK(contains(day1_q1, "Retrospective of {prior_fiscal_year}"));
    CHECK_FALSE(contains(day1_q1, "Retrospective of {prior_quarter}"));
    CHECK(contains(day1_q2, "Retrospective of {prior_quarter}"));
    CHECK(contains(day1_q1, "full-year proposed budget"));
    CHECK(contains(day1_q2, "variance to budget"));
    CHECK_FALSE(contains(day1_q2, "full-year proposed budget"));
    CHECK(contains(day1_q3, "annual, bigger-picture review"));
    CHECK(contains(day1_q2, "tweaking and execution"));
    CHECK(contains(titles_in(s.agenda.at(1), 3), "Initiatives exercise (quarterly)"));
    CHECK(contains(titles_in(s.agenda.at(1), 4), "Initiatives exercise (annual)"));
    CHECK_FALSE(contains(titles_in(s.agenda.at(1), 4), "Initiatives exercise (quarterly)"));
}

TEST_CASE("default Monday with Managers and monthly meeting", "[unit][config]") {
    const auto& mwm = meeting("monday-with-managers");
    const auto& rule = std::get<schedule::relative_rule>(mwm.when);
    CHECK(rule.to == "offsite");
    CHECK(rule.edge == schedule::anchor_edge::end);
    CHECK(std::get<schedule::weekday_step>(rule.step).weekday == Monday);
    CHECK(std::get<schedule::weekday_step>(rule.step).after);
    CHECK(mwm.start_time == minutes{10 * 60});
    CHECK(mwm.duration == minutes{60});
    CHECK(item_count(mwm) == 2);

    const auto& monthly = meeting("monthly-meeting");
    const auto& cal = std::get<schedule::calendar_rule>(monthly.when);
    CHECK(std::get<schedule::nth_weekday>(cal.day).weekday == Tuesday);
    CHECK(std::get<schedule::nth_weekday>(cal.day).nth == 1);
    CHECK(cal.months_of_quarter == std::vector<int>{1, 2, 3});
    CHECK(monthly.start_time == minutes{10 * 60});
    CHECK(monthly.duration == minutes{60});
    CHECK(monthly.title == "Monthly meeting");
    REQUIRE(monthly.exceptions.size() == 2);
    CHECK(monthly.exceptions[0].month_of_quarter == 1);
    CHECK(monthly.exceptions[0].kind == schedule::exception_kind::replaced);
    CHECK(monthly.exceptions[0].by == "cadence-call");
    CHECK(monthly.exceptions[1].month_of_quarter == 3);
    CHECK(monthly.exceptions[1].kind == schedule::exception_kind::folded);
    CHECK(monthly.exceptions[1].by == "offsite");
}

TEST_CASE("every default title except the monthly meeting names the period", "[unit][config]") {
    for (const auto& s : the_default().rhythm.meetings) {
        INFO(s.id);
        CHECK((s.title.find("{period}") != std::string::npos) == (s.id != "monthly-meeting"));
    }
}

TEST_CASE("a config with only a zone gets the default meetings", "[unit][config]") {
    const auto c = load("timezone = \"Europe/London\"\n");
    CHECK(c.rhythm.timezone == "Europe/London");
    CHECK(c.rhythm.meetings.size() == 7);
    CHECK(c.rhythm.people.size() == 9);
    CHECK(c.source == "my.toml");
}

TEST_CASE("a config with meetings replaces the default set", "[unit][config]") {
    const auto c = load("[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { rule = \"dates\", dates = [2027-03-16] }\n");
    REQUIRE(c.rhythm.meetings.size() == 1);
    CHECK(c.rhythm.meetings[0].id == "m");
}

TEST_CASE("the embedded text is the shipped default.toml", "[unit][config]") {
    std::ifstream file{std::string{CADENCED_SOURCE_DIR} + "/config/default.toml", std::ios::binary};
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    CHECK(text.str() == cadenced::config::embedded_default_toml());
}
