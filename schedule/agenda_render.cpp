#include "schedule/agenda_render.h"

#include "schedule/byte_set.h"

namespace cadenced::schedule {

using namespace std::chrono;

namespace {

void append_clock_time(std::string& out, local_seconds t) {
    // Seconds since midnight by plain arithmetic: this runs for every item.
    auto of_day = t.time_since_epoch().count() % 86400;
    if (of_day < 0) of_day += 86400;
    const int hh = static_cast<int>(of_day / 3600), mm = static_cast<int>(of_day / 60 % 60);
    // Hand-formatted: this runs for every agenda item of every event.
    const char text[] = {static_cast<char>('0' + hh / 10), static_cast<char>('0' + hh % 10), ':',
                         static_cast<char>('0' + mm / 10), static_cast<char>('0' + mm % 10)};
    out.append(text, sizeof text);
}

// "10:00-10:10", or nothing for an untimed item.
void append_time_span(std::string& out, const timed_item& item) {
    if (!item.start || !item.end) return;
    append_clock_time(out, *item.start);
    out += '-';
    append_clock_time(out, *item.end);
}

void append_agenda_heading(std::string& out, const occurrence& o) {
    out += "Agenda";
    if (!o.agenda.title.empty()) {
        out += ": ";
        out += o.agenda.title;
    }
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
                append_html_escaped(out, para.substr(line_start, nl == std::string_view::npos ? std::string_view::npos
                                                                                              : nl - line_start));
                if (nl == std::string_view::npos) break;
                out += "<br>";
                line_start = nl + 1;
            }
            out += "</p>\n";
        }
        pos = end + 2;
    }
}

// A first guess at the rendered size, so that the text is built without
// growing: the texts plus room for clock times and markup.
std::size_t rendered_size_hint(const occurrence& o) {
    std::size_t n = o.description.size() + o.agenda.title.size() + 64;
    for (const auto& item : o.agenda.items) {
        n += item.title.size() + item.owner.size() + 48;
        for (const auto& note : item.notes) n += note.size() + 24;
    }
    for (const auto& r : o.remarks) n += r.text.size() + 24;
    return n;
}

}  // namespace

std::string clock_time(local_seconds t) {
    std::string out;
    append_clock_time(out, t);
    return out;
}

void append_html_escaped(std::string& out, std::string_view text) {
    static constexpr byte_set specials{"&<>\"'"};
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
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_html_escaped(out, text);
    return out;
}

std::string render_text(const occurrence& o) {
    std::string out;
    out.reserve(rendered_size_hint(o));
    out += o.description;
    auto section_break = [&] {
        if (!out.empty()) out += "\n\n";
    };
    if (!o.agenda.items.empty()) {
        section_break();
        append_agenda_heading(out, o);
        for (const auto& item : o.agenda.items) {
            out += '\n';
            if (item.start && item.end) {
                append_time_span(out, item);
                out += ' ';
            } else {
                out += "- ";
            }
            out += item.title;
            if (!item.owner.empty()) {
                out += " (";
                out += item.owner;
                out += ')';
            }
            for (const auto& note : item.notes) {
                out += "\n    - ";
                out += note;
            }
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

void append_html(std::string& out, const occurrence& o) {
    out.reserve(out.size() + rendered_size_hint(o) + o.description.size() / 4 + 128);
    out += "<div class=\"cadenced-agenda\">\n";
    append_paragraphs_html(out, o.description);
    if (!o.agenda.items.empty()) {
        out += "<h3>";
        std::string heading;
        append_agenda_heading(heading, o);
        append_html_escaped(out, heading);
        out += "</h3>\n<ul>\n";
        for (const auto& item : o.agenda.items) {
            out += "<li>";
            if (item.start && item.end) {
                out += "<b>";
                append_time_span(out, item);
                out += "</b> ";
            }
            append_html_escaped(out, item.title);
            if (!item.owner.empty()) {
                out += " <i>(";
                append_html_escaped(out, item.owner);
                out += ")</i>";
            }
            if (!item.notes.empty()) {
                out += "\n<ul>\n";
                for (const auto& note : item.notes) {
                    out += "<li>";
                    append_html_escaped(out, note);
                    out += "</li>\n";
                }
                out += "</ul>\n";
            }
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    for (const auto& r : o.remarks) {
        out += "<p><i>";
        append_html_escaped(out, r.text);
        out += "</i></p>\n";
    }
    out += "</div>";
}

std::string render_html(const occurrence& o) {
    std::string out;
    append_html(out, o);
    return out;
}

}  // namespace cadenced::schedule
