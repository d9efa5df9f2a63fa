#include "daemon/web/year_sections.h"
#include "schedule/agenda_render.h"

namespace cadenced::web {

namespace {

void append_entry(std::string& out, const kind_entry& k) {
    out += "<li><span class=\"swatch " + k.css_class + (k.all_day ? " allday" : "") +
           "\" aria-hidden=\"true\"></span>" + schedule::html_escape(k.label) + "</li>\n";
}

}  // namespace

std::string legend_section(const kind_table& kinds, bool shows_busy) {
    // Meetings first, then the all-day deadlines and follow-ups, each group
    // in order of first appearance, so the key reads like the rhythm.
    std::string out = "<ul class=\"legend\" aria-label=\"Key\">\n";
    for (const auto& k : kinds.entries())
        if (!k.all_day) append_entry(out, k);
    for (const auto& k : kinds.entries())
        if (k.all_day) append_entry(out, k);
    if (shows_busy)
        out += "<li><span class=\"swatch busy\" aria-hidden=\"true\"></span>Busy (confidential)</li>\n";
    out += "<li><span class=\"swatch today-mark\" aria-hidden=\"true\"></span>Today</li>\n</ul>\n";
    return out;
}

}  // namespace cadenced::web
