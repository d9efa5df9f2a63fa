// [[sync]]: provider calendars kept in line with a feed.
#include "config_test_support.h"

#include <catch2/catch.hpp>

using cadenced::config::testing::error_of;
using cadenced::config::testing::load;

namespace {

const std::string google = "[[sync]]\nname = \"leaders\"\nprovider = \"google\"\ncredentials = \"key.json\"\n";

}  // namespace

TEST_CASE("sync targets with their defaults and every key", "[unit][config]") {
    CHECK(load("").sync.empty());
    const auto minimal = load(google);
    REQUIRE(minimal.sync.size() == 1);
    const auto& t = minimal.sync[0];
    CHECK(t.name == "leaders");
    CHECK(t.provider == "google");
    CHECK(t.feed == "all");
    CHECK(t.calendar == "primary");
    CHECK(t.credentials == "key.json");
    CHECK(t.api_base == "https://www.googleapis.com/calendar/v3");
    CHECK(t.token_url.empty());
    CHECK_FALSE(t.keep_human_edits);
    CHECK(t.max_delete_percent == 20);
    CHECK(t.timeout_seconds == 30);
    CHECK(t.interval_minutes == 15);

    const auto full = load(google + "feed = \"company\"\ncalendar = \"c_1@group.calendar.google.com\"\n"
                                    "subject = \"cos@example.com\"\napi_base = \"http://127.0.0.1:9/calendar/v3/\"\n"
                                    "token_url = \"http://127.0.0.1:9/token\"\nbatch_url = \"http://127.0.0.1:9/batch\"\n"
                                    "on_human_edit = \"keep\"\nmax_delete_percent = 50\ntimeout = 5\ninterval = 60\n");
    const auto& f = full.sync[0];
    CHECK(f.feed == "company");
    CHECK(f.calendar == "c_1@group.calendar.google.com");
    CHECK(f.subject == "cos@example.com");
    CHECK(f.api_base == "http://127.0.0.1:9/calendar/v3");  // trailing slash dropped
    CHECK(f.token_url == "http://127.0.0.1:9/token");
    CHECK(f.batch_url == "http://127.0.0.1:9/batch");
    CHECK(f.keep_human_edits);
    CHECK(f.max_delete_percent == 50);
    CHECK(f.timeout_seconds == 5);
    CHECK(f.interval_minutes == 60);
    CHECK_FALSE(f.send_invitations);
    CHECK(load(google + "send_invitations = true\n").sync[0].send_invitations);
}

TEST_CASE("sync errors", "[unit][config]") {
    CHECK(error_of(google + google) == "my.toml:6:8: sync[2] (name \"leaders\"): name \"leaders\" is already used by sync[1]");
    CHECK(error_of("[[sync]]\nname = \"x\"\ncredentials = \"k\"\n") ==
          "my.toml:1:1: sync[1] (name \"x\") needs provider = \"google\" or \"microsoft\"");
    CHECK(error_of("[[sync]]\nname = \"x\"\nprovider = \"outlook\"\ncredentials = \"k\"\n") ==
          "my.toml:3:12: sync[1] (name \"x\"): provider must be \"google\" or \"microsoft\", got \"outlook\"");
    CHECK(error_of(google + "user = \"ceo@example.com\"\n") ==
          "my.toml:5:8: sync[1] (name \"leaders\"): user is for Microsoft targets; Google service accounts act for a "
          "user with subject");
    CHECK(error_of("[[sync]]\nname = \"x\"\nprovider = \"google\"\n") ==
          "my.toml:1:1: sync[1] (name \"x\") needs credentials = \"path/to/key.json\" (a service-account key or "
          "authorized_user file)");
    CHECK(error_of(google + "feed = \"board\"\n") ==
          "my.toml:5:8: sync[1] (name \"leaders\"): feed names no feed: \"board\"; feeds: \"all\", \"company\"");
    CHECK(error_of(google + "api_base = \"www.googleapis.com\"\n") ==
          "my.toml:5:12: sync[1] (name \"leaders\"): api_base must start with http:// or https://, got "
          "\"www.googleapis.com\"");
    CHECK(error_of(google + "on_human_edit = \"ignore\"\n") ==
          "my.toml:5:17: sync[1] (name \"leaders\"): on_human_edit must be \"restore\" (the config wins) or \"keep\", "
          "got \"ignore\"");
    CHECK(error_of(google + "max_delete_percent = 120\n") ==
          "my.toml:5:22: sync[1] (name \"leaders\"): max_delete_percent must be 0-100, got 120");
    CHECK(error_of(google + "intervall = 5\n") ==
          "my.toml:5:1: sync[1] (name \"leaders\"): unknown key \"intervall\"; did you mean \"interval\"?");
}

namespace {

const std::string microsoft = "[[sync]]\nname = \"m365\"\nprovider = \"microsoft\"\ncredentials = \"app.json\"\n";

}  // namespace

TEST_CASE("Microsoft sync targets: defaults, every key, errors", "[unit][config]") {
    const auto minimal = load(microsoft);
    REQUIRE(minimal.sync.size() == 1);
    const auto& t = minimal.sync[0];
    CHECK(t.provider == "microsoft");
    CHECK(t.calendar.empty());  // the mailbox's default calendar
    CHECK(t.user == "me");
    CHECK(t.api_base == "https://graph.microsoft.com/v1.0");
    CHECK(t.token_url.empty());
    CHECK(t.batch_url.empty());

    const auto full = load(microsoft + "user = \"ceo@example.com\"\ncalendar = \"AAMkAGI2=\"\n"
                                       "api_base = \"http://127.0.0.1:9/v1.0\"\n"
                                       "token_url = \"http://127.0.0.1:9/t/oauth2/v2.0/token\"\n");
    const auto& f = full.sync[0];
    CHECK(f.user == "ceo@example.com");
    CHECK(f.calendar == "AAMkAGI2=");
    CHECK(f.api_base == "http://127.0.0.1:9/v1.0");
    CHECK(f.token_url == "http://127.0.0.1:9/t/oauth2/v2.0/token");

    CHECK(error_of(microsoft + "subject = \"a@b\"\n") ==
          "my.toml:5:11: sync[1] (name \"m365\"): subject is for Google service accounts; Microsoft targets name the "
          "mailbox with user");
    CHECK(error_of(microsoft + "user = \"\"\n") ==
          "my.toml:5:8: sync[1] (name \"m365\"): user must name a mailbox (a user id or user@example.com), or be "
          "\"me\"");
    CHECK(error_of(microsoft + "user = \"a/b\"\n") ==
          "my.toml:5:8: sync[1] (name \"m365\"): user must be a user id or user principal name, got \"a/b\"");
    CHECK(error_of(microsoft + "calendar = \"\"\n") ==
          "my.toml:5:12: sync[1] (name \"m365\"): calendar must not be empty (leave it out for the mailbox's default "
          "calendar)");
    CHECK(error_of("[[sync]]\nname = \"m\"\nprovider = \"microsoft\"\n") ==
          "my.toml:1:1: sync[1] (name \"m\") needs credentials = \"path/to/app.json\" (the app registration: "
          "tenant, client_id, and client_secret for app-only access)");
}
