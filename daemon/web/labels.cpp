#include "daemon/web/labels.h"

#include <vector>

namespace cadenced::web {

namespace {

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// Drops "(...)" groups; an unbalanced "(" keeps the rest of the text.
std::string without_parentheses(std::string_view text) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(' && text.find(')', i) != std::string_view::npos) {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

bool is_separator(std::string_view word) { return word == "-" || word == "|" || word == "/" || word == ":"; }

}  // namespace

bool is_busy_block(const schedule::occurrence& o) {
    return o.confidential && o.agenda.items.empty() && o.description.empty() && o.remarks.empty();
}

std::string short_title(const schedule::occurrence& o) {
    const std::string quarter = o.quarter.quarter_name();
    const std::string fiscal_year = o.quarter.year_name();
    const std::string bare = without_parentheses(o.title);

    std::vector<std::string_view> kept;
    for (auto word : words_of(bare)) {
        if (word == quarter || word == fiscal_year) continue;
        kept.push_back(word);
    }
    // "Offsite - Q1 FY2028" would otherwise end in a dangling dash.
    while (!kept.empty() && is_separator(kept.back())) kept.pop_back();
    while (!kept.empty() && is_separator(kept.front())) kept.erase(kept.begin());

    std::string out;
    for (auto word : kept) {
        if (!out.empty()) out += ' ';
        out += word;
    }
    while (!out.empty() && (out.back() == ',' || out.back() == ':' || out.back() == ';')) out.pop_back();
    return out.empty() ? o.title : out;
}

std::string chip_label(const schedule::occurrence& o) {
    std::string label = short_title(o);
    if (o.day_count > 1) label += " " + std::to_string(o.day_index) + "/" + std::to_string(o.day_count);
    return label;
}

}  // namespace cadenced::web
