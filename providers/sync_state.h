#pragma once
// What sync remembers between runs, per target, in SQLite (WAL) in the
// state directory: the remote id and content hash of every event it wrote,
// the last listing and its sync token, the occurrences people deleted
// (keep policy), and the last run. It may be
// deleted at any time: the next sync rebuilds it from the events' own tags
// without duplicating any (ids are deterministic, or looked up by tag).

#include <chrono>
#include <filesystem>
#include <optional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

struct sqlite3;

namespace cadenced::providers {

class sync_state_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct run_record {
    std::chrono::sys_seconds at;
    std::string result;  ///< "ok", or the error that stopped the run
};

class sync_state {
public:
    /// Opens (creating) the database; throws sync_state_error.
    explicit sync_state(const std::filesystem::path& path);
    ~sync_state();
    sync_state(const sync_state&) = delete;
    sync_state& operator=(const sync_state&) = delete;

    void record_written(const std::string& target, const std::string& uid, const std::string& remote_id,
                        const std::string& content_hash, std::chrono::sys_seconds at);
    void forget(const std::string& target, const std::string& uid);
    std::size_t written_count(const std::string& target);
    /// The UIDs of the events written to `target` and not deleted since.
    std::set<std::string> written_uids(const std::string& target);

    std::set<std::string> deleted_by_people(const std::string& target);
    void remember_deleted_by_people(const std::string& target, const std::string& uid, std::chrono::sys_seconds at);

    // The provider's listing, kept so that the next sync asks only for
    // changes (Google syncToken): the events cadenced manages, as the
    // provider last described them (JSON text by remote id), and the token.
    // `source` names the calendar (API base and id); another one starts
    // afresh.
    struct listing {
        std::string token;
        std::map<std::string, std::string> events;
    };
    std::optional<listing> remembered_listing(const std::string& target, const std::string& source);
    /// Replaces the remembered listing whole (after a full listing).
    void remember_listing(const std::string& target, const std::string& source, const listing& full);
    /// Applies changes (nullopt: forget that event) and the new token.
    void update_listing(const std::string& target, const std::string& source,
                        const std::map<std::string, std::optional<std::string>>& changes, const std::string& token);
    void forget_listing(const std::string& target);

    void record_run(const std::string& target, const run_record& run);
    std::optional<run_record> last_run(const std::string& target);

private:
    void exec(const char* sql);
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

}  // namespace cadenced::providers
