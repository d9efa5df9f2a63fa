#include "daemon/http/session.h"

#include "daemon/http/http_date.h"
#include "daemon/http/router.h"
#include "daemon/http/status_reply.h"
#include "daemon/site/body_file.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/status.hpp>

#include <sys/sendfile.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <array>
#include <chrono>
#include <cstdint>
#include <exception>
#include <limits>
#include <string_view>
#include <utility>

namespace cadenced::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using boost::system::error_code;

namespace {

/// After a response that closes the connection, unread request bytes are
/// drained for at most this long (and this many bytes) before the socket is
/// closed: closing with unread data makes the kernel send a reset, which can
/// destroy the response before the client reads it.
constexpr std::chrono::seconds linger_time{2};
constexpr std::size_t linger_bytes = 64 * 1024;
constexpr std::size_t read_chunk = 4096;

std::string_view to_std(beast::string_view s) { return {s.data(), s.size()}; }

/// The Date field; formatted once per second per thread, not per response.
std::string_view date_now() {
    thread_local std::chrono::sys_seconds cached_at{};
    thread_local std::string cached;
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (cached.empty() || now != cached_at) {
        cached_at = now;
        cached = format_http_date(now);
    }
    return cached;
}

/// All values of a header field, joined as RFC 9110 section 5.3 allows;
/// nullopt when the request does not carry the field at all.
std::optional<std::string> joined_field(const bhttp::request_header<>& req, bhttp::field name) {
    auto [first, last] = req.equal_range(name);
    if (first == last) return std::nullopt;
    std::string out;
    for (auto it = first; it != last; ++it) {
        if (!out.empty()) out += ", ";
        out += to_std(it->value());
    }
    return out;
}

/// The status to answer a request that could not be read, or nullopt when
/// there is no one to answer (the client left or was too slow).
std::optional<int> status_for_read_error(const error_code& ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) return 431;
    if (ec == bhttp::error::unexpected_body || ec == bhttp::error::body_limit) return 413;
    if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return std::nullopt;
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) return 400;
    return std::nullopt;
}

std::string path_for_log(std::string_view target) {
    // Only the path: a query may carry a feed token, which must never reach a log.
    auto path = target.substr(0, target.find_first_of("?#"));
    constexpr std::size_t max_logged = 200;
    if (path.size() > max_logged) return std::string{path.substr(0, max_logged)} + "...";
    return std::string{path};
}

}  // namespace

session::session(connection_socket socket, std::shared_ptr<session_context> context)
    : stream_(std::move(socket)), file_deadline_(stream_.get_executor()), context_(std::move(context)) {}

session::~session() { context_->connections.remove(this); }

template <typename Step>
void session::guarded(Step&& step) noexcept {
    try {
        step();
    } catch (const std::exception& e) {
        try {
            context_->log->warn("connection failed error={}", e.what());
        } catch (...) {  // NOLINT(bugprone-empty-catch): logging must not take the process down
        }
        shut();
    }
}

void session::start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        self->guarded([&] {
            // The first request's deadline runs from the accept: a client that
            // connects and says nothing is treated like a slow one.
            self->stream_.expires_after(self->context_->limits.read_timeout);
            self->read_request();
        });
    });
}

void session::close() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->shut(); });
}

void session::read_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(context_->limits.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    // Only the header is read: we take no bodies, and one announced is
    // answered with 413 without reading it.
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](const error_code& ec, std::size_t) {
                                 self->guarded([&] { self->on_header(ec); });
                             });
}

void session::await_next_request() {
    // Between requests the idle deadline applies; the request deadline
    // starts with the first byte of the next one.
    stream_.expires_after(context_->limits.idle_timeout);
    stream_.async_read_some(buffer_.prepare(read_chunk),
                            [self = shared_from_this()](const error_code& ec, std::size_t bytes) {
                                self->guarded([&] { self->on_first_bytes(ec, bytes); });
                            });
}

void session::on_first_bytes(const error_code& ec, std::size_t bytes) {
    if (closed_) return;
    buffer_.commit(bytes);
    if (ec) {
        shut();
        return;
    }
    stream_.expires_after(context_->limits.read_timeout);
    read_request();
}

void session::on_header(const error_code& ec) {
    if (closed_) return;
    log_method_ = "-";
    log_path_ = "-";
    if (ec) {
        const auto status = status_for_read_error(ec);
        if (!status) {
            shut();
            return;
        }
        auto r = status_reply(*status, false);
        r.close = true;
        send(std::move(r), false);
        return;
    }
    bool keep_alive = false;
    reply r = answer_to_header(keep_alive);
    keep_alive = keep_alive && !r.close;
    send(std::move(r), keep_alive);
}

