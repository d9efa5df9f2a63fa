#pragma once
// The daemon's memory of every occurrence it has published (SQLite in the
// state directory): a content fingerprint and a revision per UID, so that
// feeds carry a SEQUENCE and LAST-MODIFIED that go up exactly when an
// occurrence changes, across restarts.

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace cadenced::store {

class store_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct revision {
    int sequence = 0;
    std::chrono::sys_seconds created;
    std::chrono::sys_seconds last_modified;
    bool operator==(const revision&) const = default;
};

struct published {
    std::string uid;
    std::string fingerprint;
};

class revision_store {
public:
    /// Opens (creating if needed) the database at `path`, in WAL mode.
    /// Throws store_error naming the file and SQLite's reason.
    explicit revision_store(const std::filesystem::path& path);
    ~revision_store();
    revision_store(const revision_store&) = delete;
    revision_store& operator=(const revision_store&) = delete;

    /// Records what is published now and returns each UID's revision: a new
    /// UID starts at sequence 0 created `now`; a changed fingerprint bumps
    /// the sequence and moves last_modified to `now`; an unchanged one keeps
    /// its revision. UIDs no longer published are kept, so one that comes
    /// back continues its sequence. One transaction: all or nothing.
    std::map<std::string, revision> record(const std::vector<published>& now_published, std::chrono::sys_seconds now);

    const std::filesystem::path& path() const { return path_; }

private:
    void exec(const char* sql);
    [[noreturn]] void fail(const std::string& what) const;

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

}  // namespace cadenced::store
