#include "daemon/http/session.h"

#include "daemon/http/http_date.h"
#include "daemon/http/router.h"
#include "daemon/http/status_reply.h"
#include "daemon/site/body_file.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/status.hpp>

#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <array>
#include <cerrno>
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

/// The status to answer a request whose header could not be parsed, or
/// nullopt when there is no one to answer.
std::optional<int> status_for_read_error(const error_code& ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) return 431;
    if (ec == bhttp::error::unexpected_body || ec == bhttp::error::body_limit) return 413;
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
    : socket_(std::move(socket)), deadline_timer_(socket_.get_executor()), context_(std::move(context)) {}

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
    net::dispatch(socket_.get_executor(), [self = shared_from_this()] {
        self->guarded([&] {
            // sendfile(2) takes no flags: the socket itself must not block.
            error_code ec;
            self->socket_.native_non_blocking(true, ec);
            if (ec) {
                self->shut();
                return;
            }
            // The first request's deadline runs from the accept: a client that
            // connects and says nothing is treated like a slow one.
            self->set_deadline(self->context_->limits.read_timeout);
            self->request_deadline_running_ = true;
            self->receive();
        });
    });
}

void session::close() {
    net::post(socket_.get_executor(), [self = shared_from_this()] { self->shut(); });
}

// ---- deadlines

void session::set_deadline(clock::duration from_now) {
    deadline_at_ = clock::now() + from_now;
    // A later deadline waits for the timer to fire and find it; only an
    // earlier one than the timer's must move the timer.
    if (!deadline_timer_waiting_ || deadline_at_ < deadline_timer_.expiry()) arm_deadline_timer();
}

void session::arm_deadline_timer() {
    deadline_timer_waiting_ = true;
    deadline_timer_.expires_at(deadline_at_);  // cancels a wait for a later expiry
    deadline_timer_.async_wait([self = shared_from_this(), arm = ++deadline_timer_arms_](const error_code& ec) {
        if (self->deadline_timer_arms_ != arm) return;  // superseded by a sooner one
        self->deadline_timer_waiting_ = false;
        if (ec || self->closed_) return;
        self->guarded([&] { self->on_deadline_timer(); });
    });
}

void session::on_deadline_timer() {
    if (clock::now() >= deadline_at_) {
        shut();
        return;
    }
    arm_deadline_timer();
}

// ---- reading requests

void session::await_next_request() {
    // Between requests the idle deadline applies; the request deadline
    // starts with the first byte of the next one.
    set_deadline(context_->limits.idle_timeout);
    request_deadline_running_ = false;
    if (input_may_be_waiting_) {
        receive();
    } else {
        wait_readable();
    }
}

void session::receive() {
    const auto space = buffer_.prepare(read_chunk);
    for (;;) {
        const ssize_t n = ::recv(socket_.native_handle(), space.data(), space.size(), MSG_DONTWAIT);
        if (n > 0) {
            buffer_.commit(static_cast<std::size_t>(n));
            input_may_be_waiting_ = static_cast<std::size_t>(n) == space.size();
            on_request_bytes();
            return;
        }
        if (n == 0) {
            // The client is done; half a request left unanswered is its loss.
            shut();
            return;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            input_may_be_waiting_ = false;
            wait_readable();
            return;
        }
        shut();
        return;
    }
}

void session::wait_readable() {
    socket_.async_wait(net::socket_base::wait_read, [self = shared_from_this()](const error_code& ec) {
        self->guarded([&] {
            if (self->closed_) return;
            if (ec) {
                self->shut();
                return;
            }
            self->receive();
        });
    });
}

void session::on_request_bytes() {
    if (!parser_) {
        parser_.emplace();
        header_bytes_ = 0;
    }
    // The parser's limit holds for one call; the header may come in several
    // parts, so each is given what the earlier ones left of the limit.
    const auto allowance = std::min<std::size_t>(context_->limits.max_header_bytes - header_bytes_,
                                                 std::numeric_limits<std::uint32_t>::max());
    if (allowance == 0) {
        on_header(bhttp::error::header_limit);
        return;
    }
    parser_->header_limit(static_cast<std::uint32_t>(allowance));
    // Only the header is parsed: we take no bodies, and one announced is
    // answered with 413 without reading it.
    error_code ec;
    const auto used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    header_bytes_ += used;
    if (ec == bhttp::error::need_more) {
        if (!request_deadline_running_) {
            // The header came in parts: the rest has until the request
            // deadline, counted from its first part, which arrived just now.
            request_deadline_running_ = true;
            set_deadline(context_->limits.read_timeout);
        }
        if (input_may_be_waiting_) {
            receive();
        } else {
            wait_readable();
        }
        return;
    }
    on_header(ec);
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

// ---- writing responses

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
    body_file_ = body_.empty() ? nullptr : r.body_file;
    response_owner_ = std::move(r.owner);
    keep_alive_ = keep_alive;
    head_sent_ = 0;
    body_sent_ = 0;
    write_deadline_running_ = false;

    // Counted before the write so that a client that has read this answer
    // finds it in /metrics.
    context_->counters.count_request(r.route, r.status, r.body.size());
    log_request(r);
    continue_sending();
}

// The head, then the body, written from here for as long as the socket takes
// them: a response usually fits the socket's buffer, so it goes out in one
// system call (two with a body file), with no trip through the event loop.
void session::continue_sending() {
    const int socket = socket_.native_handle();
    const bool done = body_file_ ? send_file(socket) : send_memory(socket);
    if (done) on_written({});
}

