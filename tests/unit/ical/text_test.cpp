#include "ical/text.h"

#include <catch2/catch.hpp>

using cadenced::ical::category_comma;
using cadenced::ical::category_list;
using cadenced::ical::clean_parameter;
using cadenced::ical::clean_text;

TEST_CASE("text: clean text passes unchanged", "[unit][ical]") {
    CHECK(clean_text("Überprüfung — 日本語, a;b\\c\nnext\tcolumn") == "Überprüfung — 日本語, a;b\\c\nnext\tcolumn");
    CHECK(clean_text("").empty());
}

TEST_CASE("text: CR LF and CR become LF, other control characters go", "[unit][ical]") {
    CHECK(clean_text("a\r\nb\rc\nd") == "a\nb\nc\nd");
    CHECK(clean_text(std::string{"a\x01" "b\x1F" "c\x7F" "d\0e", 9}) == "abcde");
}

TEST_CASE("text: parameter values lose line breaks and double quotes", "[unit][ical]") {
    CHECK(clean_parameter("Jo \"JJ\"\r\nDoe\tJr.") == "Jo 'JJ' Doe Jr.");
    CHECK(clean_parameter("Zoë Ångström, CEO") == "Zoë Ångström, CEO");
}

TEST_CASE("text: category lists mark commas inside names", "[unit][ical]") {
    CHECK(category_list({"ELT", "Sales, Marketing", "", "R;D"}) ==
          std::string{"ELT,Sales"} + category_comma + " Marketing,R;D");
    CHECK(category_list({"two\nlines"}) == "two lines");
    CHECK(category_list({}).empty());
}
