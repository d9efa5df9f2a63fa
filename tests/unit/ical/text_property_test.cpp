// The fast TEXT property path must write exactly what libical's serialiser,
// repaired by append_content_lines(), writes for the same property.
#include "ical/content_lines.h"
#include "ical/ical_time.h"
#include "ical/text.h"

#include <catch2/catch.hpp>
#include <libical/ical.h>

#include <memory>

using namespace cadenced::ical;

namespace {

std::string through_libical(icalproperty* p) {
    char* text = icalproperty_as_ical_string_r(p);
    std::string out;
    append_content_lines(out, text);
    icalmemory_free_buffer(text);
    icalproperty_free(p);
    return out;
}

std::string fast(std::string_view head, const std::string& value) {
    std::string out;
    append_text_property(out, head, value);
    return out;
}

}  // namespace

TEST_CASE("text properties: the fast path writes libical's bytes", "[unit][ical]") {
    std::vector<std::string> corpus{
        "Quarterly cadence call Q1 FY2028",
        "a, b; c \\ d\ne",
        "Überprüfung — 日本語 " + std::string(80, 'x') + " ✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓",
        std::string(74, 'a'),
        std::string(75, 'a'),
        std::string(150, ',') + "\n\n\n",
        "trailing backslash \\",
        "tab\tinside and <html> & \"quotes\"",
    };
    // Every offset of a multi-byte character against the fold boundary.
    for (int shift = 0; shift < 8; ++shift) corpus.push_back(std::string(static_cast<std::size_t>(60 + shift), 'y') + "日本語日本語日本語日本語");
    for (const auto& raw : corpus) {
        const std::string value = clean_text(raw);
        INFO("value: " << value);
        CHECK(fast("SUMMARY", value) == through_libical(icalproperty_new_summary(value.c_str())));
        CHECK(fast("DESCRIPTION", value) == through_libical(icalproperty_new_description(value.c_str())));
        icalproperty* html = icalproperty_new_x(value.c_str());
        icalproperty_set_x_name(html, "X-ALT-DESC");
        icalproperty_add_parameter(html, icalparameter_new_fmttype("text/html"));
        CHECK(fast("X-ALT-DESC;FMTTYPE=text/html", value) == through_libical(html));
    }
}

TEST_CASE("time values: our text is libical's", "[unit][ical]") {
    using namespace std::chrono;
    // Every hour, minute and second of a day, and a spread of dates.
    for (int s = 0; s < 86400; s += 7) {
        const local_seconds t = local_days{year{2027} / March / 14} + seconds{s};
        char* expected = icaltime_as_ical_string_r(local_date_time(t));
        CHECK(date_time_text(t) == expected);
        icalmemory_free_buffer(expected);
    }
    for (int d = -40000; d < 80000; d += 37) {
        const local_days day = local_days{year{2000} / January / 1} + days{d};
        char* expected = icaltime_as_ical_string_r(date_value(day));
        CHECK(date_text(day) == expected);
        icalmemory_free_buffer(expected);
    }
}
