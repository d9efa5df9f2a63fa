#pragma once
// The body of GET /healthz.

#include <chrono>
#include <string>
#include <vector>

namespace cadenced::runtime {

struct health_report {
    bool degraded = false;
    std::string config_path;
    std::chrono::sys_seconds config_loaded_at;
    std::chrono::sys_seconds generated_at;
    std::string last_error;  ///< why the last reload was rejected; empty if it was not
    std::size_t occurrences = 0;
    std::vector<std::string> feeds;
};

/// {"status":"ok"|"degraded","config":{"path":...,"loaded_at":"2027-...Z",
/// "error":...},"schedule":{"generated_at":...,"occurrences":N,"feeds":[...]},
/// "sync":[]} — sync targets join once provider sync exists.
std::string health_json(const health_report& r);

}  // namespace cadenced::runtime
