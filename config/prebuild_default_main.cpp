// Build step: parses and validates the embedded default rhythm and writes it
// in binary form (binary_form.h) as a C++ source defining
// prebuilt_default_bytes(), which prebuilt_default.cpp reads back.
//
//   cadenced_prebuild_default OUTPUT.cpp
#include "config/binary_form.h"
#include "config/config.h"
#include "config/config_fields.h"
#include "config/prebuilt_default.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

using namespace cadenced::config;

zone_fallback pinned(const char* zone) {
    zone_fallback z;
    z.tz_env = zone;
    z.localtime = "/nonexistent";
    return z;
}

std::string as_cpp_source(const std::string& bytes) {
    std::string out =
        "// Generated at build time by cadenced_prebuild_default from config/default.toml; do not edit.\n"
        "#include \"config/prebuilt_default.h\"\n"
        "namespace cadenced::config::detail {\n"
        "namespace {\n"
        "constexpr unsigned char bytes[] = {";
    char hex[8];
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i % 20 == 0) out += "\n   ";
        std::snprintf(hex, sizeof hex, " %u,", static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
        out += hex;
    }
    out += "\n};\n}  // namespace\n"
           "std::string_view prebuilt_default_bytes() {\n"
           "    return {reinterpret_cast<const char*>(bytes), sizeof bytes};\n"
           "}\n"
           "}  // namespace cadenced::config::detail\n";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: cadenced_prebuild_default OUTPUT.cpp\n");
        return 64;
    }
    try {
        // Loaded under two zones: if the rhythm's zone differs, the default
        // names none and takes the machine's at run time.
        const config in_utc = parse_default(pinned("UTC"));
        const config in_tokyo = parse_default(pinned("Asia/Tokyo"));
        detail::prebuilt_default prebuilt{in_utc.rhythm.timezone != in_tokyo.rhythm.timezone, in_utc};

        std::string bytes;
        detail::encode(bytes, prebuilt);
        const std::filesystem::path output = argv[1];
        const auto partial = output.string() + ".tmp";
        {
            std::ofstream file{partial, std::ios::binary | std::ios::trunc};
            file << as_cpp_source(bytes);
            if (!file.flush()) throw std::runtime_error("cannot write " + partial);
        }
        std::filesystem::rename(partial, output);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cadenced_prebuild_default: %s\n", e.what());
        return 1;
    }
}
