#pragma once
// [server]: the daemon's listening address and public URL.

#include "config/config.h"
#include "config/document.h"

namespace cadenced::config::detail {

/// [server]; absent keys keep server_settings' defaults.
server_settings parse_server(const table_reader& root);

}  // namespace cadenced::config::detail
