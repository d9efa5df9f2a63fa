#include "config/comment_lines.h"

#include "config/config.h"
#include "schedule/schedule.h"

#include <catch2/catch.hpp>

using cadenced::config::detail::without_comment_lines;

TEST_CASE("comment lines: emptied, with every line kept in place", "[unit][config]") {
    CHECK(without_comment_lines("# title\na = 1  # kept: not a whole-line comment\n  # indented\nb = 2") ==
          "\na = 1  # kept: not a whole-line comment\n\nb = 2");
    CHECK(without_comment_lines("") == "");
    CHECK(without_comment_lines("\n\n") == "\n\n");
}

TEST_CASE("comment lines: inside multi-line strings they are text", "[unit][config]") {
    const std::string toml = "a = \"\"\"\n# not a comment\n\"\"\"\n# a comment\nb = '''\n  # neither\n'''\n";
    CHECK(without_comment_lines(toml) == "a = \"\"\"\n# not a comment\n\"\"\"\n\nb = '''\n  # neither\n'''\n");
}

TEST_CASE("comment lines: the embedded default parses to the same rhythm either way", "[unit][config]") {
    namespace config = cadenced::config;
    namespace schedule = cadenced::schedule;
    const config::zone_fallback zones{std::string{"America/New_York"}, "/nonexistent"};
    const auto stripped = config::parse_default(zones);
    const auto original = config::load_string(config::embedded_default_toml(), "<embedded default>", zones);
    const schedule::date_range range{std::chrono::year{2026} / 1 / 1, std::chrono::year{2029} / 12 / 31};
    const auto a = schedule::generate(stripped.rhythm, range);
    const auto b = schedule::generate(original.rhythm, range);
    REQUIRE(a.size() == b.size());
    REQUIRE(a.size() > 100);
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(a[i].uid);
        CHECK(a[i].uid == b[i].uid);
        CHECK(schedule::fingerprint(a[i]) == schedule::fingerprint(b[i]));
    }
    CHECK(stripped == original);
    // The comments were a good part of the text.
    CHECK(without_comment_lines(config::embedded_default_toml()).size() * 10 <
          config::embedded_default_toml().size() * 8);
}
