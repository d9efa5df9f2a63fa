// SEQUENCE, LAST-MODIFIED and DTSTAMP follow an occurrence's revision.
#include "ical/writer.h"

#include <catch2/catch.hpp>

using namespace cadenced;
using namespace std::chrono;

namespace {

schedule::occurrence sample() {
    schedule::occurrence o;
    o.uid = "call@cadenced";
    o.meeting_id = "call";
    o.title = "Call";
    o.timezone = "Europe/London";
    o.date = local_days{year{2027} / February / 2};
    o.start = local_seconds{o.date.time_since_epoch()} + hours{10};
    o.end = o.start + hours{1};
    return o;
}

ical::calendar_info info() {
    ical::calendar_info i;
    i.name = "Test";
    i.timezone = "Europe/London";
    i.stamp = sys_seconds{sys_days{year{2026} / November / 23}} + hours{12};
    return i;
}

}  // namespace

TEST_CASE("revision: an unrevised occurrence is stamped with the export's now", "[unit][ical]") {
    const auto text = ical::write_calendar(info(), {sample()});
    CHECK(text.find("DTSTAMP:20261123T120000Z\r\n") != std::string::npos);
    CHECK(text.find("SEQUENCE:0\r\n") != std::string::npos);
    CHECK(text.find("LAST-MODIFIED") == std::string::npos);
}

TEST_CASE("revision: a revised occurrence carries its sequence and time", "[unit][ical]") {
    auto o = sample();
    o.sequence = 3;
    o.last_modified = sys_seconds{sys_days{year{2027} / January / 5}} + hours{8} + minutes{30};
    auto plain = sample();
    plain.uid = "other@cadenced";
    const auto text = ical::write_calendar(info(), {o, plain});
    CHECK(text.find("DTSTAMP:20270105T083000Z\r\nLAST-MODIFIED:20270105T083000Z\r\n") != std::string::npos);
    CHECK(text.find("SEQUENCE:3\r\n") != std::string::npos);
    // The other event keeps its own revision.
    CHECK(text.find("SEQUENCE:0\r\n") != std::string::npos);
    CHECK(text.find("DTSTAMP:20261123T120000Z\r\n") != std::string::npos);
    // A different export time changes nothing for revised occurrences.
    auto later = info();
    later.stamp += hours{24 * 30};
    CHECK(ical::write_calendar(later, {o}) == ical::write_calendar(info(), {o}));
}
