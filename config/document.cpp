#include "config/document.h"

#include "config/suggest.h"

#include <algorithm>
#include <cstdio>

namespace cadenced::config::detail {

namespace {

// "owner: message in path", the shape of messages about a table's keys.
std::string about_table(const scope& where, const std::string& message, std::string_view context = {}) {
    std::string out = where.owner.empty() ? message : where.owner + ": " + message;
    if (!where.path.empty()) out += " in " + where.path;
    out += context;
    return out;
}

constexpr std::pair<std::string_view, unsigned> weekday_names[] = {
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
    {"friday", 5}, {"saturday", 6}, {"sunday", 0},
};

}  // namespace

document::document(std::string_view text, std::string source) : source_{std::move(source)} {
    try {
        root_ = toml::parse(text, std::string_view{source_});
    } catch (const toml::parse_error& e) {
        fail(e.source(), std::string{e.description()});
    }
}

void document::fail(const toml::source_region& at, const std::string& message) const {
    throw config_error(source_, line_of(at), column_of(at), message);
}

scope scope::child(std::string_view key) const { return scope{owner, key_path(key)}; }

std::string scope::key_path(std::string_view key) const {
    if (path.empty()) return std::string{key};
    // Array elements attach without a dot: agenda[1], not agenda.[1].
    if (key.starts_with('[')) return path + std::string{key};
    return path + "." + std::string{key};
}

std::string scope::subject(std::string_view key) const {
    const std::string p = key_path(key);
    return owner.empty() ? p : owner + ": " + p;
}

std::string scope::subject() const {
    if (path.empty()) return owner;
    return owner.empty() ? path : owner + ": " + path;
}

scope entry_scope(const toml::table& entry, std::string_view array, std::size_t index, std::string_view id_key) {
    std::string owner = std::string{array} + "[" + std::to_string(index + 1) + "]";
    if (const auto* id = entry.get_as<std::string>(id_key)) owner += " (" + std::string{id_key} + " " + quote(id->get()) + ")";
    return scope{owner, {}};
}

std::string iso_date(std::chrono::year_month_day d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buffer;
}

std::string quote(std::string_view text) { return "\"" + std::string{text} + "\""; }

std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a decimal number";
        case toml::node_type::boolean: return "true/false";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time of day";
        case toml::node_type::date_time: return "a date and time";
        case toml::node_type::array: return "a list";
        case toml::node_type::table: return "a table";
        case toml::node_type::none: break;
    }
    return "nothing";
}

std::string show_value(const toml::node& node) {
    if (const auto* s = node.as_string()) return quote(s->get());
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    return type_name(node);
}

std::string alternatives(const std::vector<std::string_view>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
        out += quote(values[i]);
    }
    return out;
}

bool same_name(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [&](char x, char y) { return lower(x) == lower(y); });
}

void value_reader::fail(const std::string& problem) const { doc_.fail(node_, subject_ + " " + problem); }

void value_reader::wrong_type(std::string_view expected) const {
    fail("must be " + std::string{expected} + ", got " + type_name(node_));
}

std::string value_reader::string(std::string_view expected) const {
    if (const auto* s = node_.as_string()) return s->get();
    wrong_type(expected);
}

std::int64_t value_reader::integer() const {
    if (const auto* i = node_.as_integer()) return i->get();
    wrong_type("an integer");
}

int value_reader::integer(int min, int max) const {
    const std::int64_t v = integer();
    if (v < min || v > max) {
        const std::string range = min < 0 ? "between " + std::to_string(min) + " and " + std::to_string(max)
                                           : std::to_string(min) + "-" + std::to_string(max);
        fail("must be " + range + ", got " + std::to_string(v));
    }
    return static_cast<int>(v);
}

bool value_reader::boolean() const {
    if (const auto* b = node_.as_boolean()) return b->get();
    wrong_type("true or false");
}

std::chrono::year_month_day value_reader::date() const {
    // A quoted "2027-12-25" is a string to TOML; say how to write a date.
    const auto* d = node_.as_date();
    if (!d) wrong_type("a date such as 2027-12-25 (written without quotes)");
    const toml::date v = d->get();
    return std::chrono::year_month_day{std::chrono::year{v.year}, std::chrono::month{v.month},
                                       std::chrono::day{v.day}};
}

const toml::table& value_reader::table() const {
    if (const auto* t = node_.as_table()) return *t;
    wrong_type("a table");
}

const toml::array& value_reader::array(std::string_view expected) const {
    if (const auto* a = node_.as_array()) return *a;
    wrong_type(expected);
}

