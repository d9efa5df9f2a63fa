#pragma once
// One provider calendar as sync sees it. Google and Microsoft implement it;
// the runner (sync_runner.h) plans and applies changes through it.

#include "providers/sync_model.h"
#include "providers/sync_plan.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cadenced::providers {

class sync_state;

/// A request the provider refused or that kept failing.
class api_error : public std::runtime_error {
public:
    api_error(const std::string& message, long status, std::string reason, bool defer_target)
        : std::runtime_error{message}, status_{status}, reason_{std::move(reason)}, defer_target_{defer_target} {}
    long status() const { return status_; }                  ///< HTTP status, 0 for a transport failure
    const std::string& reason() const { return reason_; }    ///< the provider's error reason or code
    /// Stop syncing this target until the next cycle (quota spent, rate
    /// limited for longer than a sync may wait, retries used up).
    bool defer_target() const { return defer_target_; }

private:
    long status_;
    std::string reason_;
    bool defer_target_;
};

/// One write of a sync: an action of the plan.
struct write_op {
    action_kind kind;
    const desired_event* desired = nullptr;  ///< create, update
    const remote_event* remote = nullptr;    ///< update, remove
};

struct write_outcome {
    bool done = false;
    std::string remote_id;  ///< of the event written (create, update)
    std::string error;      ///< why the provider refused it, when !done
};

struct apply_result {
    /// One per op, in order. An op never attempted (the run stopped first)
    /// is neither done nor has an error.
    std::vector<write_outcome> outcomes;
    /// Set when the target must stop (quota, limits, retries used up).
    std::optional<api_error> stopped;
};

class calendar_service {
public:
    virtual ~calendar_service() = default;
    /// Every event cadenced created on the calendar that ends after the
    /// horizon's start, deleted ones included where the provider keeps them.
    /// A listing that fails or is cut short throws: it is never taken for
    /// an empty calendar.
    virtual std::vector<remote_event> list_managed() = 0;
    /// Applies the writes (creates, updates that also revive deleted
    /// events, deletions), batched where the provider can.
    virtual apply_result apply(const std::vector<write_op>& ops) = 0;
    /// HTTP requests made so far (token requests included).
    virtual std::size_t requests_made() const = 0;
    /// Keep the listing in `state` under `target`, so that later syncs ask
    /// the provider only for what changed since; without it every listing
    /// is a full one.
    virtual void remember_listings(sync_state& state, std::string target) = 0;
    /// Whether a deleted event is still listed (as cancelled). Where it is
    /// not, an event cadenced wrote that is missing from the listing was
    /// deleted by someone.
    virtual bool keeps_deleted_events() const { return true; }
};

}  // namespace cadenced::providers
