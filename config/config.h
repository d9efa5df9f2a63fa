#pragma once
// Loading and validating the TOML config. Every error names
// file:line:column, the key, what is wrong and what is allowed.

#include "config/sync.h"
#include "schedule/feed.h"
#include "schedule/rhythm.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::config {

/// Calendar-level settings the writers need.
struct calendar_settings {
    std::string name = "Operating rhythm";  ///< X-WR-CALNAME when a feed has no title
    std::string description;
    std::chrono::minutes refresh_interval{12 * 60};  ///< REFRESH-INTERVAL / X-PUBLISHED-TTL
    std::string uid_domain = "cadenced";             ///< right-hand side of every UID

    bool operator==(const calendar_settings&) const = default;
};

/// The most HTTP threads `[server] threads` may ask for.
inline constexpr int max_server_threads = 64;

/// [server]: where the daemon listens and how it names itself in links.
struct server_settings {
    std::string listen_address = "127.0.0.1";
    unsigned short listen_port = 8470;
    /// Base of the links the daemon hands out (subscribe URLs, agenda
    /// links), e.g. "https://rhythm.example.com"; empty = the address a
    /// request came to.
    std::string public_url;
    /// Threads serving HTTP, all taking from one queue of connections;
    /// 0 = one per core, at most 4 (a feed server rarely needs more). A machine that
    /// shares its cores with other work may want fewer.
    unsigned threads = 0;

    bool operator==(const server_settings&) const = default;
};

struct config {
    std::string source;  ///< file path, or "<embedded default>"
    schedule::rhythm rhythm;
    std::vector<schedule::feed> feeds;
    /// Secret tokens of private feeds, by feed name ("secret address"); a
    /// feed without an entry is public.
    std::map<std::string, std::string> feed_tokens;
    calendar_settings calendar;
    server_settings server;
    std::vector<sync_target> sync;  ///< [[sync]]

    const schedule::feed* find_feed(std::string_view name) const;

    bool operator==(const config&) const = default;
};

/// A config that cannot be used. what() is the whole one-line message,
/// "path:line:column: message", or "path: message" for problems without a
/// position (line and column 0), such as a file that cannot be read.
class config_error : public std::runtime_error {
public:
    config_error(std::string source, int line, int column, const std::string& message);
    const std::string& source() const { return source_; }
    int line() const { return line_; }
    int column() const { return column_; }
    /// The message without the position prefix.
    const std::string& message() const { return message_; }

private:
    std::string source_;
    int line_;
    int column_;
    std::string message_;
};

/// How the zone is chosen when the config has no `timezone`: the TZ
/// environment variable if it names an IANA zone, else /etc/localtime, else
/// UTC. Injected so tests can pin it.
struct zone_fallback {
    std::optional<std::string> tz_env;          ///< value of TZ, if set
    std::filesystem::path localtime = "/etc/localtime";
    static zone_fallback from_environment();
    /// The zone this fallback picks; "UTC" when nothing names a known zone.
    std::string resolve() const;
};

/// "127.0.0.1:8470" or "[::1]:8470" -> address and port; nullopt when it is
/// not an IP address with a port 1-65535 (or 0, "any free port", when
/// `allow_any_port`: for --listen in tests and benchmarks).
std::optional<std::pair<std::string, unsigned short>> parse_listen(std::string_view text, bool allow_any_port = false);

/// Parses and validates `text`; `source` names it in errors.
config load_string(std::string_view text, std::string source,
                   const zone_fallback& zones = zone_fallback::from_environment());
/// Reads and loads a file; a missing or unreadable file is a config_error
/// at 0:0 with the OS reason.
config load_file(const std::filesystem::path& path,
                 const zone_fallback& zones = zone_fallback::from_environment());
/// The embedded default rhythm, as validated when cadenced was built (see
/// prebuilt_default.cpp): the same config parse_default() gives, without
/// parsing at run time.
config load_default(const zone_fallback& zones = zone_fallback::from_environment());
/// The embedded default rhythm, parsed and validated now.
config parse_default(const zone_fallback& zones = zone_fallback::from_environment());

/// The text of the embedded default (config/default.toml).
std::string_view embedded_default_toml();

}  // namespace cadenced::config
