#include "providers/windows_zones.h"

#include <algorithm>
#include <iterator>

namespace cadenced::providers {

namespace {

// constexpr, so the table is read-only data: no heap, no static constructor.
constexpr windows_zone_row rows[] = {
#include "providers/windows_zones_data.inc"
};

constexpr bool sorted_by_iana() {
    for (std::size_t i = 1; i < std::size(rows); ++i) {
        if (!(rows[i - 1].iana < rows[i].iana)) return false;
    }
    return true;
}
// windows_zone_for's binary search depends on it; the script sorts.
static_assert(sorted_by_iana(), "windows_zones_data.inc must be sorted by IANA name, without duplicates");

}  // namespace

std::optional<std::string_view> windows_zone_for(std::string_view iana) {
    const auto it = std::lower_bound(std::begin(rows), std::end(rows), iana,
                                     [](const windows_zone_row& row, std::string_view name) { return row.iana < name; });
    if (it == std::end(rows) || it->iana != iana) return std::nullopt;
    return it->windows;
}

std::span<const windows_zone_row> windows_zone_table() { return rows; }

}  // namespace cadenced::providers
