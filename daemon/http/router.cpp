#include "daemon/http/router.h"

#include "daemon/http/document_reply.h"
#include "daemon/http/query.h"
#include "daemon/http/secret_compare.h"
#include "daemon/http/status_reply.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace cadenced::http {

namespace {

constexpr std::string_view feed_prefix = "/feeds/";
constexpr std::string_view feed_suffix = ".ics";
constexpr std::string_view agenda_prefix = "/agenda/";

const char* route_of(std::string_view path) {
    if (path == "/") return "index";
    if (path == "/healthz") return "healthz";
    if (path == "/metrics") return "metrics";
    if (path.starts_with(feed_prefix)) return "feed";
    if (path.starts_with(agenda_prefix)) return "agenda";
    return "other";
}

reply with_route(reply r, const char* route) {
    r.route = route;
    return r;
}

/// A reply whose body was made for this request (health, metrics).
reply generated_reply(int status, const char* content_type, std::string body, bool head) {
    auto owned = std::make_shared<const std::string>(std::move(body));
    reply r;
    r.status = status;
    r.headers.emplace_back("Content-Type", content_type);
    r.headers.emplace_back("Cache-Control", "no-store");
    r.content_length = owned->size();
    if (!head) r.body = *owned;
    r.owner = std::move(owned);
    return r;
}

/// Whether the request's ?token= opens a feed: any token for a public feed.
bool token_opens(const site::feed_document& feed, const std::optional<std::string>& given) {
    if (!feed.token) return true;
    return given && secrets_equal(*given, *feed.token);
}

/// A confidential agenda opens with the token of any feed that shows it in
/// full; a public such feed opens it for everyone. Every candidate is
/// checked so the time taken does not say which one matched.
bool agenda_opens(const site::agenda_document& agenda, const site::snapshot& snap,
                  const std::optional<std::string>& given) {
    if (!agenda.confidential) return true;
    bool open = false;
    for (const auto& name : agenda.full_in_feeds) {
        const auto feed = snap.feeds.find(name);
        if (feed == snap.feeds.end()) continue;
        open = token_opens(feed->second, given) || open;
    }
    return open;
}

/// The snapshot's document for `target`, or nullptr when there is none or
/// the request may not see it.
const site::document* find_document(const site::snapshot& snap, const request_target& target) {
    const std::string_view path = target.path;
    if (path == "/") return &snap.index;

    if (path.starts_with(feed_prefix) && path.ends_with(feed_suffix) &&
        path.size() > feed_prefix.size() + feed_suffix.size()) {
        const auto name = path.substr(feed_prefix.size(), path.size() - feed_prefix.size() - feed_suffix.size());
        const auto feed = snap.feeds.find(std::string{name});
        if (feed == snap.feeds.end()) return nullptr;
        if (!token_opens(feed->second, query_value(target.query, "token"))) return nullptr;
        return &feed->second.ics;
    }

    if (path.starts_with(agenda_prefix) && path.size() > agenda_prefix.size()) {
        const auto agenda = snap.agendas.find(std::string{path.substr(agenda_prefix.size())});
        if (agenda == snap.agendas.end()) return nullptr;
        if (!agenda_opens(agenda->second, snap, query_value(target.query, "token"))) return nullptr;
        return &agenda->second.html;
    }
    return nullptr;
}

}  // namespace

reply route_request(const request& req, const site::source& source, const metrics& counters) {
    const bool head = req.is_head();
    const auto target = parse_target(req.target);
    const char* route = target ? route_of(target->path) : "other";
    if (req.method != "GET" && !head) return with_route(status_reply(405, head), route);
    if (!target) return with_route(status_reply(400, head), route);

    if (target->path == "/healthz") {
        auto [body, healthy] = source.health();
        return with_route(generated_reply(healthy ? 200 : 503, "application/json", std::move(body), head), route);
    }
    if (target->path == "/metrics") {
        return with_route(
            generated_reply(200, "text/plain; version=0.0.4; charset=utf-8", counters.render(), head), route);
    }

    const auto snap = source.current();
    if (!snap) return with_route(status_reply(503, head), route);
    const site::document* doc = find_document(*snap, *target);
    if (!doc) return with_route(status_reply(404, head), route);
    return with_route(document_reply(*doc, req, snap), route);
}

}  // namespace cadenced::http
