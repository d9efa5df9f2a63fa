#pragma once
// Hand-made TZif files (RFC 8536) for the reader's tests.

#include <cstdint>
#include <string>
#include <vector>

namespace zoneinfo_test {

struct made_type {
    std::int32_t offset;
    bool dst;
    std::string abbrev;
};

struct made_zone {
    std::vector<std::int64_t> times;
    std::vector<std::uint8_t> indices;
    std::vector<made_type> types;
    std::string footer;
    char version = '2';
};

inline void put_be(std::string& out, std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline std::string header(const made_zone& z, std::size_t chars) {
    std::string out = "TZif";
    out += z.version;
    out += std::string(15, '\0');
    for (std::size_t n : {std::size_t{0}, std::size_t{0}, std::size_t{0}, z.times.size(), z.types.size(), chars})
        put_be(out, n, 4);
    return out;
}

inline std::string data_block(const made_zone& z, int time_width) {
    std::string chars;
    std::vector<std::uint8_t> abbrev_at;
    for (const auto& t : z.types) {
        abbrev_at.push_back(static_cast<std::uint8_t>(chars.size()));
        chars += t.abbrev;
        chars += '\0';
    }
    std::string out = header(z, chars.size());
    for (auto t : z.times) put_be(out, static_cast<std::uint64_t>(t), time_width);
    for (auto i : z.indices) out += static_cast<char>(i);
    for (std::size_t i = 0; i < z.types.size(); ++i) {
        put_be(out, static_cast<std::uint32_t>(z.types[i].offset), 4);
        out += static_cast<char>(z.types[i].dst ? 1 : 0);
        out += static_cast<char>(abbrev_at[i]);
    }
    return out + chars;
}

/// The file's bytes: version 1 has one 32-bit block; later versions add a
/// 64-bit block and the footer.
inline std::string tzif_bytes(const made_zone& z) {
    std::string out = data_block(z, 4);
    if (z.version == '\0') return out;
    return out + data_block(z, 8) + "\n" + z.footer + "\n";
}

}  // namespace zoneinfo_test
