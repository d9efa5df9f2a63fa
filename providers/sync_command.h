#pragma once
// A [[sync]] target from the config, synced: the wiring from config and
// schedule to a provider client and the runner.

#include "config/config.h"
#include "providers/google_auth.h"
#include "providers/http_client.h"
#include "providers/retry.h"
#include "providers/sync_runner.h"
#include "providers/sync_state.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

namespace cadenced::providers {

struct sync_command_options {
    bool dry_run = false;
    bool force = false;
    retry_policy retries;
    /// When it turns true the sync stops soon: requests are aborted and
    /// backoff waits cut short (the daemon shutting down).
    const std::atomic<bool>* cancel = nullptr;
};

/// What the daemon keeps of a target between its syncs: the HTTP session
/// (its connection) and the access token, renewed only when it is about to
/// expire, so that a sync with nothing to do is one listing request. Made
/// afresh when the config changes or a sync fails.
class target_session {
public:
    /// `state_dir` holds a Microsoft target's refresh token (delegated access).
    target_session(const config::sync_target& target, const std::filesystem::path& state_dir,
                   const std::atomic<bool>* cancel);
    http_client& http() { return http_; }
    access_token_source& tokens() { return *tokens_; }

private:
    http_client http_;
    std::unique_ptr<access_token_source> tokens_;
};

/// Where a Microsoft target's refresh token (delegated access) is kept.
std::filesystem::path refresh_token_file(const std::filesystem::path& state_dir, const std::string& target);

/// Syncs `target` with the occurrences of its feed in `range`, through
/// `session` when given (else a session for this run). Never throws for
/// provider, credential or state trouble: the report says.
sync_report sync_target(const config::config& cfg, const config::sync_target& target,
                        const std::vector<schedule::occurrence>& feed_events, std::chrono::sys_seconds horizon_start,
                        sync_state& state, const std::filesystem::path& state_dir, const sync_command_options& options,
                        std::chrono::sys_seconds now, target_session* session = nullptr);

}  // namespace cadenced::providers
