#pragma once
// The embedded default, loaded and validated at build time
// (prebuild_default_main.cpp) and kept in binary form (binary_form.h).

#include "config/config.h"
#include "config/config_fields.h"

#include <string_view>

namespace cadenced::config::detail {

struct prebuilt_default {
    /// The default names no `timezone`: the machine's zone (TZ, then
    /// /etc/localtime) applies, so it is filled in when loaded.
    bool zone_from_machine = false;
    config value;
};

template <value_of<prebuilt_default> T, typename F>
void fields(T& v, F&& f) {
    f(v.zone_from_machine, v.value);
}

/// The encoded prebuilt_default; defined by the generated source.
std::string_view prebuilt_default_bytes();

}  // namespace cadenced::config::detail
