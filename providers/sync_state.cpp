#include "providers/sync_state.h"

#include <sqlite3.h>

#include <optional>

namespace cadenced::providers {

namespace {

// One prepared statement; finalized on scope exit.
class statement {
public:
    statement(sqlite3* db, const char* sql) : db_{db} {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw sync_state_error{std::string{"sync state: "} + sqlite3_errmsg(db)};
    }
    ~statement() { sqlite3_finalize(stmt_); }
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    statement& bind(int i, const std::string& text) {
        sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    statement& bind(int i, long long n) {
        sqlite3_bind_int64(stmt_, i, n);
        return *this;
    }
    /// True while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw sync_state_error{std::string{"sync state: "} + sqlite3_errmsg(db_)};
    }
    std::string text(int column) const {
        const auto* p = sqlite3_column_text(stmt_, column);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    long long number(int column) const { return sqlite3_column_int64(stmt_, column); }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

long long seconds_of(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }

}  // namespace

sync_state::sync_state(const std::filesystem::path& path) : path_{path} {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw sync_state_error{"cannot open sync state " + path.string() + ": " + reason};
    }
    sqlite3_busy_timeout(db_, 5000);
    try {
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=NORMAL");
        exec("CREATE TABLE IF NOT EXISTS written ("
             " target TEXT NOT NULL, uid TEXT NOT NULL, remote_id TEXT NOT NULL, content_hash TEXT NOT NULL,"
             " written_at INTEGER NOT NULL, PRIMARY KEY (target, uid))");
        exec("CREATE TABLE IF NOT EXISTS deleted_by_people ("
             " target TEXT NOT NULL, uid TEXT NOT NULL, noted_at INTEGER NOT NULL, PRIMARY KEY (target, uid))");
        exec("CREATE TABLE IF NOT EXISTS runs (target TEXT PRIMARY KEY, at INTEGER NOT NULL, result TEXT NOT NULL)");
        exec("CREATE TABLE IF NOT EXISTS listing_tokens ("
             " target TEXT PRIMARY KEY, source TEXT NOT NULL, token TEXT NOT NULL)");
        exec("CREATE TABLE IF NOT EXISTS listed_events ("
             " target TEXT NOT NULL, remote_id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (target, remote_id))");
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

sync_state::~sync_state() { sqlite3_close(db_); }

void sync_state::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string reason = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        throw sync_state_error{"sync state " + path_.string() + ": " + reason};
    }
}

void sync_state::record_written(const std::string& target, const std::string& uid, const std::string& remote_id,
                                const std::string& content_hash, std::chrono::sys_seconds at) {
    statement s{db_, "INSERT INTO written (target, uid, remote_id, content_hash, written_at) VALUES (?, ?, ?, ?, ?)"
                     " ON CONFLICT (target, uid) DO UPDATE SET remote_id = excluded.remote_id,"
                     " content_hash = excluded.content_hash, written_at = excluded.written_at"};
    s.bind(1, target).bind(2, uid).bind(3, remote_id).bind(4, content_hash).bind(5, seconds_of(at));
    s.step();
}

void sync_state::forget(const std::string& target, const std::string& uid) {
    statement s{db_, "DELETE FROM written WHERE target = ? AND uid = ?"};
    s.bind(1, target).bind(2, uid);
    s.step();
}

std::size_t sync_state::written_count(const std::string& target) {
    statement s{db_, "SELECT COUNT(*) FROM written WHERE target = ?"};
    s.bind(1, target);
    return s.step() ? static_cast<std::size_t>(s.number(0)) : 0;
}

std::set<std::string> sync_state::written_uids(const std::string& target) {
    statement s{db_, "SELECT uid FROM written WHERE target = ?"};
    s.bind(1, target);
    std::set<std::string> out;
    while (s.step()) out.insert(s.text(0));
    return out;
}

std::set<std::string> sync_state::deleted_by_people(const std::string& target) {
    statement s{db_, "SELECT uid FROM deleted_by_people WHERE target = ?"};
    s.bind(1, target);
    std::set<std::string> out;
    while (s.step()) out.insert(s.text(0));
    return out;
}

void sync_state::remember_deleted_by_people(const std::string& target, const std::string& uid,
                                            std::chrono::sys_seconds at) {
    statement s{db_, "INSERT OR IGNORE INTO deleted_by_people (target, uid, noted_at) VALUES (?, ?, ?)"};
    s.bind(1, target).bind(2, uid).bind(3, seconds_of(at));
    s.step();
}

std::optional<sync_state::listing> sync_state::remembered_listing(const std::string& target, const std::string& source) {
    statement t{db_, "SELECT token FROM listing_tokens WHERE target = ? AND source = ?"};
    t.bind(1, target).bind(2, source);
    if (!t.step()) return std::nullopt;
    listing out;
    out.token = t.text(0);
    statement e{db_, "SELECT remote_id, json FROM listed_events WHERE target = ?"};
    e.bind(1, target);
    while (e.step()) out.events[e.text(0)] = e.text(1);
    return out;
}

void sync_state::remember_listing(const std::string& target, const std::string& source, const listing& full) {
    exec("BEGIN IMMEDIATE");
    try {
        statement clear{db_, "DELETE FROM listed_events WHERE target = ?"};
        clear.bind(1, target);
        clear.step();
        for (const auto& [id, json] : full.events) {
            statement add{db_, "INSERT INTO listed_events (target, remote_id, json) VALUES (?, ?, ?)"};
            add.bind(1, target).bind(2, id).bind(3, json);
            add.step();
        }
        statement token{db_, "INSERT INTO listing_tokens (target, source, token) VALUES (?, ?, ?)"
                             " ON CONFLICT (target) DO UPDATE SET source = excluded.source, token = excluded.token"};
        token.bind(1, target).bind(2, source).bind(3, full.token);
        token.step();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

void sync_state::update_listing(const std::string& target, const std::string& source,
                                const std::map<std::string, std::optional<std::string>>& changes,
                                const std::string& token) {
    exec("BEGIN IMMEDIATE");
    try {
        for (const auto& [id, json] : changes) {
            if (json) {
                statement put{db_, "INSERT INTO listed_events (target, remote_id, json) VALUES (?, ?, ?)"
                                   " ON CONFLICT (target, remote_id) DO UPDATE SET json = excluded.json"};
                put.bind(1, target).bind(2, id).bind(3, *json);
                put.step();
            } else {
                statement drop{db_, "DELETE FROM listed_events WHERE target = ? AND remote_id = ?"};
                drop.bind(1, target).bind(2, id);
                drop.step();
            }
        }
        statement t{db_, "INSERT INTO listing_tokens (target, source, token) VALUES (?, ?, ?)"
                         " ON CONFLICT (target) DO UPDATE SET source = excluded.source, token = excluded.token"};
        t.bind(1, target).bind(2, source).bind(3, token);
        t.step();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

void sync_state::forget_listing(const std::string& target) {
    statement a{db_, "DELETE FROM listing_tokens WHERE target = ?"};
    a.bind(1, target);
    a.step();
    statement b{db_, "DELETE FROM listed_events WHERE target = ?"};
    b.bind(1, target);
    b.step();
}

void sync_state::record_run(const std::string& target, const run_record& run) {
    statement s{db_, "INSERT INTO runs (target, at, result) VALUES (?, ?, ?)"
                     " ON CONFLICT (target) DO UPDATE SET at = excluded.at, result = excluded.result"};
    s.bind(1, target).bind(2, seconds_of(run.at)).bind(3, run.result);
    s.step();
}

std::optional<run_record> sync_state::last_run(const std::string& target) {
    statement s{db_, "SELECT at, result FROM runs WHERE target = ?"};
    s.bind(1, target);
    if (!s.step()) return std::nullopt;
    return run_record{std::chrono::sys_seconds{std::chrono::seconds{s.number(0)}}, s.text(1)};
}

}  // namespace cadenced::providers
