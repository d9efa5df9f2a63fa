#pragma once
// What the daemon serves, rendered once per change and shared read-only by
// every connection: the feeds, the year page and the agenda pages. A new
// snapshot replaces the old one whole (std::shared_ptr swap), so a request
// never sees half of a reload.

#include "daemon/site/body_file.h"

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cadenced::site {

/// A response body with what conditional and compressed GETs need.
struct document {
    std::string content_type;  ///< e.g. "text/calendar; charset=utf-8"
    std::string body;
    std::string gzip_body;     ///< body gzip-compressed; empty when not worth it
    /// The same bytes as body / gzip_body in files for sendfile(2)
    /// (body_file.h); null for small bodies (a copy costs less) or where no
    /// file could be made.
    std::shared_ptr<const site::body_file> body_file;
    std::shared_ptr<const site::body_file> gzip_file;
    std::string etag;          ///< strong validator, quoted: "\"3f2a...\""
    std::chrono::sys_seconds last_modified;
    std::chrono::seconds max_age{0};  ///< Cache-Control: max-age
};

struct feed_document {
    std::string name;   ///< the {name} of /feeds/{name}.ics
    std::string title;
    /// The secret a request must carry as ?token=...; nullopt for a public feed.
    std::optional<std::string> token;
    document ics;
};

struct agenda_document {
    std::string uid;
    bool confidential = false;
    /// Names of the feeds that show this occurrence in full: a confidential
    /// agenda is served only with the token of one of them.
    std::vector<std::string> full_in_feeds;
    document html;
};

struct snapshot {
    std::map<std::string, feed_document> feeds;     ///< by name
    document index;                                  ///< GET /: the year at a glance
    std::map<std::string, agenda_document> agendas;  ///< by occurrence UID
    std::chrono::sys_seconds generated_at;
};

/// Where the HTTP server gets what to serve; the daemon implements it.
class source {
public:
    virtual ~source() = default;
    /// The current snapshot; never null once the server runs.
    virtual std::shared_ptr<const snapshot> current() const = 0;
    /// The body of GET /healthz (JSON) and whether the daemon is healthy
    /// (false answers 503 so that load balancers and monitors notice).
    virtual std::pair<std::string, bool> health() const = 0;
};

}  // namespace cadenced::site
