#pragma once
// The contents of a TZif file (RFC 8536), the format of the system's
// compiled time zone database under /usr/share/zoneinfo.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::zoneinfo {

/// A local time type: the offset from UTC, whether it is daylight saving
/// time, and its abbreviation ("EST", "+0545").
struct time_type {
    std::chrono::seconds offset{0};  ///< east of UTC
    bool dst = false;
    std::string abbrev;

    bool operator==(const time_type&) const = default;
};

/// From `at` on, local time follows types[type].
struct transition {
    std::chrono::sys_seconds at;
    std::uint8_t type = 0;
};

struct tzif_data {
    std::vector<time_type> types;          ///< never empty
    std::vector<transition> transitions;   ///< in time order
    std::string footer;                    ///< POSIX TZ string; empty if none
};

/// The parsed file, or nullopt when `bytes` are not a well-formed TZif file.
/// Version 2+ files are read from their 64-bit section; leap second records
/// are skipped (the "right/" zones are not used for civil time).
std::optional<tzif_data> parse_tzif(std::string_view bytes);

/// The POSIX TZ string at the end of a TZif file's bytes, or nullopt for a
/// version-1 file or bytes that are not TZif.
std::optional<std::string> tzif_footer(std::string_view bytes);

}  // namespace cadenced::zoneinfo
