#pragma once
// Two ways to talk to the server: libcurl, as a calendar client would, and
// a raw socket for what no well-behaved client sends.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadenced::http::test {

struct http_response {
    long status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  ///< in order, names as sent
    std::string body;
    long new_connections = 0;  ///< CURLINFO_NUM_CONNECTS: 0 when a kept-alive one was reused

    /// The value of header `name` (case-insensitive); nullopt if absent.
    std::optional<std::string> header(std::string_view name) const;
    /// The header names, lower-cased and sorted.
    std::vector<std::string> header_names() const;
};

/// One libcurl handle: consecutive requests reuse its connection when the
/// server keeps it alive. Proxies are disabled; responses are not decoded.
class http_client {
public:
    http_client();
    ~http_client();
    http_client(const http_client&) = delete;
    http_client& operator=(const http_client&) = delete;

    /// Performs `method` ("GET", "HEAD", "POST", ...) with extra request
    /// header lines ("If-None-Match: \"x\""). Fails the test on a transport
    /// error; a 5 s timeout applies.
    http_response request(const std::string& url, const std::vector<std::string>& headers = {},
                          const std::string& method = "GET");

private:
    void* curl_;
};

/// A one-off request on a fresh client.
http_response fetch(const std::string& url, const std::vector<std::string>& headers = {},
                    const std::string& method = "GET");

/// A blocking TCP connection to 127.0.0.1:port with receive timeouts.
class raw_connection {
public:
    /// `receive_buffer` > 0 sets SO_RCVBUF before connecting: a small one
    /// makes the server wait for this client to read.
    explicit raw_connection(unsigned short port, int receive_buffer = 0);
    ~raw_connection();
    raw_connection(const raw_connection&) = delete;
    raw_connection& operator=(const raw_connection&) = delete;

    /// false when the peer has gone (EPIPE/ECONNRESET); never raises SIGPIPE.
    bool send(std::string_view bytes);
    void shutdown_write();
    /// Everything until the peer closes, or until `limit` passes.
    std::string read_until_close(std::chrono::milliseconds limit = std::chrono::milliseconds{3000});
    /// One response: the header block and as many body bytes as its
    /// Content-Length says (none if `head_request`). Empty if the connection
    /// closed or `limit` passed first.
    std::string read_response(bool head_request = false,
                              std::chrono::milliseconds limit = std::chrono::milliseconds{3000});
    /// Up to `n` bytes; fewer if the peer closes or sends nothing for `quiet`.
    std::string read_up_to(std::size_t n, std::chrono::milliseconds quiet = std::chrono::milliseconds{5000});
    /// Leaves with a reset (SO_LINGER 0), as a killed client does.
    void abort();
    /// Whether the peer closes (EOF or reset) within `limit`; bytes that
    /// arrive meanwhile are discarded.
    bool closed_by_peer_within(std::chrono::milliseconds limit);

private:
    /// Reads what is there within `limit`; 0 on EOF/error, -1 on timeout.
    long read_some(char* data, std::size_t size, std::chrono::milliseconds limit);

    int fd_ = -1;
    std::string pending_;  ///< bytes read past the last response
};

/// The status code of a raw response text ("HTTP/1.1 404 Not Found..." ->
/// 404); 0 when it is not a status line.
int status_of(std::string_view raw_response);

}  // namespace cadenced::http::test
