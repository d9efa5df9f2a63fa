#include "daemon/web/dates.h"
#include "daemon/web/pages.h"
#include "html_probe.h"
#include "sample_year.h"

#include <catch2/catch.hpp>

using namespace web_test;
using cadenced::web::year_page;

namespace {

const auto march_16 = year{2027} / March / 16;

std::string uid_href(const std::string& uid) { return "href=\"/agenda/" + uid + "\""; }

}  // namespace

TEST_CASE("year page: every occurrence of FY2028 is one chip linking to its agenda, in its day's cell",
          "[unit][web][year]") {
    const auto in = fy2028_input("all", march_16);
    const std::string page = year_page(in);
    // 4 calls, follow-ups, monthly meetings, pre-work and Monday meetings, 16
    // offsite days, and the agenda deadlines of Q2-Q4 and of Q1 FY2029 (in January).
    REQUIRE(in.occurrences.size() == 40);
    CHECK(count(page, "<a class=\"chip ") == in.occurrences.size());
    CHECK(count(page, "class=\"chip busy\"") == 0);
    for (const auto& o : in.occurrences) {
        INFO(o.uid);
        const std::string chip = "data-kind=\"" + o.meeting_id + "\" " + uid_href(o.uid);
        CHECK(count(page, chip) == 1);
        const auto pos = page.find(chip);
        REQUIRE(pos != std::string::npos);
        CHECK(day_cell_at(page, pos) == cadenced::web::iso_date(o.date));
    }
}

TEST_CASE("year page: four quarters of three months from a February start", "[unit][web][year]") {
    const std::string page = year_page(fy2028_input("all", march_16));
    CHECK(contains(page, "<h2 id=\"q1-h\">Q1 <span>February &ndash; April 2027</span></h2>"));
    CHECK(contains(page, "<h2 id=\"q4-h\">Q4 <span>November 2027 &ndash; January 2028</span></h2>"));
    CHECK(month_headings(between(page, "id=\"q1\"", "id=\"q2\"")) ==
          std::vector<std::string>{"February 2027", "March 2027", "April 2027"});
    CHECK(month_headings(between(page, "id=\"q2\"", "id=\"q3\"")) ==
          std::vector<std::string>{"May 2027", "June 2027", "July 2027"});
    CHECK(month_headings(between(page, "id=\"q3\"", "id=\"q4\"")) ==
          std::vector<std::string>{"August 2027", "September 2027", "October 2027"});
    CHECK(month_headings(between(page, "id=\"q4\"", "</main>")) ==
          std::vector<std::string>{"November 2027", "December 2027", "January 2028"});
    CHECK(contains(page, "<span class=\"fy\">FY2028</span>"));
    CHECK(contains(page, "February 2027 &ndash; January 2028 &middot; times in Europe/London"));
}

TEST_CASE("year page: days sit in their weekday's column, Monday first", "[unit][web][year]") {
    const std::string page = year_page(fy2028_input("all", march_16));
    CHECK(column_of(page, "2027-02-01") == 0);  // Monday
    CHECK(column_of(page, "2027-02-02") == 1);  // Tuesday
    CHECK(column_of(page, "2027-08-01") == 6);  // Sunday
    CHECK(column_of(page, "2027-10-01") == 4);  // Friday
    CHECK(column_of(page, "2028-01-31") == 0);  // Monday
    CHECK(column_of(page, "2028-02-01") == -1);  // outside the year
    // February 2027 starts on a Monday and has exactly four weeks.
    CHECK(count(between(page, "<h3>February 2027</h3>", "</table>"), "<tr>") == 5);  // head + 4 weeks
    CHECK(count(between(page, "<h3>February 2027</h3>", "</table>"), "<td class=\"pad\">") == 0);
    // August 2027 starts on a Sunday: six pads, then the 1st.
    CHECK(count(between(page, "<h3>August 2027</h3>", "id=\"d2027-08-01\""), "<td class=\"pad\">") == 6);

    // Every cadence call and monthly meeting is on a Tuesday; offsite days run Tuesday to Friday.
    const auto in = fy2028_input("all", march_16);
    for (const auto& o : in.occurrences) {
        INFO(o.uid);
        const auto col = column_of(page, cadenced::web::iso_date(o.date));
        if (o.meeting_id == "cadence-call" || o.meeting_id == "monthly-meeting") CHECK(col == 1);
        if (o.meeting_id == "offsite") CHECK(col == o.day_index);
        if (o.meeting_id == "monday-with-managers") CHECK(col == 0);
    }
}

TEST_CASE("year page: today's cell is marked, and only it", "[unit][web][year]") {
    const std::string page = year_page(fy2028_input("all", march_16));
    CHECK(count(page, "aria-current=\"date\"") == 1);
    CHECK(contains(page, "<td class=\"day today\" id=\"d2027-03-16\" aria-current=\"date\">"));
    CHECK(contains(page, "<strong>Tuesday 16 March 2027</strong><span>Q1 FY2028, month 2 of 3</span>"));

    const std::string saturday = year_page(fy2028_input("all", year{2027} / March / 20));
    CHECK(contains(saturday, "<td class=\"day we today\" id=\"d2027-03-20\" aria-current=\"date\">"));

    // Without a date, no day is marked and the list starts with the year.
    const std::string unset = year_page(fy2028_input("all", year_month_day{}));
    CHECK(count(unset, "aria-current") == 0);
    CHECK_FALSE(contains(unset, "class=\"today-box\""));
    CHECK(contains(unset, "<li><time datetime=\"2027-02-02\">Tue 2 Feb</time>"));

    const std::string next_year = year_page(fy2028_input("all", year{2028} / March / 1));
    CHECK(count(next_year, "aria-current") == 0);
    CHECK(count(next_year, " today\"") == 0);
    CHECK(contains(next_year, "Nothing more this fiscal year."));
}

