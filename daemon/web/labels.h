#pragma once
// Short names for occurrences: what fits on a chip in a day cell.

#include "schedule/occurrence.h"

#include <string>

namespace cadenced::web {

/// A busy block: a confidential occurrence that reached the page without its
/// details (a feed for people outside the ELT reduced it), so there is no
/// agenda to link to and nothing to show but the time.
bool is_busy_block(const schedule::occurrence& o);

/// The title without what the page already shows around it: the quarter and
/// fiscal year ("Q1", "FY2028") and parenthesised details ("(day 1 of 4)").
///   "Quarterly cadence call Q1 FY2028"     -> "Quarterly cadence call"
///   "ELT offsite Q1 FY2028 (day 1 of 4)"   -> "ELT offsite"
/// Falls back to the whole title when nothing would be left.
std::string short_title(const schedule::occurrence& o);

/// What a chip reads after its time: the short title, and "2/4" for day 2
/// of a four-day block.
std::string chip_label(const schedule::occurrence& o);

}  // namespace cadenced::web
