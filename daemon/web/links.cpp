#include "daemon/web/links.h"

namespace cadenced::web {

namespace {

bool kept_as_is(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~' || c == '@' || c == ':';
}

}  // namespace

std::string agenda_href(std::string_view base, std::string_view uid) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out{base};
    for (char ch : uid) {
        const auto c = static_cast<unsigned char>(ch);
        if (kept_as_is(c)) {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0f];
        }
    }
    return out;
}

std::optional<std::string> webcal_url(std::string_view url) {
    for (std::string_view scheme : {"http://", "https://"})
        if (url.starts_with(scheme)) return "webcal://" + std::string{url.substr(scheme.size())};
    return std::nullopt;
}

}  // namespace cadenced::web
