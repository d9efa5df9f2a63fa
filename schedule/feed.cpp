#include "schedule/feed.h"

#include <algorithm>

namespace cadenced::schedule {

namespace {

bool shows_series(const feed& f, const std::string& id) {
    return f.meetings.empty() || std::find(f.meetings.begin(), f.meetings.end(), id) != f.meetings.end();
}

// A busy block keeps only what a free/busy view needs: identity and time.
occurrence as_busy_block(const occurrence& o, const std::string& title) {
    occurrence busy;
    busy.uid = o.uid;
    busy.meeting_id = o.meeting_id;
    busy.quarter = o.quarter;
    busy.month_of_quarter = o.month_of_quarter;
    busy.title = title;
    busy.timezone = o.timezone;
    busy.all_day = o.all_day;
    busy.date = o.date;
    busy.start = o.start;
    busy.end = o.end;
    busy.day_index = o.day_index;
    busy.day_count = o.day_count;
    busy.confidential = true;
    return busy;
}

}  // namespace

std::vector<occurrence> apply_feed(std::vector<occurrence> all, const feed& f) {
    std::size_t kept = 0;
    for (auto& o : all) {
        if (!shows_series(f, o.meeting_id)) continue;
        if (o.confidential && f.confidential == confidential_view::omit) continue;
        if (o.confidential && f.confidential == confidential_view::busy) o = as_busy_block(o, f.busy_title);
        if (&all[kept] != &o) all[kept] = std::move(o);
        ++kept;
    }
    all.resize(kept);
    return all;
}

std::vector<feed> default_feeds() {
    return {
        feed{"all", "Operating rhythm", {}, confidential_view::full, "Busy"},
        feed{"company", "Operating rhythm (company)", {}, confidential_view::busy, "Busy"},
    };
}

}  // namespace cadenced::schedule
