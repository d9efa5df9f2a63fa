// GET /agenda/{uid}: one occurrence with its agenda.
#include "daemon/web/dates.h"
#include "daemon/web/html_document.h"
#include "daemon/web/kind_colours.h"
#include "daemon/web/pages.h"
#include "daemon/web/style.h"
#include "schedule/agenda_render.h"

namespace cadenced::web {

using schedule::html_escape;

namespace {

// "Alex Example (CEO)" with a mail link when there is an address; the role
// title alone when no name is configured (the default has none).
std::string person_html(const schedule::person& p) {
    const std::string& shown = p.name.empty() ? (p.title.empty() ? p.role : p.title) : p.name;
    std::string out = p.email.empty() ? html_escape(shown)
                                      : "<a href=\"mailto:" + html_escape(p.email) + "\">" + html_escape(shown) + "</a>";
    if (!p.name.empty() && !p.title.empty()) out += " (" + html_escape(p.title) + ")";
    return out;
}

// "Day 2 of 4 (Tue 16 Mar &ndash; Fri 19 Mar)": which day of the block, and the block.
std::string block_text(const schedule::occurrence& o) {
    const auto first = o.date - std::chrono::days{o.day_index - 1};
    const auto last = first + std::chrono::days{o.day_count - 1};
    return "Day " + std::to_string(o.day_index) + " of " + std::to_string(o.day_count) + " (" + short_date(first) +
           " &ndash; " + short_date(last) + ")";
}

void add_fact(std::string& out, std::string_view label, const std::string& value_html) {
    out += "<dt>";
    out += label;
    out += "</dt><dd>" + value_html + "</dd>\n";
}

std::string facts_html(const schedule::occurrence& o) {
    std::string out = "<dl class=\"facts\">\n";
    add_fact(out, "When", html_escape(when_text(o)));
    if (o.day_count > 1) add_fact(out, "Day", block_text(o));
    if (!o.location.empty()) add_fact(out, "Where", html_escape(o.location));
    if (o.organizer) add_fact(out, "Organizer", person_html(*o.organizer));
    if (!o.attendees.empty()) {
        std::string people;
        for (const auto& p : o.attendees) {
            if (!people.empty()) people += ", ";
            people += person_html(p);
        }
        add_fact(out, "Attendees", people);
    }
    out += "</dl>\n";
    return out;
}

bool has_content(const schedule::occurrence& o) {
    return !o.description.empty() || !o.agenda.items.empty() || !o.remarks.empty();
}

}  // namespace

std::string agenda_page(const schedule::occurrence& o, const std::string& calendar_name) {
    std::string body = "<main class=\"page\">\n<a class=\"back\" href=\"/\">&larr; Year at a glance</a>\n";
    body += "<article class=\"card\">\n<div class=\"kind-bar\"></div>\n<div class=\"inner\">\n<p class=\"eyebrow\">";
    if (o.quarter.fiscal_year != 0) body += o.quarter.name() + " &middot; ";
    body += html_escape(calendar_name) + "</p>\n";
    body += "<h1>" + html_escape(o.title) + "</h1>\n";
    if (o.confidential) body += "<p class=\"badge\">Confidential</p>\n";
    body += facts_html(o);
    if (has_content(o))
        body += schedule::render_html(o) + "\n";
    else
        body += "<p class=\"hint\">No agenda is published for this meeting.</p>\n";
    body += "</div>\n</article>\n</main>\n";

    std::string css{base_css()};
    css += agenda_css();
    css += ":root{--k:";
    css += kind_colour(o.meeting_id);
    css += "}\n";
    return html_document(o.title + " - " + calendar_name, css, body);
}

}  // namespace cadenced::web
