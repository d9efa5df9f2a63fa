#pragma once
// One sync of one target: list, plan, guard, write, remember, report.
// Provider-neutral: the calendar_service does the talking.

#include "providers/calendar_service.h"
#include "providers/sync_plan.h"
#include "providers/sync_state.h"

#include <chrono>
#include <string>
#include <vector>

namespace cadenced::providers {

struct sync_run_settings {
    std::string target;  ///< the [[sync]] name, the state's key
    human_edit_policy policy = human_edit_policy::restore;
    double max_delete_share = 0.2;
    bool dry_run = false;  ///< plan only: no writes, state untouched
    bool force = false;    ///< run even past the mass-deletion guard
};

struct sync_report {
    std::string target;
    bool ok = false;
    bool deferred = false;  ///< stopped by the provider's limits: retried next cycle
    std::string problem;    ///< why it stopped, when !ok
    std::size_t created = 0, updated = 0, deleted = 0, unchanged = 0;
    std::size_t kept_edits = 0, kept_deletions = 0;
    std::vector<std::string> rejected;    ///< "Title (2027-02-02): HTTP 400 ..." per event refused
    std::vector<std::string> plan_lines;  ///< "create 2027-02-02T10:00 Title (new)" per action
    std::size_t requests = 0;             ///< HTTP requests made by this run
    std::size_t writes() const { return created + updated + deleted; }
};

/// Runs one sync. Never throws for provider or state trouble: the report
/// says what happened.
sync_report run_sync(calendar_service& service, const std::vector<desired_event>& desired, sync_state& state,
                     const sync_run_settings& settings, std::chrono::sys_seconds now);

/// A one-line summary for the log and the terminal.
std::string summary_line(const sync_report& r);

}  // namespace cadenced::providers
