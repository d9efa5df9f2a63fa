#include "daemon/web/dates.h"
#include "daemon/web/labels.h"
#include "daemon/web/links.h"
#include "daemon/web/year_sections.h"
#include "schedule/agenda_render.h"

#include <set>
#include <utility>

namespace cadenced::web {

using namespace std::chrono;
using schedule::html_escape;

namespace {

std::string day_words(local_days d, local_days today) {
    if (d == today) return "Today";
    if (d == today + days{1}) return "Tomorrow";
    return short_date(d);
}

// "Tue 16 - Fri 19 Mar"; the month is named once when both days share it.
std::string range_words(local_days first, local_days last, local_days today) {
    std::string out = day_words(first, today);
    const year_month_day a{first}, b{last};
    if (a.month() == b.month() && out != "Today" && out != "Tomorrow") out = out.substr(0, out.rfind(' '));
    return out + " &ndash; " + short_date(last);
}

std::string entry_html(const schedule::occurrence& o, const kind_table& kinds, local_days today,
                       std::string_view agenda_base) {
    const int days_left = o.day_count - o.day_index + 1;
    const local_days last = o.date + days{days_left - 1};
    const bool busy = is_busy_block(o);

    std::string out = "<li><time datetime=\"" + iso_date(o.date) + "\">";
    out += days_left > 1 ? range_words(o.date, last, today) : day_words(o.date, today);
    out += "</time>";
    const kind_entry* kind = busy ? nullptr : kinds.find(o.meeting_id);
    out += "<span class=\"dot ";
    out += busy ? std::string{"busy"} : (kind != nullptr ? kind->css_class : std::string{});
    out += "\" aria-hidden=\"true\"></span>";
    if (busy)
        out += "<span class=\"what\">" + html_escape(short_title(o)) + "</span>";
    else
        out += "<a class=\"what\" href=\"" + html_escape(agenda_href(agenda_base, o.uid)) + "\">" +
               html_escape(short_title(o)) + "</a>";
    out += "<span class=\"meta\">";
    out += o.all_day ? std::string{"all day"} : time_span(o);
    if (days_left > 1) out += " &middot; " + std::to_string(days_left) + " days";
    out += "</span></li>\n";
    return out;
}

}  // namespace

std::string upcoming_section(const std::vector<const schedule::occurrence*>& year, const kind_table& kinds,
                             local_days today, std::string_view agenda_base, std::size_t limit) {
    std::string items;
    std::size_t shown = 0;
    // A block is one entry: remember (kind, first day) of the blocks listed.
    std::set<std::pair<std::string, local_days>> blocks_listed;
    for (const auto* o : year) {
        if (shown == limit) break;
        if (o->date < today) continue;
        if (o->day_count > 1) {
            const local_days block_start = o->date - days{o->day_index - 1};
            if (!blocks_listed.emplace(o->meeting_id, block_start).second) continue;
        }
        items += entry_html(*o, kinds, today, agenda_base);
        ++shown;
    }

    std::string out = "<section class=\"card upcoming\" aria-labelledby=\"upcoming-h\">\n"
                      "<h2 id=\"upcoming-h\">Coming up</h2>\n";
    if (items.empty())
        out += "<p class=\"hint\">Nothing more this fiscal year.</p>\n";
    else
        out += "<ol class=\"agenda-list\">\n" + items + "</ol>\n";
    out += "</section>\n";
    return out;
}

}  // namespace cadenced::web
