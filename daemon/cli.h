#pragma once
// The command line: `cadenced --export`, `--list`, `--check-config`, ...
// run_cli is main() without the process: tests call it in-process with their
// own streams, environment and clock.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace cadenced::cli {

/// Exit codes, from sysexits.h.
enum exit_code : int {
    exit_ok = 0,
    exit_usage = 64,   ///< EX_USAGE: bad options
    exit_unavailable = 69,  ///< EX_UNAVAILABLE: a sync target failed
    exit_io = 74,      ///< EX_IOERR: cannot write the output
    exit_tempfail = 75,  ///< EX_TEMPFAIL: a sync target was deferred (provider limits)
    exit_config = 78,  ///< EX_CONFIG: the config is unusable
};

/// What the process gets from outside, injected for tests.
struct environment {
    std::function<std::optional<std::string>(const std::string&)> getenv;
    std::function<std::chrono::sys_seconds()> now;
    std::string default_config_path = "/etc/cadenced/cadenced.toml";

    static environment from_process();
};

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const environment& env);

}  // namespace cadenced::cli
