#include "ical/content_lines.h"
#include "ical/fold.h"
#include "ical_test_support.h"

#include <catch2/catch.hpp>

using namespace ical_test;
using cadenced::ical::append_content_lines;
using cadenced::ical::append_folded;

namespace {

std::string folded(std::string_view line) {
    std::string out;
    append_folded(out, line);
    return out;
}

void check_folding(const std::string& text, const std::string& original) {
    const auto lines = physical_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i << ": " << lines[i]);
        CHECK(lines[i].size() <= 75);
        if (i > 0) {
            REQUIRE(lines[i].size() >= 2);
            CHECK(lines[i][0] == ' ');
            CHECK_FALSE(is_utf8_continuation(lines[i][1]));
        }
    }
    CHECK(text.ends_with("\r\n"));
    CHECK(unfold(text) == original + "\r\n");
}

}  // namespace

TEST_CASE("fold: a line of at most 75 octets stays whole", "[unit][ical]") {
    const std::string line(75, 'a');
    CHECK(folded(line) == line + "\r\n");
    CHECK(folded("") == "\r\n");
}

TEST_CASE("fold: long ASCII lines are cut at 75 octets, then 74 after the space", "[unit][ical]") {
    const std::string line(75 + 74 + 10, 'b');
    const std::string expected =
        std::string(75, 'b') + "\r\n " + std::string(74, 'b') + "\r\n " + std::string(10, 'b') + "\r\n";
    CHECK(folded(line) == expected);
}

TEST_CASE("fold: never inside a UTF-8 sequence, whatever the offset", "[unit][ical]") {
    // Two-, three- and four-octet characters, shifted by 0-7 ASCII octets so
    // that every character boundary meets the 75-octet limit somewhere.
    for (const std::string character : {"Ü", "—", "日", "🚀"}) {
        for (std::size_t shift = 0; shift < 8; ++shift) {
            std::string line = "SUMMARY:" + std::string(shift, 'x');
            for (int i = 0; i < 60; ++i) line += character;
            INFO("character " << character << ", shift " << shift);
            check_folding(folded(line), line);
        }
    }
}

TEST_CASE("fold: a mixed title folds on character boundaries only", "[unit][ical]") {
    std::string line = "SUMMARY:";
    for (int i = 0; i < 12; ++i) line += "Überprüfung — 日本語 … ";
    check_folding(folded(line), line);
}

TEST_CASE("fold: bytes that are not UTF-8 are still cut at the limit", "[unit][ical]") {
    const std::string line(200, '\x80');
    const auto lines = physical_lines(folded(line));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
}

TEST_CASE("content lines: libical's CR-splitting fold is repaired", "[unit][ical]") {
    // libical 3.0.16 can fold between the CR and LF ending a line; unfolding
    // joins them again.
    const std::string libical_output = "SUMMARY:abc\r\r\n \nORGANIZER:mailto:a@b.c\r\n";
    std::string out;
    append_content_lines(out, libical_output);
    CHECK(out == "SUMMARY:abc\r\nORGANIZER:mailto:a@b.c\r\n");
}

TEST_CASE("content lines: libical's own folds are redone at full length", "[unit][ical]") {
    const std::string logical = "DESCRIPTION:" + std::string(100, 'c');
    const std::string libical_output = logical.substr(0, 40) + "\r\n " + logical.substr(40) + "\r\n";
    std::string out;
    append_content_lines(out, libical_output);
    CHECK(out == logical.substr(0, 75) + "\r\n " + logical.substr(75) + "\r\n");
}

TEST_CASE("content lines: separators in X- properties are escaped as TEXT", "[unit][ical]") {
    std::string out;
    append_content_lines(out, "X-ALT-DESC;FMTTYPE=text/html:<p>a,b;c\\\\d\\n&amp;</p>\r\n");
    CHECK(out == "X-ALT-DESC;FMTTYPE=text/html:<p>a\\,b\\;c\\\\d\\n&amp\\;</p>\r\n");
}

TEST_CASE("content lines: a colon in a quoted parameter does not start the value", "[unit][ical]") {
    std::string out;
    append_content_lines(out, "X-TEST;X-NOTE=\"a:b;c\":v,w\r\n");
    CHECK(out == "X-TEST;X-NOTE=\"a:b;c\":v\\,w\r\n");
}

TEST_CASE("content lines: CATEGORIES keeps list commas and escapes the rest", "[unit][ical]") {
    std::string out;
    append_content_lines(out, "CATEGORIES:ELT,Sales\x1F Marketing,R;D\r\n");
    CHECK(out == "CATEGORIES:ELT,Sales\\, Marketing,R\\;D\r\n");
}

TEST_CASE("content lines: standard TEXT properties are left as libical escaped them", "[unit][ical]") {
    std::string out;
    append_content_lines(out, "SUMMARY:a\\,b\\;c\r\nDTSTART;TZID=America/New_York:20270202T100000\r\n");
    CHECK(out == "SUMMARY:a\\,b\\;c\r\nDTSTART;TZID=America/New_York:20270202T100000\r\n");
}
