#include "daemon/http/metrics.h"

#include <string_view>

namespace cadenced::http {

namespace {

// Label values are ours (route names, numbers) today, but escaping keeps the
// exposition valid if a caller ever passes something unexpected.
void append_label_value(std::string& out, std::string_view value) {
    for (char c : value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
}

void append_header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

template <typename Number>
void append_sample(std::string& out, std::string_view name, Number value) {
    out.append(name).append(" ").append(std::to_string(value)).append("\n");
}

}  // namespace

void metrics::count_request(std::string_view route, int status, std::size_t body_bytes) {
    const std::lock_guard lock(mutex_);
    auto it = requests_.find(route);
    if (it == requests_.end()) it = requests_.emplace(std::string{route}, std::map<int, unsigned long long>{}).first;
    ++it->second[status];
    bytes_sent_ += body_bytes;
}

void metrics::count_regeneration() { regenerations_.fetch_add(1, std::memory_order_relaxed); }

void metrics::count_reload_failure() { reload_failures_.fetch_add(1, std::memory_order_relaxed); }

void metrics::set_connections(long open) { connections_.store(open, std::memory_order_relaxed); }

void metrics::count_sync(const std::string& target, const std::string& result, std::size_t created,
                         std::size_t updated, std::size_t deleted, std::size_t requests) {
    const std::lock_guard lock(mutex_);
    auto& s = sync_[target];
    ++s.runs[result];
    s.created += created;
    s.updated += updated;
    s.deleted += deleted;
    s.requests += requests;
    s.failing = result != "ok";
}

std::string metrics::render() const {
    std::string out;
    out.reserve(1024);

    append_header(out, "cadenced_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    unsigned long long bytes_sent = 0;
    {
        const std::lock_guard lock(mutex_);
        for (const auto& [route, by_status] : requests_) {
            for (const auto& [status, count] : by_status) {
                out.append("cadenced_http_requests_total{route=\"");
                append_label_value(out, route);
                out.append("\",status=\"").append(std::to_string(status)).append("\"} ");
                out.append(std::to_string(count)).append("\n");
            }
        }
        bytes_sent = bytes_sent_;
    }

    append_header(out, "cadenced_http_response_body_bytes_total", "counter",
                  "Body bytes sent in HTTP responses (HEAD and 304 send none).");
    append_sample(out, "cadenced_http_response_body_bytes_total", bytes_sent);

    append_header(out, "cadenced_http_open_connections", "gauge", "HTTP connections currently open.");
    append_sample(out, "cadenced_http_open_connections", connections_.load(std::memory_order_relaxed));

    append_header(out, "cadenced_regenerations_total", "counter", "Times the schedule and its feeds were rebuilt.");
    append_sample(out, "cadenced_regenerations_total", regenerations_.load(std::memory_order_relaxed));

    append_header(out, "cadenced_reload_failures_total", "counter",
                  "Configuration reloads rejected; the previous configuration stayed in use.");
    append_sample(out, "cadenced_reload_failures_total", reload_failures_.load(std::memory_order_relaxed));

    const std::lock_guard lock(mutex_);
    if (sync_.empty()) return out;
    auto labelled = [&](std::string_view name, const std::string& target, std::string_view extra, unsigned long long v) {
        out.append(name).append("{target=\"");
        append_label_value(out, target);
        out.append("\"").append(extra).append("} ").append(std::to_string(v)).append("\n");
    };
    append_header(out, "cadenced_sync_runs_total", "counter", "Sync runs, by target and result (ok, deferred, failed).");
    for (const auto& [target, s] : sync_)
        for (const auto& [result, n] : s.runs) labelled("cadenced_sync_runs_total", target, ",result=\"" + result + "\"", n);
    append_header(out, "cadenced_sync_writes_total", "counter", "Events written by sync, by target and kind.");
    for (const auto& [target, s] : sync_) {
        labelled("cadenced_sync_writes_total", target, ",kind=\"created\"", s.created);
        labelled("cadenced_sync_writes_total", target, ",kind=\"updated\"", s.updated);
        labelled("cadenced_sync_writes_total", target, ",kind=\"deleted\"", s.deleted);
    }
    append_header(out, "cadenced_sync_requests_total", "counter", "HTTP requests made to providers, by target.");
    for (const auto& [target, s] : sync_) labelled("cadenced_sync_requests_total", target, "", s.requests);
    append_header(out, "cadenced_sync_target_degraded", "gauge", "1 when the target's last sync failed or was deferred.");
    for (const auto& [target, s] : sync_) labelled("cadenced_sync_target_degraded", target, "", s.failing ? 1 : 0);
    return out;
}

}  // namespace cadenced::http
