#include "daemon/web/dates.h"

#include <catch2/catch.hpp>

using namespace std::chrono;
using namespace cadenced::web;
using cadenced::schedule::occurrence;

TEST_CASE("dates: ISO and short dates", "[unit][web][dates]") {
    CHECK(iso_date(local_days{year{2027} / February / 2}) == "2027-02-02");
    CHECK(iso_date(local_days{year{987} / December / 31}) == "0987-12-31");
    CHECK(short_date(local_days{year{2027} / March / 16}) == "Tue 16 Mar");
}

TEST_CASE("dates: when an occurrence takes place", "[unit][web][dates]") {
    occurrence o;
    o.timezone = "America/New_York";
    o.date = local_days{year{2027} / February / 2};
    o.start = local_seconds{o.date} + hours{10};
    o.end = o.start + minutes{125};
    CHECK(when_text(o) == "Tuesday 2 February 2027, 10:00-12:05 (America/New_York)");
    CHECK(time_span(o) == "10:00-12:05");

    o.start = local_seconds{o.date} + hours{22};
    o.end = o.start + hours{3};
    CHECK(when_text(o) == "Tuesday 2 February 2027, 22:00-Wednesday 3 February 2027, 01:00 (America/New_York)");

    o.all_day = true;
    o.start = local_seconds{o.date};
    o.end = local_seconds{o.date + days{1}};
    CHECK(when_text(o) == "Tuesday 2 February 2027 (all day)");
    CHECK(time_span(o).empty());
}
