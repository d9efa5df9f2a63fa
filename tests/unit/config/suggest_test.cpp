// "Did you mean": distances and the closeness limit.
#include "config/suggest.h"

#include <catch2/catch.hpp>

using namespace cadenced::config::detail;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[unit][config]") {
    CHECK(edit_distance("title", "title") == 0);
    CHECK(edit_distance("Title", "title") == 0);
    CHECK(edit_distance("titel", "title") == 1);  // one swap
    CHECK(edit_distance("tite", "title") == 1);
    CHECK(edit_distance("titles", "title") == 1);
    CHECK(edit_distance("tetle", "title") == 1);
    CHECK(edit_distance("", "day") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("a suggestion is offered only when plausibly a typo", "[unit][config]") {
    const std::vector<std::string_view> keys{"id", "title", "days", "duration", "replaced_by"};
    CHECK(closest("titel", keys) == "title");
    CHECK(closest("dayz", keys) == "days");
    CHECK(closest("replaced", keys) == "replaced_by");  // cut short
    CHECK_FALSE(closest("colour", keys));
    CHECK_FALSE(closest("xy", keys));  // "id" is two edits away, too far for a short word
    CHECK(did_you_mean("duraton", keys) == "; did you mean \"duration\"?");
    CHECK(did_you_mean("colour", keys).empty());
}
