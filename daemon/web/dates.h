#pragma once
// Date and time wording shared by the pages.

#include "schedule/occurrence.h"

#include <chrono>
#include <string>

namespace cadenced::web {

/// "2027-02-02": for datetime="" attributes and element ids.
std::string iso_date(std::chrono::local_days d);

/// "Tue 2 Feb"
std::string short_date(std::chrono::local_days d);

/// "Mon", "Tue", ... "Sun"
std::string_view short_weekday(std::chrono::weekday wd);

/// "February"
std::string_view month_name(std::chrono::month m);

/// When an occurrence takes place, in words:
///   "Tuesday 2 February 2027, 10:00-12:05 (America/New_York)"
///   "Thursday 28 January 2027 (all day)"
/// A timed occurrence ending on a later day names that day too. A zone-less
/// occurrence leaves out the parenthesis.
std::string when_text(const schedule::occurrence& o);

/// "10:00-12:05", or empty for an all-day occurrence.
std::string time_span(const schedule::occurrence& o);

}  // namespace cadenced::web
