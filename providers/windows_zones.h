#pragma once
// IANA time zone names -> Windows time zone names, for Microsoft Graph.
//
// Microsoft Graph names time zones the Windows way ("Eastern Standard Time")
// in event times and mailbox settings, while cadenced, its config and the
// system use IANA names ("America/New_York"). CLDR's windowsZones table is
// the standard mapping between the two. providers/windows_zones_data.inc
// holds it, extended to the current tzdata names of the zones CLDR spells
// the old way ("Asia/Kolkata" as well as "Asia/Calcutta"), and
// scripts/generate-windows-zones.py regenerates it. A zone with no Windows
// name (one newer than the table, or one Windows has no zone for) gets
// nullopt: callers then send the times in UTC, which Graph always accepts.

#include <optional>
#include <span>
#include <string_view>

namespace cadenced::providers {

struct windows_zone_row {
    std::string_view iana;
    std::string_view windows;
};

/// The Windows name of an IANA zone ("Europe/London" -> "GMT Standard
/// Time"), or nullopt. Names are matched exactly, case included, as tzdata
/// names are.
std::optional<std::string_view> windows_zone_for(std::string_view iana);

/// The whole table, sorted by IANA name; for tests and diagnostics.
std::span<const windows_zone_row> windows_zone_table();

}  // namespace cadenced::providers