reply session::answer_to_header(bool& keep_alive) {
    const auto& req = parser_->get();
    log_method_ = std::string{to_std(req.method_string())};
    log_path_ = path_for_log(to_std(req.target()));
    keep_alive = req.keep_alive();

    const bool get_or_head = req.method() == bhttp::verb::get || req.method() == bhttp::verb::head;
    const unsigned version = req.version();
    const auto hosts = req.count(bhttp::field::host);
    // HTTP/1.1 requires exactly one Host (RFC 9112 section 3.2); another
    // major version is not one we speak.
    if (version < 10 || version >= 20 || hosts > 1 || (version >= 11 && hosts == 0)) {
        auto r = status_reply(400, false);
        r.close = true;
        return r;
    }
    if (!parser_->is_done()) {
        // A body follows that we will not read; the connection cannot be
        // reused after it, so it closes with the answer.
        auto r = status_reply(get_or_head ? 413 : 405, req.method() == bhttp::verb::head);
        r.close = true;
        return r;
    }

    const auto if_none_match = joined_field(req, bhttp::field::if_none_match);
    const auto if_modified_since = joined_field(req, bhttp::field::if_modified_since);
    const auto accept_encoding = joined_field(req, bhttp::field::accept_encoding);
    request view;
    view.method = to_std(req.method_string());
    view.target = to_std(req.target());
    if (if_none_match) view.conditions.if_none_match = *if_none_match;
    if (if_modified_since) view.conditions.if_modified_since = *if_modified_since;
    if (accept_encoding) view.accept_encoding = *accept_encoding;
    try {
        return route_request(view, context_->source, context_->counters);
    } catch (const std::exception& e) {
        context_->log->error("request failed path={} error={}", log_path_, e.what());
        auto r = status_reply(500, view.is_head());
        r.close = true;
        return r;
    }
}

void session::write_head(const reply& r, bool keep_alive) {
    // Formatted by hand into a buffer the connection reuses: a response
    // costs no allocation once the connection has sent its first.
    head_.clear();
    head_ += "HTTP/1.1 ";
    head_ += std::to_string(r.status);
    head_ += ' ';
    head_ += to_std(bhttp::obsolete_reason(static_cast<bhttp::status>(r.status)));
    head_ += "\r\nServer: cadenced\r\nDate: ";
    head_ += date_now();
    head_ += "\r\n";
    for (const auto& [name, value] : r.headers) {
        head_ += name;
        head_ += ": ";
        head_ += value;
        head_ += "\r\n";
    }
    if (r.content_length) {
        head_ += "Content-Length: ";
        head_ += std::to_string(*r.content_length);
        head_ += "\r\n";
    }
    if (!keep_alive) {
        head_ += "Connection: close\r\n";
    } else if (parser_ && parser_->get().version() == 10) {
        head_ += "Connection: keep-alive\r\n";
    }
    head_ += "\r\n";
}

void session::send(reply r, bool keep_alive) {
    write_head(r, keep_alive);
    body_ = r.body;
    response_owner_ = std::move(r.owner);
    keep_alive_ = keep_alive;

    // Counted before the write so that a client that has read this answer
    // finds it in /metrics.
    context_->counters.count_request(r.route, r.status, r.body.size());
    log_request(r);

    if (r.body_file && !body_.empty()) {
        body_file_ = r.body_file;
        send_from_file();
        return;
    }
    stream_.expires_after(context_->limits.write_timeout);
    // Head and body in one gathered write.
    const std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(body_.data(), body_.size())};
    net::async_write(stream_, buffers, [self = shared_from_this()](const error_code& ec, std::size_t) {
        self->guarded([&] { self->on_written(ec); });
    });
}

// The head, then the body straight from its body file, both written from
// here for as long as the socket takes them: a feed usually fits the socket's
// buffer, so the whole response goes out in two system calls, with no copy of
// the body and no trip through the event loop.
void session::send_from_file() {
    head_sent_ = 0;
    body_sent_ = 0;
    file_deadline_at_ = std::chrono::steady_clock::now() + context_->limits.write_timeout;
    // Once per connection: setting it is a system call of its own.
    if (!stream_.socket().native_non_blocking()) {
        error_code ec;
        stream_.socket().native_non_blocking(true, ec);
        if (ec) {
            on_written(ec);
            return;
        }
    }
    continue_from_file();
}

