#include "server_fixture.h"

#include <boost/asio/ip/tcp.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace cadenced::http::test {

namespace net = boost::asio;

watchdog::watchdog(std::chrono::milliseconds limit, std::string what) {
    thread_ = std::thread([this, limit, what = std::move(what)] {
        std::unique_lock lock(mutex_);
        if (done_cv_.wait_for(lock, limit, [this] { return done_; })) return;
        std::fprintf(stderr, "watchdog: %s did not finish within %lld ms; failing the run\n", what.c_str(),
                     static_cast<long long>(limit.count()));
        std::fflush(stderr);
        std::_Exit(124);
    });
}

watchdog::~watchdog() {
    {
        const std::lock_guard lock(mutex_);
        done_ = true;
    }
    done_cv_.notify_all();
    thread_.join();
}

server_limits test_limits() {
    server_limits limits;
    limits.max_header_bytes = 8 * 1024;
    limits.read_timeout = std::chrono::seconds{2};
    limits.idle_timeout = std::chrono::seconds{3};
    limits.write_timeout = std::chrono::seconds{3};
    limits.max_connections = 64;
    return limits;
}

running_server::running_server(const site::source& source, server_limits limits, int threads,
                               std::chrono::seconds watchdog_limit)
    : watchdog_(watchdog_limit, "a test server"), io_(threads), keep_running_(io_.get_executor()) {
    // As the daemon does: one io_context, shared by every serving thread.
    net::ip::tcp::acceptor acceptor(io_, net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    server_ = std::make_unique<server>(io_, std::move(acceptor), source, counters, limits);
    port_ = server_->local_endpoint().port();
    server_->start();
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { io_.run(); });
}

running_server::~running_server() { stop_and_join(); }

std::string running_server::url(std::string_view path_and_query) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string{path_and_query};
}

std::chrono::milliseconds running_server::stop_and_join() {
    if (joined_) return {};
    const auto start = std::chrono::steady_clock::now();
    server_->stop();
    keep_running_.reset();
    for (auto& t : threads_) t.join();
    joined_ = true;
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace cadenced::http::test
