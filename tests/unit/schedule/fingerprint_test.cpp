#include "schedule/schedule.h"
#include "support/default_rhythm.h"

#include <catch2/catch.hpp>

#include <set>

using namespace cadenced::schedule;
using namespace std::chrono;

TEST_CASE("fingerprint: stable for the same content, different for any visible change", "[unit][schedule][fingerprint]") {
    const date_range q1{year{2027} / February / 1, year{2027} / April / 30};
    const auto a = generate(test_support::default_rhythm(), q1);
    const auto b = generate(test_support::default_rhythm(), q1);
    REQUIRE(a.size() == b.size());
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(fingerprint(a[i]) == fingerprint(b[i]));
        CHECK(fingerprint(a[i]).size() == 32);
        distinct.insert(fingerprint(a[i]));
    }
    CHECK(distinct.size() == a.size());

    const occurrence base = a[0];  // the cadence call: agenda and a remark
    REQUIRE(base.meeting_id == "cadence-call");
    auto changed = [&](auto edit) {
        occurrence o = base;
        edit(o);
        return fingerprint(o) != fingerprint(base);
    };
    CHECK(changed([](occurrence& o) { o.title += "!"; }));
    CHECK(changed([](occurrence& o) { o.start += minutes{30}; }));
    CHECK(changed([](occurrence& o) { o.end += minutes{5}; }));
    CHECK(changed([](occurrence& o) { o.location = "Room 2"; }));
    CHECK(changed([](occurrence& o) { o.agenda.items[0].title = "Other"; }));
    CHECK(changed([](occurrence& o) { o.agenda.items[0].notes.push_back("note"); }));
    CHECK(changed([](occurrence& o) { o.remarks.clear(); }));
    CHECK(changed([](occurrence& o) { o.confidential = true; }));
    CHECK(changed([](occurrence& o) { o.attendees.push_back({"cfo", "CFO", "", "cfo@example.com", {}}); }));
    CHECK(changed([](occurrence& o) { o.reminder_minutes = 10; }));
    // Moving a field's text into the next field is a change too.
    CHECK(changed([](occurrence& o) {
        o.description = o.title + o.description;
        o.title.clear();
    }));
    // The revision itself is not content.
    CHECK_FALSE(changed([](occurrence& o) {
        o.sequence = 4;
        o.last_modified = sys_seconds{seconds{1800000000}};
    }));
}
