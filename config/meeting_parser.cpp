#include "config/meeting_parser.h"

#include "config/timezone.h"
#include "config/vocabulary.h"

#include <algorithm>

namespace cadenced::config::detail {

namespace {

constexpr std::chrono::minutes default_duration{60};

// "HH:MM" -> minutes after midnight.
std::chrono::minutes clock_time(const value_reader& value) {
    const std::string text = value.string("a string \"HH:MM\"");
    int hours = -1;
    int minutes = -1;
    const auto colon = text.find(':');
    auto number = [](std::string_view digits) {
        if (digits.empty() || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string_view::npos) return -1;
        return std::stoi(std::string{digits});
    };
    if (colon != std::string::npos) {
        hours = number(std::string_view{text}.substr(0, colon));
        minutes = colon + 3 == text.size() ? number(std::string_view{text}.substr(colon + 1)) : -1;
    }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
        value.fail("must be a time \"HH:MM\" such as \"09:30\", got " + quote(text));
    return std::chrono::minutes{hours * 60 + minutes};
}

std::string clock_text(std::chrono::minutes m) {
    const auto h = m.count() / 60;
    const auto min = m.count() % 60;
    return (h < 10 ? "0" : "") + std::to_string(h) + ":" + (min < 10 ? "0" : "") + std::to_string(min);
}

bool has_timed_items(const std::vector<schedule::agenda_day>& agenda) {
    for (const auto& day : agenda)
        for (const auto& item : day.items)
            if (item.duration.count() > 0) return true;
    return false;
}

// start, duration / end and all_day, once the agenda is known (the default
// duration depends on it).
void parse_times(const table_reader& t, schedule::series& s) {
    s.all_day = t.boolean("all_day").value_or(false);
    if (s.all_day) {
        for (std::string_view key : {"start", "duration", "end"})
            if (t.has(key)) t.fail(key, "cannot be used with all_day = true; an all-day event has no time");
        s.duration.reset();
        return;
    }
    if (auto start = t.get("start")) s.start_time = clock_time(*start);
    if (t.has("duration") && t.has("end"))
        t.fail("end", "cannot be used together with duration; give one of them");
    if (auto end = t.get("end")) {
        const auto until = clock_time(*end);
        if (until <= s.start_time)
            end->fail("must be after start (" + clock_text(s.start_time) + "), got " + quote(end->string()));
        s.duration = until - s.start_time;
    } else if (auto duration = t.get("duration")) {
        const toml::node& n = duration->node();
        if (const auto* text = n.as_string(); text && same_name(text->get(), "agenda")) {
            if (!has_timed_items(s.agenda))
                duration->fail("is \"agenda\" but no agenda item has minutes; give a number of minutes instead");
            s.duration.reset();
        } else if (n.is_integer()) {
            s.duration = std::chrono::minutes{duration->integer(1, 24 * 60)};
        } else {
            duration->fail("must be a number of minutes or \"agenda\", got " + show_value(n));
        }
    } else if (has_timed_items(s.agenda)) {
        s.duration.reset();  // the sum of the agenda
    } else {
        s.duration = default_duration;
    }
}

schedule::location_rule parse_location(const table_reader& t) {
    schedule::location_rule where;
    const auto value = t.get("location");
    if (!value) return where;
    if (value->node().is_string()) {
        where.fixed = value->string();
        return where;
    }
    if (!value->node().is_table())
        value->wrong_type("a place, or a table such as { travel = \"...\", local = \"...\", travel_quarters = [1, 3] }");
    const table_reader table{t.doc(), value->table(), t.where().child("location")};
    table.allow_only({"travel", "local", "travel_quarters"});
    where.travel = table.require("travel").string();
    where.local = table.require("local").string();
    where.travel_quarters = table.require("travel_quarters").distinct_integers(1, 4);
    return where;
}

void parse_exceptions(const table_reader& t, parsed_meeting& out) {
    const auto entries = tables_of(t, "exceptions", "{ month = 1, replaced_by = \"cadence-call\" }");
    const auto* calendar = std::get_if<schedule::calendar_rule>(&out.series.when);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const table_reader e{t.doc(), *entries[i], t.where().child("exceptions[" + std::to_string(i + 1) + "]")};
        e.allow_only({"month", "replaced_by", "folded_into"});
        schedule::series_exception x;
        const auto month = e.require("month");
        x.month_of_quarter = month.integer(1, 3);
        for (std::size_t j = 0; j < out.series.exceptions.size(); ++j)
            if (out.series.exceptions[j].month_of_quarter == x.month_of_quarter)
                month.fail(std::to_string(x.month_of_quarter) + " already has an exception (exceptions[" +
                           std::to_string(j + 1) + "]); a month is either replaced or folded, once");
        if (calendar && std::find(calendar->months_of_quarter.begin(), calendar->months_of_quarter.end(),
                                  x.month_of_quarter) == calendar->months_of_quarter.end())
            month.fail(std::to_string(x.month_of_quarter) + " is not a month this meeting meets in (when.months)");
        if (e.has("replaced_by") && e.has("folded_into"))
            e.fail("folded_into", "cannot be used together with replaced_by; give one of them");
        if (!e.has("replaced_by") && !e.has("folded_into")) e.fail_here("needs replaced_by or folded_into");
        const std::string_view key = e.has("replaced_by") ? "replaced_by" : "folded_into";
        x.kind = key == "replaced_by" ? schedule::exception_kind::replaced : schedule::exception_kind::folded;
        const auto host = e.require(key);
        x.by = identifier(host);
        if (x.by == out.series.id) host.fail("cannot name the meeting itself");
        out.exception_hosts.push_back(reference{x.by, &host.node(), host.subject()});
        out.series.exceptions.push_back(std::move(x));
    }
}

parsed_meeting parse_meeting(const table_reader& t) {
    t.allow_only({"id", "title", "description", "when", "quarters", "start", "duration", "end", "all_day", "days",
                  "timezone", "confidential", "organizer", "attendees", "categories", "reminder_minutes",
                  "on_holiday", "location", "exceptions", "agenda"});
    parsed_meeting out;
    out.doc = &t.doc();
    out.table = &t.table();
    out.where = t.where();
    schedule::series& s = out.series;

    const auto id = t.require("id");
    s.id = identifier(id);
    out.id_node = &id.node();
    const auto title = t.require("title");
    s.title = title.string();
    if (s.title.empty()) title.fail("must not be empty");
    out.texts.push_back(reference{s.title, &title.node(), title.subject()});
    if (const auto description = t.get("description")) {
        s.description = description->string();
        out.texts.push_back(reference{s.description, &description->node(), description->subject()});
    }

    s.quarters = t.distinct_integers("quarters", 1, 4).value_or(std::vector<int>{1, 2, 3, 4});
    s.when = parse_when(t, out);
    s.days = t.integer("days", 1, 14).value_or(1);
    s.agenda = parse_agenda(t, out);
    parse_times(t, s);
    s.timezone = zone_name(t, "timezone");
    s.confidential = t.boolean("confidential").value_or(false);

    if (const auto organizer = t.get("organizer")) {
        s.organizer = identifier(*organizer);
        out.roles.push_back(reference{s.organizer, &organizer->node(), organizer->subject()});
    }
    if (const auto attendees = t.get("attendees")) {
        const auto& list = attendees->array("a list of role ids or group names such as [\"elt\"]");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const value_reader a{t.doc(), list[i], attendees->subject() + "[" + std::to_string(i + 1) + "]"};
            s.attendees.push_back(identifier(a));
            out.attendees.push_back(reference{s.attendees.back(), &list[i], a.subject()});
        }
    }
    s.categories = t.strings("categories").value_or(std::vector<std::string>{});
    // Four weeks is the longest reminder the common clients accept.
    if (auto reminder = t.integer("reminder_minutes", 0, 4 * 7 * 24 * 60)) s.reminder_minutes = *reminder;
    if (auto shift = t.get("on_holiday")) s.on_holiday = shift->choice(shift_names());
    s.location = parse_location(t);
    parse_exceptions(t, out);
    return out;
}

}  // namespace

std::vector<parsed_meeting> parse_meetings(const table_reader& root) {
    std::vector<parsed_meeting> meetings;
    const auto entries = tables_of(root, "meetings", "[[meetings]]");
    for (std::size_t i = 0; i < entries.size(); ++i)
        meetings.push_back(parse_meeting(table_reader{root.doc(), *entries[i], entry_scope(*entries[i], "meetings", i, "id")}));
    return meetings;
}

}  // namespace cadenced::config::detail
