// Build step: parses and validates the embedded default rhythm and writes it
// in binary form (binary_form.h); cmake/embed_file.cmake then compiles the
// bytes in as prebuilt_default_bytes(), which prebuilt_default.cpp reads.
//
//   cadenced_prebuild_default OUTPUT
#include "config/binary_form.h"
#include "config/config.h"
#include "config/config_fields.h"
#include "config/prebuilt_default.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

using namespace cadenced::config;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: cadenced_prebuild_default OUTPUT\n");
        return 64;
    }
    try {
        // Loaded under two zones: if the rhythm's zone differs, the default
        // names none and takes the machine's at run time.
        const config in_utc = parse_default({std::string{"UTC"}, "/nonexistent"});
        const config in_tokyo = parse_default({std::string{"Asia/Tokyo"}, "/nonexistent"});
        detail::prebuilt_default prebuilt{in_utc.rhythm.timezone != in_tokyo.rhythm.timezone, in_utc};

        std::string bytes;
        detail::encode(bytes, prebuilt);
        const std::filesystem::path output = argv[1];
        const auto partial = output.string() + ".tmp";
        {
            std::ofstream file{partial, std::ios::binary | std::ios::trunc};
            file << bytes;
            if (!file.flush()) throw std::runtime_error("cannot write " + partial);
        }
        std::filesystem::rename(partial, output);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cadenced_prebuild_default: %s\n", e.what());
        return 1;
    }
}
