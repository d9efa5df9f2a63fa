// The revision store on a real SQLite file in a temp directory.
#include "daemon/store/revision_store.h"
#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

using namespace cadenced::store;
using namespace std::chrono;

namespace {
const sys_seconds t0{seconds{1800000000}};
}

TEST_CASE("store: revisions start, stay and move with the fingerprint", "[integration][store]") {
    test_support::temp_dir dir;
    const auto db = dir.file("state.sqlite");
    {
        revision_store store{db};
        auto first = store.record({{"a@x", "f1"}, {"b@x", "f2"}}, t0);
        CHECK(first.at("a@x") == revision{0, t0, t0});
        CHECK(first.at("b@x") == revision{0, t0, t0});

        auto same = store.record({{"a@x", "f1"}, {"b@x", "f2"}}, t0 + hours{1});
        CHECK(same.at("a@x") == revision{0, t0, t0});

        auto moved = store.record({{"a@x", "f1-changed"}, {"b@x", "f2"}}, t0 + hours{2});
        CHECK(moved.at("a@x") == revision{1, t0, t0 + hours{2}});
        CHECK(moved.at("b@x") == revision{0, t0, t0});
        // b leaves the schedule for a while.
        auto without_b = store.record({{"a@x", "f1-changed"}}, t0 + hours{3});
        CHECK(without_b.size() == 1);
    }
    // Reopened: the history is on disk; b comes back changed and continues.
    revision_store again{db};
    auto back = again.record({{"a@x", "f1-changed"}, {"b@x", "f2-new"}, {"c@x", "f3"}}, t0 + hours{4});
    CHECK(back.at("a@x") == revision{1, t0, t0 + hours{2}});
    CHECK(back.at("b@x") == revision{1, t0, t0 + hours{4}});
    CHECK(back.at("c@x") == revision{0, t0 + hours{4}, t0 + hours{4}});
}

TEST_CASE("store: a file that is not a database is refused, untouched", "[integration][store]") {
    test_support::temp_dir dir;
    const auto path = dir.file("state.sqlite");
    dir.write("state.sqlite", "these are somebody's notes, not a database\n");
    CHECK_THROWS_WITH(revision_store{path}, "state database " + path + ": file is not a database");
    CHECK(test_support::read_file(path) == "these are somebody's notes, not a database\n");
}

TEST_CASE("store: a missing directory and a newer schema are clear errors", "[integration][store]") {
    test_support::temp_dir dir;
    CHECK_THROWS_WITH(revision_store{dir.file("no/such/state.sqlite")},
                      "cannot open state database " + dir.file("no/such/state.sqlite") + ": unable to open database file");
    const auto path = dir.file("future.sqlite");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 7", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    CHECK_THROWS_WITH(revision_store{path}, "state database " + path +
                                                " has schema version 7, newer than this cadenced understands (1)");
}
