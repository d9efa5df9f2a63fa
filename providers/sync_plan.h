#pragma once
// The plan of one sync: desired against remote, with nothing written yet.
// Pure: the same inputs give the same plan, which `--dry-run` prints.

#include "providers/sync_model.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cadenced::providers {

enum class action_kind {
    create,  ///< the occurrence has no event yet
    update,  ///< its event exists and is rewritten
    remove,  ///< the event left the schedule (or is a duplicate)
};

struct sync_action {
    action_kind kind;
    /// "new", "changed", "restoring an edit", "restoring a deletion",
    /// "left the schedule", "duplicate".
    std::string reason;
    const desired_event* desired = nullptr;  ///< create, update
    const remote_event* remote = nullptr;    ///< update, remove
};

struct sync_plan {
    std::vector<sync_action> actions;
    std::size_t unchanged = 0;
    std::size_t kept_edits = 0;      ///< edited events left as they are (keep policy)
    std::size_t kept_deletions = 0;  ///< occurrences not re-created (keep policy)
    /// Occurrences whose deletion by a person is to be remembered (keep
    /// policy), so that later syncs, even from a fresh state, skip them.
    std::vector<std::string> newly_deleted_by_people;

    std::size_t count(action_kind kind) const;
};

/// Plans a sync. `deleted_by_people` are occurrences a person deleted
/// earlier under the keep policy.
sync_plan make_plan(const std::vector<desired_event>& desired, const std::vector<remote_event>& remote,
                    const std::set<std::string>& deleted_by_people, human_edit_policy policy);

/// Why the plan must not run without --force: it would delete more than
/// `max_share` of the target's live events. nullopt when it may run.
std::optional<std::string> mass_deletion_problem(const sync_plan& plan, const std::vector<remote_event>& remote,
                                                 double max_share);

}  // namespace cadenced::providers
