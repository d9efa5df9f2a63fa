#pragma once
// One month of the year page: a table of ISO weeks, Monday to Sunday.

#include <chrono>
#include <map>
#include <string>

namespace cadenced::web {

/// Chip markup per day, already in display order.
using chips_by_day = std::map<std::chrono::local_days, std::string>;

/// The month `ym` under an <h3> with its name, as a table whose rows are
/// weeks from Monday to Sunday; the days of neighbouring months are empty
/// cells. Each day cell has id "d" + its ISO date, so other parts of the page
/// can link to it; the cell of `today` (if in the month) is marked with class
/// "today" and aria-current="date".
std::string month_grid(std::chrono::year_month ym, const chips_by_day& chips, std::chrono::local_days today);

}  // namespace cadenced::web
