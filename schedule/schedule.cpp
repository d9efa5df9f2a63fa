// Generation in three passes:
//  1. plan: every series, in dependency order, gets its blocks (one per
//     meeting; a multi-day meeting is one block) over a window wider than the
//     requested range, so that relative meetings and {next:ID} see anchors
//     outside it; exceptions and holiday shifts are applied here;
//  2. remarks of replaced and folded meetings are handed to their hosts;
//  3. blocks inside the range become occurrences, one per day.
#include "schedule/schedule.h"

#include "schedule/day_rules.h"
#include "schedule/placeholders.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <map>
#include <set>
#include <thread>

namespace cadenced::schedule {

using namespace std::chrono;

namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

/// One meeting of a series before it is split into days.
struct block {
    fiscal_quarter quarter;
    int month_of_quarter = 1;
    local_days first;
    std::optional<local_days> anchor;  ///< for relative series
    std::string key;                   ///< UID stem after the series id
    std::vector<remark> remarks;
};

struct pending_remark {
    std::string host;
    fiscal_quarter quarter;
    remark note;
};

// Series in an order where every relative series comes after its anchor.
std::vector<const series*> dependency_order(const rhythm& r) {
    std::vector<const series*> ordered;
    std::set<std::string> placed;
    while (ordered.size() < r.meetings.size()) {
        const auto before = ordered.size();
        for (const auto& s : r.meetings) {
            if (placed.count(s.id)) continue;
            const auto* rel = std::get_if<relative_rule>(&s.when);
            if (rel && !placed.count(rel->to)) continue;
            ordered.push_back(&s);
            placed.insert(s.id);
        }
        if (ordered.size() == before) throw rhythm_error("relative rules form a cycle");
    }
    return ordered;
}

class planner {
public:
    planner(const rhythm& r, fiscal_quarter first, fiscal_quarter last)
        : rhythm_{r}, calendar_{r}, first_{first}, last_{last} {}

    void plan(const series& s) {
        auto& out = blocks_[s.id];
        if (const auto* cal = std::get_if<calendar_rule>(&s.when)) plan_calendar(s, *cal, out);
        else if (const auto* dates = std::get_if<dates_rule>(&s.when)) plan_dates(s, *dates, out);
        else plan_relative(s, std::get<relative_rule>(s.when), out);
    }

    void hand_over_remarks() {
        for (auto& p : pending_) {
            auto& host_blocks = blocks_[p.host];
            auto it = std::find_if(host_blocks.begin(), host_blocks.end(),
                                   [&](const block& b) { return b.quarter == p.quarter; });
            if (it != host_blocks.end()) it->remarks.push_back(std::move(p.note));
        }
        pending_.clear();
    }

    const std::map<std::string, std::vector<block>>& blocks() const { return blocks_; }

private:
    shift_rule shift_of(const series& s) const { return s.on_holiday.value_or(rhythm_.default_shift); }

    // Applies the holiday shift to a planned block; false when it is skipped.
    bool place(const series& s, block& b) {
        const auto moved = calendar_.shift(b.first, s.days, shift_of(s));
        if (!moved) return false;
        if (*moved != b.first) {
            std::string why = calendar_.holiday_name(b.first);
            for (int i = 1; why.empty() && i < s.days; ++i) why = calendar_.holiday_name(b.first + days{i});
            b.remarks.push_back({remark_kind::moved, s.id,
                                 "Moved from " + long_date(year_month_day{b.first}) + (why.empty() ? "" : " (" + why + ")") + "."});
            b.first = *moved;
        }
        return true;
    }

    void plan_calendar(const series& s, const calendar_rule& cal, std::vector<block>& out) {
        const bool several_per_quarter = cal.months_of_quarter.size() > 1;
        for (fiscal_quarter q = first_; q <= last_; q = fiscal_calendar::next(q)) {
            if (!contains(s.quarters, q.quarter)) continue;
            for (int k : cal.months_of_quarter) {
                const year_month ym = rhythm_.fiscal.month_of(q, k);
                const auto picked = pick_day(ym, cal.day);
                if (!picked) continue;
                if (hand_over_exception(s, q, k, ym)) continue;
                block b{q, k, local_days{sys_days{*picked}.time_since_epoch()}, std::nullopt,
                        q.year_name() + "-" + q.quarter_name() + (several_per_quarter ? "-M" + std::to_string(k) : ""), {}};
                if (place(s, b)) out.push_back(std::move(b));
            }
        }
    }

