#include "schedule/agenda_render.h"
#include "schedule/schedule.h"
#include "support/default_rhythm.h"
#include "support/hand_calendar.h"

#include <catch2/catch.hpp>

#include <set>

using namespace cadenced::schedule;
using namespace std::chrono;

namespace {

std::string ymd(local_days d) {
    const year_month_day x{d};
    return hand::str({static_cast<int>(x.year()), static_cast<int>(static_cast<unsigned>(x.month())),
                      static_cast<int>(static_cast<unsigned>(x.day()))});
}

std::vector<occurrence> only(const std::vector<occurrence>& all, const std::string& id) {
    std::vector<occurrence> out;
    for (const auto& o : all)
        if (o.meeting_id == id) out.push_back(o);
    return out;
}

std::vector<std::string> dates_of(const std::vector<occurrence>& all, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& o : only(all, id)) out.push_back(ymd(o.date));
    return out;
}

const date_range fy2028{year{2027} / February / 1, year{2028} / January / 31};
// FY2028 plus the Q1 agenda deadline, which falls in January 2027.
const date_range fy2028_deadlines{year{2027} / January / 1, year{2028} / January / 31};

}  // namespace

TEST_CASE("rules: cadence call on the first Tuesday of each quarter for every start month and label",
          "[unit][schedule][rules]") {
    for (unsigned start = 1; start <= 12; ++start) {
        for (auto label : {fiscal_year_label::end_year, fiscal_year_label::start_year}) {
            rhythm r = test_support::default_rhythm();
            r.fiscal = fiscal_calendar{month{start}, label};
            const int first_fy = 2030, last_fy = 2059;
            const date_range range{r.fiscal.first_day(first_fy), r.fiscal.last_day(last_fy)};
            const auto calls = only(generate(r, range), "cadence-call");
            const auto offsites = only(generate(r, range), "offsite");
            REQUIRE(calls.size() == 4u * (last_fy - first_fy + 1));
            REQUIRE(offsites.size() == 16u * (last_fy - first_fy + 1));
            std::size_t i = 0;
            for (int fy = first_fy; fy <= last_fy; ++fy) {
                const bool by_end = label == fiscal_year_label::end_year && start != 1;
                for (int q = 1; q <= 4; ++q, ++i) {
                    int y = by_end ? fy - 1 : fy, m = static_cast<int>(start);
                    hand::add_months(y, m, 3 * (q - 1));
                    INFO("start " << start << " FY" << fy << " Q" << q);
                    CHECK(ymd(calls[i].date) == hand::str(hand::first_weekday_of_month(y, m, 2)));
                    const std::string period = "Q" + std::to_string(q) + " FY" + std::to_string(fy);
                    CHECK(calls[i].title == "Quarterly cadence call " + period);
                    hand::add_months(y, m, 1);
                    CHECK(ymd(offsites[4 * i].date) == hand::str(hand::weekday_in_days_12_to_18(y, m, 2)));
                }
            }
        }
    }
}

TEST_CASE("rules: cadence call agenda is timed and lasts its sum", "[unit][schedule][agenda]") {
    const auto all = generate(test_support::default_rhythm(), fy2028);
    const auto calls = only(all, "cadence-call");
    REQUIRE(calls.size() == 4);
    const occurrence& q2 = calls[1];
    CHECK(clock_time(q2.start) == "10:00");
    CHECK(q2.end - q2.start == minutes{125});
    std::vector<std::string> spans;
    for (const auto& item : q2.agenda.items) spans.push_back(clock_time(*item.start) + "-" + clock_time(*item.end));
    CHECK(spans == std::vector<std::string>{"10:00-10:10", "10:10-10:30", "10:30-10:50", "10:50-11:00", "11:00-11:20",
                                            "11:20-11:30", "11:30-11:40", "11:40-12:00", "12:00-12:05"});
    CHECK(q2.agenda.items[1].title == "Product deliverables Q2: major features ('rocks') and deadlines");
    CHECK(q2.agenda.items[0].owner == "CEO");
}

TEST_CASE("rules: offsite agenda varies by quarter and location alternates", "[unit][schedule][agenda]") {
    const auto offsites = only(generate(test_support::default_rhythm(), fy2028), "offsite");
    REQUIRE(offsites.size() == 16);
    auto day = [&](int q, int d) -> const occurrence& { return offsites[static_cast<std::size_t>(4 * (q - 1) + d - 1)]; };
    CHECK(day(1, 1).agenda.title == "Day 1 - Context");
    CHECK(day(1, 1).agenda.items.size() == 1);
    CHECK(day(1, 1).agenda.items[0].title == "Retrospective of FY2027");
    CHECK(day(1, 1).agenda.items[0].owner == "Chief of Staff");
    CHECK(day(2, 1).agenda.items[0].title == "Retrospective of Q1 FY2028");
    CHECK(day(1, 2).agenda.items[0].title == "Initiatives exercise: quarterly");
    CHECK(day(4, 2).agenda.items[0].title == "Initiatives exercise: annual");
    CHECK(day(1, 1).location == "Travel venue");
    CHECK(day(2, 3).location == "Head office");
    CHECK(day(3, 4).location == "Travel venue");
    CHECK(day(4, 1).location == "Head office");
    CHECK(day(1, 1).confidential);
    CHECK(day(1, 1).uid == "offsite-FY2028-Q1-D1@cadenced");
    CHECK(day(1, 4).uid == "offsite-FY2028-Q1-D4@cadenced");
    // Untimed items carry no clock times even in a timed meeting.
    CHECK_FALSE(day(1, 1).agenda.items[0].start.has_value());
}

