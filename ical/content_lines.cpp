#include "ical/content_lines.h"

#include "ical/fold.h"
#include "ical/text.h"
#include "schedule/byte_set.h"

namespace cadenced::ical {

namespace {

bool is_fold(std::string_view text, std::size_t crlf) {
    return crlf + 2 < text.size() && (text[crlf + 2] == ' ' || text[crlf + 2] == '\t');
}

// Removes libical's folding: each CRLF followed by one space or tab.
std::string unfold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t from = 0;
    for (auto crlf = text.find("\r\n"); crlf != std::string_view::npos; crlf = text.find("\r\n", crlf + 2)) {
        if (!is_fold(text, crlf)) continue;
        out.append(text.substr(from, crlf - from));
        from = crlf + 3;
    }
    out.append(text.substr(from));
    return out;
}

std::string_view property_name(std::string_view line) {
    return line.substr(0, line.find_first_of(";:"));
}

// Offset of the value: just after the first ':' outside a quoted parameter
// value, or npos.
std::size_t value_offset(std::string_view line) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        else if (line[i] == ':' && !quoted) return i + 1;
    }
    return std::string_view::npos;
}

enum class separators { none, text, list };

separators separators_to_escape(std::string_view name) {
    if (name.starts_with("X-")) return separators::text;
    if (name == "CATEGORIES") return separators::list;
    return separators::none;
}

// The line with ',' and ';' of its value escaped as TEXT requires; in a list
// (CATEGORIES) ',' separates values and category_comma stands for a comma
// inside one.
std::string escape_separators(std::string_view line, std::size_t value_at, separators kind) {
    constexpr char specials[] = {'\\', ';', ',', category_comma, '\0'};
    std::string out;
    out.reserve(line.size() + 32);
    std::size_t from = 0;
    for (auto i = line.find_first_of(specials, value_at); i != std::string_view::npos;
         i = line.find_first_of(specials, from)) {
        out.append(line.substr(from, i - from));
        const char c = line[i];
        from = i + 1;
        if (c == '\\') {
            // libical's own escape: keep it with the character it escapes.
            out += c;
            if (from < line.size()) out += line[from++];
        } else if (c == category_comma) {
            out += "\\,";  // only a CATEGORIES value holds it
        } else if (c == ',' && kind == separators::list) {
            out += c;
        } else {
            out += '\\';
            out += c;
        }
    }
    out.append(line.substr(from));
    return out;
}

void append_line(std::string& out, std::string_view line) {
    const auto kind = separators_to_escape(property_name(line));
    const auto value_at = kind == separators::none ? std::string_view::npos : value_offset(line);
    if (value_at == std::string_view::npos) {
        append_folded(out, line);
    } else {
        append_folded(out, escape_separators(line, value_at, kind));
    }
}

}  // namespace

void append_content_lines(std::string& out, std::string_view serialised) {
    while (!serialised.empty()) {
        const auto end = serialised.find("\r\n");
        if (end == std::string_view::npos) {
            append_line(out, serialised);
            return;
        }
        if (is_fold(serialised, end)) {
            // Unfold the rest in one go: that also rejoins a CR LF that
            // libical split with a fold.
            const std::string rest = unfold(serialised);
            append_content_lines(out, rest);
            return;
        }
        append_line(out, serialised.substr(0, end));
        serialised.remove_prefix(end + 2);
    }
}

void append_text_property(std::string& out, std::string_view head, std::string_view value) {
    std::string line;
    line.reserve(head.size() + 1 + value.size() + value.size() / 16);
    line.append(head);
    line += ':';
    // Runs of plain text are copied whole; only the four specials are
    // looked at one by one. This runs over every agenda text.
    static constexpr schedule::byte_set specials{"\\;,\n"};
    std::size_t run = 0;
    for (auto i = specials.find_in(value); i < value.size(); i = specials.find_in(value, run)) {
        const char c = value[i];
        line.append(value.data() + run, i - run);
        line += '\\';
        line += c == '\n' ? 'n' : c;
        run = i + 1;
    }
    line.append(value.data() + run, value.size() - run);
    append_folded(out, line);
}

}  // namespace cadenced::ical
