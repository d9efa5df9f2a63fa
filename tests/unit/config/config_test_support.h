#pragma once
// Shared helpers for the config tests: loading with a pinned zone choice and
// capturing the one-line error a config produces.

#include "config/config.h"

#include <string>
#include <string_view>

namespace cadenced::config::testing {

/// A zone choice that ignores the machine: TZ names UTC, no localtime link.
inline zone_fallback pinned_zones() { return zone_fallback{std::string{"UTC"}, "/nonexistent/localtime"}; }

inline config load(std::string_view text) { return load_string(text, "my.toml", pinned_zones()); }

/// what() of the config_error that loading `text` throws, or "(no error)".
inline std::string error_of(std::string_view text) {
    try {
        load(text);
    } catch (const config_error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace cadenced::config::testing
