#pragma once
// The year page input the web tests and the screenshot sample share: the
// embedded default rhythm in Europe/London, FY2028 (1 February 2027 -
// 31 January 2028), seen through one of the default feeds.

#include "config/config.h"
#include "daemon/web/pages.h"
#include "schedule/feed.h"
#include "schedule/schedule.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace web_test {

using namespace std::chrono;

inline const cadenced::config::config& default_config() {
    static const auto cfg = cadenced::config::load_string("timezone = \"Europe/London\"\n", "t.toml");
    return cfg;
}

/// Every occurrence of FY2028, unreduced.
inline std::vector<cadenced::schedule::occurrence> fy2028_occurrences() {
    return cadenced::schedule::generate(default_config().rhythm, {year{2027} / February / 1, year{2028} / January / 31});
}

inline const cadenced::schedule::feed& default_feed(const std::string& name) {
    for (const auto& f : default_config().feeds)
        if (f.name == name) return f;
    throw std::invalid_argument("no default feed named " + name);
}

/// The page input for FY2028 as feed `feed_name` ("all" or "company") shows
/// it, listing both default feeds under a local daemon's address.
inline cadenced::web::year_page_input fy2028_input(const std::string& feed_name, year_month_day today) {
    const auto& cfg = default_config();
    cadenced::web::year_page_input in;
    in.calendar_name = cfg.calendar.name;
    in.fiscal = cfg.rhythm.fiscal;
    in.fiscal_year = 2028;
    in.timezone = cfg.rhythm.timezone;
    in.occurrences = cadenced::schedule::apply_feed(fy2028_occurrences(), default_feed(feed_name));
    for (const auto& f : cfg.feeds)
        in.feeds.push_back({f.name, f.title, "http://127.0.0.1:8470/feeds/" + f.name + ".ics"});
    in.today = today;
    return in;
}

}  // namespace web_test
