#pragma once
// One HTTP connection: reads requests one at a time, answers each, and keeps
// the connection open between them when both sides want that.

#include "daemon/http/reply.h"
#include "daemon/http/session_context.h"

#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cadenced::http {

/// A connection's executor: a strand of the serving io_context, named by its
/// concrete type rather than Asio's type-erased any_io_executor, whose
/// indirect dispatch showed in profiles of small (304) responses. The
/// io_context is run by several threads that share its queue, so that a
/// thread the kernel preempts holds up only the handler it is in, not every
/// connection it would own under one io_context per thread: with the load
/// generator on the same cores, that ownership made a quarter of the 304s
/// wait a whole scheduler slice. The strand serialises one connection's
/// handlers (its socket's, its timer's, close()).
using connection_executor = boost::asio::strand<boost::asio::io_context::executor_type>;
using connection_socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, connection_executor>;

/// Every handler runs on the connection's strand.
///
/// The socket is read and written with system calls made here, not with
/// Asio's composed operations: a request that arrives whole is parsed and
/// answered in the handler that read it, and the answer written from there
/// for as long as the socket takes it. Only waits (for a request, for room in
/// the socket) go through the event loop. With Asio's operations a keep-alive
/// request took two system calls more: each read was first tried at once
/// (mostly in vain) and each completion went through the loop's queue, which
/// polled epoll on the way.
///
/// Deadlines: read_timeout for one whole request from its first byte (from
/// the accept for the first request), idle_timeout between requests,
/// write_timeout for one response. One timer serves them all, lazily: moving
/// a deadline later only stores it, and the timer, when it fires, looks at
/// the deadline then in force.
class session : public std::enable_shared_from_this<session> {
public:
    session(connection_socket socket, std::shared_ptr<session_context> context);
    ~session();
    session(const session&) = delete;
    session& operator=(const session&) = delete;

    void start();
    /// Closes the connection at once, dropping any request or response in
    /// flight. Callable from any thread.
    void close();

private:
    using clock = std::chrono::steady_clock;

    void await_next_request();
    void receive();
    void wait_readable();
    void on_request_bytes();
    void on_header(const boost::system::error_code& ec);
    reply answer_to_header(bool& keep_alive);
    void write_head(const reply& r, bool keep_alive);
    void send(reply r, bool keep_alive);
    void continue_sending();
    bool send_memory(int socket);
    bool send_file(int socket);
    void wait_writable();
    void on_written(const boost::system::error_code& ec);
    void linger();
    void drain();
    void shut();
    void log_request(const reply& r) const;

    void set_deadline(clock::duration from_now);
    void arm_deadline_timer();
    void on_deadline_timer();

    /// Runs `step`; an exception ends this connection, never the daemon.
    template <typename Step>
    void guarded(Step&& step) noexcept;

    connection_socket socket_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> parser_;
    /// The deadline of the request being read has started (from its first
    /// byte, or from the accept); more bytes of it must not extend it.
    bool request_deadline_running_ = false;
    std::size_t header_bytes_ = 0;  ///< of the request being read, parsed so far
    /// Whether to try a read before waiting for the socket to be readable:
    /// the last read filled its buffer, or the event loop ran since a read
    /// found the socket empty (a pipelined request may be there). Either way
    /// is correct, as Asio's wait re-polls the socket when it starts; this
    /// only saves a failing read, or a wait, in the usual cases.
    bool input_may_be_waiting_ = true;

    std::string head_;                            ///< status line and fields of the response being written
    std::string_view body_;                       ///< its body, owned by response_owner_
    std::shared_ptr<const void> response_owner_;  ///< keeps the body being written alive
    /// The body's file to send it with sendfile(2); null to write body_
    /// from memory.
    const site::body_file* body_file_ = nullptr;
    std::size_t head_sent_ = 0;
    std::size_t body_sent_ = 0;
    bool write_deadline_running_ = false;

    boost::asio::basic_waitable_timer<clock, boost::asio::wait_traits<clock>, connection_executor> deadline_timer_;
    clock::time_point deadline_at_ = clock::time_point::max();
    bool deadline_timer_waiting_ = false;
    unsigned deadline_timer_arms_ = 0;  ///< tells a superseded timer wait from the current one

    std::shared_ptr<session_context> context_;
    std::string log_method_;  ///< of the request being answered, for the log line
    std::string log_path_;    ///< its path without the query (which may hold a token)
    bool keep_alive_ = false;
    bool closed_ = false;
    std::size_t drained_ = 0;
};

}  // namespace cadenced::http
