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
    /// One sync run of a target: its result ("ok", "deferred", "failed")
    /// and what it wrote.
    void count_sync(const std::string& target, const std::string& result, std::size_t created, std::size_t updated,
                    std::size_t deleted, std::size_t requests);

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
    struct sync_counts {
        std::map<std::string, unsigned long long> runs;  ///< by result
        unsigned long long created = 0, updated = 0, deleted = 0, requests = 0;
        bool failing = false;
    };
    std::map<std::string, sync_counts> sync_;  ///< by target, under mutex_
};

}  // namespace cadenced::http
