#include "daemon/web/labels.h"

#include <catch2/catch.hpp>

using cadenced::schedule::occurrence;
using namespace cadenced::web;

namespace {

occurrence titled(std::string title, int day_index = 1, int day_count = 1) {
    occurrence o;
    o.quarter = {2028, 1};
    o.title = std::move(title);
    o.day_index = day_index;
    o.day_count = day_count;
    return o;
}

}  // namespace

TEST_CASE("labels: short titles drop the period and parenthesised details", "[unit][web][labels]") {
    CHECK(short_title(titled("Quarterly cadence call Q1 FY2028")) == "Quarterly cadence call");
    CHECK(short_title(titled("ELT offsite Q1 FY2028 (day 2 of 4)", 2, 4)) == "ELT offsite");
    CHECK(short_title(titled("Monthly meeting")) == "Monthly meeting");
    CHECK(short_title(titled("Offsite - Q1 FY2028")) == "Offsite");
    CHECK(short_title(titled("Review: Q1")) == "Review");
    // Another quarter's name is content, not the occurrence's own period.
    CHECK(short_title(titled("Plan Q2 FY2028")) == "Plan Q2");
    CHECK(short_title(titled("Q1 FY2028")) == "Q1 FY2028");
    CHECK(short_title(titled("Budget (draft")) == "Budget (draft");
}

TEST_CASE("labels: chips number the days of a block", "[unit][web][labels]") {
    CHECK(chip_label(titled("ELT offsite Q1 FY2028 (day 2 of 4)", 2, 4)) == "ELT offsite 2/4");
    CHECK(chip_label(titled("Busy", 3, 4)) == "Busy 3/4");
    CHECK(chip_label(titled("Monthly meeting")) == "Monthly meeting");
}

TEST_CASE("labels: busy blocks are confidential occurrences without details", "[unit][web][labels]") {
    auto o = titled("Busy");
    CHECK_FALSE(is_busy_block(o));
    o.confidential = true;
    CHECK(is_busy_block(o));
    o.description = "Nothing, Nobody, Never.";
    CHECK_FALSE(is_busy_block(o));
}
