#pragma once
// Counters for GET /metrics (Prometheus text exposition format 0.0.4).
// Thread-safe: connections and the daemon loop update them concurrently.

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace cadenced::http {

class metrics {
public:
    /// One finished request: its route ("feed", "index", "agenda", "healthz",
    /// "metrics", "other"), status code and body bytes sent.
    void count_request(std::string_view route, int status, std::size_t body_bytes);
    void count_regeneration();
    void count_reload_failure();
    void set_connections(long open);

    /// The exposition text, e.g.
    ///   cadenced_http_requests_total{route="feed",status="200"} 12
    std::string render() const;

private:
    mutable std::mutex mutex_;
    /// By route, then status. std::less<> finds a route by string_view, so
    /// counting a request allocates nothing once its route has been seen.
    std::map<std::string, std::map<int, unsigned long long>, std::less<>> requests_;
    unsigned long long bytes_sent_ = 0;
    std::atomic<unsigned long long> regenerations_{0};
    std::atomic<unsigned long long> reload_failures_{0};
    std::atomic<long> connections_{0};
};

}  // namespace cadenced::http
