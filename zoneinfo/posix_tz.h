#pragma once
// The POSIX TZ string that ends a TZif file (RFC 8536, section 3.3): the rule
// a zone follows after the last transition the file lists.

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cadenced::zoneinfo {

/// The day of a year on which daylight time starts or ends, and the local
/// time of the change (in the offset in force before it).
struct posix_date {
    enum class form {
        julian_no_leap,  ///< "Jn": day 1-365, 29 February never counted
        zero_based,      ///< "n": day 0-365, 29 February counted
        month_week_day,  ///< "Mm.w.d": weekday d (0 = Sunday) of week w (5 = last) of month m
    };
    form kind = form::month_week_day;
    int day = 0;
    int month = 1;
    int week = 1;
    int weekday = 0;
    /// RFC 8536 allows -167 to 167 hours, e.g. "M3.5.0/-1", "M9.1.6/24".
    std::chrono::seconds time{2 * 3600};
};

struct posix_tz {
    std::string std_abbrev;
    std::chrono::seconds std_offset{0};  ///< east of UTC (the string says west)

    /// The alternative ("daylight") time of a zone that changes twice a year.
    struct alternative {
        std::string abbrev;
        std::chrono::seconds offset{0};  ///< east of UTC
        posix_date start;                ///< change from standard to this
        posix_date end;                  ///< change back to standard
    };
    std::optional<alternative> dst;
};

/// The parsed string, or nullopt if it is not a POSIX TZ string or names an
/// alternative time without its two rules (TZif footers always give them).
std::optional<posix_tz> parse_posix_tz(std::string_view text);

struct posix_change {
    std::chrono::sys_seconds at;
    bool to_dst = false;
};

/// The two changes of year `y` in time order. Requires `tz.dst`.
std::array<posix_change, 2> changes_in_year(const posix_tz& tz, std::chrono::year y);

}  // namespace cadenced::zoneinfo
