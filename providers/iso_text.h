#pragma once
// Wall-clock dates and times as ISO 8601 text ("2027-02-02",
// "2027-02-02T10:00:00"): the form Google's EventDateTime takes, and the
// form of the dates in sync's plans and logs.

#include <chrono>
#include <string>

namespace cadenced::providers {

std::string iso_date(std::chrono::local_days d);
std::string iso_date_time(std::chrono::local_seconds t);
/// An instant as UTC wall-clock text, without a zone suffix
/// ("2027-02-02T15:00:00"): how Graph writes UTC times.
std::string iso_utc_date_time(std::chrono::sys_seconds t);

}  // namespace cadenced::providers
