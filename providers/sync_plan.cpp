#include "providers/sync_plan.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cadenced::providers {

std::size_t sync_plan::count(action_kind kind) const {
    return static_cast<std::size_t>(
        std::count_if(actions.begin(), actions.end(), [&](const sync_action& a) { return a.kind == kind; }));
}

sync_plan make_plan(const std::vector<desired_event>& desired, const std::vector<remote_event>& remote,
                    const std::set<std::string>& deleted_by_people, human_edit_policy policy) {
    sync_plan plan;
    // The live event of each uid (the first one listed), its cancelled one,
    // and the live duplicates, which only a crash between a create and its
    // record can leave behind on providers without client-chosen ids.
    std::map<std::string, const remote_event*> live, cancelled;
    std::vector<const remote_event*> duplicates;
    for (const auto& r : remote) {
        if (r.cancelled) {
            cancelled.emplace(r.uid, &r);
        } else if (!live.emplace(r.uid, &r).second) {
            duplicates.push_back(&r);
        }
    }

    std::set<std::string> wanted;
    for (const auto& d : desired) {
        wanted.insert(d.uid);
        if (const auto it = live.find(d.uid); it != live.end()) {
            const remote_event& r = *it->second;
            if (r.content_hash != d.content_hash) {
                plan.actions.push_back({action_kind::update, "changed", &d, &r});
            } else if (r.edited_by_someone && policy == human_edit_policy::restore) {
                plan.actions.push_back({action_kind::update, "restoring an edit", &d, &r});
            } else if (r.edited_by_someone) {
                ++plan.kept_edits;
            } else {
                ++plan.unchanged;
            }
            continue;
        }
        const bool deleted_before = deleted_by_people.count(d.uid) > 0;
        const auto gone = cancelled.find(d.uid);
        if (policy == human_edit_policy::keep && (deleted_before || gone != cancelled.end())) {
            ++plan.kept_deletions;
            if (!deleted_before) plan.newly_deleted_by_people.push_back(d.uid);
            continue;
        }
        if (gone != cancelled.end()) {
            plan.actions.push_back({action_kind::update, "restoring a deletion", &d, gone->second});
        } else {
            plan.actions.push_back({action_kind::create, "new", &d, nullptr});
        }
    }
    for (const auto& [uid, r] : live)
        if (!wanted.count(uid)) plan.actions.push_back({action_kind::remove, "left the schedule", nullptr, r});
    for (const auto* r : duplicates) plan.actions.push_back({action_kind::remove, "duplicate", nullptr, r});
    return plan;
}

std::optional<std::string> mass_deletion_problem(const sync_plan& plan, const std::vector<remote_event>& remote,
                                                 double max_share) {
    const auto live = static_cast<std::size_t>(
        std::count_if(remote.begin(), remote.end(), [](const remote_event& r) { return !r.cancelled; }));
    const std::size_t deletions = plan.count(action_kind::remove);
    if (deletions == 0 || live == 0) return std::nullopt;
    const auto allowed = static_cast<std::size_t>(std::floor(max_share * static_cast<double>(live)));
    if (deletions <= allowed) return std::nullopt;
    return "the sync would delete " + std::to_string(deletions) + " of " + std::to_string(live) +
           " events, more than the allowed share of " + std::to_string(static_cast<int>(std::lround(max_share * 100))) +
           "%; check the config and run `cadenced --sync --force` if that is intended";
}

}  // namespace cadenced::providers
