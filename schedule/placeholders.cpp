#include "schedule/placeholders.h"

#include "schedule/byte_set.h"

#include <array>

namespace cadenced::schedule {

using namespace std::chrono;

namespace {

constexpr std::array<std::string_view, 7> weekday_names{
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::string_view next_prefix = "next:";

constexpr byte_set braces{"{}"};

constexpr std::array<std::string_view, 10> simple_names{
    "quarter",           "fiscal_year", "period", "prior_quarter", "next_quarter", "prior_fiscal_year",
    "next_fiscal_year", "day",         "days",   "anchor_date"};

bool is_simple_name(std::string_view name) {
    for (auto known : simple_names)
        if (known == name) return true;
    return false;
}

std::string fiscal_year_name(int fy) { return "FY" + std::to_string(fy); }

// The value of one placeholder, or nullopt when it has none in this context.
std::optional<std::string> value_of(std::string_view name, const placeholder_context& ctx) {
    const fiscal_quarter q = ctx.quarter;
    if (name == "quarter") return q.quarter_name();
    if (name == "fiscal_year") return q.year_name();
    if (name == "period") return q.name();
    if (name == "prior_quarter") return fiscal_calendar::previous(q).name();
    if (name == "next_quarter") return fiscal_calendar::next(q).name();
    if (name == "prior_fiscal_year") return fiscal_year_name(q.fiscal_year - 1);
    if (name == "next_fiscal_year") return fiscal_year_name(q.fiscal_year + 1);
    if (name == "day") return std::to_string(ctx.day_index);
    if (name == "days") return std::to_string(ctx.day_count);
    if (name == "anchor_date") {
        if (!ctx.anchor_date) return std::nullopt;
        return long_date(*ctx.anchor_date);
    }
    if (name.starts_with(next_prefix) && ctx.next_date) {
        auto d = ctx.next_date(name.substr(next_prefix.size()));
        if (!d) return std::string{"(not yet scheduled)"};
        return long_date(*d);
    }
    return std::nullopt;
}

// Walks `text`, calling `literal(piece)` for plain text and
// `placeholder(name, offset)` for each {name}. Returns the offset of an
// unterminated "{" or nullopt.
template <typename Literal, typename Placeholder>
std::optional<std::size_t> scan(std::string_view text, Literal literal, Placeholder placeholder) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            literal(text.substr(i, 1));
            i += 2;
            continue;
        }
        if (c == '{') {
            const auto close = text.find('}', i + 1);
            if (close == std::string_view::npos) return i;
            placeholder(text.substr(i + 1, close - i - 1), i);
            i = close + 1;
            continue;
        }
        const auto stop = braces.find_in(text, i + 1);
        literal(text.substr(i, stop - i));
        i = stop;
    }
    return std::nullopt;
}

}  // namespace

std::string long_date(year_month_day d) {
    const weekday wd{sys_days{d}};
    std::string out{weekday_names[wd.c_encoding()]};
    out += ' ';
    out += std::to_string(static_cast<unsigned>(d.day()));
    out += ' ';
    out += month_names[static_cast<unsigned>(d.month()) - 1];
    out += ' ';
    out += std::to_string(static_cast<int>(d.year()));
    return out;
}

std::string month_and_year(year_month ym) {
    return std::string{month_names[static_cast<unsigned>(ym.month()) - 1]} + " " +
           std::to_string(static_cast<int>(ym.year()));
}

std::string expand(std::string_view text, const placeholder_context& ctx) {
    if (braces.find_in(text) == text.size()) return std::string{text};  // most texts have none
    std::string out;
    out.reserve(text.size() + 16);
    const auto unterminated = scan(
        text, [&](std::string_view piece) { out += piece; },
        [&](std::string_view name, std::size_t) {
            if (auto v = value_of(name, ctx)) {
                out += *v;
            } else {
                // Unknown names are rejected at config load; keep the text
                // visible rather than dropping it silently.
                out += '{';
                out += name;
                out += '}';
            }
        });
    if (unterminated) out += text.substr(*unterminated);
    return out;
}

std::optional<placeholder_problem> check_placeholders(
    std::string_view text, const std::function<bool(std::string_view)>& series_exists) {
    std::optional<placeholder_problem> problem;
    const auto unterminated = scan(
        text, [](std::string_view) {},
        [&](std::string_view name, std::size_t offset) {
            if (problem) return;
            if (is_simple_name(name)) return;
            if (name.starts_with(next_prefix)) {
                const auto id = name.substr(next_prefix.size());
                if (!series_exists(id))
                    problem = placeholder_problem{
                        offset, "placeholder {" + std::string{name} + "} names unknown meeting \"" +
                                    std::string{id} + "\""};
                return;
            }
            problem = placeholder_problem{
                offset, "unknown placeholder {" + std::string{name} +
                            "}; known: {quarter}, {fiscal_year}, {period}, {prior_quarter}, {next_quarter}, "
                            "{prior_fiscal_year}, {next_fiscal_year}, {day}, {days}, {anchor_date}, {next:ID}"};
        });
    if (!problem && unterminated)
        problem = placeholder_problem{*unterminated, "unterminated placeholder: \"{\" without \"}\" (write {{ for a brace)"};
    return problem;
}

}  // namespace cadenced::schedule
