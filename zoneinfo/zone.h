#pragma once
// IANA time zones read from the system's zoneinfo directory
// (/usr/share/zoneinfo, or $TZDIR), the files that tzdata installs and
// keeps current.
//
// A small reader of our own rather than a general date library: it reads one
// file per zone and nothing else, so a process that needs one zone never
// scans the whole database, and the binary carries no extra library.

#include "zoneinfo/posix_tz.h"
#include "zoneinfo/tzif.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::zoneinfo {

/// $TZDIR when set (as glibc honours it), else /usr/share/zoneinfo.
std::filesystem::path zoneinfo_directory();

/// Whether `name` has the shape of a zone name ("Europe/London", "UTC",
/// "Etc/GMT+5"): relative, no "." or ".." parts, only the characters zone
/// names use. Anything else is never looked up on disk.
bool is_plausible_zone_name(std::string_view name);

class zone {
public:
    /// The zone `name` from `directory`, or nullopt if there is no such zone
    /// (no file, or not a TZif file).
    static std::optional<zone> load(std::string_view name, const std::filesystem::path& directory);
    static std::optional<zone> load(std::string_view name) { return load(name, zoneinfo_directory()); }

    const std::string& name() const { return name_; }
    const std::vector<time_type>& types() const { return data_.types; }
    const std::vector<transition>& transitions() const { return data_.transitions; }
    /// The rule after the last listed transition, if the file has a usable one.
    const std::optional<posix_tz>& rule() const { return rule_; }

    /// The local time type in force at `t`.
    time_type type_at(std::chrono::sys_seconds t) const;
    /// Wall-clock time in this zone at `t`.
    std::chrono::local_seconds to_local(std::chrono::sys_seconds t) const {
        return std::chrono::local_seconds{(t + type_at(t).offset).time_since_epoch()};
    }
    /// The instant a wall-clock time in this zone names. Meetings do not sit
    /// in the hour a clock change repeats or skips: there it gives one of
    /// the two instants, or the time shifted by the gap.
    std::chrono::sys_seconds to_sys(std::chrono::local_seconds t) const {
        const std::chrono::sys_seconds as_if_utc{t.time_since_epoch()};
        return as_if_utc - type_at(as_if_utc - type_at(as_if_utc).offset).offset;
    }

private:
    std::string name_;
    tzif_data data_;
    std::optional<posix_tz> rule_;
};

/// The type `rule` puts `t` in: the one started by its last change at or
/// before `t`.
time_type rule_type_at(const posix_tz& rule, std::chrono::sys_seconds t);

/// Every zone name under `directory` (links such as "US/Eastern" included),
/// sorted; for suggestions when a name is not found. Reads the start of each
/// file, so it is only for error paths.
std::vector<std::string> zone_names(const std::filesystem::path& directory);
inline std::vector<std::string> zone_names() { return zone_names(zoneinfo_directory()); }

}  // namespace cadenced::zoneinfo
