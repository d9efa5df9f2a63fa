#pragma once
// The real server on 127.0.0.1, an ephemeral port, its io_context run by
// background threads, and a watchdog so a stuck test fails instead of
// hanging.

#include "daemon/http/metrics.h"
#include "daemon/http/server.h"
#include "daemon/site/site.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cadenced::http::test {

/// Ends the process with a message if not destroyed within `limit`: a hung
/// network test then fails the run rather than blocking it.
class watchdog {
public:
    watchdog(std::chrono::milliseconds limit, std::string what);
    ~watchdog();
    watchdog(const watchdog&) = delete;
    watchdog& operator=(const watchdog&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable done_cv_;
    bool done_ = false;
    std::thread thread_;
};

/// Short limits so that tests of timeouts finish quickly.
server_limits test_limits();

class running_server {
public:
    /// Starts serving `source` with `threads` threads running its io_context,
    /// as the daemon does (two by default, so handlers of different
    /// connections run at the same time).
    explicit running_server(const site::source& source, server_limits limits = test_limits(), int threads = 2,
                            std::chrono::seconds watchdog_limit = std::chrono::seconds{20});
    ~running_server();
    running_server(const running_server&) = delete;
    running_server& operator=(const running_server&) = delete;

    unsigned short port() const { return port_; }
    /// "http://127.0.0.1:<port>" + path_and_query.
    std::string url(std::string_view path_and_query) const;

    /// stop() and wait until the io_context has run out of work. Returns
    /// how long that took.
    std::chrono::milliseconds stop_and_join();

    metrics counters;

private:
    watchdog watchdog_;
    boost::asio::io_context io_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keep_running_;
    std::unique_ptr<server> server_;
    std::vector<std::thread> threads_;
    unsigned short port_ = 0;
    bool joined_ = false;
};

}  // namespace cadenced::http::test
