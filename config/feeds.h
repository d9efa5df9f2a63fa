#pragma once
// [[feeds]]: the published calendars and what each may show.

#include <optional>
#include "config/document.h"

#include "schedule/feed.h"

#include <vector>

namespace cadenced::config::detail {

struct parsed_feed {
    schedule::feed feed;
    std::optional<std::string> token;  ///< from token or token_file
    const toml::table* table = nullptr;
    scope where;
};

/// Every [[feeds]] entry of `root`, names unique. Whether the meetings they
/// list exist is checked with the meetings (validate.h).
std::vector<parsed_feed> parse_feeds(const table_reader& root);

}  // namespace cadenced::config::detail
