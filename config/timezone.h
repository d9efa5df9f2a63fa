#pragma once
// Time-zone names: checking them against the tz database and choosing one
// when the config names none.

#include "config/document.h"

#include <optional>
#include <string>
#include <string_view>

namespace cadenced::config::detail {

/// Whether `name` is a zone (or link) of the tz database. False, not an
/// exception, when the database itself cannot be loaded.
bool is_known_zone(std::string_view name);

/// The zone named by `key` of `table`, if present. An unknown name is an
/// error at the value: `unknown time zone "Mars/Base"`, with a suggestion
/// when a zone with a close name exists.
std::optional<std::string> zone_name(const table_reader& table, std::string_view key);

/// The zone name in a path into a zoneinfo tree,
/// "/usr/share/zoneinfo/Europe/Berlin" -> "Europe/Berlin", or nullopt.
std::optional<std::string> zone_from_path(const std::string& path);

}  // namespace cadenced::config::detail
