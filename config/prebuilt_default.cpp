#include "config/prebuilt_default.h"

#include "config/binary_form.h"
#include "config/config_fields.h"

namespace cadenced::config {

config load_default(const zone_fallback& zones) {
    detail::prebuilt_default prebuilt;
    detail::byte_reader in{detail::prebuilt_default_bytes()};
    detail::decode(in, prebuilt);
    in.expect_end();
    if (prebuilt.zone_from_machine) prebuilt.value.rhythm.timezone = zones.resolve();
    return std::move(prebuilt.value);
}

}  // namespace cadenced::config