void session::continue_from_file() {
    const int socket = stream_.socket().native_handle();
    const auto failed = [&] { on_written(error_code{errno, boost::system::system_category()}); };
    while (head_sent_ < head_.size()) {
        // MSG_MORE: the head waits to leave in one segment with the body's start.
        const ssize_t n =
            ::send(socket, head_.data() + head_sent_, head_.size() - head_sent_, MSG_MORE | MSG_NOSIGNAL);
        if (n >= 0) {
            head_sent_ += static_cast<std::size_t>(n);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            wait_until_writable();
            return;
        } else if (errno != EINTR) {
            failed();
            return;
        }
    }
    while (body_sent_ < body_.size()) {
        auto offset = static_cast<off_t>(body_sent_);
        const ssize_t n = ::sendfile(socket, body_file_->fd(), &offset, body_.size() - body_sent_);
        if (n > 0) {
            body_sent_ = static_cast<std::size_t>(offset);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            wait_until_writable();
            return;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && body_sent_ == 0 && (errno == EINVAL || errno == ENOSYS)) {
            // No sendfile from this file to this socket: the body's bytes are
            // in memory as well, so they are written the ordinary way.
            end_file_wait();
            stream_.expires_at(file_deadline_at_);
            net::async_write(stream_, net::buffer(body_.data(), body_.size()),
                             [self = shared_from_this()](const error_code& write_ec, std::size_t) {
                                 self->guarded([&] { self->on_written(write_ec); });
                             });
            return;
        } else {
            // A body file shorter than its body (n == 0) cannot be; any
            // other error ends the connection.
            if (n == 0) errno = EIO;
            failed();
            return;
        }
    }
    on_written({});
}

void session::wait_until_writable() {
    if (!file_deadline_armed_) {
        // The deadline covers the whole response, not each wait.
        file_deadline_armed_ = true;
        file_deadline_.expires_at(file_deadline_at_);
        file_deadline_.async_wait([self = shared_from_this(), wait = ++file_waits_](const error_code& ec) {
            // A deadline cancelled, or left over from an earlier response
            // that finished as it fired, must not close this one.
            if (ec || !self->file_deadline_armed_ || self->file_waits_ != wait) return;
            self->guarded([&] { self->shut(); });
        });
    }
    stream_.socket().async_wait(net::socket_base::wait_write, [self = shared_from_this()](const error_code& ec) {
        self->guarded([&] {
            if (self->closed_) return;
            if (ec) {
                self->on_written(ec);
                return;
            }
            self->continue_from_file();
        });
    });
}

void session::end_file_wait() {
    if (!file_deadline_armed_) return;
    file_deadline_armed_ = false;
    file_deadline_.cancel();
}

void session::on_written(const error_code& ec) {
    if (closed_) return;
    end_file_wait();
    body_ = {};
    body_file_ = nullptr;
    response_owner_.reset();
    if (ec) {
        shut();
        return;
    }
    if (!keep_alive_) {
        linger();
        return;
    }
    if (buffer_.size() > 0) {
        // A pipelined request is already here; its deadline starts now.
        stream_.expires_after(context_->limits.read_timeout);
        read_request();
        return;
    }
    await_next_request();
}

void session::linger() {
    error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    buffer_.clear();
    stream_.expires_after(linger_time);
    stream_.async_read_some(buffer_.prepare(read_chunk),
                            [self = shared_from_this()](const error_code& ec, std::size_t bytes) {
                                self->guarded([&] { self->on_drained(ec, bytes); });
                            });
}

void session::on_drained(const error_code& ec, std::size_t bytes) {
    if (closed_) return;
    drained_ += bytes;
    if (ec || drained_ >= linger_bytes) {
        shut();
        return;
    }
    stream_.async_read_some(buffer_.prepare(read_chunk),
                            [self = shared_from_this()](const error_code& next_ec, std::size_t next_bytes) {
                                self->guarded([&] { self->on_drained(next_ec, next_bytes); });
                            });
}

void session::shut() {
    if (closed_) return;
    closed_ = true;
    end_file_wait();
    error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    stream_.close();  // also cancels the deadline timer, so no work is left behind
}

void session::log_request(const reply& r) const {
    if (!context_->log->should_log(spdlog::level::debug)) return;
    context_->log->debug("request method={} path={} status={} bytes={}", log_method_, log_path_, r.status,
                         r.body.size());
}

}  // namespace cadenced::http