/// Head and body from memory in one gathered write. True when all is sent;
/// false when it waits for room or has failed.
bool session::send_memory(int socket) {
    while (head_sent_ < head_.size() || body_sent_ < body_.size()) {
        std::array<iovec, 2> parts{};
        std::size_t count = 0;
        if (head_sent_ < head_.size()) {
            parts[count++] = {head_.data() + head_sent_, head_.size() - head_sent_};
        }
        if (body_sent_ < body_.size()) {
            // iovec's pointer is not const; sendmsg only reads through it.
            parts[count++] = {const_cast<char*>(body_.data()) + body_sent_, body_.size() - body_sent_};
        }
        msghdr message{};
        message.msg_iov = parts.data();
        message.msg_iovlen = count;
        const ssize_t n = ::sendmsg(socket, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            auto sent = static_cast<std::size_t>(n);
            const auto from_head = std::min(sent, head_.size() - head_sent_);
            head_sent_ += from_head;
            body_sent_ += sent - from_head;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            wait_writable();
            return false;
        } else if (errno != EINTR) {
            on_written(error_code{errno, boost::system::system_category()});
            return false;
        }
    }
    return true;
}

/// The head, then the body straight from its file with sendfile(2), no copy
/// through the daemon. True when all is sent; false when it waits for room,
/// has failed, or has fallen back to writing from memory.
bool session::send_file(int socket) {
    const auto failed = [&] {
        on_written(error_code{errno, boost::system::system_category()});
        return false;
    };
    while (head_sent_ < head_.size()) {
        // MSG_MORE: the head waits to leave in one segment with the body's start.
        const ssize_t n =
            ::send(socket, head_.data() + head_sent_, head_.size() - head_sent_, MSG_MORE | MSG_NOSIGNAL);
        if (n >= 0) {
            head_sent_ += static_cast<std::size_t>(n);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            wait_writable();
            return false;
        } else if (errno != EINTR) {
            return failed();
        }
    }
    while (body_sent_ < body_.size()) {
        auto offset = static_cast<off_t>(body_sent_);
        const ssize_t n = ::sendfile(socket, body_file_->fd(), &offset, body_.size() - body_sent_);
        if (n > 0) {
            body_sent_ = static_cast<std::size_t>(offset);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            wait_writable();
            return false;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && body_sent_ == 0 && (errno == EINVAL || errno == ENOSYS)) {
            // No sendfile from this file to this socket: the body's bytes are
            // in memory as well, so they are written the ordinary way.
            body_file_ = nullptr;
            return send_memory(socket);
        } else {
            // A body file shorter than its body (n == 0) cannot be; any
            // other error ends the connection.
            if (n == 0) errno = EIO;
            return failed();
        }
    }
    return true;
}

void session::wait_writable() {
    // The event loop runs before the response is done: a request sent
    // meanwhile (pipelined) is worth a read before waiting.
    input_may_be_waiting_ = true;
    if (!write_deadline_running_) {
        // The deadline covers the whole response, not each wait.
        write_deadline_running_ = true;
        set_deadline(context_->limits.write_timeout);
    }
    socket_.async_wait(net::socket_base::wait_write, [self = shared_from_this()](const error_code& ec) {
        self->guarded([&] {
            if (self->closed_) return;
            if (ec) {
                self->on_written(ec);
                return;
            }
            self->continue_sending();
        });
    });
}

void session::on_written(const error_code& ec) {
    if (closed_) return;
    body_ = {};
    body_file_ = nullptr;
    response_owner_.reset();
    parser_.reset();
    if (ec) {
        shut();
        return;
    }
    if (!keep_alive_) {
        linger();
        return;
    }
    if (buffer_.size() > 0) {
        // A pipelined request is already here. It is taken up from the event
        // loop, not from here: answering a buffer full of small requests one
        // inside the other would nest as deep as there are requests.
        input_may_be_waiting_ = true;
        set_deadline(context_->limits.read_timeout);
        request_deadline_running_ = true;
        net::post(socket_.get_executor(), [self = shared_from_this()] {
            self->guarded([&] {
                if (!self->closed_) self->on_request_bytes();
            });
        });
        return;
    }
    await_next_request();
}

// ---- closing

void session::linger() {
    error_code ignored;
    socket_.shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    buffer_.clear();
    set_deadline(linger_time);
    drain();
}

void session::drain() {
    std::array<char, read_chunk> sink;
    for (;;) {
        const ssize_t n = ::recv(socket_.native_handle(), sink.data(), sink.size(), MSG_DONTWAIT);
        if (n > 0) {
            drained_ += static_cast<std::size_t>(n);
            if (drained_ >= linger_bytes) break;
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            socket_.async_wait(net::socket_base::wait_read, [self = shared_from_this()](const error_code& ec) {
                self->guarded([&] {
                    if (self->closed_) return;
                    if (ec) {
                        self->shut();
                        return;
                    }
                    self->drain();
                });
            });
            return;
        }
        break;  // the client closed its side, or the socket failed
    }
    shut();
}

void session::shut() {
    if (closed_) return;
    closed_ = true;
    error_code ignored;
    socket_.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);      // ends the waits on the socket
    deadline_timer_.cancel();    // and the deadline's, so that nothing keeps this alive
}

void session::log_request(const reply& r) const {
    if (!context_->log->should_log(spdlog::level::debug)) return;
    context_->log->debug("request method={} path={} status={} bytes={}", log_method_, log_path_, r.status,
                         r.body.size());
}

}  // namespace cadenced::http