TEST_CASE("rules: replaced and folded monthly meetings are named by their hosts", "[unit][schedule][exceptions]") {
    const auto all = generate(test_support::default_rhythm(), fy2028);
    CHECK(dates_of(all, "monthly-meeting") ==
          std::vector<std::string>{"2027-03-02", "2027-06-01", "2027-09-07", "2027-12-07"});
    const auto calls = only(all, "cadence-call");
    REQUIRE(calls[0].remarks.size() == 1);
    CHECK(calls[0].remarks[0].kind == remark_kind::replaces);
    CHECK(calls[0].remarks[0].text == "Takes the place of the Monthly meeting of February 2027.");
    const auto offsites = only(all, "offsite");
    CHECK(offsites[0].remarks.empty());
    REQUIRE(offsites[3].remarks.size() == 1);
    CHECK(offsites[3].remarks[0].text == "Covers the Monthly meeting of April 2027, folded into this meeting.");
    CHECK(offsites[15].remarks[0].text == "Covers the Monthly meeting of January 2028, folded into this meeting.");
}

TEST_CASE("rules: the follow-up names the next cadence call", "[unit][schedule][placeholders]") {
    const auto follow = only(generate(test_support::default_rhythm(), fy2028), "cadence-follow-up");
    REQUIRE(follow.size() == 4);
    CHECK(follow[0].description == "Next cadence call: Tuesday 4 May 2027.");
    // The call after the last one of the range lies outside it but is still known.
    CHECK(follow[3].description == "Next cadence call: Tuesday 1 February 2028.");
}

TEST_CASE("rules: holidays move meetings by their shift rule", "[unit][schedule][holidays]") {
    rhythm r = test_support::default_rhythm();
    r.holidays = {{year{2027} / February / 2, year{2027} / February / 2, "Founders' day"},
                  {year{2027} / April / 29, year{2027} / April / 29, "Spring day"},
                  {year{2027} / March / 18, year{2027} / March / 18, "Regional holiday"}};
    SECTION("next working day for a single day, pattern kept for a block") {
        const auto all = generate(r, fy2028_deadlines);
        const auto calls = only(all, "cadence-call");
        CHECK(ymd(calls[0].date) == "2027-02-03");
        REQUIRE(calls[0].remarks.size() == 2);
        CHECK(calls[0].remarks[0].text == "Moved from Tuesday 2 February 2027 (Founders' day).");
        // Relative meetings follow the moved anchor.
        CHECK(dates_of(all, "cadence-follow-up")[0] == "2027-02-04");
        CHECK(dates_of(all, "cadence-agenda-due")[0] == "2027-01-28");
        // The Q2 agenda deadline falls back to the working day before.
        CHECK(dates_of(all, "cadence-agenda-due")[1] == "2027-04-28");
        // Tue 16 - Fri 19 March holds a holiday; Mon 22 - Thu 25 is the first
        // run of four working days.
        const auto offsite = dates_of(all, "offsite");
        CHECK(std::vector<std::string>(offsite.begin(), offsite.begin() + 4) ==
              std::vector<std::string>{"2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25"});
        CHECK(dates_of(all, "offsite-prework")[0] == "2027-03-15");
        CHECK(dates_of(all, "monday-with-managers")[0] == "2027-03-29");
    }
    SECTION("next week keeps the weekdays") {
        r.meetings[3].on_holiday = shift_rule::next_week;
        const auto offsite = dates_of(generate(r, fy2028), "offsite");
        CHECK(offsite[0] == "2027-03-23");
        CHECK(offsite[3] == "2027-03-26");
    }
    SECTION("skip drops the occurrence; keep ignores the holiday") {
        r.meetings[3].on_holiday = shift_rule::skip;
        CHECK(dates_of(generate(r, fy2028), "offsite").size() == 12);
        r.meetings[3].on_holiday = shift_rule::keep;
        CHECK(dates_of(generate(r, fy2028), "offsite")[0] == "2027-03-16");
    }
}

