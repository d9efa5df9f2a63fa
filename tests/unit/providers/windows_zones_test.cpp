#include "providers/windows_zones.h"

#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>

using namespace cadenced::providers;

namespace {

constexpr const char* tzdata_zi = "/usr/share/zoneinfo/tzdata.zi";
constexpr const char* cldr_windows_zones = "/usr/share/unicode/cldr/common/supplemental/windowsZones.xml";

// Zones tzdata has and this CLDR's table does not; a newer CLDR may map them
// (then regenerate the table: scripts/generate-windows-zones.py).
const std::set<std::string> known_unmapped{
    "America/Ciudad_Juarez",  // new in tzdata 2022g, after CLDR 41's windowsZones (tzdata 2021a)
    "America/Coyhaique",      // new in tzdata 2025b
    "Antarctica/Troll",       // UTC+0/+2 research station: no Windows zone in CLDR 41
};

bool is_area_location(const std::string& name) {
    if (name.find('/') == std::string::npos) return false;
    for (const char* legacy : {"Etc/", "SystemV/", "US/", "posix", "right"})
        if (name.starts_with(legacy)) return false;
    return true;
}

// The names tzdata.zi defines: "Z <name> ..." zones and "L <target> <name>" links.
std::set<std::string> tzdata_names(const std::string& text) {
    std::set<std::string> names;
    std::istringstream lines{text};
    for (std::string line; std::getline(lines, line);) {
        std::istringstream fields{line};
        std::string kind, first, second;
        fields >> kind >> first >> second;
        if (kind == "Z") names.insert(first);
        if (kind == "L") names.insert(second);
    }
    return names;
}

// Every other="..." value of windowsZones.xml: the Windows names CLDR knows.
std::set<std::string> cldr_windows_names(const std::string& xml) {
    std::set<std::string> names;
    const std::string attribute = "other=\"";
    for (auto at = xml.find(attribute); at != std::string::npos; at = xml.find(attribute, at)) {
        at += attribute.size();
        const auto end = xml.find('"', at);
        names.insert(xml.substr(at, end - at));
    }
    return names;
}

}  // namespace

TEST_CASE("windows zones: common zones, under old and new names", "[unit][providers][windows_zones]") {
    CHECK(windows_zone_for("America/New_York") == "Eastern Standard Time");
    CHECK(windows_zone_for("Europe/London") == "GMT Standard Time");
    CHECK(windows_zone_for("Australia/Sydney") == "AUS Eastern Standard Time");
    CHECK(windows_zone_for("Pacific/Chatham") == "Chatham Islands Standard Time");
    CHECK(windows_zone_for("America/Indiana/Indianapolis") == "US Eastern Standard Time");
    CHECK(windows_zone_for("Etc/UTC") == "UTC");
    CHECK(windows_zone_for("UTC") == "UTC");
    CHECK(windows_zone_for("Etc/GMT") == "UTC");
    // CLDR lists the first name; tzdata and users now write the second.
    CHECK(windows_zone_for("Asia/Calcutta") == "India Standard Time");
    CHECK(windows_zone_for("Asia/Kolkata") == "India Standard Time");
    CHECK(windows_zone_for("Europe/Kiev") == "FLE Standard Time");
    CHECK(windows_zone_for("Europe/Kyiv") == "FLE Standard Time");
    CHECK(windows_zone_for("Asia/Katmandu") == "Nepal Standard Time");
    CHECK(windows_zone_for("Asia/Kathmandu") == "Nepal Standard Time");
    CHECK(windows_zone_for("America/Buenos_Aires") == "Argentina Standard Time");
    CHECK(windows_zone_for("America/Argentina/Buenos_Aires") == "Argentina Standard Time");
}

TEST_CASE("windows zones: unknown names have none", "[unit][providers][windows_zones]") {
    CHECK(windows_zone_for("Mars/Olympus") == std::nullopt);
    CHECK(windows_zone_for("") == std::nullopt);
    CHECK(windows_zone_for("america/new_york") == std::nullopt);  // tzdata names are case-sensitive
    CHECK(windows_zone_for("America/New_York ") == std::nullopt);
    CHECK(windows_zone_for("Eastern Standard Time") == std::nullopt);
}

TEST_CASE("windows zones: the table is strictly sorted, so binary search finds every row",
          "[unit][providers][windows_zones]") {
    const auto table = windows_zone_table();
    REQUIRE(table.size() > 500);
    for (std::size_t i = 1; i < table.size(); ++i) {
        INFO(table[i - 1].iana << " before " << table[i].iana);
        CHECK(table[i - 1].iana < table[i].iana);
    }
    for (const auto& row : table) {
        INFO(row.iana);
        CHECK(windows_zone_for(row.iana) == row.windows);
    }
}

TEST_CASE("windows zones: every tzdata area/location zone and link has a Windows name",
          "[unit][providers][windows_zones]") {
    const auto names = tzdata_names(test_support::read_file(tzdata_zi));
    REQUIRE(names.size() > 400);
    for (const auto& name : names) {
        if (!is_area_location(name) || known_unmapped.contains(name)) continue;
        INFO(name << " has no Windows zone; regenerate with scripts/generate-windows-zones.py, or add it to "
                     "known_unmapped if CLDR has none");
        CHECK(windows_zone_for(name).has_value());
    }
}

TEST_CASE("windows zones: every Windows name is one CLDR knows", "[unit][providers][windows_zones]") {
    if (!std::filesystem::exists(cldr_windows_zones)) {
        WARN("skipped: no " << cldr_windows_zones << " (Debian package unicode-cldr-core)");
        return;
    }
    const auto known = cldr_windows_names(test_support::read_file(cldr_windows_zones));
    REQUIRE(known.size() > 100);
    for (const auto& row : windows_zone_table()) {
        INFO(row.iana << " -> " << row.windows);
        CHECK(known.contains(std::string{row.windows}));
    }
}