    // Records the remark for the meeting that replaces or hosts month k;
    // true when the series does not meet on its own that month.
    bool hand_over_exception(const series& s, fiscal_quarter q, int k, year_month ym) {
        for (const auto& e : s.exceptions) {
            if (e.month_of_quarter != k) continue;
            const std::string what = s.title.empty() ? s.id : expand(s.title, placeholder_context{q, 1, 1, {}, {}});
            if (e.kind == exception_kind::replaced)
                pending_.push_back({e.by, q, {remark_kind::replaces, s.id, "Takes the place of the " + what + " of " + month_and_year(ym) + "."}});
            else
                pending_.push_back({e.by, q, {remark_kind::folded_in, s.id, "Covers the " + what + " of " + month_and_year(ym) + ", folded into this meeting."}});
            return true;
        }
        return false;
    }

    void plan_dates(const series& s, const dates_rule& rule, std::vector<block>& out) {
        const auto window_first = rhythm_.fiscal.first_day(first_);
        const auto window_last = rhythm_.fiscal.last_day(last_);
        for (const auto& d : rule.dates) {
            if (d < window_first || d > window_last) continue;
            const fiscal_quarter q = rhythm_.fiscal.quarter_of(d);
            if (!contains(s.quarters, q.quarter)) continue;
            char stem[16];
            std::snprintf(stem, sizeof stem, "D%04d%02u%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                          static_cast<unsigned>(d.day()));
            block b{q, rhythm_.fiscal.month_of_quarter(d.year() / d.month()), local_days{sys_days{d}.time_since_epoch()},
                    std::nullopt, stem, {}};
            if (place(s, b)) out.push_back(std::move(b));
        }
    }

    void plan_relative(const series& s, const relative_rule& rule, std::vector<block>& out) {
        const series& anchor_series = *rhythm_.find(rule.to);
        for (const block& a : blocks_[rule.to]) {
            if (!contains(s.quarters, a.quarter.quarter)) continue;
            const local_days anchor = rule.edge == anchor_edge::end ? a.first + days{anchor_series.days - 1} : a.first;
            block b{a.quarter, a.month_of_quarter, calendar_.step(anchor, rule.step), anchor, a.key, {}};
            if (place(s, b)) out.push_back(std::move(b));
        }
    }

    const rhythm& rhythm_;
    working_calendar calendar_;
    fiscal_quarter first_;
    fiscal_quarter last_;
    std::map<std::string, std::vector<block>> blocks_;
    std::vector<pending_remark> pending_;
};

// Turns planned blocks into occurrences: texts expanded, agenda timed,
// people resolved.
class materializer {
public:
    materializer(const rhythm& r, const std::map<std::string, std::vector<block>>& blocks)
        : rhythm_{r}, blocks_{blocks} {
        for (const auto& [id, list] : blocks) {
            auto& dates = start_dates_[id];
            for (const auto& b : list) dates.push_back(b.first);
            std::sort(dates.begin(), dates.end());
        }
    }

    void add(const series& s, const block& b, date_range range, std::vector<occurrence>& out) const {
        for (int i = 0; i < s.days; ++i) {
            const local_days day = b.first + days{i};
            const year_month_day ymd{day};
            if (ymd < range.from || ymd > range.to) continue;
            out.push_back(make(s, b, i + 1, day));
        }
    }

private:
    std::optional<year_month_day> next_date(std::string_view id, local_days after) const {
        auto it = start_dates_.find(std::string{id});
        if (it == start_dates_.end()) return std::nullopt;
        auto next = std::upper_bound(it->second.begin(), it->second.end(), after);
        if (next == it->second.end()) return std::nullopt;
        return year_month_day{*next};
    }

    std::string owner_title(const std::string& role) const {
        if (role.empty()) return {};
        const person* p = rhythm_.find_person(role);
        return p && !p->title.empty() ? p->title : role;
    }

