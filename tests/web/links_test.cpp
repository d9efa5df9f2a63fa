#include "daemon/web/links.h"

#include <catch2/catch.hpp>

using namespace cadenced::web;

TEST_CASE("links: agenda links keep default UIDs readable and encode the rest", "[unit][web][links]") {
    CHECK(agenda_href("/agenda/", "cadence-call-FY2028-Q1@cadenced") == "/agenda/cadence-call-FY2028-Q1@cadenced");
    CHECK(agenda_href("/agenda/", "a b/c?d#e%f") == "/agenda/a%20b%2Fc%3Fd%23e%25f");
    CHECK(agenda_href("https://h/agenda/", "\xc3\xa9") == "https://h/agenda/%C3%A9");
}

TEST_CASE("links: webcal only for URLs with a host", "[unit][web][links]") {
    CHECK(webcal_url("http://127.0.0.1:8470/feeds/all.ics") == "webcal://127.0.0.1:8470/feeds/all.ics");
    CHECK(webcal_url("https://cal.example.com/feeds/company.ics?token=x") ==
          "webcal://cal.example.com/feeds/company.ics?token=x");
    CHECK_FALSE(webcal_url("/feeds/all.ics").has_value());
    CHECK_FALSE(webcal_url("ftp://x/y.ics").has_value());
}
