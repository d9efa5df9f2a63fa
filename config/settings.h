#pragma once
// The single-table sections: [fiscal_year], [calendar] and [holidays].

#include "config/config.h"
#include "config/document.h"

#include "schedule/fiscal_calendar.h"
#include "schedule/rhythm.h"

namespace cadenced::config::detail {

/// [fiscal_year]; absent keys keep February and end-year labels.
schedule::fiscal_calendar parse_fiscal_year(const table_reader& root);

/// [calendar]; absent keys keep calendar_settings' defaults.
calendar_settings parse_calendar(const table_reader& root);

/// [holidays] into r.holidays, r.default_shift and r.work_week.
void parse_holidays(const table_reader& root, schedule::rhythm& r);

}  // namespace cadenced::config::detail
