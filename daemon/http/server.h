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
};

class server {
public:
    /// Serves on `acceptor` (bound and listening: by the daemon, or inherited
    /// from systemd socket activation) until stop().
    server(boost::asio::io_context& io, boost::asio::ip::tcp::acceptor acceptor, const site::source& source,
           metrics& counters, server_limits limits = {});
    ~server();
    server(const server&) = delete;
    server& operator=(const server&) = delete;

    void start();
    /// Stops accepting and closes every connection; returns at once.
    void stop();

    boost::asio::ip::tcp::endpoint local_endpoint() const;

private:
    struct impl;
    std::shared_ptr<impl> impl_;
};

}  // namespace cadenced::http
