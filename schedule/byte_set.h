#pragma once
// A set of bytes with a one-load membership test, for text scanners that
// copy runs of ordinary text whole and stop only at the few bytes that need
// care (escapes, placeholders, control characters). These scanners run over
// every agenda text of every event.

#include <array>
#include <cstddef>
#include <string_view>

namespace cadenced::schedule {

class byte_set {
public:
    constexpr explicit byte_set(std::string_view members) {
        for (const char c : members) bits_[static_cast<unsigned char>(c)] = true;
    }

    /// The bytes for which `predicate(unsigned char)` holds.
    template <typename Predicate>
    static constexpr byte_set matching(Predicate predicate) {
        byte_set s{std::string_view{}};
        for (unsigned b = 0; b < 256; ++b) s.bits_[b] = predicate(static_cast<unsigned char>(b));
        return s;
    }

    constexpr bool contains(char c) const { return bits_[static_cast<unsigned char>(c)]; }

    /// The offset of the first byte of `text` at or after `from` that is in
    /// the set, or text.size().
    constexpr std::size_t find_in(std::string_view text, std::size_t from = 0) const {
        const char* p = text.data();
        const std::size_t n = text.size();
        // Eight lookups per bounds check, or-ed without branches; the exact
        // byte is found by the loop below.
        while (from + 8 <= n && !(contains(p[from]) | contains(p[from + 1]) | contains(p[from + 2]) |
                                  contains(p[from + 3]) | contains(p[from + 4]) | contains(p[from + 5]) |
                                  contains(p[from + 6]) | contains(p[from + 7])))
            from += 8;
        while (from < n && !contains(p[from])) ++from;
        return from;
    }

private:
    std::array<bool, 256> bits_{};
};

}  // namespace cadenced::schedule
