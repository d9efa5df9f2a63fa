#pragma once
// Where the daemon keeps its state.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace cadenced::runtime {

/// --state-dir if given; else systemd's $STATE_DIRECTORY (its first entry);
/// else /var/lib/cadenced when running as root; else
/// $XDG_STATE_HOME/cadenced or ~/.local/state/cadenced.
std::filesystem::path choose_state_dir(const std::optional<std::string>& given,
                                       const std::function<std::optional<std::string>(const std::string&)>& getenv,
                                       bool is_root);

/// Creates `dir` (and parents) with mode 0700 if missing. Throws
/// std::runtime_error("cannot create state directory DIR: reason").
void ensure_state_dir(const std::filesystem::path& dir);

}  // namespace cadenced::runtime
