#include "config/timezone.h"

#include "config/suggest.h"

#include "zoneinfo/zone.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace cadenced::config {

namespace detail {

bool is_known_zone(std::string_view name) {
    return zoneinfo::zone::load(name).has_value();
}

namespace {

std::vector<std::string> all_zone_names() {
    // The zoneinfo tree lists links ("US/Eastern") as zones too.
    return zoneinfo::zone_names();
}

std::vector<std::string_view> views_of(const std::vector<std::string>& names) {
    return {names.begin(), names.end()};
}

}  // namespace

std::optional<std::string> zone_name(const table_reader& table, std::string_view key) {
    const auto value = table.get(key);
    if (!value) return std::nullopt;
    std::string name = value->string("an IANA time zone name such as \"Europe/London\"");
    if (is_known_zone(name)) return name;
    const std::string& owner = table.where().owner;
    const std::string message = "unknown time zone " + quote(name) + did_you_mean(name, views_of(all_zone_names()));
    table.doc().fail(value->node(), owner.empty() ? message : owner + ": " + message);
}

std::optional<std::string> zone_from_path(const std::string& path) {
    constexpr std::string_view marker = "zoneinfo/";
    const auto at = path.rfind(marker);
    if (at == std::string::npos) return std::nullopt;
    std::string name = path.substr(at + marker.size());
    // Some systems link into the "posix/" or "right/" copies of the tree;
    // the zone is the same one.
    for (std::string_view variant : {"posix/", "right/"})
        if (name.starts_with(variant)) name.erase(0, variant.size());
    if (name.empty()) return std::nullopt;
    return name;
}

}  // namespace detail

zone_fallback zone_fallback::from_environment() {
    zone_fallback z;
    if (const char* tz = std::getenv("TZ")) z.tz_env = tz;
    return z;
}

std::string zone_fallback::resolve() const {
    if (tz_env) {
        // POSIX allows a leading ':' ("TZ=:Europe/Paris") and a file path.
        std::string name = tz_env->starts_with(':') ? tz_env->substr(1) : *tz_env;
        if (auto from_path = detail::zone_from_path(name)) name = *from_path;
        if (detail::is_known_zone(name)) return name;
    }
    // /etc/localtime is normally a symlink into the zoneinfo tree; follow the
    // chain a few links deep, as some systems link through an intermediate.
    namespace fs = std::filesystem;
    fs::path at = localtime;
    for (int hop = 0; hop < 8; ++hop) {
        std::error_code ec;
        fs::path target = fs::read_symlink(at, ec);
        if (ec) break;
        if (target.is_relative()) target = at.parent_path() / target;
        target = target.lexically_normal();
        if (auto name = detail::zone_from_path(target.generic_string()); name && detail::is_known_zone(*name))
            return *name;
        at = target;
    }
    return "UTC";
}

}  // namespace cadenced::config
