#include "daemon/http/conditional.h"

#include "daemon/http/http_date.h"

#include <cstddef>

namespace cadenced::http {

namespace {

/// The quoted part of an entity-tag, without any W/ prefix.
std::string_view opaque_tag(std::string_view tag) {
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
}

bool is_list_space(char c) { return c == ' ' || c == '\t' || c == ','; }

}  // namespace

bool if_none_match_matches(std::string_view list, std::string_view etag) {
    const auto ours = opaque_tag(etag);
    std::size_t i = 0;
    while (i < list.size()) {
        if (is_list_space(list[i])) {
            ++i;
            continue;
        }
        if (list[i] == '*') return true;
        // entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc excludes '"',
        // so the closing quote is the next one (a ',' inside is part of it).
        const std::size_t start = i;
        if (list.substr(i, 2) == "W/") i += 2;
        if (i >= list.size() || list[i] != '"') return false;
        const auto close = list.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        if (opaque_tag(list.substr(start, close + 1 - start)) == ours) return true;
        i = close + 1;
    }
    return false;
}

bool not_modified(const preconditions& request, std::string_view etag, std::chrono::sys_seconds last_modified) {
    if (request.if_none_match) return if_none_match_matches(*request.if_none_match, etag);
    if (request.if_modified_since) {
        const auto since = parse_http_date(*request.if_modified_since);
        return since && last_modified <= *since;
    }
    return false;
}

}  // namespace cadenced::http
