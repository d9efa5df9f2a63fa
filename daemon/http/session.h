#pragma once
// One HTTP connection: reads requests one at a time, answers each, and keeps
// the connection open between them when both sides want that.

#include "daemon/http/reply.h"
#include "daemon/http/session_context.h"

#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cadenced::http {

/// A connection's executor: its io_context's own, named by its concrete type
/// rather than Asio's type-erased any_io_executor, whose indirect dispatch
/// showed in profiles of small (304) responses. No strand: each io_context
/// is run by one thread (the daemon runs one per core), which serialises a
/// connection's handlers already; a strand's locking was a tenth of the
/// time of a 304.
using connection_executor = boost::asio::io_context::executor_type;
using connection_socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, connection_executor>;
using connection_stream =
    boost::beast::basic_stream<boost::asio::ip::tcp, connection_executor, boost::beast::unlimited_rate_policy>;

/// Every handler runs on the thread of the connection's io_context. Deadlines: read_timeout for one whole request from its first
/// byte (from the accept for the first request), idle_timeout between
/// requests, write_timeout for one response.
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
    void read_request();
    void await_next_request();
    void on_first_bytes(const boost::system::error_code& ec, std::size_t bytes);
    void on_header(const boost::system::error_code& ec);
    reply answer_to_header(bool& keep_alive);
    void write_head(const reply& r, bool keep_alive);
    void send(reply r, bool keep_alive);
    void send_from_file();
    void continue_from_file();
    void wait_until_writable();
    void end_file_wait();
    void on_written(const boost::system::error_code& ec);
    void linger();
    void on_drained(const boost::system::error_code& ec, std::size_t bytes);
    void shut();
    void log_request(const reply& r) const;

    /// Runs `step`; an exception ends this connection, never the daemon.
    template <typename Step>
    void guarded(Step&& step) noexcept;

    connection_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::empty_body>> parser_;
    std::string head_;                            ///< status line and fields of the response being written
    std::string_view body_;                       ///< its body, owned by response_owner_
    std::shared_ptr<const void> response_owner_;  ///< keeps the body being written alive
    /// Sending the body with sendfile(2): its file, and how far head and
    /// body have gone out.
    const site::body_file* body_file_ = nullptr;
    std::size_t head_sent_ = 0;
    std::size_t body_sent_ = 0;
    /// The write deadline while a file response waits for the socket (the
    /// stream's own deadline covers only its own reads and writes); armed
    /// only when it has to wait, which a feed seldom does.
    boost::asio::basic_waitable_timer<std::chrono::steady_clock, boost::asio::wait_traits<std::chrono::steady_clock>,
                                      connection_executor>
        file_deadline_;
    std::chrono::steady_clock::time_point file_deadline_at_;
    bool file_deadline_armed_ = false;
    unsigned file_waits_ = 0;  ///< deadlines armed so far; tells a stale expiry from the current one
    std::shared_ptr<session_context> context_;
    std::string log_method_;  ///< of the request being answered, for the log line
    std::string log_path_;    ///< its path without the query (which may hold a token)
    bool keep_alive_ = false;
    bool closed_ = false;
    std::size_t drained_ = 0;
};

}  // namespace cadenced::http
