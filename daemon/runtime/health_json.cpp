#include "daemon/runtime/health_json.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace cadenced::runtime {

namespace {

std::string iso(std::chrono::sys_seconds t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss time{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buf;
}

}  // namespace

std::string health_json(const health_report& r) {
    nlohmann::ordered_json j;
    j["status"] = r.degraded ? "degraded" : "ok";
    j["config"]["path"] = r.config_path;
    j["config"]["loaded_at"] = iso(r.config_loaded_at);
    j["config"]["error"] = r.last_error.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.last_error);
    j["schedule"]["generated_at"] = iso(r.generated_at);
    j["schedule"]["occurrences"] = r.occurrences;
    j["schedule"]["feeds"] = r.feeds;
    j["sync"] = nlohmann::ordered_json::array();
    for (const auto& s : r.sync) {
        nlohmann::ordered_json t;
        t["target"] = s.target;
        t["result"] = s.result;
        t["degraded"] = s.degraded;
        t["last_run"] = s.last_run ? nlohmann::ordered_json(iso(*s.last_run)) : nlohmann::ordered_json(nullptr);
        t["next_run"] = iso(s.next_run);
        t["problem"] = s.problem.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.problem);
        t["created"] = s.created;
        t["updated"] = s.updated;
        t["deleted"] = s.deleted;
        t["unchanged"] = s.unchanged;
        t["rejected"] = s.rejected;
        t["requests"] = s.requests;
        j["sync"].push_back(std::move(t));
    }
    return j.dump() + "\n";
}

}  // namespace cadenced::runtime
