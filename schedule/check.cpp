// Consistency checks of a rhythm that need no source positions. config/
// reports the same problems with positions first; these guard rhythms built
// in code and keep generate() from looping or dereferencing nothing.
#include "schedule/schedule.h"

#include <algorithm>
#include <map>
#include <set>

namespace cadenced::schedule {

namespace {

std::string where(const series& s) { return "meeting \"" + s.id + "\": "; }

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The anchor day must exist in every civil month the rule can reach;
// February counts 28 days so that the rule holds in every year.
void check_anchor_day(const rhythm& r, const series& s, const calendar_rule& cal, unsigned day,
                      std::vector<std::string>& problems) {
    using namespace std::chrono;
    if (day < 1) {
        problems.push_back(where(s) + "day must be at least 1");
        return;
    }
    for (int q : s.quarters) {
        for (int k : cal.months_of_quarter) {
            if (q < 1 || q > 4 || k < 1 || k > 3) continue;
            // Only the civil month matters; 2001 is not a leap year, so
            // February counts 28 days.
            const month m = r.fiscal.month_of(fiscal_quarter{2001, q}, k).month();
            const unsigned length = static_cast<unsigned>(year_month_day_last{year{2001}, month_day_last{m}}.day());
            if (day > length) {
                problems.push_back(where(s) + "day " + std::to_string(day) + " does not exist in every month it applies to (month " +
                                   std::to_string(k) + " of Q" + std::to_string(q) + ")");
                return;
            }
        }
    }
}

void check_rule(const rhythm& r, const series& s, std::vector<std::string>& problems) {
    if (const auto* cal = std::get_if<calendar_rule>(&s.when)) {
        if (cal->months_of_quarter.empty()) problems.push_back(where(s) + "no month of the quarter to meet in");
        for (int m : cal->months_of_quarter)
            if (m < 1 || m > 3) problems.push_back(where(s) + "month of quarter must be 1-3, got " + std::to_string(m));
        if (const auto* nth = std::get_if<nth_weekday>(&cal->day); nth && (nth->nth == 0 || nth->nth < -1 || nth->nth > 5))
            problems.push_back(where(s) + "nth must be 1-5 or last, got " + std::to_string(nth->nth));
        if (const auto* near = std::get_if<nearest_weekday>(&cal->day)) check_anchor_day(r, s, *cal, near->day, problems);
    } else if (const auto* rel = std::get_if<relative_rule>(&s.when)) {
        if (rel->to == s.id) problems.push_back(where(s) + "is placed relative to itself");
        else if (!r.find(rel->to)) problems.push_back(where(s) + "is placed relative to unknown meeting \"" + rel->to + "\"");
    }
    for (int q : s.quarters)
        if (q < 1 || q > 4) problems.push_back(where(s) + "quarter must be 1-4, got " + std::to_string(q));
}

void check_exceptions(const rhythm& r, const series& s, std::vector<std::string>& problems) {
    std::set<int> months;
    for (const auto& e : s.exceptions) {
        if (!months.insert(e.month_of_quarter).second)
            problems.push_back(where(s) + "month " + std::to_string(e.month_of_quarter) + " has more than one exception");
        if (e.by == s.id) {
            problems.push_back(where(s) + "cannot be replaced by or folded into itself");
            continue;
        }
        const series* host = r.find(e.by);
        if (!host) {
            problems.push_back(where(s) + "exception names unknown meeting \"" + e.by + "\"");
            continue;
        }
        for (int q : s.quarters)
            if (!contains(host->quarters, q))
                problems.push_back(where(s) + "\"" + host->id + "\" does not meet in Q" + std::to_string(q) +
                                   " to take this meeting's place");
    }
}

// Relative rules must form a forest: follow each chain and look for a repeat.
void check_cycles(const rhythm& r, std::vector<std::string>& problems) {
    for (const auto& s : r.meetings) {
        std::set<std::string> seen{s.id};
        const series* at = &s;
        while (const auto* rel = std::get_if<relative_rule>(&at->when)) {
            const series* next = r.find(rel->to);
            if (!next || next == at) break;
            if (!seen.insert(next->id).second) {
                problems.push_back(where(s) + "relative rules form a cycle through \"" + next->id + "\"");
                break;
            }
            at = next;
        }
    }
}

}  // namespace

std::vector<std::string> check(const rhythm& r) {
    std::vector<std::string> problems;
    std::set<std::string> ids;
    for (const auto& s : r.meetings) {
        if (!ids.insert(s.id).second) problems.push_back(where(s) + "id is used twice");
        if (s.days < 1) problems.push_back(where(s) + "days must be at least 1");
        if (!s.agenda.empty() && s.agenda.size() != 1 && static_cast<int>(s.agenda.size()) != s.days)
            problems.push_back(where(s) + "agenda must have one day or one per day of the block");
        check_rule(r, s, problems);
        check_exceptions(r, s, problems);
    }
    check_cycles(r, problems);
    return problems;
}

}  // namespace cadenced::schedule
