#include "zoneinfo/zone.h"

#include "support/run_process.h"
#include "tzif_builder.h"

#include <date/tz.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <string>

using namespace std::chrono;
using cadenced::zoneinfo::is_plausible_zone_name;
using cadenced::zoneinfo::zone;
using cadenced::zoneinfo::zone_names;

namespace {

sys_seconds jan1(int y) { return sys_days{year{y} / January / 1}; }

// glibc's own reading of the same zone: an independent implementation that,
// unlike HH date's OS database, also follows the footer rule past 2037.
struct libc_view {
    long offset;
    bool dst;
    std::string abbrev;
};

class libc_zone {
public:
    explicit libc_zone(const std::string& name) {
        ::setenv("TZ", (":" + name).c_str(), 1);
        ::tzset();
    }
    ~libc_zone() {
        ::unsetenv("TZ");
        ::tzset();
    }
    libc_zone(const libc_zone&) = delete;
    libc_zone& operator=(const libc_zone&) = delete;

    libc_view at(sys_seconds t) const {
        const std::time_t tt = t.time_since_epoch().count();
        std::tm tm{};
        ::localtime_r(&tt, &tm);
        return {tm.tm_gmtoff, tm.tm_isdst > 0, tm.tm_zone};
    }
};

}  // namespace

TEST_CASE("zone: every system zone agrees with glibc from 1970 to 2100", "[unit][zoneinfo]") {
    const auto names = zone_names();
    REQUIRE(names.size() > 300);
    for (const auto& name : names) {
        INFO(name);
        const auto z = zone::load(name);
        REQUIRE(z);
        const libc_zone libc{name};
        // Every 27 days hits every month and weekday over the years; each
        // listed transition is checked on both sides as well.
        for (auto t = jan1(1970); t < jan1(2100); t += days{27}) {
            const auto ours = z->type_at(t);
            const auto theirs = libc.at(t);
            INFO(date::format("%F %T", t));
            REQUIRE(ours.offset.count() == theirs.offset);
            REQUIRE(ours.abbrev == theirs.abbrev);
            REQUIRE(ours.dst == theirs.dst);
        }
        for (const auto& tr : z->transitions()) {
            if (tr.at < jan1(1970)) continue;
            for (const auto t : {tr.at - seconds{1}, tr.at}) {
                INFO(date::format("%F %T", t));
                REQUIRE(z->type_at(t).offset.count() == libc.at(t).offset);
            }
        }
    }
}

TEST_CASE("zone: offsets and local times agree with HH date up to 2037", "[unit][zoneinfo]") {
    for (const std::string name : {"America/New_York", "Europe/London", "Australia/Sydney", "Pacific/Chatham",
                                   "Asia/Kolkata", "Europe/Dublin", "America/Santiago", "US/Eastern"}) {
        INFO(name);
        const auto z = zone::load(name);
        REQUIRE(z);
        const auto* db = date::locate_zone(name);
        for (auto t = jan1(1990); t < jan1(2037); t += hours{24 * 13 + 7}) {
            const auto info = db->get_info(t);
            REQUIRE(z->type_at(t).offset == info.offset);
            REQUIRE(z->type_at(t).abbrev == info.abbrev);
            REQUIRE(z->to_local(t).time_since_epoch() == (t + info.offset).time_since_epoch());
        }
    }
}

TEST_CASE("zone: past the listed transitions the footer rule goes on", "[unit][zoneinfo]") {
    const auto ny = zone::load("America/New_York");
    REQUIRE(ny);
    REQUIRE(ny->rule());
    // 8 March 2099 is the second Sunday of March: EDT from 07:00 UTC.
    const auto change = sys_days{year{2099} / March / 8} + hours{7};
    CHECK(ny->type_at(change - seconds{1}).abbrev == "EST");
    CHECK(ny->type_at(change).abbrev == "EDT");
    CHECK(ny->type_at(change).offset == hours{-4});
    CHECK(ny->type_at(change).dst);
}

TEST_CASE("zone: names that are not zones are refused before any lookup", "[unit][zoneinfo]") {
    for (const char* good : {"UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14"})
        CHECK(is_plausible_zone_name(good));
    for (const char* bad : {"", "/etc/passwd", "../etc/passwd", "Europe/../../etc/passwd", "Europe/", "./UTC",
                            "Europe//London", "Europe/London ", "Europe\\London", "UTC\n", "-UTC"})
        CHECK_FALSE(is_plausible_zone_name(bad));
    CHECK_FALSE(zone::load("Mars/Olympus_Mons"));
    CHECK_FALSE(zone::load("America"));       // a directory
    CHECK_FALSE(zone::load("zone1970.tab"));  // not a TZif file
}

TEST_CASE("zone: TZDIR points at another zoneinfo tree", "[unit][zoneinfo]") {
    test_support::temp_dir dir;
    zoneinfo_test::made_zone z;
    z.types = {{3600, false, "XST"}};
    z.footer = "XST-1";
    dir.write("Example", zoneinfo_test::tzif_bytes(z));

    const auto loaded = zone::load("Example", dir.path());
    REQUIRE(loaded);
    CHECK(loaded->type_at(jan1(2030)).offset == hours{1});
    CHECK(loaded->type_at(jan1(2030)).abbrev == "XST");
    CHECK(zone_names(dir.path()) == std::vector<std::string>{"Example"});

    ::setenv("TZDIR", dir.path().c_str(), 1);
    CHECK(cadenced::zoneinfo::zoneinfo_directory() == dir.path());
    CHECK(zone::load("Example"));
    CHECK_FALSE(zone::load("Europe/London"));
    ::unsetenv("TZDIR");
    CHECK(zone::load("Europe/London"));
}