TEST_CASE("year page: coming up lists the next eight, a block once", "[unit][web][year]") {
    const std::string page = year_page(fy2028_input("all", march_16));
    const auto upcoming = between(page, "<section class=\"card upcoming\"", "</section>");
    CHECK(count(upcoming, "<li>") == 8);
    CHECK(contains(upcoming, "<li><time datetime=\"2027-03-16\">Today &ndash; Fri 19 Mar</time>"));
    CHECK(count(upcoming, "offsite-FY2028-Q1-D") == 1);
    CHECK(contains(upcoming, "<time datetime=\"2027-03-22\">Mon 22 Mar</time>"));
    CHECK(contains(upcoming, "09:00-17:00 &middot; 4 days"));
    // Past meetings are not listed.
    CHECK_FALSE(contains(upcoming, "cadence-call-FY2028-Q1@"));
}

TEST_CASE("year page: texts are escaped", "[unit][web][year]") {
    auto in = fy2028_input("all", march_16);
    in.calendar_name = "R&D <rhythm>";
    in.timezone = "Europe/London\"><script>";
    in.occurrences[0].title = "<script>alert('x')</script> & more";
    in.occurrences[0].uid = "odd uid/<1>@x";
    in.feeds.push_back({"<f>", "Feed \"quoted\"", "https://example.com/a?b=1&c=<2>"});
    const std::string page = year_page(in);
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "<rhythm>"));
    CHECK(contains(page, "<title>R&amp;D &lt;rhythm&gt; FY2028</title>"));
    CHECK(contains(page, "title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more, 10:00-12:05\""));
    CHECK(contains(page, "href=\"/agenda/odd%20uid%2F%3C1%3E@x\""));
    CHECK(contains(page, "<code class=\"url\">https://example.com/a?b=1&amp;c=&lt;2&gt;</code>"));
    CHECK(contains(page, "Feed &quot;quoted&quot; <span class=\"tag\">&lt;f&gt;</span>"));
}

TEST_CASE("year page: the company feed shows the offsite as busy chips without links", "[unit][web][year]") {
    const auto in = fy2028_input("company", march_16);
    const std::string page = year_page(in);
    CHECK(count(page, "<span class=\"chip busy\"") == 16);
    CHECK(count(page, "<a class=\"chip ") == in.occurrences.size() - 16);
    CHECK_FALSE(contains(page, "offsite-FY2028-Q1-D"));
    CHECK_FALSE(contains(page, "ELT offsite"));
    CHECK_FALSE(contains(page, "data-kind=\"offsite\""));
    CHECK(contains(page, "<span class=\"chip busy\" title=\"Busy, 09:00-17:00 (confidential)\"><b>09:00</b> Busy 1/4</span>"));
    CHECK(contains(page, "Busy (confidential)</li>"));
    // The busy day cell is the offsite's.
    const auto pos = page.find("Busy 1/4");
    CHECK(day_cell_at(page, pos) == "2027-03-16");
}

TEST_CASE("year page: the subscribe section lists every feed with a webcal link", "[unit][web][year]") {
    auto in = fy2028_input("company", march_16);
    in.feeds.push_back({"relative", "Root-relative", "/feeds/relative.ics"});
    const std::string page = year_page(in);
    const auto subscribe = between(page, "id=\"subscribe\"", "</section>");
    CHECK(contains(subscribe, "<code class=\"url\">http://127.0.0.1:8470/feeds/all.ics</code>"));
    CHECK(contains(subscribe, "<code class=\"url\">http://127.0.0.1:8470/feeds/company.ics</code>"));
    CHECK(contains(subscribe, "href=\"webcal://127.0.0.1:8470/feeds/company.ics\""));
    CHECK(contains(subscribe, "Operating rhythm (company) <span class=\"tag\">company</span>"));
    CHECK(contains(subscribe, "<code class=\"url\">/feeds/relative.ics</code>"));
    CHECK(count(subscribe, "webcal://") == 2);

    in.feeds.clear();
    CHECK(contains(year_page(in), "No public feed is published."));
}

TEST_CASE("year page: a self-contained HTML5 document, the same bytes every time", "[unit][web][year]") {
    const std::string page = year_page(fy2028_input("all", march_16));
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK(contains(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    CHECK(page.ends_with("</body>\n</html>\n"));
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "<link"));
    CHECK_FALSE(contains(page, " src="));
    CHECK_FALSE(contains(page, "url("));
    CHECK(count(page, "<style>") == 1);
    CHECK(page == year_page(fy2028_input("all", march_16)));
}

TEST_CASE("year page: the legend names each kind once, meetings before deadlines", "[unit][web][year]") {
    const std::string page = year_page(fy2028_input("all", march_16));
    const auto legend = between(page, "<ul class=\"legend\"", "</ul>");
    CHECK(count(legend, "<li>") == 8);  // seven kinds and today
    const auto call = legend.find("Quarterly cadence call");
    const auto offsite = legend.find("ELT offsite");
    const auto due = legend.find("Cadence call agenda due");
    CHECK(call < offsite);
    CHECK(offsite < due);
    CHECK(contains(page, ".k1{--k:#4338ca}"));
}
