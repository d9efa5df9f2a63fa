#pragma once
// The default rhythm of RHYTHM.md built in code, so that the core's tests do
// not depend on the TOML loader. The config tests check that the embedded
// default yields the same dates.

#include "schedule/rhythm.h"

namespace test_support {

using namespace std::chrono;
using namespace cadenced::schedule;

inline agenda_item item(std::string title, int minutes_, std::string owner = {}, std::vector<int> quarters = {}) {
    return agenda_item{std::move(title), minutes{minutes_}, std::move(owner), {}, std::move(quarters)};
}

inline rhythm default_rhythm(std::string zone = "America/New_York") {
    rhythm r;
    r.timezone = std::move(zone);
    r.people = {
        {"ceo", "CEO", "", "", {"elt"}},
        {"head-of-sales", "Head of Sales", "", "", {"elt"}},
        {"organizer", "Chief of Staff", "", "", {}},
    };

    series call;
    call.id = "cadence-call";
    call.title = "Quarterly cadence call {period}";
    call.when = calendar_rule{nth_weekday{Tuesday, 1}, {1}};
    call.start_time = hours{10};
    call.agenda = {agenda_day{"", {
        item("Recap of previous quarter performance", 10, "ceo"),
        item("Product deliverables {quarter}: major features ('rocks') and deadlines", 20),
        item("Marketing alignment for leads and PR, features to market", 20),
        item("Event launch deadline, press release and marketing initiatives", 10),
        item("Sales quotas: regional and per AM/AE", 20, "head-of-sales"),
        item("Review commissions and bonus structure, spiffs", 10),
        item("Customer success: revenue expansion and championing newly live customers", 10),
        item("Training: product, sales techniques, what worked and didn't", 20),
        item("Closing Q&A", 5, "ceo"),
    }}};

    series due;
    due.id = "cadence-agenda-due";
    due.title = "Cadence call agenda due {period}";
    due.when = relative_rule{"cadence-call", anchor_edge::start, weekday_step{Thursday, false}};
    due.all_day = true;
    due.on_holiday = shift_rule::previous_working_day;

    series follow;
    follow.id = "cadence-follow-up";
    follow.title = "Cadence call follow-up {period}";
    follow.description = "Next cadence call: {next:cadence-call}.";
    follow.when = relative_rule{"cadence-call", anchor_edge::start, working_day_step{1}};
    follow.all_day = true;

    series offsite;
    offsite.id = "offsite";
    offsite.title = "ELT offsite {period}: day {day} of {days}";
    offsite.when = calendar_rule{nearest_weekday{Tuesday, 15}, {2}};
    offsite.days = 4;
    offsite.start_time = hours{9};
    offsite.duration = hours{8};
    offsite.confidential = true;
    offsite.location = location_rule{"", "Travel venue", "Head office", {1, 3}};
    offsite.agenda = {
        agenda_day{"Day 1 - Context", {
            item("Retrospective of {prior_quarter}", 0, "organizer", {2, 3, 4}),
            item("Retrospective of {prior_fiscal_year}", 0, "organizer", {1}),
        }},
        agenda_day{"Day 2 - Priorities", {item("Initiatives exercise: quarterly", 0, "", {1, 2, 3}),
                                          item("Initiatives exercise: annual", 0, "", {4})}},
        agenda_day{"Day 3 - Execution", {item("Initiatives definition", 0)}},
        agenda_day{"Day 4 - Wrap-up", {item("Messaging", 0)}},
    };

    series prework;
    prework.id = "offsite-prework";
    prework.title = "Offsite pre-work due {period}";
    prework.when = relative_rule{"offsite", anchor_edge::start, day_offset{-7}};
    prework.all_day = true;

    series mwm;
    mwm.id = "monday-with-managers";
    mwm.title = "Monday with Managers {period}";
    mwm.when = relative_rule{"offsite", anchor_edge::end, weekday_step{Monday, true}};
    mwm.start_time = hours{10};
    mwm.duration = hours{1};

    series monthly;
    monthly.id = "monthly-meeting";
    monthly.title = "Monthly meeting";
    monthly.when = calendar_rule{nth_weekday{Tuesday, 1}, {1, 2, 3}};
    monthly.start_time = hours{10};
    monthly.duration = hours{1};
    monthly.exceptions = {series_exception{1, exception_kind::replaced, "cadence-call"},
                          series_exception{3, exception_kind::folded, "offsite"}};

    r.meetings = {call, due, follow, offsite, prework, mwm, monthly};
    return r;
}

}  // namespace test_support
