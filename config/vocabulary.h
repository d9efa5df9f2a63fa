#pragma once
// The words a config may use for enumerated values, and the shape of ids.

#include "config/document.h"

#include "schedule/feed.h"
#include "schedule/fiscal_calendar.h"
#include "schedule/rhythm.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadenced::config::detail {

template <typename E>
using options = std::vector<std::pair<std::string_view, E>>;

/// holidays.shift and a meeting's on_holiday.
const options<schedule::shift_rule>& shift_names();
const options<schedule::fiscal_year_label>& fiscal_label_names();
const options<schedule::confidential_view>& confidential_names();

/// "February" for month 2.
std::string_view month_name(unsigned month);

/// An id: meeting ids, role ids, group and feed names end up in UIDs, URLs
/// and attendee lists, so they are limited to [a-z0-9-]+.
std::string identifier(const value_reader& value);

}  // namespace cadenced::config::detail
