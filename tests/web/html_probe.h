#pragma once
// Small string probes over the pages' HTML, enough to assert structure
// without an HTML parser: counts, the section between two markers, and the
// day cell and column a piece of markup sits in.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace web_test {

inline std::size_t count(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string_view::npos; pos = text.find(needle, pos + needle.size())) ++n;
    return n;
}

inline bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

/// The text from `from` up to `to` (or the end); empty if `from` is absent.
inline std::string_view between(std::string_view text, std::string_view from, std::string_view to) {
    const auto a = text.find(from);
    if (a == std::string_view::npos) return {};
    const auto b = text.find(to, a + from.size());
    return text.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a);
}

/// The ISO date of the day cell containing offset `pos`: the last
/// id="dYYYY-MM-DD" before it, or "" if there is none in the same row.
inline std::string day_cell_at(std::string_view page, std::size_t pos) {
    const auto cell = page.rfind("<td class=\"day", pos);
    const auto row = page.rfind("<tr>", pos);
    if (cell == std::string_view::npos || (row != std::string_view::npos && cell < row)) return {};
    const auto id = page.find(" id=\"d", cell);
    return std::string{page.substr(id + 6, 10)};
}

/// 0 (Monday) to 6 (Sunday): the column of the day cell with id "d" + iso,
/// counted from its row's start; -1 if the cell is missing.
inline int column_of(std::string_view page, std::string_view iso) {
    const auto id = page.find("id=\"d" + std::string{iso} + "\"");
    if (id == std::string_view::npos) return -1;
    const auto row = page.rfind("<tr>", id);
    return static_cast<int>(count(page.substr(row, id - row), "<td")) - 1;
}

/// The <h3> month names of a section, in order.
inline std::vector<std::string> month_headings(std::string_view section) {
    std::vector<std::string> out;
    for (auto pos = section.find("<h3>"); pos != std::string_view::npos; pos = section.find("<h3>", pos + 4)) {
        const auto end = section.find("</h3>", pos);
        out.emplace_back(section.substr(pos + 4, end - pos - 4));
    }
    return out;
}

}  // namespace web_test
