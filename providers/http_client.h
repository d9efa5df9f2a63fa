#pragma once
// One HTTP exchange at a time over libcurl, with a deadline. Callers see
// status, headers and body, or a transport_error (timeout, reset, refused):
// what to retry is decided above, per provider.

#include <atomic>
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cadenced::providers {

struct http_request {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct http_response {
    long status = 0;
    std::map<std::string, std::string> headers;  ///< names in lower case; last value wins
    std::string body;

    /// The header's value, or "" when absent.
    const std::string& header(const std::string& lower_case_name) const;
};

/// The request never got an HTTP answer: timeout, connection refused or
/// reset, name not resolved, TLS failure.
class transport_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class http_client {
public:
    explicit http_client(std::chrono::milliseconds timeout = std::chrono::seconds{30});
    ~http_client();
    http_client(const http_client&) = delete;
    http_client& operator=(const http_client&) = delete;

    /// Performs `request`; the connection is kept for the next one to the
    /// same host. Throws transport_error.
    http_response perform(const http_request& request);

    /// Once `*flag` is true, a request in flight is aborted and no new one
    /// starts (both throw transport_error): the daemon stopping.
    void cancel_when(const std::atomic<bool>* flag) { cancel_ = flag; }
    bool cancelled() const { return cancel_ && cancel_->load(); }

    /// How many requests were sent (each attempt counts), for summaries
    /// and benchmarks.
    std::size_t requests_made() const { return requests_; }

    /// "a b" -> "a%20b" (RFC 3986 unreserved characters kept).
    static std::string escape(const std::string& text);

private:
    void* handle_;
    std::chrono::milliseconds timeout_;
    std::size_t requests_ = 0;
    const std::atomic<bool>* cancel_ = nullptr;
};

}  // namespace cadenced::providers
