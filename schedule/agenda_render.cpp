#include "schedule/agenda_render.h"

#include "schedule/byte_set.h"


namespace cadenced::schedule {

using namespace std::chrono;

std::string clock_time(local_seconds t) {
    const auto since_midnight = t - floor<days>(t);
    const auto h = duration_cast<hours>(since_midnight);
    const auto m = duration_cast<minutes>(since_midnight - h);
    const int hh = static_cast<int>(h.count()), mm = static_cast<int>(m.count());
    // Hand-formatted: this runs for every agenda item of every event.
    return {static_cast<char>('0' + hh / 10), static_cast<char>('0' + hh % 10), ':',
            static_cast<char>('0' + mm / 10), static_cast<char>('0' + mm % 10)};
}

std::string html_escape(std::string_view text) {
    static constexpr byte_set specials{"&<>\"'"};
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t from = 0;
    for (auto at = specials.find_in(text); at < text.size(); at = specials.find_in(text, from)) {
        out.append(text, from, at - from);
        switch (text[at]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += "&#39;"; break;
        }
        from = at + 1;
    }
    out.append(text, from);
    return out;
}

namespace {

std::string time_span(const timed_item& item) {
    if (!item.start || !item.end) return {};
    return clock_time(*item.start) + "-" + clock_time(*item.end);
}

std::string agenda_heading(const occurrence& o) {
    return o.agenda.title.empty() ? "Agenda" : "Agenda: " + o.agenda.title;
}

// Description paragraphs are separated by blank lines; single newlines
// inside a paragraph are kept as line breaks.
void append_paragraphs_html(std::string& out, std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find("\n\n", pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view para = text.substr(pos, end - pos);
        while (!para.empty() && para.front() == '\n') para.remove_prefix(1);
        if (!para.empty()) {
            out += "<p>";
            std::size_t line_start = 0;
            while (true) {
                const auto nl = para.find('\n', line_start);
                out += html_escape(para.substr(line_start, nl == std::string_view::npos ? std::string_view::npos : nl - line_start));
                if (nl == std::string_view::npos) break;
                out += "<br>";
                line_start = nl + 1;
            }
            out += "</p>\n";
        }
        pos = end + 2;
    }
}

}  // namespace

std::string render_text(const occurrence& o) {
    std::string out = o.description;
    auto section_break = [&] {
        if (!out.empty()) out += "\n\n";
    };
    if (!o.agenda.items.empty()) {
        section_break();
        out += agenda_heading(o);
        for (const auto& item : o.agenda.items) {
            out += '\n';
            const std::string span = time_span(item);
            out += span.empty() ? "- " : span + " ";
            out += item.title;
            if (!item.owner.empty()) out += " (" + item.owner + ")";
            for (const auto& note : item.notes) out += "\n    - " + note;
        }
    }
    if (!o.remarks.empty()) {
        section_break();
        bool first = true;
        for (const auto& r : o.remarks) {
            if (!first) out += '\n';
            out += r.text;
            first = false;
        }
    }
    return out;
}

std::string render_html(const occurrence& o) {
    std::string out = "<div class=\"cadenced-agenda\">\n";
    append_paragraphs_html(out, o.description);
    if (!o.agenda.items.empty()) {
        out += "<h3>" + html_escape(agenda_heading(o)) + "</h3>\n<ul>\n";
        for (const auto& item : o.agenda.items) {
            out += "<li>";
            const std::string span = time_span(item);
            if (!span.empty()) out += "<b>" + span + "</b> ";
            out += html_escape(item.title);
            if (!item.owner.empty()) out += " <i>(" + html_escape(item.owner) + ")</i>";
            if (!item.notes.empty()) {
                out += "\n<ul>\n";
                for (const auto& note : item.notes) out += "<li>" + html_escape(note) + "</li>\n";
                out += "</ul>\n";
            }
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    for (const auto& r : o.remarks) out += "<p><i>" + html_escape(r.text) + "</i></p>\n";
    out += "</div>";
    return out;
}

}  // namespace cadenced::schedule
