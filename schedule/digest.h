#pragma once
// A 128-bit content digest (two 64-bit FNV-1a hashes with different offsets)
// for telling whether content changed: occurrence fingerprints, ETags. It
// detects change; it is no defence against an adversary, and needs none.

#include <cstdint>
#include <string>
#include <string_view>

namespace cadenced::schedule {

class content_digest {
public:
    /// Mixes in the bytes as they are.
    void add_bytes(std::string_view bytes) {
        for (unsigned char c : bytes) mix(c);
    }
    /// Mixes in a field, length first, so that moving text from one field
    /// to the next changes the digest.
    void add_field(std::string_view text) {
        add_number(static_cast<long long>(text.size()));
        add_bytes(text);
    }
    void add_number(long long n) {
        for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>((static_cast<unsigned long long>(n) >> (8 * i)) & 0xFF));
    }
    /// 32 lower-case hex digits.
    std::string hex() const;

private:
    void mix(unsigned char c) {
        constexpr std::uint64_t prime = 0x100000001b3ULL;
        a_ = (a_ ^ c) * prime;
        b_ = (b_ ^ c) * prime;
    }
    std::uint64_t a_ = 0xcbf29ce484222325ULL;
    std::uint64_t b_ = 0x84222325cbf29ce4ULL;
};

}  // namespace cadenced::schedule
