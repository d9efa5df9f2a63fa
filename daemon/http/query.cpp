#include "daemon/http/query.h"

#include <cstddef>

namespace cadenced::http {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

/// The path-and-query part of a target: the target itself in origin form,
/// or what follows the authority in absolute form ("/" if nothing does).
std::optional<std::string_view> origin_part(std::string_view target) {
    if (!target.empty() && target.front() == '/') return target;
    for (const std::string_view scheme : {std::string_view{"http://"}, std::string_view{"https://"}}) {
        if (!starts_with_ignoring_case(target, scheme)) continue;
        const auto rest = target.substr(scheme.size());
        const auto slash = rest.find_first_of("/?");
        if (slash == std::string_view::npos) return std::string_view{"/"};
        if (rest[slash] == '?') return std::nullopt;  // "http://host?x" has no path to route
        return rest.substr(slash);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_value(text[i + 1]);
        const int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

std::optional<request_target> parse_target(std::string_view target) {
    const auto origin = origin_part(target);
    if (!origin) return std::nullopt;
    auto rest = *origin;
    rest = rest.substr(0, rest.find('#'));

    const auto question = rest.find('?');
    const auto raw_path = rest.substr(0, question);
    const auto raw_query = question == std::string_view::npos ? std::string_view{} : rest.substr(question + 1);

    auto path = percent_decode(raw_path);
    if (!path || path->find('\0') != std::string::npos) return std::nullopt;
    // Validate the query's escapes now so that a malformed one is a 400 for
    // the whole request rather than a silently missing parameter.
    if (!percent_decode(raw_query)) return std::nullopt;
    return request_target{std::move(*path), std::string{raw_query}};
}

std::optional<std::string> query_value(std::string_view query, std::string_view key) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);

        const auto eq = pair.find('=');
        const auto name = percent_decode(pair.substr(0, eq));
        if (!name || *name != key) continue;
        if (eq == std::string_view::npos) return std::string{};
        return percent_decode(pair.substr(eq + 1));
    }
    return std::nullopt;
}

}  // namespace cadenced::http
