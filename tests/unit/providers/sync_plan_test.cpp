#include "providers/sync_plan.h"

#include <catch2/catch.hpp>

using namespace cadenced::providers;

namespace {

cadenced::schedule::occurrence occurrence_with(const std::string& uid) {
    cadenced::schedule::occurrence o;
    o.uid = uid;
    o.title = "Title of " + uid;
    return o;
}

remote_event remote(const std::string& uid, const std::string& hash, bool cancelled = false, bool edited = false) {
    remote_event r;
    r.remote_id = "id-" + uid;
    r.uid = uid;
    r.content_hash = hash;
    r.cancelled = cancelled;
    r.edited_by_someone = edited;
    return r;
}

struct fixture {
    std::vector<cadenced::schedule::occurrence> occurrences{occurrence_with("a"), occurrence_with("b"),
                                                            occurrence_with("c")};
    std::vector<desired_event> desired{{&occurrences[0], "a", "h1"}, {&occurrences[1], "b", "h2"},
                                       {&occurrences[2], "c", "h3"}};
};

}  // namespace

TEST_CASE("plan: new, changed, unchanged and gone", "[unit][providers]") {
    fixture f;
    const std::vector<remote_event> listed{remote("a", "h1"), remote("b", "old"), remote("z", "h9")};
    const auto plan = make_plan(f.desired, listed, {}, human_edit_policy::restore);
    REQUIRE(plan.actions.size() == 3);
    CHECK(plan.unchanged == 1);
    CHECK(plan.actions[0].kind == action_kind::update);
    CHECK(plan.actions[0].desired->uid == "b");
    CHECK(plan.actions[0].reason == "changed");
    CHECK(plan.actions[1].kind == action_kind::create);
    CHECK(plan.actions[1].desired->uid == "c");
    CHECK(plan.actions[2].kind == action_kind::remove);
    CHECK(plan.actions[2].remote->uid == "z");
    CHECK(plan.actions[2].reason == "left the schedule");
}

TEST_CASE("plan: edits and deletions by people, under both policies", "[unit][providers]") {
    fixture f;
    const std::vector<remote_event> listed{remote("a", "h1", false, true), remote("b", "h2", true), remote("c", "h3")};

    const auto restore = make_plan(f.desired, listed, {}, human_edit_policy::restore);
    REQUIRE(restore.actions.size() == 2);
    CHECK(restore.actions[0].reason == "restoring an edit");
    CHECK(restore.actions[1].kind == action_kind::update);
    CHECK(restore.actions[1].reason == "restoring a deletion");
    CHECK(restore.unchanged == 1);

    const auto keep = make_plan(f.desired, listed, {}, human_edit_policy::keep);
    CHECK(keep.actions.empty());
    CHECK(keep.kept_edits == 1);
    CHECK(keep.kept_deletions == 1);
    CHECK(keep.newly_deleted_by_people == std::vector<std::string>{"b"});

    // Remembered from an earlier sync, even when the provider no longer lists it.
    const auto remembered = make_plan(f.desired, {remote("a", "h1"), remote("c", "h3")}, {"b"}, human_edit_policy::keep);
    CHECK(remembered.actions.empty());
    CHECK(remembered.kept_deletions == 1);
    CHECK(remembered.newly_deleted_by_people.empty());
    // A config change still reaches an edited event under keep.
    const auto changed = make_plan(f.desired, {remote("a", "h0", false, true), remote("b", "h2"), remote("c", "h3")}, {},
                                   human_edit_policy::keep);
    REQUIRE(changed.actions.size() == 1);
    CHECK(changed.actions[0].reason == "changed");
}

TEST_CASE("plan: duplicates of one occurrence are removed, cancelled ones ignored", "[unit][providers]") {
    fixture f;
    auto second = remote("a", "h1");
    second.remote_id = "id-a-again";
    const std::vector<remote_event> listed{remote("a", "h1"), second, remote("b", "h2"), remote("c", "h3"),
                                           remote("gone", "h", true)};
    const auto plan = make_plan(f.desired, listed, {}, human_edit_policy::restore);
    REQUIRE(plan.actions.size() == 1);
    CHECK(plan.actions[0].kind == action_kind::remove);
    CHECK(plan.actions[0].reason == "duplicate");
    CHECK(plan.actions[0].remote->remote_id == "id-a-again");
}

TEST_CASE("plan: the mass-deletion guard counts live events only", "[unit][providers]") {
    fixture f;
    std::vector<remote_event> listed;
    for (int i = 0; i < 10; ++i) listed.push_back(remote("x" + std::to_string(i), "h"));
    listed.push_back(remote("a", "h1"));
    listed.push_back(remote("dead", "h", true));
    // 10 of 11 live events would go.
    const auto plan = make_plan(f.desired, listed, {}, human_edit_policy::restore);
    const auto problem = mass_deletion_problem(plan, listed, 0.2);
    REQUIRE(problem);
    CHECK(*problem == "the sync would delete 10 of 11 events, more than the allowed share of 20%; check the config "
                      "and run `cadenced --sync --force` if that is intended");
    CHECK_FALSE(mass_deletion_problem(plan, listed, 1.0));
    // Two of eleven is within 20%.
    std::vector<remote_event> few(listed.begin() + 8, listed.end());
    for (int i = 0; i < 9; ++i) few.push_back(remote(i == 0 ? "b" : "filler" + std::to_string(i), "h"));
    std::vector<desired_event> wanted = f.desired;
    for (int i = 1; i < 9; ++i) wanted.push_back({&f.occurrences[0], "filler" + std::to_string(i), "h"});
    const auto small = make_plan(wanted, few, {}, human_edit_policy::restore);
    CHECK(small.count(action_kind::remove) == 2);
    CHECK_FALSE(mass_deletion_problem(small, few, 0.2));
}
