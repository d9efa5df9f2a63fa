#include "config/settings.h"

#include "config/suggest.h"
#include "config/vocabulary.h"

namespace cadenced::config::detail {

namespace {

// 1-12, or a month's name in full or by its first three letters.
std::chrono::month start_month(const value_reader& value) {
    if (value.node().is_integer()) return std::chrono::month{static_cast<unsigned>(value.integer(1, 12))};
    const std::string expected = "1-12 or a month name such as \"february\"";
    if (!value.node().is_string()) value.wrong_type(expected);
    const std::string text = value.string();
    std::vector<std::string_view> names;
    for (unsigned m = 1; m <= 12; ++m) {
        const std::string_view name = month_name(m);
        if (same_name(text, name) || same_name(text, name.substr(0, 3))) return std::chrono::month{m};
        names.push_back(name);
    }
    value.fail("must be " + expected + ", got " + quote(text) + did_you_mean(text, names));
}

bool is_host_name(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.' || s.front() == '-') return false;
    return s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") ==
           std::string_view::npos;
}

schedule::holiday parse_holiday(const table_reader& t) {
    t.allow_only({"date", "from", "to", "name"});
    schedule::holiday h;
    h.name = t.require("name").string();
    if (auto date = t.get("date")) {
        for (std::string_view other : {"from", "to"})
            if (t.has(other)) t.fail(other, "cannot be used together with date; give either date or from and to");
        h.first = h.last = date->date();
        return h;
    }
    if (!t.has("from") && !t.has("to"))
        t.fail_here("needs either date = YYYY-MM-DD or from = YYYY-MM-DD and to = YYYY-MM-DD");
    h.first = t.require("from").date();
    h.last = t.require("to").date();
    if (h.first > h.last)
        t.fail("from", iso_date(h.first) + " is after to " + iso_date(h.last) + "; a period runs from its first to its last day");
    return h;
}

}  // namespace

schedule::fiscal_calendar parse_fiscal_year(const table_reader& root) {
    schedule::fiscal_calendar fallback;
    const auto t = sub_table(root, "fiscal_year");
    if (!t) return fallback;
    t->allow_only({"start_month", "label"});
    const auto month = t->get("start_month");
    const auto label = t->get("label");
    return schedule::fiscal_calendar{month ? start_month(*month) : fallback.start_month(),
                                     label ? label->choice(fiscal_label_names()) : fallback.label()};
}

calendar_settings parse_calendar(const table_reader& root) {
    calendar_settings c;
    const auto t = sub_table(root, "calendar");
    if (!t) return c;
    t->allow_only({"name", "description", "refresh_minutes", "uid_domain"});
    if (auto name = t->string("name")) {
        if (name->empty()) t->fail("name", "must not be empty");
        c.name = *name;
    }
    if (auto description = t->string("description")) c.description = *description;
    // Clients ignore refresh intervals below a quarter of an hour, and a
    // week is the longest that still lets edits reach people in time.
    if (auto minutes = t->integer("refresh_minutes", 15, 7 * 24 * 60)) c.refresh_interval = std::chrono::minutes{*minutes};
    if (auto domain = t->string("uid_domain")) {
        if (!is_host_name(*domain))
            t->fail("uid_domain", "must look like a host name (letters, digits, \"-\" and \".\"), got " + quote(*domain));
        c.uid_domain = *domain;
    }
    return c;
}

void parse_holidays(const table_reader& root, schedule::rhythm& r) {
    const auto t = sub_table(root, "holidays");
    if (!t) return;
    t->allow_only({"shift", "work_week", "dates"});
    if (auto shift = t->get("shift")) r.default_shift = shift->choice(shift_names());
    if (auto days = t->get("work_week")) {
        const auto& list = days->array("a list of weekday names such as [\"monday\", \"tuesday\"]");
        if (list.empty()) days->fail("must name at least one working day");
        r.work_week.fill(false);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const value_reader day{t->doc(), list[i], days->subject() + "[" + std::to_string(i + 1) + "]"};
            const unsigned index = day.weekday().c_encoding();
            if (r.work_week[index]) t->doc().fail(list[i], days->subject() + " lists " + quote(day.string()) + " twice");
            r.work_week[index] = true;
        }
    }
    const auto dates = tables_of(*t, "dates", "{ date = 2027-12-25, name = \"Christmas Day\" }");
    for (std::size_t i = 0; i < dates.size(); ++i)
        r.holidays.push_back(parse_holiday(table_reader{t->doc(), *dates[i], t->where().child("dates[" + std::to_string(i + 1) + "]")}));
}

}  // namespace cadenced::config::detail
