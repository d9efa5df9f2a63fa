#pragma once
// Parsed command-line options, before any config is read.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace cadenced::cli {

/// What to do; with no action flag cadenced runs as the daemon.
enum class action { daemon, help, version, export_ics, list, check_config, print_default_config, sync, auth };

struct options {
    action what = action::daemon;
    std::optional<std::string> config_path;
    std::string feed = "all";
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;
    std::optional<std::string> output_path;
    std::optional<std::chrono::sys_seconds> now;
    std::optional<std::string> listen;     ///< daemon: ADDR:PORT
    std::optional<std::string> state_dir;  ///< daemon, sync
    std::optional<std::string> target;     ///< sync: only this target; auth: the target to sign in for
    std::string auth_provider;             ///< auth: "microsoft"
    bool dry_run = false;                  ///< sync
    bool force = false;                    ///< sync
    std::string log_level = "info";        ///< daemon
    std::string help_text;  ///< for --help only; empty otherwise
};

/// Bad options; what() is the one-line message.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

options parse_options(int argc, const char* const* argv);

/// "2027-02-01" -> date; nullopt unless it is a real date in that form.
std::optional<std::chrono::year_month_day> parse_date(const std::string& text);

/// "2027-02-01T09:30:00Z", "2027-02-01" (midnight UTC) or "@1801000000".
std::optional<std::chrono::sys_seconds> parse_instant(const std::string& text);

}  // namespace cadenced::cli
