#pragma once
// The daemon's HTML pages, as self-contained documents (inline CSS, no
// scripts, no external assets). Pure: text in, text out.

#include "schedule/fiscal_calendar.h"
#include "schedule/occurrence.h"

#include <chrono>
#include <string>
#include <vector>

namespace cadenced::web {

struct feed_link {
    std::string name;   ///< "company"
    std::string title;  ///< "Operating rhythm (company)"
    std::string url;    ///< absolute or root-relative subscribe URL
};

struct year_page_input {
    std::string calendar_name;
    schedule::fiscal_calendar fiscal;
    int fiscal_year = 0;  ///< the year shown, e.g. 2028
    std::string timezone;
    /// What the page may show (already reduced for a public audience),
    /// sorted by start; occurrences outside the fiscal year are ignored.
    std::vector<schedule::occurrence> occurrences;
    std::vector<feed_link> feeds;     ///< public feeds, to subscribe to
    std::chrono::year_month_day today;  ///< marked in the grid
    std::string agenda_base = "/agenda/";  ///< link to an agenda: base + uid
};

/// GET /: a month grid per quarter, every meeting on its day(s), coloured by
/// kind, linking to its agenda; a legend; the subscribe URLs.
std::string year_page(const year_page_input& in);

/// GET /agenda/{uid}: title, date and time with zone, place, the agenda with
/// clock times and owners, remarks, and a link back.
std::string agenda_page(const schedule::occurrence& o, const std::string& calendar_name);

/// A small page for 404 and other errors.
std::string error_page(int status, const std::string& message);

}  // namespace cadenced::web