    std::vector<person> people_named(const std::vector<std::string>& names) const {
        std::vector<person> found;
        if (names.empty()) return found;
        found.reserve(rhythm_.people.size());
        auto add = [&](const person& p) {
            if (std::none_of(found.begin(), found.end(), [&](const person& f) { return f.role == p.role; }))
                found.push_back(p);
        };
        for (const auto& name : names)
            for (const auto& p : rhythm_.people)
                if (p.role == name || contains_str(p.groups, name)) add(p);
        return found;
    }

    static bool contains_str(const std::vector<std::string>& v, const std::string& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    }

    timed_agenda agenda_for(const series& s, int day_index, local_seconds start, const placeholder_context& ctx) const {
        timed_agenda out;
        if (s.agenda.empty()) return out;
        const agenda_day& day = s.agenda.size() == 1 ? s.agenda.front() : s.agenda[static_cast<std::size_t>(day_index - 1)];
        out.title = expand(day.title, ctx);
        out.items.reserve(day.items.size());
        local_seconds clock = start;
        for (const auto& item : day.items) {
            if (!item.quarters.empty() && !contains(item.quarters, ctx.quarter.quarter)) continue;
            timed_item t{expand(item.title, ctx), owner_title(item.owner), std::nullopt, std::nullopt, {}};
            if (item.duration.count() > 0 && !s.all_day) {
                t.start = clock;
                clock += item.duration;
                t.end = clock;
            }
            t.notes.reserve(item.notes.size());
            for (const auto& note : item.notes) t.notes.push_back(expand(note, ctx));
            out.items.push_back(std::move(t));
        }
        return out;
    }

    minutes duration_of(const series& s, int day_index, fiscal_quarter q) const {
        if (s.duration) return *s.duration;
        minutes total{0};
        if (!s.agenda.empty()) {
            const agenda_day& day = s.agenda.size() == 1 ? s.agenda.front() : s.agenda[static_cast<std::size_t>(day_index - 1)];
            for (const auto& item : day.items)
                if (item.quarters.empty() || contains(item.quarters, q.quarter)) total += item.duration;
        }
        return total.count() > 0 ? total : minutes{60};
    }

    std::string location_of(const series& s, fiscal_quarter q) const {
        const auto& loc = s.location;
        if (!loc.travel.empty() || !loc.local.empty())
            return contains(loc.travel_quarters, q.quarter) ? loc.travel : loc.local;
        return loc.fixed;
    }

    occurrence make(const series& s, const block& b, int day_index, local_days day) const {
        placeholder_context ctx{b.quarter, day_index, s.days,
                                b.anchor ? std::optional<year_month_day>{year_month_day{*b.anchor}} : std::nullopt,
                                [this, day](std::string_view id) { return next_date(id, day); }};
        occurrence o;
        o.uid = s.id + "-" + b.key + (s.days > 1 ? "-D" + std::to_string(day_index) : "") + "@" + rhythm_.uid_domain;
        o.meeting_id = s.id;
        o.quarter = b.quarter;
        o.month_of_quarter = b.month_of_quarter;
        o.title = expand(s.title, ctx);
        o.description = expand(s.description, ctx);
        o.location = expand(location_of(s, b.quarter), ctx);
        o.timezone = s.timezone.value_or(rhythm_.timezone);
        o.all_day = s.all_day;
        o.date = day;
        o.day_index = day_index;
        o.day_count = s.days;
        if (s.all_day) {
            o.start = local_seconds{day.time_since_epoch()};
            o.end = local_seconds{(day + days{1}).time_since_epoch()};
        } else {
            o.start = local_seconds{day.time_since_epoch()} + s.start_time;
            o.end = o.start + duration_of(s, day_index, b.quarter);
        }
        o.agenda = agenda_for(s, day_index, o.start, ctx);
        // Moves concern every day of a block; hosted meetings are listed on
        // its last day, where the wrap-up happens.
        for (const auto& r : b.remarks)
            if (r.kind == remark_kind::moved || day_index == s.days) o.remarks.push_back(r);
        o.confidential = s.confidential;
        if (!s.organizer.empty())
            if (const person* p = rhythm_.find_person(s.organizer)) o.organizer = *p;
        o.attendees = people_named(s.attendees);
        o.categories = s.categories;
        o.reminder_minutes = s.reminder_minutes;
        return o;
    }

