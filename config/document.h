#pragma once
// Typed access to a parsed TOML document. Every check throws a config_error
// placed at the offending key or value, so that a user can go straight to
// the line that needs fixing.

#include "config/config.h"

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadenced::config::detail {

/// A parsed TOML text and the name it goes by in messages. Parsed nodes are
/// referred to by address while loading, so a document never moves.
class document {
public:
    /// Throws config_error at toml++'s position on a syntax error.
    document(std::string_view text, std::string source);
    document(const document&) = delete;
    document& operator=(const document&) = delete;

    const std::string& source() const { return source_; }
    const toml::table& root() const { return root_; }

    [[noreturn]] void fail(const toml::source_region& at, const std::string& message) const;
    [[noreturn]] void fail(const toml::node& at, const std::string& message) const { fail(at.source(), message); }

private:
    std::string source_;
    toml::table root_;
};

/// What a message is about. `owner` names one entry of an array of tables,
/// e.g. `meetings[2] (id "standup")`; `path` is the key path inside it, e.g.
/// `when`. Outside any entry the owner is empty and the path starts at the
/// top, e.g. `calendar`.
struct scope {
    std::string owner;
    std::string path;

    /// The scope of a sub-table or array element: child("when"), child("agenda[1]").
    scope child(std::string_view key) const;
    /// `when.nth`, `calendar.refresh_minutes`.
    std::string key_path(std::string_view key) const;
    /// How a message about `key` starts: `meetings[2] (id "standup"): when.nth`.
    std::string subject(std::string_view key) const;
    /// How a message about the scope itself starts (the owner when the path is empty).
    std::string subject() const;
};

/// `"text"` with quotes.
std::string quote(std::string_view text);
/// `a string`, `an integer`, `a table`, ...: how "got ..." names a type.
std::string type_name(const toml::node& node);
/// `7`, `"first"`, or the type name for anything else.
std::string show_value(const toml::node& node);
/// `"a", "b" or "c"`.
std::string alternatives(const std::vector<std::string_view>& values);
/// ASCII case-insensitive equality, for names of weekdays, months and choices.
bool same_name(std::string_view a, std::string_view b);

/// Checks on one value, named `subject` in messages.
class value_reader {
public:
    value_reader(const document& doc, const toml::node& node, std::string subject)
        : doc_{doc}, node_{node}, subject_{std::move(subject)} {}

    const toml::node& node() const { return node_; }
    const std::string& subject() const { return subject_; }

    /// "<subject> <problem>" at this value.
    [[noreturn]] void fail(const std::string& problem) const;
    /// "<subject> must be <expected>, got <type>".
    [[noreturn]] void wrong_type(std::string_view expected) const;

    std::string string(std::string_view expected = "a string") const;
    std::int64_t integer() const;
    /// An integer in [min, max]: "must be MIN-MAX, got N".
    int integer(int min, int max) const;
    bool boolean() const;
    std::chrono::year_month_day date() const;
    const toml::table& table() const;
    const toml::array& array(std::string_view expected = "an array") const;
    /// A non-empty list of distinct integers in [min, max].
    std::vector<int> distinct_integers(int min, int max) const;
    std::vector<std::string> strings() const;
    std::chrono::weekday weekday() const;

    /// One of `options` (matched ignoring case), else "must be "a", "b" or
    /// "c", got "x"" with a suggestion when one is close.
    template <typename E>
    E choice(const std::vector<std::pair<std::string_view, E>>& options) const {
        const std::string text = string();
        std::vector<std::string_view> names;
        for (const auto& [name, value] : options) {
            if (same_name(name, text)) return value;
            names.push_back(name);
        }
        fail_choice(text, names);
    }

private:
    [[noreturn]] void fail_choice(const std::string& got, const std::vector<std::string_view>& names) const;

    const document& doc_;
    const toml::node& node_;
    std::string subject_;
};

/// Checks on one table: its keys and typed access to its values.
class table_reader {
public:
    table_reader(const document& doc, const toml::table& table, scope where)
        : doc_{doc}, table_{table}, where_{std::move(where)} {}

    const document& doc() const { return doc_; }
    const toml::table& table() const { return table_; }
    const scope& where() const { return where_; }

    /// Rejects the first key, in file order, that is not in `allowed`,
    /// suggesting the closest allowed one. `context` is added after the
    /// table's name, e.g. ` for rule "dates"`.
    void allow_only(const std::vector<std::string_view>& allowed, std::string_view context = {}) const;

    bool has(std::string_view key) const { return find(key) != nullptr; }
    const toml::node* find(std::string_view key) const;
    /// The value of `key`, or "missing required key" at the table.
    value_reader require(std::string_view key) const;
    std::optional<value_reader> get(std::string_view key) const;
    /// "<subject of key> <problem>" at the key's value.
    [[noreturn]] void fail(std::string_view key, const std::string& problem) const;
    /// "<subject of the table> <problem>" at the table.
    [[noreturn]] void fail_here(const std::string& problem) const;

    std::optional<std::string> string(std::string_view key) const;
    std::optional<int> integer(std::string_view key, int min, int max) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<std::vector<std::string>> strings(std::string_view key) const;
    std::optional<std::vector<int>> distinct_integers(std::string_view key, int min, int max) const;

private:
    const document& doc_;
    const toml::table& table_;
    scope where_;
};

/// The sub-table `key` of `parent`, or nullopt when absent.
std::optional<table_reader> sub_table(const table_reader& parent, std::string_view key);

/// Every table of the array of tables `key` of `parent`, or none when the key
/// is absent. `example` shows how to write one, e.g. `[[meetings]]`.
std::vector<const toml::table*> tables_of(const table_reader& parent, std::string_view key,
                                          std::string_view example);

/// The scope of entry `index` (0-based) of the array of tables `array`,
/// named by its `id_key` when that is a string: `meetings[2] (id "standup")`.
scope entry_scope(const toml::table& entry, std::string_view array, std::size_t index, std::string_view id_key);

/// "2027-12-25".
std::string iso_date(std::chrono::year_month_day d);

/// The position where a message about `node` points: line and column of its start.
inline int line_of(const toml::source_region& r) { return static_cast<int>(r.begin.line); }
inline int column_of(const toml::source_region& r) { return static_cast<int>(r.begin.column); }

}  // namespace cadenced::config::detail
