// The default as compiled in at build time (prebuilt_default.h) and the
// binary form it is kept in (binary_form.h).
#include "config/binary_form.h"
#include "config/config.h"
#include "config/config_fields.h"

#include <catch2/catch.hpp>

#include <string>

using namespace std::chrono;
namespace config = cadenced::config;
namespace schedule = cadenced::schedule;
using config::detail::binary_form_error;
using config::detail::byte_reader;
using config::detail::decode;
using config::detail::encode;

namespace {

config::zone_fallback zones_with_tz(const char* tz) { return config::zone_fallback{std::string{tz}, "/nonexistent"}; }

// A config that uses every kind of value the form has: each rule and step
// alternative, optionals set and unset, maps, arrays, dates and enums.
config::config everything() {
    config::config c;
    c.source = "everything.toml";
    c.rhythm.fiscal = schedule::fiscal_calendar{October, schedule::fiscal_year_label::start_year};
    c.rhythm.timezone = "Pacific/Auckland";
    c.rhythm.uid_domain = "example.org";
    c.rhythm.default_shift = schedule::shift_rule::previous_working_day;
    c.rhythm.work_week = {true, false, true, false, true, false, true};
    c.rhythm.holidays.push_back({year{2027} / December / 24, year{2027} / December / 31, "Year end"});
    c.rhythm.people.push_back({"ceo", "CEO", "Ada Lovelace", "ada@example.org", {"elt", "board"}});

    schedule::series nth;
    nth.id = "nth";
    nth.when = schedule::calendar_rule{schedule::nth_weekday{Tuesday, -1}, {1, 3}};
    nth.duration = minutes{150};
    nth.timezone = "Europe/Berlin";
    nth.on_holiday = schedule::shift_rule::skip;
    nth.reminder_minutes = 45;
    nth.exceptions.push_back({2, schedule::exception_kind::folded, "offsite"});
    nth.agenda.push_back({"Day 1", {{"Welcome", minutes{15}, "ceo", {"a note", "another"}, {2, 4}}}});
    nth.location = {"HQ", "Lisbon", "Office", {2}};
    c.rhythm.meetings.push_back(nth);

    schedule::series nearest;
    nearest.id = "nearest";
    nearest.when = schedule::calendar_rule{schedule::nearest_weekday{Thursday, 20}, {2}};
    nearest.all_day = true;
    c.rhythm.meetings.push_back(nearest);

    schedule::series dates;
    dates.id = "dates";
    dates.when = schedule::dates_rule{{year{2027} / March / 3, year{2028} / February / 29}};
    c.rhythm.meetings.push_back(dates);

    for (const auto& step : {schedule::relative_rule{"nth", schedule::anchor_edge::end, schedule::day_offset{-7}},
                             schedule::relative_rule{"nth", schedule::anchor_edge::start, schedule::weekday_step{Monday, false}},
                             schedule::relative_rule{"nth", schedule::anchor_edge::end, schedule::working_day_step{2}}}) {
        schedule::series relative;
        relative.id = "relative-" + std::to_string(c.rhythm.meetings.size());
        relative.when = step;
        relative.confidential = true;
        relative.attendees = {"elt"};
        relative.categories = {"Deadline"};
        c.rhythm.meetings.push_back(relative);
    }

    c.feeds.push_back({"company", "Company", {"nth", "dates"}, schedule::confidential_view::busy, "Blocked"});
    c.feed_tokens["company"] = "s3cret";
    c.feed_tokens["elt"] = "t0ken";
    c.calendar = {"Rhythm", "All of it", minutes{90}, "example.org"};
    c.server = {"0.0.0.0", 9000, "https://cal.example.org"};
    config::sync_target t;
    t.name = "m365";
    t.provider = "microsoft";
    t.keep_human_edits = true;
    t.max_delete_percent = 5;
    c.sync.push_back(t);
    return c;
}

}  // namespace

TEST_CASE("prebuilt default: equal to the default parsed now, in any zone", "[unit][config]") {
    for (const char* tz : {"UTC", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe"}) {
        INFO(tz);
        const auto zones = zones_with_tz(tz);
        const auto prebuilt = config::load_default(zones);
        CHECK(prebuilt == config::parse_default(zones));
        CHECK(prebuilt.rhythm.timezone == tz);
    }
    // No usable TZ and no /etc/localtime link: UTC, as when parsing.
    const config::zone_fallback nowhere{std::string{"Not/AZone"}, "/nonexistent"};
    CHECK(config::load_default(nowhere).rhythm.timezone == "UTC");
    CHECK(config::load_default(nowhere) == config::parse_default(nowhere));
}

TEST_CASE("prebuilt default: it is the whole rhythm, not an empty shell", "[unit][config]") {
    const auto c = config::load_default(zones_with_tz("UTC"));
    CHECK(c.source == "<embedded default>");
    CHECK(c.rhythm.meetings.size() >= 5);
    CHECK(c.rhythm.people.size() >= 7);
    REQUIRE(c.rhythm.find("cadence-call") != nullptr);
    CHECK(!c.rhythm.find("cadence-call")->agenda.empty());
    CHECK(c.feeds.size() >= 2);
}

TEST_CASE("binary form: every kind of value comes back equal", "[unit][config]") {
    const auto original = everything();
    std::string bytes;
    encode(bytes, original);
    config::config back;
    byte_reader in{bytes};
    decode(in, back);
    in.expect_end();
    CHECK(back == original);
    // Decoding replaces what was there: defaults such as a series' quarters
    // or a rhythm's work week do not leak into the result.
    config::config reused = everything();
    reused.rhythm.meetings.front().quarters = {9};
    byte_reader again{bytes};
    decode(again, reused);
    CHECK(reused == original);

    std::string bytes_again;
    encode(bytes_again, back);
    CHECK(bytes_again == bytes);
}

TEST_CASE("binary form: short, long or unknown input is an error, not garbage", "[unit][config]") {
    std::string bytes;
    encode(bytes, everything());

    for (const std::size_t cut : {std::size_t{0}, std::size_t{7}, bytes.size() / 2, bytes.size() - 1}) {
        INFO(cut);
        config::config c;
        byte_reader in{std::string_view{bytes}.substr(0, cut)};
        CHECK_THROWS_AS(decode(in, c), binary_form_error);
    }

    config::config c;
    const std::string longer = bytes + "x";
    byte_reader in{longer};
    decode(in, c);
    CHECK_THROWS_AS(in.expect_end(), binary_form_error);

    std::string bad_variant;
    encode(bad_variant, std::size_t{7});
    schedule::series_rule rule;
    byte_reader variant_in{bad_variant};
    CHECK_THROWS_AS(decode(variant_in, rule), binary_form_error);
}
