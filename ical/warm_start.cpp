#include "ical/warm_start.h"

#include <libical/ical.h>

#include <system_error>

namespace cadenced::ical {

warm_start::warm_start(bool wanted) {
    if (!wanted) return;
    try {
        thread_ = std::thread{[] { icaltimezone_get_utc_timezone(); }};
    } catch (const std::system_error&) {
        // No thread to be had: the writer loads the table itself, later.
    }
}

}  // namespace cadenced::ical