TEST_CASE("rules: fifth and last weekdays, quarter filters, explicit dates", "[unit][schedule][rules]") {
    rhythm r;
    r.timezone = "Europe/London";
    series fifth;
    fifth.id = "fifth";
    fifth.title = "Fifth Friday";
    fifth.when = calendar_rule{nth_weekday{Friday, 5}, {1, 2, 3}};
    series last;
    last.id = "last";
    last.title = "Last Monday";
    last.when = calendar_rule{nth_weekday{Monday, -1}, {3}};
    last.quarters = {3};
    series release;
    release.id = "release";
    release.title = "Product release";
    release.all_day = true;
    release.when = dates_rule{{year{2027} / June / 15, year{2029} / June / 15}};
    series launch;
    launch.id = "launch-announced";
    launch.title = "Launch event communicated";
    launch.all_day = true;
    launch.when = relative_rule{"release", anchor_edge::start, day_offset{-28}};
    r.meetings = {fifth, last, release, launch};

    const auto all = generate(r, fy2028);
    // Fridays falling on the 29th-31st in Feb 2027 - Jan 2028.
    std::vector<std::string> expected_fifth;
    for (int y = 2027, m = 2, i = 0; i < 12; ++i, hand::add_months(y, m, 1))
        for (int d = 29; d <= hand::days_in_month(y, m); ++d)
            if (hand::weekday({y, m, d}) == 5) expected_fifth.push_back(hand::str({y, m, d}));
    CHECK(dates_of(all, "fifth") == expected_fifth);
    CHECK(dates_of(all, "last") == std::vector<std::string>{"2027-10-25"});
    CHECK(dates_of(all, "release") == std::vector<std::string>{"2027-06-15"});
    CHECK(dates_of(all, "launch-announced") == std::vector<std::string>{"2027-05-18"});
    CHECK(only(all, "release")[0].uid == "release-D20270615@cadenced");
    CHECK(only(all, "launch-announced")[0].uid == "launch-announced-D20270615@cadenced");
}

TEST_CASE("rules: UIDs are unique and survive edits that keep meeting and quarter", "[unit][schedule][identity]") {
    rhythm r = test_support::default_rhythm();
    const auto before = generate(r, fy2028_deadlines);
    std::set<std::string> uids;
    for (const auto& o : before) CHECK(uids.insert(o.uid).second);
    CHECK(only(before, "cadence-call")[0].uid == "cadence-call-FY2028-Q1@cadenced");
    CHECK(only(before, "monthly-meeting")[0].uid == "monthly-meeting-FY2028-Q1-M2@cadenced");
    CHECK(only(before, "cadence-agenda-due")[0].uid == "cadence-agenda-due-FY2028-Q1@cadenced");

    r.meetings[0].title = "Renamed call {period}";
    r.meetings[0].start_time = hours{14};
    r.meetings[0].agenda[0].items.pop_back();
    r.meetings[3].when = calendar_rule{nearest_weekday{Tuesday, 8}, {2}};
    r.timezone = "Asia/Kolkata";
    const auto after = generate(r, fy2028_deadlines);
    REQUIRE(after.size() == before.size());
    std::set<std::string> after_uids;
    for (const auto& o : after) after_uids.insert(o.uid);
    CHECK(after_uids == uids);
}

TEST_CASE("rules: a meeting on a daylight-saving change day keeps its wall-clock time", "[unit][schedule][dst]") {
    rhythm r;
    r.timezone = "America/New_York";
    series s;
    s.id = "sunday";
    s.title = "Sunday review";
    // Second Sunday of March: the US spring-forward day.
    s.when = calendar_rule{nth_weekday{Sunday, 2}, {2}};
    s.quarters = {1};
    s.start_time = hours{10};
    s.duration = minutes{90};
    r.meetings = {s};
    const auto all = generate(r, fy2028);
    REQUIRE(all.size() == 1);
    CHECK(ymd(all[0].date) == "2027-03-14");
    CHECK(clock_time(all[0].start) == "10:00");
    CHECK(clock_time(all[0].end) == "11:30");
}

TEST_CASE("rules: check names inconsistent rhythms", "[unit][schedule][check]") {
    rhythm r = test_support::default_rhythm();
    CHECK(check(r).empty());
    r.meetings[4].when = relative_rule{"nowhere", anchor_edge::start, day_offset{-7}};
    r.meetings[0].when = relative_rule{"cadence-follow-up", anchor_edge::start, day_offset{1}};
    const auto problems = check(r);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0] == "meeting \"offsite-prework\": is placed relative to unknown meeting \"nowhere\"");
    CHECK(problems[1] == "meeting \"cadence-call\": relative rules form a cycle through \"cadence-call\"");
    CHECK_THROWS_AS(generate(r, fy2028), rhythm_error);
}

TEST_CASE("rules: an anchor day missing from some month is refused", "[unit][schedule][check]") {
    rhythm r;
    series s;
    s.id = "late";
    s.title = "Late";
    s.when = calendar_rule{nearest_weekday{Tuesday, 30}, {1}};
    r.meetings = {s};
    // February start: month 1 of Q1 is February.
    REQUIRE(check(r).size() == 1);
    CHECK(check(r)[0] == "meeting \"late\": day 30 does not exist in every month it applies to (month 1 of Q1)");
    r.fiscal = fiscal_calendar{March, fiscal_year_label::end_year};  // months 1: Mar, Jun, Sep, Dec
    CHECK(check(r).empty());
}
