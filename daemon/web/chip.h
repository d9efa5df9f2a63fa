#pragma once
// A meeting as a small coloured chip in a day cell.

#include "daemon/web/kind_table.h"
#include "schedule/occurrence.h"

#include <string>
#include <string_view>

namespace cadenced::web {

/// `<a class="chip k1" data-kind="..." href="{agenda_base}{uid}" title="...">`
/// with the start time (timed meetings) and the short label; the full title
/// and times are in title="". A busy block becomes a neutral <span> without a
/// link, since there is no agenda behind it. `kinds` must know the kind of
/// every occurrence that is not a busy block.
std::string chip_html(const schedule::occurrence& o, const kind_table& kinds, std::string_view agenda_base);

}  // namespace cadenced::web
