#pragma once
// What the router sees of a request and what it answers, free of the
// transport so that routing can be reasoned about (and tested) on its own.

#include "daemon/http/conditional.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadenced::site {
class body_file;
}

namespace cadenced::http {

/// A parsed request's head, as far as routing needs it.
struct request {
    std::string_view method;  ///< as sent, case-sensitive ("GET", "HEAD", ...)
    std::string_view target;  ///< as sent, query included
    preconditions conditions;
    std::string_view accept_encoding;

    bool is_head() const { return method == "HEAD"; }
};

struct reply {
    int status = 200;
    /// The metrics label: "feed", "index", "agenda", "healthz", "metrics" or
    /// "other"; always a string literal.
    const char* route = "other";
    /// Header fields besides Date, Server, Connection and Content-Length,
    /// which the connection adds.
    std::vector<std::pair<std::string_view, std::string>> headers;
    /// The bytes to send: empty for HEAD and 304. Points into `owner` or
    /// into static storage.
    std::string_view body;
    /// The same bytes as `body` in a file (body_file.h) that the connection may
    /// send with sendfile(2) instead; null to write `body`. Kept alive by
    /// `owner` as well.
    const site::body_file* body_file = nullptr;
    /// Content-Length: the size GET would send (so also for HEAD); nullopt
    /// for 304, which carries none.
    std::optional<std::size_t> content_length;
    /// Keeps `body` alive until it is written: the snapshot it came from or
    /// a string made for this reply.
    std::shared_ptr<const void> owner;
    /// Close the connection after this reply (the request could not be read
    /// to its end, so the stream is no longer in sync).
    bool close = false;
};

}  // namespace cadenced::http