std::vector<int> value_reader::distinct_integers(int min, int max) const {
    const auto& list = array("a list such as [" + std::to_string(min) + ", " + std::to_string(min + 1) + "]");
    if (list.empty()) fail("must not be empty");
    std::vector<int> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const value_reader element{doc_, list[i], subject_ + "[" + std::to_string(i + 1) + "]"};
        const int v = element.integer(min, max);
        if (std::find(out.begin(), out.end(), v) != out.end())
            doc_.fail(list[i], subject_ + " lists " + std::to_string(v) + " twice");
        out.push_back(v);
    }
    return out;
}

std::vector<std::string> value_reader::strings() const {
    const auto& list = array("a list of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(value_reader{doc_, list[i], subject_ + "[" + std::to_string(i + 1) + "]"}.string());
    return out;
}

std::chrono::weekday value_reader::weekday() const {
    std::vector<std::pair<std::string_view, unsigned>> options(std::begin(weekday_names), std::end(weekday_names));
    return std::chrono::weekday{choice(options)};
}

void value_reader::fail_choice(const std::string& got, const std::vector<std::string_view>& names) const {
    fail("must be " + alternatives(names) + ", got " + quote(got) + did_you_mean(got, names));
}

void table_reader::allow_only(const std::vector<std::string_view>& allowed, std::string_view context) const {
    // toml++ keeps keys sorted by name; report the first one in the text.
    const auto before = [](const toml::key& a, const toml::key& b) {
        const auto& x = a.source().begin;
        const auto& y = b.source().begin;
        return x.line < y.line || (x.line == y.line && x.column < y.column);
    };
    const toml::key* first = nullptr;
    for (const auto& [key, value] : table_) {
        if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
        if (!first || before(key, *first)) first = &key;
    }
    if (!first) return;
    const std::string message = "unknown key " + quote(first->str());
    std::string text = where_.owner.empty() && where_.path.empty()
                           ? "unknown top-level key " + quote(first->str()) + std::string{context}
                           : about_table(where_, message, context);
    doc_.fail(first->source(), text + did_you_mean(first->str(), allowed));
}

const toml::node* table_reader::find(std::string_view key) const { return table_.get(key); }

value_reader table_reader::require(std::string_view key) const {
    if (const auto* n = find(key)) return value_reader{doc_, *n, where_.subject(key)};
    const std::string message = "missing required key " + quote(key);
    doc_.fail(table_, where_.owner.empty() && where_.path.empty() ? message : about_table(where_, message));
}

std::optional<value_reader> table_reader::get(std::string_view key) const {
    if (const auto* n = find(key)) return value_reader{doc_, *n, where_.subject(key)};
    return std::nullopt;
}

void table_reader::fail(std::string_view key, const std::string& problem) const {
    const auto* n = find(key);
    doc_.fail(n ? *n : static_cast<const toml::node&>(table_), where_.subject(key) + " " + problem);
}

void table_reader::fail_here(const std::string& problem) const {
    const std::string s = where_.subject();
    doc_.fail(table_, s.empty() ? problem : s + " " + problem);
}

std::optional<std::string> table_reader::string(std::string_view key) const {
    if (auto v = get(key)) return v->string();
    return std::nullopt;
}

std::optional<int> table_reader::integer(std::string_view key, int min, int max) const {
    if (auto v = get(key)) return v->integer(min, max);
    return std::nullopt;
}

std::optional<bool> table_reader::boolean(std::string_view key) const {
    if (auto v = get(key)) return v->boolean();
    return std::nullopt;
}

std::optional<std::vector<std::string>> table_reader::strings(std::string_view key) const {
    if (auto v = get(key)) return v->strings();
    return std::nullopt;
}

std::optional<std::vector<int>> table_reader::distinct_integers(std::string_view key, int min, int max) const {
    if (auto v = get(key)) return v->distinct_integers(min, max);
    return std::nullopt;
}

std::optional<table_reader> sub_table(const table_reader& parent, std::string_view key) {
    const auto value = parent.get(key);
    if (!value) return std::nullopt;
    return table_reader{parent.doc(), value->table(), parent.where().child(key)};
}

std::vector<const toml::table*> tables_of(const table_reader& parent, std::string_view key,
                                          std::string_view example) {
    std::vector<const toml::table*> out;
    const auto value = parent.get(key);
    if (!value) return out;
    const auto& list = value->array("a list of tables such as " + std::string{example});
    for (std::size_t i = 0; i < list.size(); ++i) {
        const value_reader element{parent.doc(), list[i], value->subject() + "[" + std::to_string(i + 1) + "]"};
        if (!list[i].is_table()) element.wrong_type("a table such as " + std::string{example});
        out.push_back(list[i].as_table());
    }
    return out;
}

}  // namespace cadenced::config::detail
