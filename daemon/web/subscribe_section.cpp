#include "daemon/web/links.h"
#include "daemon/web/year_sections.h"
#include "schedule/agenda_render.h"

namespace cadenced::web {

using schedule::html_escape;

namespace {

std::string feed_html(const feed_link& f) {
    const std::string url = html_escape(f.url);
    std::string out = "<li class=\"feed\">\n<div class=\"feed-title\">" + html_escape(f.title);
    if (!f.name.empty() && f.name != f.title) out += " <span class=\"tag\">" + html_escape(f.name) + "</span>";
    out += "</div>\n<code class=\"url\">" + url + "</code>\n<p class=\"feed-links\">";
    if (const auto webcal = webcal_url(f.url))
        out += "<a class=\"button primary\" href=\"" + html_escape(*webcal) + "\">Subscribe in calendar app</a>";
    out += "<a class=\"button\" href=\"" + url + "\">Download .ics</a></p>\n</li>\n";
    return out;
}

}  // namespace

std::string subscribe_section(const std::vector<feed_link>& feeds) {
    std::string out = "<section class=\"card subscribe\" id=\"subscribe\" aria-labelledby=\"subscribe-h\">\n"
                      "<h2 id=\"subscribe-h\">Subscribe</h2>\n";
    if (feeds.empty()) {
        out += "<p class=\"hint\">No public feed is published.</p>\n</section>\n";
        return out;
    }
    out += "<p class=\"hint\">Subscribe once and your calendar app keeps the dates current by itself.</p>\n"
           "<ul class=\"feeds\">\n";
    for (const auto& f : feeds) out += feed_html(f);
    out += "</ul>\n"
           "<p class=\"hint small\">Google Calendar: Other calendars &rsaquo; + &rsaquo; From URL. "
           "Outlook: Add calendar &rsaquo; Subscribe from web. "
           "Apple Calendar: File &rsaquo; New Calendar Subscription.</p>\n"
           "</section>\n";
    return out;
}

}  // namespace cadenced::web
