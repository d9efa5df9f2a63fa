#pragma once
// The daemon: loads the config, keeps the snapshot current (config reloads
// on SIGHUP or when the file changes, date roll-over), serves it over HTTP,
// and talks to systemd. Runs in the foreground until SIGTERM or SIGINT.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace cadenced::runtime {

struct daemon_options {
    std::optional<std::string> config_path;  ///< --config
    std::string default_config_path = "/etc/cadenced/cadenced.toml";
    std::optional<std::string> listen;       ///< --listen ADDR:PORT, over [server] listen
    std::optional<std::string> state_dir;    ///< --state-dir
    std::string log_level = "info";
    std::function<std::optional<std::string>(const std::string&)> getenv;
};

/// Runs the daemon; returns the process exit code (0 after a clean stop,
/// 78 for an unusable config at start, 74 when the state or the listening
/// socket cannot be set up).
int run_daemon(const daemon_options& options);

}  // namespace cadenced::runtime
