#include "daemon/web/chip.h"

#include "daemon/web/dates.h"
#include "daemon/web/labels.h"
#include "daemon/web/links.h"
#include "schedule/agenda_render.h"

namespace cadenced::web {

using schedule::html_escape;

namespace {

std::string tooltip(const schedule::occurrence& o) {
    std::string text = o.title;
    text += o.all_day ? ", all day" : ", " + time_span(o);
    if (o.confidential) text += " (confidential)";
    return text;
}

std::string chip_body(const schedule::occurrence& o) {
    std::string out;
    if (!o.all_day) out += "<b>" + schedule::clock_time(o.start) + "</b> ";
    out += html_escape(chip_label(o));
    return out;
}

}  // namespace

std::string chip_html(const schedule::occurrence& o, const kind_table& kinds, std::string_view agenda_base) {
    if (is_busy_block(o)) {
        return "<span class=\"chip busy\" title=\"" + html_escape(tooltip(o)) + "\">" + chip_body(o) + "</span>";
    }
    const kind_entry* kind = kinds.find(o.meeting_id);
    std::string out = "<a class=\"chip ";
    if (kind != nullptr) out += kind->css_class;
    if (o.all_day) out += " allday";
    out += "\" data-kind=\"" + html_escape(o.meeting_id) + "\" href=\"" +
           html_escape(agenda_href(agenda_base, o.uid)) + "\" title=\"" + html_escape(tooltip(o)) + "\">";
    out += chip_body(o);
    out += "</a>";
    return out;
}

}  // namespace cadenced::web
