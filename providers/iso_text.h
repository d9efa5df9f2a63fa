#pragma once
// Wall-clock dates and times as ISO 8601 text ("2027-02-02",
// "2027-02-02T10:00:00"): the form Google's EventDateTime takes, and the
// form of the dates in sync's plans and logs.

#include <chrono>
#include <string>

namespace cadenced::providers {

std::string iso_date(std::chrono::local_days d);
std::string iso_date_time(std::chrono::local_seconds t);

}  // namespace cadenced::providers
