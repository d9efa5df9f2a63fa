#pragma once
// [[people]]: the roles that own agenda items and attend meetings.

#include "config/document.h"

#include "schedule/rhythm.h"

#include <vector>

namespace cadenced::config::detail {

/// Every [[people]] entry of `root`, roles unique and group names distinct
/// from role ids (an attendee list names either).
std::vector<schedule::person> parse_people(const table_reader& root);

}  // namespace cadenced::config::detail
