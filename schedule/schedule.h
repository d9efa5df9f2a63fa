#pragma once
// Generation: rhythm + date range -> occurrences.

#include "schedule/occurrence.h"
#include "schedule/rhythm.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace cadenced::schedule {

/// Inclusive range of occurrence start dates.
struct date_range {
    std::chrono::year_month_day from;
    std::chrono::year_month_day to;
};

/// A rhythm the core cannot generate (a relative rule pointing at an unknown
/// series, a cycle, ...). config/ validates with positions before this can
/// happen; this is the last line of defence for rhythms built in code.
class rhythm_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Occurrences whose start date lies in `range`, sorted by start then by the
/// order of the series in the rhythm. Pure: the same input gives the same
/// output. Throws rhythm_error if the rhythm is inconsistent.
std::vector<occurrence> generate(const rhythm& r, date_range range);

/// The range an export covers by default: the fiscal year containing `today`
/// and the next one.
date_range default_range(const fiscal_calendar& fiscal, std::chrono::year_month_day today);

/// Checks the core can make without source positions; each string is one
/// problem, naming the series. Empty when the rhythm is consistent.
std::vector<std::string> check(const rhythm& r);

}  // namespace cadenced::schedule
