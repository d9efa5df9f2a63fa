#include "config/validate.h"

#include "config/suggest.h"
#include "config/vocabulary.h"

#include "schedule/placeholders.h"

#include <algorithm>
#include <map>

namespace cadenced::config::detail {

namespace {

// The lookups every check needs (ids, roles, groups), built once.
class checker {
public:
    checker(const document& user, const schedule::rhythm& r, const std::vector<parsed_meeting>& meetings)
        : user_{user}, rhythm_{r}, meetings_{meetings} {
        for (const auto& m : meetings) ids_.push_back(m.series.id);
        for (const auto& p : r.people) {
            roles_.push_back(p.role);
            for (const auto& g : p.groups)
                if (std::find(groups_.begin(), groups_.end(), g) == groups_.end()) groups_.push_back(g);
        }
    }

    void duplicate_ids() const {
        std::map<std::string_view, std::size_t> first;
        for (std::size_t i = 0; i < meetings_.size(); ++i) {
            const auto& m = meetings_[i];
            if (auto [it, inserted] = first.emplace(m.series.id, i); !inserted)
                fail(m, *m.id_node, m.where.subject("id") + " " + quote(m.series.id) + " is already used by meetings[" +
                                        std::to_string(it->second + 1) + "]");
        }
    }

    void meeting(const parsed_meeting& m) const {
        relative_target(m);
        exception_hosts(m);
        nearest_day(m);
        roles(m);
        placeholders(m);
    }

    void feed(const parsed_feed& f) const {
        const auto* list = f.table->get_as<toml::array>("meetings");
        for (std::size_t i = 0; i < f.feed.meetings.size(); ++i) {
            const auto& id = f.feed.meetings[i];
            if (is_meeting(id)) continue;
            user_.fail(*list->get(i), f.where.subject("meetings[" + std::to_string(i + 1) + "]") +
                                          " names unknown meeting " + quote(id) + did_you_mean(id, ids_));
        }
    }

private:
    [[noreturn]] void fail(const parsed_meeting& m, const toml::node& at, const std::string& message) const {
        m.doc->fail(at, message);
    }

    bool is_meeting(std::string_view id) const { return std::find(ids_.begin(), ids_.end(), id) != ids_.end(); }

    const parsed_meeting* find(std::string_view id) const {
        for (const auto& m : meetings_)
            if (m.series.id == id) return &m;
        return nullptr;
    }

    [[noreturn]] void unknown_meeting(const parsed_meeting& m, const reference& ref) const {
        fail(m, *ref.node, ref.subject + " names unknown meeting " + quote(ref.text) + did_you_mean(ref.text, ids_));
    }

    // The target exists, and following relative rules from it never comes
    // back: a cycle has no date to start from.
    void relative_target(const parsed_meeting& m) const {
        if (!m.relative_to.node) return;
        if (!is_meeting(m.relative_to.text)) unknown_meeting(m, m.relative_to);
        std::vector<std::string> chain{m.series.id};
        const parsed_meeting* at = find(m.relative_to.text);
        while (at) {
            chain.push_back(at->series.id);
            if (at == &m) {
                std::string path;
                for (const auto& id : chain) path += (path.empty() ? "" : " -> ") + id;
                fail(m, *m.relative_to.node, m.relative_to.subject + " makes a cycle of relative rules: " + path +
                                                 "; one of them needs a calendar rule or dates");
            }
            if (!at->relative_to.node || chain.size() > meetings_.size()) break;
            at = find(at->relative_to.text);
        }
    }

    void exception_hosts(const parsed_meeting& m) const {
        for (std::size_t i = 0; i < m.exception_hosts.size(); ++i) {
            const auto& ref = m.exception_hosts[i];
            const parsed_meeting* host = find(ref.text);
            if (!host) unknown_meeting(m, ref);
            // The host must be there in every quarter this meeting gives up a month.
            for (int q : m.series.quarters) {
                const auto& hq = host->series.quarters;
                if (std::find(hq.begin(), hq.end(), q) != hq.end()) continue;
                const bool folded = m.series.exceptions[i].kind == schedule::exception_kind::folded;
                fail(m, *ref.node, ref.subject + " " + quote(ref.text) + " does not meet in Q" + std::to_string(q) +
                                       ", so it cannot " + (folded ? "host this meeting" : "take this meeting's place") +
                                       " there; limit this meeting's quarters or the host's");
            }
        }
    }

