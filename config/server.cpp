#include "config/server.h"

#include <arpa/inet.h>

#include <charconv>

namespace cadenced::config {

std::optional<std::pair<std::string, unsigned short>> parse_listen(std::string_view text, bool allow_any_port) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::string_view host = text.substr(0, colon);
    const std::string_view port_text = text.substr(colon + 1);
    const bool bracketed = host.front() == '[';
    if (bracketed) {
        if (host.size() < 3 || host.back() != ']') return std::nullopt;
        host = host.substr(1, host.size() - 2);
    }
    const std::string address{host};
    unsigned char buf[16];
    const bool v4 = !bracketed && ::inet_pton(AF_INET, address.c_str(), buf) == 1;
    const bool v6 = bracketed && ::inet_pton(AF_INET6, address.c_str(), buf) == 1;
    if (!v4 && !v6) return std::nullopt;
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535 || (port == 0 && !allow_any_port)) return std::nullopt;
    return std::pair{address, static_cast<unsigned short>(port)};
}

namespace detail {

server_settings parse_server(const table_reader& root) {
    server_settings s;
    const auto t = sub_table(root, "server");
    if (!t) return s;
    t->allow_only({"listen", "public_url", "threads"});
    if (auto listen = t->string("listen")) {
        const auto parsed = parse_listen(*listen);
        if (!parsed)
            t->fail("listen", "must be ADDRESS:PORT with an IP address, e.g. \"127.0.0.1:8470\" or \"[::]:8470\", got " +
                                  quote(*listen));
        s.listen_address = parsed->first;
        s.listen_port = parsed->second;
    }
    if (auto url = t->string("public_url")) {
        if (!url->starts_with("http://") && !url->starts_with("https://"))
            t->fail("public_url", "must start with http:// or https://, got " + quote(*url));
        while (!url->empty() && url->back() == '/') url->pop_back();
        s.public_url = *url;
    }
    if (auto threads = t->integer("threads", 1, max_server_threads)) s.threads = static_cast<unsigned>(*threads);
    return s;
}

}  // namespace detail

}  // namespace cadenced::config
