#pragma once
// The parts of the year page around the month grids.

#include "daemon/web/kind_table.h"
#include "daemon/web/pages.h"
#include "schedule/occurrence.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::web {

/// "Coming up": the next `limit` entries starting on or after `today`, a
/// multi-day block counted once with its date range. Says so when nothing is
/// left in the year.
std::string upcoming_section(const std::vector<const schedule::occurrence*>& year, const kind_table& kinds,
                             std::chrono::local_days today, std::string_view agenda_base, std::size_t limit = 8);

/// "Subscribe": each feed's title, its URL in a <code> block that selects
/// whole on click, a webcal:// link where the URL has a host, and where the
/// common calendar apps take a subscription URL.
std::string subscribe_section(const std::vector<feed_link>& feeds);

/// The key to the colours: one entry per kind, then busy time (if any is
/// shown) and today's mark.
std::string legend_section(const kind_table& kinds, bool shows_busy);

}  // namespace cadenced::web
