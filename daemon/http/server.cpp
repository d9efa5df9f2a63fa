#include "daemon/http/server.h"

#include "daemon/http/session.h"
#include "daemon/http/session_context.h"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <spdlog/spdlog.h>

#include <signal.h>
#include <exception>
#include <utility>

namespace cadenced::http {

namespace net = boost::asio;
using boost::system::error_code;

namespace {

/// How long to wait before accepting again after accept() itself failed
/// (typically EMFILE): retrying at once would spin on the same error.
constexpr std::chrono::milliseconds accept_retry_delay{100};

/// sendfile(2) takes no MSG_NOSIGNAL: without this, a client that leaves in
/// the middle of a feed would raise SIGPIPE and end the whole process, where
/// it should only be an EPIPE for its own connection. Asio's own writes
/// avoid the signal per call; nothing in cadenced wants it.
void ignore_sigpipe() {
    static const bool done = [] {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigemptyset(&ignore.sa_mask);
        return ::sigaction(SIGPIPE, &ignore, nullptr) == 0;
    }();
    (void)done;
}

/// The "http" logger if the daemon made one, else the default logger.
std::shared_ptr<spdlog::logger> http_logger() {
    if (auto log = spdlog::get("http")) return log;
    if (auto log = spdlog::default_logger()) return log;
    return std::make_shared<spdlog::logger>("http");  // no sinks: logs nothing
}

}  // namespace

/// The accept loop. The acceptor is only touched on `strand_`, since stop()
/// may come from another thread than the ones running the io_context.
struct server::impl : std::enable_shared_from_this<server::impl> {
    impl(net::io_context& io, net::ip::tcp::acceptor acceptor, const site::source& source, metrics& counters,
         server_limits limits)
        : io_(io),
          acceptor_(std::move(acceptor)),
          strand_(net::make_strand(io)),
          retry_timer_(strand_),
          context_(std::make_shared<session_context>(source, counters, limits, http_logger())) {}

    void accept_next() {
        // The connection's socket gets a strand of its own.
        acceptor_.async_accept(net::make_strand(io_),
                               net::bind_executor(strand_, [self = shared_from_this()](
                                                               const error_code& ec, connection_socket socket) {
                                   self->on_accept(ec, std::move(socket));
                               }));
    }

    void on_accept(const error_code& ec, connection_socket socket) {
        if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
        try {
            if (ec) {
                if (!accept_failing_) context_->log->warn("accept failed, retrying error={}", ec.message());
                accept_failing_ = true;
                retry_timer_.expires_after(accept_retry_delay);
                retry_timer_.async_wait([self = shared_from_this()](const error_code& wait_ec) {
                    if (!wait_ec) self->accept_next();
                });
                return;
            }
            accept_failing_ = false;
            admit(std::move(socket));
            accept_next();
        } catch (const std::exception& e) {
            // Most likely out of memory or descriptors: back off as for a
            // failed accept instead of letting the exception end run().
            context_->log->warn("connection setup failed error={}", e.what());
            retry_timer_.expires_after(accept_retry_delay);
            retry_timer_.async_wait([self = shared_from_this()](const error_code& wait_ec) {
                if (!wait_ec) self->accept_next();
            });
        }
    }

    void admit(connection_socket socket) {
        // Each response goes out in one write; Nagle's algorithm would only
        // hold back the tail of a large one until the client's delayed ACK.
        error_code ignored;
        socket.set_option(net::ip::tcp::no_delay(true), ignored);
        auto s = std::make_shared<session>(std::move(socket), context_);
        if (!context_->connections.add(s)) {
            // At the cap (or stopping): the connection is closed as `s` goes
            // out of scope. Refusing at once tells the client the truth,
            // where leaving it in the backlog would look like a hang.
            if (!at_capacity_) {
                context_->log->warn("connection limit reached, refusing connections max_connections={}",
                                    context_->limits.max_connections);
            }
            at_capacity_ = true;
            return;
        }
        at_capacity_ = false;
        s->start();
    }

    void stop() {
        net::post(strand_, [self = shared_from_this()] {
            error_code ignored;
            self->acceptor_.close(ignored);
            self->retry_timer_.cancel();
        });
        context_->connections.close_all();
    }

    net::io_context& io_;
    net::ip::tcp::acceptor acceptor_;
    net::strand<net::io_context::executor_type> strand_;
    net::steady_timer retry_timer_;
    std::shared_ptr<session_context> context_;
    net::ip::tcp::endpoint endpoint_;
    // Only touched on strand_; they keep a burst of refusals or accept
    // errors to one log line each.
    bool accept_failing_ = false;
    bool at_capacity_ = false;
    bool started_ = false;
};

server::server(net::io_context& io, net::ip::tcp::acceptor acceptor, const site::source& source, metrics& counters,
               server_limits limits)
    : impl_(std::make_shared<impl>(io, std::move(acceptor), source, counters, limits)) {
    ignore_sigpipe();
    error_code ec;
    impl_->endpoint_ = impl_->acceptor_.local_endpoint(ec);
}

server::~server() { impl_->stop(); }

void server::start() {
    net::dispatch(impl_->strand_, [self = impl_] {
        if (self->started_) return;  // a second start() would run two accept loops
        self->started_ = true;
        self->accept_next();
    });
}

void server::stop() { impl_->stop(); }

net::ip::tcp::endpoint server::local_endpoint() const { return impl_->endpoint_; }

}  // namespace cadenced::http
