#include "support/gzip_codec.h"

#include <zlib.h>

#include <array>
#include <stdexcept>

namespace test_support {

namespace {

// zlib's API takes non-const input pointers even where it only reads.
Bytef* input_bytes(std::string_view s) {
    return reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));  // NOLINT
}

constexpr int gzip_window_bits = 15 + 16;  // 16: gzip framing instead of zlib's

}  // namespace

std::string gzip_compress(std::string_view plain) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, gzip_window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    z.next_in = input_bytes(plain);
    z.avail_in = static_cast<uInt>(plain.size());
    std::string out;
    std::array<char, 4096> chunk{};
    int rc = Z_OK;
    do {
        z.next_out = reinterpret_cast<Bytef*>(chunk.data());
        z.avail_out = static_cast<uInt>(chunk.size());
        rc = deflate(&z, Z_FINISH);
        out.append(chunk.data(), chunk.size() - z.avail_out);
    } while (rc == Z_OK);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
    return out;
}

std::string gzip_decompress(std::string_view compressed) {
    z_stream z{};
    if (inflateInit2(&z, gzip_window_bits) != Z_OK) throw std::runtime_error("inflateInit2 failed");
    z.next_in = input_bytes(compressed);
    z.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    std::array<char, 4096> chunk{};
    int rc = Z_OK;
    do {
        z.next_out = reinterpret_cast<Bytef*>(chunk.data());
        z.avail_out = static_cast<uInt>(chunk.size());
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(chunk.data(), chunk.size() - z.avail_out);
    } while (rc == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
    inflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("not a complete gzip stream");
    return out;
}

}  // namespace test_support
