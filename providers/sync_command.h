#pragma once
// A [[sync]] target from the config, synced: the wiring from config and
// schedule to a provider client and the runner.

#include "config/config.h"
#include "providers/retry.h"
#include "providers/sync_runner.h"
#include "providers/sync_state.h"

#include <atomic>
#include <chrono>
#include <filesystem>
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

/// Syncs `target` with the occurrences of its feed in `range`. Never throws
/// for provider, credential or state trouble: the report says.
sync_report sync_target(const config::config& cfg, const config::sync_target& target,
                        const std::vector<schedule::occurrence>& feed_events, std::chrono::sys_seconds horizon_start,
                        sync_state& state, const sync_command_options& options, std::chrono::sys_seconds now);

/// The credentials file of a target: a relative path is a systemd
/// credential when $CREDENTIALS_DIRECTORY is set.
std::filesystem::path credentials_path(const std::string& configured);

}  // namespace cadenced::providers
