#include "schedule/day_rules.h"

namespace cadenced::schedule {

using namespace std::chrono;

namespace {

// A shift looks at most this far for a free day; a rhythm whose holidays
// block a whole year is a config mistake, and the occurrence is dropped.
constexpr int max_shift_days = 366;

struct pick_visitor {
    year_month ym;

    std::optional<year_month_day> operator()(const nth_weekday& r) const {
        if (r.nth == -1) return year_month_day{sys_days{ym / r.weekday[std::chrono::last]}};
        const year_month_weekday ymw = ym / r.weekday[static_cast<unsigned>(r.nth)];
        if (!ymw.ok()) return std::nullopt;  // no 5th one this month
        return year_month_day{sys_days{ymw}};
    }

    std::optional<year_month_day> operator()(const nearest_weekday& r) const {
        const sys_days target{ym / day{r.day}};
        const weekday wd{target};
        // Distance forward to the weekday is 0-6; nearest is within 3 either
        // way, so move back when forward is 4 or more.
        int forward = static_cast<int>((r.weekday - wd).count());
        if (forward > 3) forward -= 7;
        return year_month_day{target + days{forward}};
    }
};

}  // namespace

std::optional<year_month_day> pick_day(year_month ym, const std::variant<nth_weekday, nearest_weekday>& rule) {
    return std::visit(pick_visitor{ym}, rule);
}

working_calendar::working_calendar(const rhythm& r) : rhythm_{r} {}

bool working_calendar::is_holiday(local_days d) const {
    const year_month_day ymd{d};
    for (const auto& h : rhythm_.holidays)
        if (ymd >= h.first && ymd <= h.last) return true;
    return false;
}

std::string working_calendar::holiday_name(local_days d) const {
    const year_month_day ymd{d};
    for (const auto& h : rhythm_.holidays)
        if (ymd >= h.first && ymd <= h.last) return h.name;
    return {};
}

bool working_calendar::is_working_day(local_days d) const {
    return rhythm_.work_week[weekday{d}.c_encoding()] && !is_holiday(d);
}

bool working_calendar::block_has_holiday(local_days first, int n) const {
    for (int i = 0; i < n; ++i)
        if (is_holiday(first + days{i})) return true;
    return false;
}

bool working_calendar::block_fits(local_days candidate, local_days original, int n) const {
    if (block_has_holiday(candidate, n)) return false;
    if (n == 1) return is_working_day(candidate);
    for (int i = 0; i < n; ++i) {
        const bool was_working = rhythm_.work_week[weekday{original + days{i}}.c_encoding()];
        const bool is_working = rhythm_.work_week[weekday{candidate + days{i}}.c_encoding()];
        if (was_working != is_working) return false;
    }
    return true;
}

std::optional<local_days> working_calendar::shift(local_days first, int n, shift_rule rule) const {
    if (rule == shift_rule::keep || !block_has_holiday(first, n)) return first;
    if (rule == shift_rule::skip) return std::nullopt;
    const days step = rule == shift_rule::previous_working_day ? days{-1}
                      : rule == shift_rule::next_week          ? days{7}
                                                               : days{1};
    local_days candidate = first;
    for (int tries = 0; tries < max_shift_days; ++tries) {
        candidate += step;
        if (rule == shift_rule::next_week ? !block_has_holiday(candidate, n) : block_fits(candidate, first, n))
            return candidate;
    }
    return std::nullopt;
}

local_days working_calendar::step(local_days anchor,
                                  const std::variant<day_offset, weekday_step, working_day_step>& s) const {
    if (const auto* off = std::get_if<day_offset>(&s)) return anchor + days{off->days};
    if (const auto* ws = std::get_if<weekday_step>(&s)) {
        const weekday from{anchor};
        if (ws->after) {
            int forward = static_cast<int>((ws->weekday - from).count());
            if (forward == 0) forward = 7;  // strictly after
            return anchor + days{forward};
        }
        int back = static_cast<int>((from - ws->weekday).count());
        if (back == 0) back = 7;  // strictly before
        return anchor - days{back};
    }
    const auto& wd = std::get<working_day_step>(s);
    const days dir{wd.n >= 0 ? 1 : -1};
    int remaining = wd.n >= 0 ? wd.n : -wd.n;
    local_days d = anchor;
    for (int guard = 0; remaining > 0 && guard < max_shift_days; ++guard) {
        d += dir;
        if (is_working_day(d)) --remaining;
    }
    return d;
}

}  // namespace cadenced::schedule
