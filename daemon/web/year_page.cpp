// GET /: the fiscal year at a glance.
#include "daemon/web/chip.h"
#include "daemon/web/dates.h"
#include "daemon/web/html_document.h"
#include "daemon/web/kind_table.h"
#include "daemon/web/labels.h"
#include "daemon/web/month_grid.h"
#include "daemon/web/pages.h"
#include "daemon/web/style.h"
#include "daemon/web/year_sections.h"
#include "schedule/agenda_render.h"
#include "schedule/placeholders.h"

#include <algorithm>

namespace cadenced::web {

using namespace std::chrono;
using schedule::html_escape;

namespace {

// The occurrences dated inside the fiscal year, by start. The input is
// documented as sorted; sorting again (stably, so ties keep the rhythm's
// order) keeps the cells and the list in date order if a caller forgets.
std::vector<const schedule::occurrence*> in_year(const year_page_input& in) {
    const local_days first{in.fiscal.first_day(in.fiscal_year)};
    const local_days last{in.fiscal.last_day(in.fiscal_year)};
    std::vector<const schedule::occurrence*> out;
    for (const auto& o : in.occurrences)
        if (o.date >= first && o.date <= last) out.push_back(&o);
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->start < b->start; });
    return out;
}

// "February - April 2027", or "November 2027 - January 2028" across a year end.
std::string months_range(year_month from, year_month to) {
    std::string out{month_name(from.month())};
    if (from.year() != to.year()) out += " " + std::to_string(static_cast<int>(from.year()));
    return out + " &ndash; " + schedule::month_and_year(to);
}

// Where today is in the fiscal calendar; it explains the ring in the grid.
std::string today_box(const year_page_input& in) {
    if (!in.today.ok()) return {};
    const year_month ym = in.today.year() / in.today.month();
    const schedule::fiscal_quarter q = in.fiscal.quarter_of(ym);
    return "<p class=\"today-box\"><span>Today</span><strong>" + schedule::long_date(in.today) + "</strong><span>" +
           q.name() + ", month " + std::to_string(in.fiscal.month_of_quarter(ym)) + " of 3</span></p>\n";
}

std::string masthead(const year_page_input& in) {
    const schedule::fiscal_quarter q1{in.fiscal_year, 1};
    const year_month_day first = in.fiscal.first_day(in.fiscal_year);
    const year_month_day last = in.fiscal.last_day(in.fiscal_year);
    std::string out = "<header class=\"masthead\">\n<div class=\"wrap\">\n<div class=\"head-row\">\n<div>\n"
                      "<p class=\"eyebrow\">Year at a glance</p>\n";
    out += "<h1>" + html_escape(in.calendar_name) + " <span class=\"fy\">" + q1.year_name() + "</span></h1>\n";
    out += "<p class=\"lede\">" + months_range(first.year() / first.month(), last.year() / last.month());
    if (!in.timezone.empty()) out += " &middot; times in " + html_escape(in.timezone);
    out += "</p>\n</div>\n" + today_box(in) + "</div>\n<nav class=\"jump\" aria-label=\"Sections\">";
    for (int q = 1; q <= 4; ++q) {
        const std::string n = std::to_string(q);
        out += "<a href=\"#q" + n + "\">Q" + n + "</a>";
    }
    out += "<a href=\"#subscribe\">Subscribe</a></nav>\n</div>\n</header>\n";
    return out;
}

std::string quarter_section(const year_page_input& in, int quarter, const chips_by_day& chips, local_days today) {
    const schedule::fiscal_quarter fq{in.fiscal_year, quarter};
    const std::string id = "q" + std::to_string(quarter);
    std::string out = "<section class=\"quarter\" id=\"" + id + "\" aria-labelledby=\"" + id + "-h\">\n";
    out += "<h2 id=\"" + id + "-h\">" + fq.quarter_name() + " <span>" +
           months_range(in.fiscal.month_of(fq, 1), in.fiscal.month_of(fq, 3)) + "</span></h2>\n";
    out += "<div class=\"months\">\n";
    for (int k = 1; k <= 3; ++k) out += month_grid(in.fiscal.month_of(fq, k), chips, today);
    out += "</div>\n</section>\n";
    return out;
}

}  // namespace

std::string year_page(const year_page_input& in) {
    // An unset `today` (not ok()) marks no day and lists the year from its start.
    const local_days today = in.today.ok() ? local_days{in.today} : local_days{std::chrono::year::min() / January / 1};
    const auto shown = in_year(in);
    const kind_table kinds{shown};

    chips_by_day chips;
    bool shows_busy = false;
    for (const auto* o : shown) {
        chips[o->date] += chip_html(*o, kinds, in.agenda_base);
        shows_busy = shows_busy || is_busy_block(*o);
    }

    std::string body = masthead(in);
    body += "<main class=\"wrap\">\n<div class=\"overview\">\n";
    body += upcoming_section(shown, kinds, today, in.agenda_base);
    body += subscribe_section(in.feeds);
    body += "</div>\n";
    body += legend_section(kinds, shows_busy);
    for (int q = 1; q <= 4; ++q) body += quarter_section(in, q, chips, today);
    body += "</main>\n<footer class=\"wrap foot\"><p>Each meeting links to its agenda.";
    if (shows_busy) body += " Busy blocks are confidential meetings, detailed only in the feeds that include them.";
    body += "</p></footer>\n";

    const std::string title = in.calendar_name + " " + schedule::fiscal_quarter{in.fiscal_year, 1}.year_name();
    return html_document(title, std::string{base_css()} + std::string{year_css()} + kinds.css(), body);
}

}  // namespace cadenced::web
