#include "ical/text.h"

#include "schedule/byte_set.h"

#include <string_view>
#include <utility>

namespace cadenced::ical {

namespace {

constexpr bool is_kept_byte(unsigned char u) {
    return u == '\n' || u == '\t' || (u >= 0x20 && u != 0x7F);
}

constexpr auto unwanted = schedule::byte_set::matching([](unsigned char u) { return !is_kept_byte(u); });

bool is_kept(char c) { return !unwanted.contains(c); }

bool needs_cleaning(std::string_view text) { return unwanted.find_in(text) < text.size(); }

}  // namespace

std::string clean_text(std::string text) {
    if (!needs_cleaning(text)) return text;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            // CR LF and a lone CR are both one line break.
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (is_kept(c)) {
            out += c;
        }
    }
    return out;
}

std::string clean_parameter(std::string text) {
    std::string out = clean_text(std::move(text));
    for (char& c : out) {
        if (c == '\n' || c == '\t') c = ' ';
        else if (c == '"') c = '\'';
    }
    return out;
}

std::string category_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        std::string cleaned = clean_text(name);
        if (cleaned.empty()) continue;
        for (char& c : cleaned) {
            if (c == '\n' || c == '\t') c = ' ';
            else if (c == ',') c = category_comma;
        }
        if (!out.empty()) out += ',';
        out += cleaned;
    }
    return out;
}

}  // namespace cadenced::ical
