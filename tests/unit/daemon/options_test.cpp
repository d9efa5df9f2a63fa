#include "daemon/options.h"

#include <catch2/catch.hpp>

using namespace cadenced::cli;
using namespace std::chrono;

TEST_CASE("options: dates are YYYY-MM-DD and real", "[unit][cli]") {
    CHECK(parse_date("2027-02-28") == year{2027} / February / 28);
    CHECK(parse_date("2028-02-29") == year{2028} / February / 29);
    CHECK_FALSE(parse_date("2027-02-29"));
    CHECK_FALSE(parse_date("2027-2-28"));
    CHECK_FALSE(parse_date("2027-13-01"));
    CHECK_FALSE(parse_date("2027-02-28x"));
    CHECK_FALSE(parse_date("+027-02-28"));
    CHECK_FALSE(parse_date(""));
}

TEST_CASE("options: instants", "[unit][cli]") {
    CHECK(parse_instant("@0") == sys_seconds{});
    CHECK(parse_instant("@1795000000") == sys_seconds{seconds{1795000000}});
    CHECK(parse_instant("2027-02-01") == sys_seconds{sys_days{year{2027} / February / 1}});
    CHECK(parse_instant("2027-02-01T09:30:05Z") ==
          sys_seconds{sys_days{year{2027} / February / 1}} + hours{9} + minutes{30} + seconds{5});
    CHECK_FALSE(parse_instant("2027-02-01T24:00:00Z"));
    CHECK_FALSE(parse_instant("2027-02-01T09:30:05"));
    CHECK_FALSE(parse_instant("@-5"));
    CHECK_FALSE(parse_instant("@12a"));
}

TEST_CASE("options: actions and their options", "[unit][cli]") {
    auto parse = [](std::vector<const char*> args) {
        args.insert(args.begin(), "cadenced");
        return parse_options(static_cast<int>(args.size()), args.data());
    };
    const auto o = parse({"--export", "--feed", "company", "--from", "2027-01-01", "--to", "2027-12-31", "-o", "x.ics"});
    CHECK(o.what == action::export_ics);
    CHECK(o.feed == "company");
    CHECK(o.from == year{2027} / January / 1);
    CHECK(o.to == year{2027} / December / 31);
    CHECK(o.output_path == "x.ics");
    CHECK(parse({"--list"}).what == action::list);
    CHECK(parse({}).what == action::daemon);
    CHECK(parse({"--listen", "127.0.0.1:0", "--state-dir", "/tmp/x"}).listen == "127.0.0.1:0");
    CHECK_THROWS_WITH(parse({"--export", "--listen", "127.0.0.1:0"}),
                      "--listen and --log-level go with the daemon (no action flag)");
    CHECK_THROWS_WITH(parse({"--export", "--state-dir", "/tmp/x"}),
                      "--state-dir goes with the daemon (no action flag), --sync or --auth");
    CHECK(parse({"--sync", "--state-dir", "/tmp/x", "--target", "g", "--dry-run"}).target == "g");
    CHECK(parse({"--sync", "--dry-run"}).dry_run);
    CHECK(parse({"--sync", "--force"}).force);
    CHECK_THROWS_WITH(parse({"--export", "--dry-run"}), "--dry-run and --force go with --sync");
    CHECK_THROWS_WITH(parse({"--list", "--target", "m"}), "--target goes with --sync or --auth");
    const auto auth = parse({"--auth", "microsoft", "--target", "m365", "--state-dir", "/tmp/x"});
    CHECK(auth.what == action::auth);
    CHECK(auth.auth_provider == "microsoft");
    CHECK(auth.target == "m365");
    CHECK_THROWS_WITH(parse({"--auth", "google"}),
                      "--auth takes microsoft (Google targets use a credentials file), got \"google\"");
    CHECK_THROWS_WITH(parse({"--auth", "microsoft", "--dry-run"}), "--dry-run and --force go with --sync");
    CHECK_THROWS_WITH(parse({"--log-level", "loud"}), "--log-level must be debug, info, warn or error, got \"loud\"");
    CHECK_THROWS_WITH(parse({"--export", "--from", "2027-12-31", "--to", "2027-01-01"}), "--to is before --from");
    CHECK_THROWS_WITH(parse({"--list", "-o", "x"}), "-o goes with --export");
    CHECK_THROWS_WITH(parse({"--check-config", "--feed", "all"}), "--feed, --from and --to go with --export or --list");
    CHECK_THROWS_WITH(parse({"--export", "--now", "tomorrow"}),
                      "--now must be YYYY-MM-DDTHH:MM:SSZ, YYYY-MM-DD or @EPOCH, got \"tomorrow\"");
    CHECK_THROWS_AS(parse({"--export", "--config"}), usage_error);
}
