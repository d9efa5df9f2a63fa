#include "daemon/store/revision_store.h"

#include <sqlite3.h>

namespace cadenced::store {

namespace {

constexpr int schema_version = 1;

// A prepared statement that finalizes itself.
class statement {
public:
    statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
    ~statement() { sqlite3_finalize(stmt_); }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    bool ok() const { return rc_ == SQLITE_OK; }
    sqlite3_stmt* get() const { return stmt_; }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }

private:
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_ERROR;
};

long long seconds_of(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }
std::chrono::sys_seconds time_of(long long s) { return std::chrono::sys_seconds{std::chrono::seconds{s}}; }

struct stored {
    std::string fingerprint;
    revision rev;
};

}  // namespace

revision_store::revision_store(const std::filesystem::path& path) : path_{path} {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw store_error("cannot open state database " + path.string() + ": " + reason);
    }
    // Another process (a second daemon by mistake) holding a write lock
    // makes us wait a little rather than fail at once.
    sqlite3_busy_timeout(db_, 5000);
    try {
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=NORMAL");
        statement version{db_, "PRAGMA user_version"};
        if (!version.ok() || sqlite3_step(version.get()) != SQLITE_ROW) fail("cannot read the schema version");
        const int found = sqlite3_column_int(version.get(), 0);
        if (found > schema_version)
            throw store_error("state database " + path.string() + " has schema version " + std::to_string(found) +
                              ", newer than this cadenced understands (" + std::to_string(schema_version) + ")");
        exec("CREATE TABLE IF NOT EXISTS occurrences ("
             " uid TEXT PRIMARY KEY,"
             " fingerprint TEXT NOT NULL,"
             " sequence INTEGER NOT NULL,"
             " created INTEGER NOT NULL,"
             " last_modified INTEGER NOT NULL)");
        exec("PRAGMA user_version = 1");
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

revision_store::~revision_store() { sqlite3_close(db_); }

void revision_store::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string reason = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw store_error("state database " + path_.string() + ": " + reason);
    }
}

void revision_store::fail(const std::string& what) const {
    throw store_error("state database " + path_.string() + ": " + what + ": " + sqlite3_errmsg(db_));
}

std::map<std::string, revision> revision_store::record(const std::vector<published>& now_published,
                                                       std::chrono::sys_seconds now) {
    exec("BEGIN IMMEDIATE");
    try {
        std::map<std::string, stored> known;
        {
            statement all{db_, "SELECT uid, fingerprint, sequence, created, last_modified FROM occurrences"};
            if (!all.ok()) fail("cannot read occurrences");
            int rc;
            while ((rc = sqlite3_step(all.get())) == SQLITE_ROW) {
                auto text = [&](int column) {
                    const auto* p = sqlite3_column_text(all.get(), column);
                    return std::string{p ? reinterpret_cast<const char*>(p) : ""};
                };
                known[text(0)] = stored{text(1),
                                        revision{sqlite3_column_int(all.get(), 2), time_of(sqlite3_column_int64(all.get(), 3)),
                                                 time_of(sqlite3_column_int64(all.get(), 4))}};
            }
            if (rc != SQLITE_DONE) fail("cannot read occurrences");
        }

        statement upsert{db_,
                         "INSERT INTO occurrences (uid, fingerprint, sequence, created, last_modified) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT(uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence, "
                         "last_modified = excluded.last_modified"};
        if (!upsert.ok()) fail("cannot prepare an update");

        std::map<std::string, revision> out;
        for (const auto& p : now_published) {
            auto it = known.find(p.uid);
            revision rev{0, now, now};
            if (it != known.end()) {
                rev = it->second.rev;
                if (it->second.fingerprint == p.fingerprint) {
                    out[p.uid] = rev;
                    continue;
                }
                ++rev.sequence;
                rev.last_modified = now;
            }
            upsert.reset();
            sqlite3_bind_text(upsert.get(), 1, p.uid.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(upsert.get(), 2, p.fingerprint.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(upsert.get(), 3, rev.sequence);
            sqlite3_bind_int64(upsert.get(), 4, seconds_of(rev.created));
            sqlite3_bind_int64(upsert.get(), 5, seconds_of(rev.last_modified));
            if (sqlite3_step(upsert.get()) != SQLITE_DONE) fail("cannot record " + p.uid);
            out[p.uid] = rev;
            known[p.uid] = stored{p.fingerprint, rev};
        }
        exec("COMMIT");
        return out;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

}  // namespace cadenced::store
