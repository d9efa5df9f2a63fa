// The `when` table of a meeting: which dates a series picks.
#include "config/meeting_parser.h"
#include "config/vocabulary.h"

namespace cadenced::config::detail {

namespace {

enum class rule_kind { nth_weekday, nearest_weekday, dates, relative };

const options<rule_kind>& rule_names() {
    static const options<rule_kind> names{
        {"nth-weekday", rule_kind::nth_weekday},
        {"nearest-weekday", rule_kind::nearest_weekday},
        {"dates", rule_kind::dates},
        {"relative", rule_kind::relative},
    };
    return names;
}

std::vector<int> months_of_quarter(const table_reader& when) {
    return when.distinct_integers("months", 1, 3).value_or(std::vector<int>{1});
}

// nth = 1-5 or "last" (stored as -1).
int nth(const table_reader& when) {
    const auto value = when.get("nth");
    if (!value) return 1;
    const toml::node& n = value->node();
    if (const auto* i = n.as_integer(); i && i->get() >= 1 && i->get() <= 5) return static_cast<int>(i->get());
    if (const auto* s = n.as_string(); s && same_name(s->get(), "last")) return -1;
    value->fail("must be 1-5 or \"last\", got " + show_value(n));
}

schedule::series_rule nth_weekday_rule(const table_reader& when) {
    when.allow_only({"rule", "weekday", "nth", "months"}, " for rule \"nth-weekday\"");
    schedule::nth_weekday day{when.require("weekday").weekday(), nth(when)};
    return schedule::calendar_rule{day, months_of_quarter(when)};
}

schedule::series_rule nearest_weekday_rule(const table_reader& when, parsed_meeting& out) {
    when.allow_only({"rule", "weekday", "day", "months"}, " for rule \"nearest-weekday\"");
    const auto weekday = when.require("weekday").weekday();
    const auto day_value = when.require("day");
    const int day = day_value.integer(1, 31);
    out.nearest_day = reference{std::to_string(day), &day_value.node(), day_value.subject()};
    return schedule::calendar_rule{schedule::nearest_weekday{weekday, static_cast<unsigned>(day)}, months_of_quarter(when)};
}

schedule::series_rule dates_rule(const table_reader& when) {
    when.allow_only({"rule", "dates"}, " for rule \"dates\"");
    const auto value = when.require("dates");
    const auto& list = value.array("a list of dates such as [2027-03-15, 2027-09-14]");
    if (list.empty()) value.fail("must list at least one date");
    schedule::dates_rule rule;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto d = value_reader{when.doc(), list[i], value.subject() + "[" + std::to_string(i + 1) + "]"}.date();
        for (const auto& earlier : rule.dates)
            if (earlier == d) when.doc().fail(list[i], value.subject() + " lists " + iso_date(d) + " twice");
        rule.dates.push_back(d);
    }
    return rule;
}

// Exactly one of days, weekday (with direction) or working_days says how far
// from the anchor the date lies.
schedule::series_rule relative_rule(const table_reader& when, parsed_meeting& out) {
    when.allow_only({"rule", "to", "from", "days", "weekday", "direction", "working_days"}, " for rule \"relative\"");
    schedule::relative_rule rule;
    const auto to = when.require("to");
    rule.to = identifier(to);
    if (rule.to == out.series.id) to.fail("cannot name the meeting itself; a relative rule hangs off another meeting");
    out.relative_to = reference{rule.to, &to.node(), to.subject()};
    if (auto from = when.get("from"))
        rule.edge = from->choice(options<schedule::anchor_edge>{{"start", schedule::anchor_edge::start},
                                                                {"end", schedule::anchor_edge::end}});

    const char* given = nullptr;
    for (const char* key : {"days", "weekday", "working_days"}) {
        if (!when.has(key)) continue;
        if (given)
            when.fail(key, std::string{"cannot be used together with "} + given +
                               "; give exactly one of days, weekday or working_days");
        given = key;
    }
    if (!given) when.fail_here("needs one of days, weekday (with direction) or working_days");
    if (when.has("direction") && std::string_view{given} != "weekday")
        when.fail("direction", "only goes with weekday");

    if (std::string_view{given} == "days") {
        rule.step = schedule::day_offset{*when.integer("days", -366, 366)};
    } else if (std::string_view{given} == "weekday") {
        const auto weekday = when.require("weekday").weekday();
        const bool after = when.require("direction").choice(options<bool>{{"before", false}, {"after", true}});
        rule.step = schedule::weekday_step{weekday, after};
    } else {
        const int n = *when.integer("working_days", -60, 60);
        if (n == 0) when.fail("working_days", "must not be 0; use 1 for the next working day or -1 for the previous one");
        rule.step = schedule::working_day_step{n};
    }
    return rule;
}

}  // namespace

schedule::series_rule parse_when(const table_reader& meeting, parsed_meeting& out) {
    const auto value = meeting.require("when");
    if (!value.node().is_table())
        value.wrong_type("a table such as { rule = \"nth-weekday\", weekday = \"tuesday\", nth = 1 }");
    const table_reader when{meeting.doc(), value.table(), meeting.where().child("when")};
    // Misspelt keys first, so that "rul" is reported as such rather than as
    // a missing rule; the keys a rule allows are checked by the rule.
    when.allow_only({"rule", "weekday", "nth", "months", "day", "dates", "to", "from", "days", "direction", "working_days"});
    switch (when.require("rule").choice(rule_names())) {
        case rule_kind::nth_weekday: return nth_weekday_rule(when);
        case rule_kind::nearest_weekday: return nearest_weekday_rule(when, out);
        case rule_kind::dates: return dates_rule(when);
        case rule_kind::relative: return relative_rule(when, out);
    }
    return {};
}

}  // namespace cadenced::config::detail
