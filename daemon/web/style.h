#pragma once
// The pages' inline style sheets. A page includes base_css() and its own
// part; nothing is fetched, so the pages work offline and from file://.

#include <string_view>

namespace cadenced::web {

/// Palette (light and dark), type, links, cards, the masthead and print
/// basics shared by every page.
std::string_view base_css();

/// The year page: overview cards, legend, quarter and month grids, chips.
std::string_view year_css();

/// The agenda page: facts list and the rendered agenda.
std::string_view agenda_css();

/// The error page.
std::string_view error_css();

}  // namespace cadenced::web
