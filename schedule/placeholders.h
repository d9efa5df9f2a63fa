#pragma once
// Placeholders in titles, descriptions and agenda texts, expanded per
// occurrence:
//   {quarter}            Q1
//   {fiscal_year}        FY2028
//   {period}             Q1 FY2028
//   {prior_quarter}      Q4 FY2027      {next_quarter}      Q2 FY2028
//   {prior_fiscal_year}  FY2027         {next_fiscal_year}  FY2029
//   {day} {days}         day index and length of a multi-day block
//   {anchor_date}        date of the meeting a relative rule hangs off
//   {next:ID}            date of the next occurrence of series ID
// Dates read "Tuesday 2 February 2027". "{{" and "}}" are literal braces.

#include "schedule/fiscal_calendar.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cadenced::schedule {

struct placeholder_context {
    fiscal_quarter quarter;
    int day_index = 1;
    int day_count = 1;
    std::optional<std::chrono::year_month_day> anchor_date;
    /// Date of the next occurrence of a series after this occurrence.
    std::function<std::optional<std::chrono::year_month_day>(std::string_view id)> next_date;
};

std::string expand(std::string_view text, const placeholder_context& ctx);

/// Where a text's placeholders are wrong, for config validation: the offset
/// of the first bad placeholder and a message, or nullopt when all are known.
/// `series_exists` answers for the ID of {next:ID}.
struct placeholder_problem {
    std::size_t offset;
    std::string message;
};
std::optional<placeholder_problem> check_placeholders(
    std::string_view text, const std::function<bool(std::string_view)>& series_exists);

/// "Tuesday 2 February 2027"
std::string long_date(std::chrono::year_month_day d);

/// "February 2027"
std::string month_and_year(std::chrono::year_month ym);

}  // namespace cadenced::schedule
