#include "zoneinfo/tzif.h"

namespace cadenced::zoneinfo {

namespace {

constexpr std::size_t header_size = 44;

// A bounds-checked big-endian reader over the file's bytes.
class cursor {
public:
    explicit cursor(std::string_view bytes) : bytes_{bytes} {}

    bool has(std::size_t n) const { return n <= bytes_.size() - pos_; }
    std::size_t position() const { return pos_; }
    void skip(std::size_t n) { pos_ += n; }

    std::uint64_t unsigned_be(std::size_t width) {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(bytes_[pos_ + i]);
        pos_ += width;
        return v;
    }
    std::int64_t signed_be(std::size_t width) {
        const std::uint64_t v = unsigned_be(width);
        const unsigned shift = static_cast<unsigned>(64 - 8 * width);
        // Sign-extend through the top bits: two's complement by definition.
        return static_cast<std::int64_t>(v << shift) >> shift;
    }
    std::string_view take(std::size_t n) {
        const auto piece = bytes_.substr(pos_, n);
        pos_ += n;
        return piece;
    }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

struct counts {
    char version = 0;
    std::size_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;

    // The size of the data block that follows the header; `time_width` is 4
    // in the version-1 block and 8 in the version-2 one.
    std::size_t data_size(std::size_t time_width) const {
        return time * time_width + time + type * 6 + chars + leap * (time_width + 4) + isstd + isut;
    }
};

std::optional<counts> read_header(cursor& in) {
    if (!in.has(header_size)) return std::nullopt;
    if (in.take(4) != "TZif") return std::nullopt;
    counts c;
    c.version = in.take(1)[0];
    in.skip(15);
    c.isut = in.unsigned_be(4);
    c.isstd = in.unsigned_be(4);
    c.leap = in.unsigned_be(4);
    c.time = in.unsigned_be(4);
    c.type = in.unsigned_be(4);
    c.chars = in.unsigned_be(4);
    // RFC 8536 3.1: at least one type, at most 256 (indices are one byte);
    // the indicator counts are either zero or the type count.
    if (c.type == 0 || c.type > 256 || c.chars == 0) return std::nullopt;
    if ((c.isut != 0 && c.isut != c.type) || (c.isstd != 0 && c.isstd != c.type)) return std::nullopt;
    return c;
}

std::optional<tzif_data> read_data(cursor& in, const counts& c, std::size_t time_width) {
    if (!in.has(c.data_size(time_width))) return std::nullopt;
    tzif_data out;
    out.transitions.resize(c.time);
    for (auto& t : out.transitions) t.at = std::chrono::sys_seconds{std::chrono::seconds{in.signed_be(time_width)}};
    for (auto& t : out.transitions) {
        t.type = static_cast<std::uint8_t>(in.unsigned_be(1));
        if (t.type >= c.type) return std::nullopt;
    }
    for (std::size_t i = 1; i < out.transitions.size(); ++i)
        if (out.transitions[i].at <= out.transitions[i - 1].at) return std::nullopt;

    std::vector<std::size_t> abbrev_index(c.type);
    out.types.resize(c.type);
    for (std::size_t i = 0; i < c.type; ++i) {
        out.types[i].offset = std::chrono::seconds{in.signed_be(4)};
        const auto dst = in.unsigned_be(1);
        if (dst > 1) return std::nullopt;
        out.types[i].dst = dst == 1;
        abbrev_index[i] = in.unsigned_be(1);
    }
    const std::string_view chars = in.take(c.chars);
    for (std::size_t i = 0; i < c.type; ++i) {
        if (abbrev_index[i] >= chars.size()) return std::nullopt;
        const auto rest = chars.substr(abbrev_index[i]);
        const auto nul = rest.find('\0');
        if (nul == std::string_view::npos) return std::nullopt;
        out.types[i].abbrev = rest.substr(0, nul);
    }
    in.skip(c.leap * (time_width + 4) + c.isstd + c.isut);
    return out;
}

}  // namespace

std::optional<tzif_data> parse_tzif(std::string_view bytes) {
    cursor in{bytes};
    const auto first = read_header(in);
    if (!first) return std::nullopt;
    if (first->version == '\0') return read_data(in, *first, 4);

    // Version 2 and later repeat everything with 64-bit times after the
    // version-1 block, then end with the footer.
    if (!in.has(first->data_size(4))) return std::nullopt;
    in.skip(first->data_size(4));
    const auto second = read_header(in);
    if (!second) return std::nullopt;
    auto data = read_data(in, *second, 8);
    if (!data) return std::nullopt;
    // The footer: NL, the TZ string (no NL in it), NL, and nothing after.
    const auto rest = bytes.substr(in.position());
    if (rest.size() < 2 || rest.front() != '\n' || rest.back() != '\n') return std::nullopt;
    const auto tz = rest.substr(1, rest.size() - 2);
    if (tz.find('\n') != std::string_view::npos) return std::nullopt;
    data->footer = tz;
    return data;
}

std::optional<std::string> tzif_footer(std::string_view bytes) {
    // Header: "TZif", then the version: NUL for version 1, which has no footer.
    if (bytes.size() < header_size || !bytes.starts_with("TZif") || bytes[4] == '\0') return std::nullopt;
    // The footer is the last line: NL, the TZ string (no NL in it), NL.
    if (bytes.back() != '\n') return std::nullopt;
    const auto start = bytes.rfind('\n', bytes.size() - 2);
    if (start == std::string_view::npos) return std::nullopt;
    return std::string{bytes.substr(start + 1, bytes.size() - start - 2)};
}

}  // namespace cadenced::zoneinfo
