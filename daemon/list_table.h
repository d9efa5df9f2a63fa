#pragma once
// The schedule as an aligned table for the terminal (`cadenced --list`).

#include "schedule/occurrence.h"

#include <string>
#include <vector>

namespace cadenced::cli {

/// Columns: date, time, zone, meeting, quarter; padded by display width
/// (UTF-8 aware), a header row, one line per occurrence.
std::string list_table(const std::vector<schedule::occurrence>& events);

}  // namespace cadenced::cli
