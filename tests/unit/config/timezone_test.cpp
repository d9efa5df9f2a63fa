// Zone names: checked against the tz database, and chosen by fallback when
// the config names none.
#include "config_test_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using cadenced::config::zone_fallback;
using cadenced::config::testing::error_of;

namespace {

// A fresh directory per test, removed afterwards.
class temp_dir {
public:
    temp_dir() {
        std::random_device seed;
        path_ = fs::temp_directory_path() / ("cadenced-config-test-" + std::to_string(seed()));
        fs::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// A localtime link to `target`; the target need not exist, as only its name
// is read.
fs::path fake_localtime(const temp_dir& dir, const fs::path& target) {
    const auto link = dir.path() / "localtime";
    fs::create_symlink(target, link);
    return link;
}

std::string zone_of(const zone_fallback& zones) {
    return cadenced::config::load_string("", "my.toml", zones).rhythm.timezone;
}

}  // namespace

TEST_CASE("a named zone is used as given and wins over the fallback", "[unit][config]") {
    CHECK(cadenced::config::testing::load("timezone = \"America/New_York\"\n").rhythm.timezone == "America/New_York");
}

TEST_CASE("an unknown zone is an error at its value, with a suggestion when close", "[unit][config]") {
    CHECK(error_of("timezone = \"Mars/Base\"\n") == "my.toml:1:12: unknown time zone \"Mars/Base\"");
    CHECK(error_of("timezone = \"Europe/Londn\"\n") ==
          "my.toml:1:12: unknown time zone \"Europe/Londn\"; did you mean \"Europe/London\"?");
    CHECK(error_of("timezone = \"europe/paris\"\n") ==
          "my.toml:1:12: unknown time zone \"europe/paris\"; did you mean \"Europe/Paris\"?");
    CHECK(error_of("timezone = 1\n") ==
          "my.toml:1:12: timezone must be an IANA time zone name such as \"Europe/London\", got an integer");
    CHECK(error_of("[[meetings]]\nid = \"m\"\ntitle = \"M\"\nwhen = { rule = \"dates\", dates = [2027-03-16] }\n"
                   "timezone = \"Mars/Base\"\n") ==
          "my.toml:5:12: meetings[1] (id \"m\"): unknown time zone \"Mars/Base\"");
}

TEST_CASE("the fallback takes TZ when it names a zone", "[unit][config]") {
    CHECK(zone_of(zone_fallback{std::string{"Asia/Tokyo"}, "/nonexistent"}) == "Asia/Tokyo");
    // POSIX allows a leading colon.
    CHECK(zone_of(zone_fallback{std::string{":Europe/Paris"}, "/nonexistent"}) == "Europe/Paris");
    CHECK(zone_of(zone_fallback{std::string{"/usr/share/zoneinfo/Europe/Oslo"}, "/nonexistent"}) == "Europe/Oslo");
}

TEST_CASE("the fallback reads the localtime link when TZ is unset or no zone", "[unit][config]") {
    const temp_dir dir;
    const auto link = fake_localtime(dir, dir.path() / "zoneinfo" / "Europe" / "Berlin");
    CHECK(zone_of(zone_fallback{std::nullopt, link}) == "Europe/Berlin");
    CHECK(zone_of(zone_fallback{std::string{"Nowhere/Land"}, link}) == "Europe/Berlin");
    CHECK(zone_of(zone_fallback{std::string{""}, link}) == "Europe/Berlin");
}

TEST_CASE("the fallback follows a relative link and the posix/ tree", "[unit][config]") {
    const temp_dir dir;
    CHECK(zone_of(zone_fallback{std::nullopt, fake_localtime(dir, "../usr/share/zoneinfo/posix/America/Chicago")}) ==
          "America/Chicago");
}

TEST_CASE("the fallback ends at UTC", "[unit][config]") {
    const temp_dir dir;
    SECTION("no localtime at all") { CHECK(zone_of(zone_fallback{std::nullopt, dir.path() / "missing"}) == "UTC"); }
    SECTION("localtime is a copied file, not a link") {
        std::ofstream{dir.path() / "localtime"} << "TZif";
        CHECK(zone_of(zone_fallback{std::nullopt, dir.path() / "localtime"}) == "UTC");
    }
    SECTION("the link leads outside any zoneinfo tree") {
        CHECK(zone_of(zone_fallback{std::nullopt, fake_localtime(dir, "/etc/elsewhere")}) == "UTC");
    }
    SECTION("the link names no known zone") {
        CHECK(zone_of(zone_fallback{std::nullopt, fake_localtime(dir, "/usr/share/zoneinfo/Mars/Base")}) == "UTC");
    }
}

TEST_CASE("from_environment reads TZ", "[unit][config]") {
    const char* saved = std::getenv("TZ");
    const std::optional<std::string> restore = saved ? std::optional<std::string>{saved} : std::nullopt;
    ::setenv("TZ", "Africa/Nairobi", 1);
    const auto with = zone_fallback::from_environment();
    ::unsetenv("TZ");
    const auto without = zone_fallback::from_environment();
    if (restore) ::setenv("TZ", restore->c_str(), 1);
    CHECK(with.tz_env == "Africa/Nairobi");
    CHECK(with.localtime == "/etc/localtime");
    CHECK_FALSE(without.tz_env);
}
