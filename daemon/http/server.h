#pragma once
// The HTTP/1.1 feed server (Boost.Beast on Asio): GET and HEAD only, keep-
// alive, conditional GETs, gzip, and limits that keep a slow or hostile
// client from holding the daemon.
//
// Routes:
//   /feeds/{name}.ics[?token=...]  the feed; 404 for an unknown name or a
//                                  missing/wrong token (names do not leak)
//   /                              the year page
//   /agenda/{uid}[?token=...]      one occurrence's agenda page
//   /healthz                       JSON; 503 when degraded
//   /metrics                       Prometheus text

#include "daemon/http/metrics.h"
#include "daemon/site/site.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstddef>
#include <memory>

namespace cadenced::http {

struct server_limits {
    std::size_t max_header_bytes = 8 * 1024;
    std::chrono::seconds read_timeout{10};     ///< for a whole request, headers and all
    std::chrono::seconds idle_timeout{30};     ///< keep-alive wait for the next request
    std::size_t max_connections = 512;
    /// For sending one response: a client that stops reading must not hold
    /// its connection (and the snapshot it pins) for ever. Last, so that
    /// positional initialisers written before it still mean the same.
    std::chrono::seconds write_timeout{30};
};

class server {
public:
    /// Serves on `acceptor` (bound and listening: by the daemon, or inherited
    /// from systemd socket activation) until stop(). Connections live on `io`
    /// too, each on its own strand, so any number of threads may run it: a
    /// connection's handlers never run two at a time.
    server(boost::asio::io_context& io, boost::asio::ip::tcp::acceptor acceptor, const site::source& source,
           metrics& counters, server_limits limits = {});
    /// Calls stop(). Connections finish closing on the io_context's threads,
    /// so `source` and `counters` must outlive the io_context's run (or the
    /// io_context itself), not just this object.
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    /// Starts accepting; a second call does nothing. Callable from any thread.
    void start();
    /// Stops accepting and closes every connection; returns at once.
    void stop();

    /// Where the acceptor listens (port 0 resolved to the one bound).
    boost::asio::ip::tcp::endpoint local_endpoint() const;

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

}  // namespace cadenced::http