    const rhythm& rhythm_;
    const std::map<std::string, std::vector<block>>& blocks_;
    std::map<std::string, std::vector<local_days>> start_dates_;
};

// Occurrences of every (series, block) in `work`, in that order. Each is
// independent of the others, so a long range is made in two halves on two
// cores and the halves joined: the same result as one pass.
std::vector<occurrence> materialize_all(const materializer& make,
                                        const std::vector<std::pair<const series*, const block*>>& work,
                                        date_range range) {
    // Below this many blocks (a few years of a rhythm) a thread costs more
    // than it saves.
    constexpr std::size_t min_blocks_to_split = 1000;
    std::vector<occurrence> first_half;
    // Room for every day of every block, so that no occurrence is moved to
    // grow the vector.
    auto make_range = [&](std::size_t from, std::size_t to, std::vector<occurrence>& out) {
        std::size_t days = 0;
        for (std::size_t i = from; i < to; ++i) days += static_cast<std::size_t>(std::max(1, work[i].first->days));
        out.reserve(days);
        for (std::size_t i = from; i < to; ++i) make.add(*work[i].first, *work[i].second, range, out);
    };
    if (work.size() < min_blocks_to_split || std::thread::hardware_concurrency() < 2) {
        make_range(0, work.size(), first_half);
        return first_half;
    }
    const std::size_t middle = work.size() / 2;
    std::vector<occurrence> second_half;
    std::exception_ptr failure;
    std::thread helper{[&] {
        try {
            make_range(middle, work.size(), second_half);
        } catch (...) {
            failure = std::current_exception();
        }
    }};
    try {
        make_range(0, middle, first_half);
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failure) std::rethrow_exception(failure);
    first_half.reserve(first_half.size() + second_half.size());
    std::move(second_half.begin(), second_half.end(), std::back_inserter(first_half));
    return first_half;
}

}  // namespace

std::vector<occurrence> generate(const rhythm& r, date_range range) {
    if (const auto problems = check(r); !problems.empty()) throw rhythm_error(problems.front());
    if (range.to < range.from) return {};

    // Two quarters either side: relative meetings may sit in the quarter
    // before their anchor, and {next:ID} looks past the range's end.
    fiscal_quarter first = r.fiscal.quarter_of(range.from);
    fiscal_quarter last = r.fiscal.quarter_of(range.to);
    for (int i = 0; i < 2; ++i) {
        first = fiscal_calendar::previous(first);
        last = fiscal_calendar::next(last);
    }

    const auto order = dependency_order(r);
    planner plan{r, first, last};
    for (const series* s : order) plan.plan(*s);
    plan.hand_over_remarks();

    const materializer make{r, plan.blocks()};
    std::vector<std::pair<const series*, const block*>> work;
    for (const auto& s : r.meetings) {
        auto it = plan.blocks().find(s.id);
        if (it == plan.blocks().end()) continue;
        for (const auto& b : it->second) work.emplace_back(&s, &b);
    }
    std::vector<occurrence> out = materialize_all(make, work, range);
    // Occurrences were added series by series, so a stable sort on start
    // keeps the rhythm's series order among meetings starting together.
    // Indices are sorted rather than the occurrences themselves, which are
    // large: each is then moved once.
    std::vector<std::size_t> order_by_start(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) order_by_start[i] = i;
    std::stable_sort(order_by_start.begin(), order_by_start.end(),
                     [&](std::size_t a, std::size_t b) { return out[a].start < out[b].start; });
    std::vector<occurrence> sorted;
    sorted.reserve(out.size());
    for (std::size_t i : order_by_start) sorted.push_back(std::move(out[i]));
    return sorted;
}

date_range default_range(const fiscal_calendar& fiscal, year_month_day today) {
    const int fy = fiscal.fiscal_year_of(today.year() / today.month());
    return {fiscal.first_day(fy), fiscal.last_day(fy + 1)};
}

}  // namespace cadenced::schedule
