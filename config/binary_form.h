#pragma once
// A compact binary form of config values. The embedded default is loaded,
// validated and written in this form at build time; at run time reading it
// back takes a few microseconds where parsing its TOML took most of a
// one-off export.
//
// The form is private to one build (the writer and the reader are always
// the same code), so it carries no version. Each struct lists its members
// once, in config_fields.h, for both directions.
//
//   std::string bytes;  encode(bytes, value);
//   byte_reader in{bytes};  decode(in, value);  in.expect_end();

#include <algorithm>
#include <array>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace cadenced::config::detail {

/// Bytes that do not decode: a build whose blob and reader disagree.
class binary_form_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class byte_reader {
public:
    explicit byte_reader(std::string_view bytes) : rest_{bytes} {}

    std::string_view take(std::size_t n) {
        if (n > rest_.size()) throw binary_form_error("prebuilt config ends early");
        const auto out = rest_.substr(0, n);
        rest_.remove_prefix(n);
        return out;
    }
    std::size_t remaining() const { return rest_.size(); }
    void expect_end() const {
        if (!rest_.empty()) throw binary_form_error("prebuilt config has trailing bytes");
    }

private:
    std::string_view rest_;
};

/// Types that list their members: fields(value, f) calls f(member, ...).
template <typename T>
concept has_fields = requires(T& value) { fields(value, [](auto&...) {}); };

// --- scalars: every integer, bool and enum as 8 bytes, little-endian on the
// only machines this runs on (the blob never leaves the build).

template <typename T>
    requires std::is_integral_v<T> || std::is_enum_v<T>
void encode(std::string& out, T value) {
    const auto wide = static_cast<std::int64_t>(value);
    char raw[sizeof wide];
    std::memcpy(raw, &wide, sizeof wide);
    out.append(raw, sizeof raw);
}

template <typename T>
    requires std::is_integral_v<T> || std::is_enum_v<T>
void decode(byte_reader& in, T& value) {
    std::int64_t wide = 0;
    std::memcpy(&wide, in.take(sizeof wide).data(), sizeof wide);
    value = static_cast<T>(wide);
}

inline void encode(std::string& out, const std::string& s) {
    encode(out, s.size());
    out += s;
}
inline void decode(byte_reader& in, std::string& s) {
    std::size_t n = 0;
    decode(in, n);
    s = in.take(n);
}

// --- calendar types, by their numbers.

template <typename Rep, typename Period>
void encode(std::string& out, std::chrono::duration<Rep, Period> d) {
    encode(out, d.count());
}
template <typename Rep, typename Period>
void decode(byte_reader& in, std::chrono::duration<Rep, Period>& d) {
    Rep count{};
    decode(in, count);
    d = std::chrono::duration<Rep, Period>{count};
}

inline void encode(std::string& out, std::chrono::weekday w) { encode(out, w.c_encoding()); }
inline void decode(byte_reader& in, std::chrono::weekday& w) {
    unsigned n = 0;
    decode(in, n);
    w = std::chrono::weekday{n};
}

inline void encode(std::string& out, std::chrono::month m) { encode(out, static_cast<unsigned>(m)); }
inline void decode(byte_reader& in, std::chrono::month& m) {
    unsigned n = 0;
    decode(in, n);
    m = std::chrono::month{n};
}

inline void encode(std::string& out, std::chrono::year_month_day d) {
    encode(out, static_cast<int>(d.year()));
    encode(out, static_cast<unsigned>(d.month()));
    encode(out, static_cast<unsigned>(d.day()));
}
inline void decode(byte_reader& in, std::chrono::year_month_day& d) {
    int y = 0;
    unsigned m = 0, day = 0;
    decode(in, y);
    decode(in, m);
    decode(in, day);
    d = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{day};
}

// --- containers. Declared before they are defined, so that a vector of
// optionals (or any nesting) finds every overload.

template <typename T>
void encode(std::string& out, const std::vector<T>& v);
template <typename T>
void decode(byte_reader& in, std::vector<T>& v);
template <typename T>
void encode(std::string& out, const std::optional<T>& o);
template <typename T>
void decode(byte_reader& in, std::optional<T>& o);
template <typename... T>
void encode(std::string& out, const std::variant<T...>& v);
template <typename... T>
void decode(byte_reader& in, std::variant<T...>& v);
template <typename T, std::size_t N>
void encode(std::string& out, const std::array<T, N>& a);
template <typename T, std::size_t N>
void decode(byte_reader& in, std::array<T, N>& a);
template <typename K, typename V>
void encode(std::string& out, const std::map<K, V>& m);
template <typename K, typename V>
void decode(byte_reader& in, std::map<K, V>& m);
template <has_fields T>
void encode(std::string& out, const T& value);
template <has_fields T>
void decode(byte_reader& in, T& value);

template <typename T>
void encode(std::string& out, const std::vector<T>& v) {
    encode(out, v.size());
    for (const auto& x : v) encode(out, x);
}
template <typename T>
void decode(byte_reader& in, std::vector<T>& v) {
    std::size_t n = 0;
    decode(in, n);
    v.clear();
    // Every element takes at least a byte: a length beyond what is left is
    // caught by the reads that follow, not by a huge allocation first.
    v.reserve(std::min(n, in.remaining()));
    for (std::size_t i = 0; i < n; ++i) decode(in, v.emplace_back());
}

template <typename T>
void encode(std::string& out, const std::optional<T>& o) {
    encode(out, o.has_value());
    if (o) encode(out, *o);
}
template <typename T>
void decode(byte_reader& in, std::optional<T>& o) {
    bool present = false;
    decode(in, present);
    o.reset();
    if (present) decode(in, o.emplace());
}

template <typename... T>
void encode(std::string& out, const std::variant<T...>& v) {
    encode(out, v.index());
    std::visit([&](const auto& alternative) { encode(out, alternative); }, v);
}
template <typename... T>
void decode(byte_reader& in, std::variant<T...>& v) {
    std::size_t index = 0;
    decode(in, index);
    if (index >= sizeof...(T)) throw binary_form_error("prebuilt config has an unknown alternative");
    // The alternative whose position is `index`, made and read in place.
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((index == I ? decode(in, v.template emplace<I>()) : void()), ...);
    }(std::index_sequence_for<T...>{});
}

template <typename T, std::size_t N>
void encode(std::string& out, const std::array<T, N>& a) {
    for (const auto& x : a) encode(out, x);
}
template <typename T, std::size_t N>
void decode(byte_reader& in, std::array<T, N>& a) {
    for (auto& x : a) decode(in, x);
}

template <typename K, typename V>
void encode(std::string& out, const std::map<K, V>& m) {
    encode(out, m.size());
    for (const auto& [k, v] : m) {
        encode(out, k);
        encode(out, v);
    }
}
template <typename K, typename V>
void decode(byte_reader& in, std::map<K, V>& m) {
    std::size_t n = 0;
    decode(in, n);
    m.clear();
    for (std::size_t i = 0; i < n; ++i) {
        K k{};
        decode(in, k);
        decode(in, m[std::move(k)]);
    }
}

template <has_fields T>
void encode(std::string& out, const T& value) {
    fields(value, [&](const auto&... member) { (encode(out, member), ...); });
}
template <has_fields T>
void decode(byte_reader& in, T& value) {
    fields(value, [&](auto&... member) { (decode(in, member), ...); });
}

}  // namespace cadenced::config::detail
