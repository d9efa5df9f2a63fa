#include "daemon/web/month_grid.h"

#include "daemon/web/dates.h"
#include "schedule/placeholders.h"

namespace cadenced::web {

using namespace std::chrono;

namespace {

// Two-letter heads: the weekend columns are narrow (see style.cpp).
constexpr std::string_view weekday_head =
    "<colgroup><col span=\"5\"><col span=\"2\" class=\"we\"></colgroup>\n"
    "<thead><tr><th scope=\"col\" abbr=\"Monday\">Mo</th><th scope=\"col\" abbr=\"Tuesday\">Tu</th>"
    "<th scope=\"col\" abbr=\"Wednesday\">We</th><th scope=\"col\" abbr=\"Thursday\">Th</th>"
    "<th scope=\"col\" abbr=\"Friday\">Fr</th><th scope=\"col\" abbr=\"Saturday\">Sa</th>"
    "<th scope=\"col\" abbr=\"Sunday\">Su</th></tr></thead>\n";

bool is_weekend(weekday wd) { return wd == Saturday || wd == Sunday; }

void append_day_cell(std::string& out, local_days d, const chips_by_day& chips, local_days today) {
    const std::string iso = iso_date(d);
    out += "<td class=\"day";
    if (is_weekend(weekday{d})) out += " we";
    if (d == today) out += " today";
    out += "\" id=\"d" + iso + "\"";
    if (d == today) out += " aria-current=\"date\"";
    out += "><time datetime=\"" + iso + "\">";
    out += std::to_string(static_cast<unsigned>(year_month_day{d}.day()));
    out += "</time>";
    if (const auto it = chips.find(d); it != chips.end()) out += it->second;
    out += "</td>";
}

}  // namespace

std::string month_grid(year_month ym, const chips_by_day& chips, local_days today) {
    const local_days first{ym / 1};
    const local_days last_day{ym / std::chrono::last};
    // ISO weeks: back up to the Monday on or before the 1st.
    const local_days week_start = first - days{weekday{first}.iso_encoding() - 1};

    std::string out = "<div class=\"month\">\n<h3>" + schedule::month_and_year(ym) + "</h3>\n<table>\n";
    out += weekday_head;
    out += "<tbody>\n";
    for (local_days monday = week_start; monday <= last_day; monday += weeks{1}) {
        out += "<tr>";
        for (int i = 0; i < 7; ++i) {
            const local_days d = monday + days{i};
            if (d < first || d > last_day)
                out += "<td class=\"pad\"></td>";
            else
                append_day_cell(out, d, chips, today);
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n";
    return out;
}

}  // namespace cadenced::web
