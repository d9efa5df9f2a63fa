#pragma once
// The body of GET /healthz.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cadenced::runtime {

/// One sync target as /healthz shows it.
struct sync_health {
    std::string target;
    std::optional<std::chrono::sys_seconds> last_run;
    std::chrono::sys_seconds next_run;
    std::string result;  ///< "ok", "deferred", "failed", or "pending" before the first run
    std::string problem;
    bool degraded = false;
    std::size_t created = 0, updated = 0, deleted = 0, unchanged = 0, rejected = 0, requests = 0;
};

struct health_report {
    bool degraded = false;
    std::string config_path;
    std::chrono::sys_seconds config_loaded_at;
    std::chrono::sys_seconds generated_at;
    std::string last_error;  ///< why the last reload was rejected; empty if it was not
    std::size_t occurrences = 0;
    std::vector<std::string> feeds;
    std::vector<sync_health> sync;
};

/// {"status":"ok"|"degraded","config":{"path":...,"loaded_at":"2027-...Z",
/// "error":...},"schedule":{"generated_at":...,"occurrences":N,"feeds":[...]},
/// "sync":[{"target":...,"result":"ok"|"deferred"|"failed"|"pending",
/// "last_run":...,"next_run":...,"problem":...,"degraded":bool,
/// "created":N,...}]}
std::string health_json(const health_report& r);

}  // namespace cadenced::runtime