    // Day D must exist in every civil month the rule reaches; February
    // counts 28 days so that the rule holds every year.
    void nearest_day(const parsed_meeting& m) const {
        if (!m.nearest_day.node) return;
        const auto& cal = std::get<schedule::calendar_rule>(m.series.when);
        const unsigned day = std::get<schedule::nearest_weekday>(cal.day).day;
        const auto length_of = [](std::chrono::month month) {
            using namespace std::chrono;
            return static_cast<unsigned>(year_month_day_last{year{2001}, month_day_last{month}}.day());  // 2001: no leap day
        };
        std::string problem;
        unsigned shortest = 31;
        for (int q : m.series.quarters) {
            for (int k : cal.months_of_quarter) {
                const auto month = rhythm_.fiscal.month_of(schedule::fiscal_quarter{2001, q}, k).month();
                const unsigned length = length_of(month);
                shortest = std::min(shortest, length);
                if (day > length && problem.empty())
                    problem = " " + std::to_string(day) + " does not exist in " +
                              std::string{month_name(static_cast<unsigned>(month))} + " (month " + std::to_string(k) +
                              " of Q" + std::to_string(q) + ")";
            }
        }
        if (!problem.empty())
            fail(m, *m.nearest_day.node, m.nearest_day.subject + problem + "; use a day every month it reaches has, at most " +
                                             std::to_string(shortest));
    }

    void roles(const parsed_meeting& m) const {
        for (const auto& ref : m.roles) known_role(m, ref, false);
        for (const auto& ref : m.attendees) known_role(m, ref, true);
    }

    void known_role(const parsed_meeting& m, const reference& ref, bool group_allowed) const {
        const auto listed = [&](const std::vector<std::string>& names) {
            return std::find(names.begin(), names.end(), ref.text) != names.end();
        };
        if (listed(roles_) || (group_allowed && listed(groups_))) return;
        if (m.doc != &user_) default_needs_role(m, ref, group_allowed);
        std::vector<std::string_view> known(roles_.begin(), roles_.end());
        if (group_allowed) known.insert(known.end(), groups_.begin(), groups_.end());
        fail(m, *ref.node, ref.subject + " names unknown " + (group_allowed ? "role or group " : "role ") +
                               quote(ref.text) + " (roles are defined in [[people]])" + did_you_mean(ref.text, known));
    }

    // The user replaced [[people]] but kept the default meetings: the message
    // belongs in the user's file, not in the embedded default.
    [[noreturn]] void default_needs_role(const parsed_meeting& m, const reference& ref, bool group_allowed) const {
        const toml::node* people = user_.root().get("people");
        user_.fail(people ? people->source() : user_.root().source(),
                   "[[people]] has no " + std::string{group_allowed ? "role or group " : "role "} + quote(ref.text) +
                       ", which the default meeting " + quote(m.series.id) + " uses; add it, or define your own [[meetings]]");
    }

    void placeholders(const parsed_meeting& m) const {
        const auto exists = [this](std::string_view id) { return is_meeting(id); };
        for (const auto& ref : m.texts)
            if (auto problem = schedule::check_placeholders(ref.text, exists))
                fail(m, *ref.node, ref.subject + ": " + problem->message);
    }

    const document& user_;
    const schedule::rhythm& rhythm_;
    const std::vector<parsed_meeting>& meetings_;
    std::vector<std::string_view> ids_;
    std::vector<std::string> roles_;
    std::vector<std::string> groups_;
};

}  // namespace

void validate(const document& user, const schedule::rhythm& r, const std::vector<parsed_meeting>& meetings,
              const std::vector<parsed_feed>& feeds) {
    const checker check{user, r, meetings};
    check.duplicate_ids();
    for (const auto& m : meetings) check.meeting(m);
    for (const auto& f : feeds) check.feed(f);
}

}  // namespace cadenced::config::detail
