#pragma once
// [[sync]] entries read from the config.

#include "config/document.h"
#include "config/sync.h"

#include <string>
#include <vector>

namespace cadenced::config::detail {

/// Every [[sync]] entry, names unique, feeds known.
std::vector<sync_target> parse_sync(const table_reader& root, const std::vector<std::string>& feed_names);

}  // namespace cadenced::config::detail
