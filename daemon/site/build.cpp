#include "daemon/site/build.h"

#include "daemon/site/gzip.h"
#include "daemon/web/pages.h"
#include "ical/writer.h"
#include "schedule/digest.h"
#include "schedule/feed.h"
#include "schedule/schedule.h"

#include "zoneinfo/zone.h"

#include <algorithm>
#include <map>

namespace cadenced::site {

using namespace std::chrono;

namespace {

// Bodies this small gain nothing from compression once headers count.
constexpr std::size_t min_gzip_size = 1024;
// Below this, copying a body into the socket costs less than sendfile's
// extra system call: only feeds (and a long year page) get a body file.
constexpr std::size_t min_file_size = 32 * 1024;

std::shared_ptr<const body_file> file_for(const std::string& body, const std::filesystem::path& dir) {
    return body.size() >= min_file_size ? body_file::of(body, dir) : nullptr;
}

bool shows_meeting(const schedule::feed& f, const std::string& id) {
    return f.meetings.empty() || std::find(f.meetings.begin(), f.meetings.end(), id) != f.meetings.end();
}

bool shows_in_full(const schedule::feed& f, const schedule::occurrence& o) {
    return shows_meeting(f, o.meeting_id) && (!o.confidential || f.confidential == schedule::confidential_view::full);
}

// Fills body-derived fields; keeps the previous Last-Modified when the bytes
// are the same.
document make_document(std::string content_type, std::string body, sys_seconds now, seconds max_age,
                       const document* previous, const std::filesystem::path& file_dir) {
    document d;
    d.content_type = std::move(content_type);
    d.etag = entity_tag(body);
    if (body.size() >= min_gzip_size) d.gzip_body = gzip(body);
    d.body = std::move(body);
    d.body_file = file_for(d.body, file_dir);
    d.gzip_file = file_for(d.gzip_body, file_dir);
    d.last_modified = previous && previous->etag == d.etag ? previous->last_modified : now;
    d.max_age = max_age;
    return d;
}

void apply_revisions(std::vector<schedule::occurrence>& all, store::revision_store& revisions, sys_seconds now) {
    std::vector<store::published> published;
    published.reserve(all.size());
    for (const auto& o : all) published.push_back({o.uid, schedule::fingerprint(o)});
    const auto recorded = revisions.record(published, now);
    for (auto& o : all) {
        const auto& r = recorded.at(o.uid);
        o.sequence = r.sequence;
        o.last_modified = r.last_modified;
    }
}

// What an anonymous visitor of the page may see: each occurrence as the most
// revealing public (tokenless) feed shows it.
std::vector<schedule::occurrence> public_view(const config::config& cfg, const std::vector<schedule::occurrence>& all) {
    std::vector<const schedule::feed*> public_feeds;
    for (const auto& f : cfg.feeds)
        if (!cfg.feed_tokens.count(f.name)) public_feeds.push_back(&f);
    std::vector<schedule::occurrence> out;
    for (const auto& o : all) {
        const schedule::feed* busy_in = nullptr;
        bool full = false;
        for (const auto* f : public_feeds) {
            if (shows_in_full(*f, o)) {
                full = true;
                break;
            }
            if (shows_meeting(*f, o.meeting_id) && f->confidential == schedule::confidential_view::busy) busy_in = f;
        }
        if (full) out.push_back(o);
        else if (busy_in) out.push_back(schedule::apply_feed({o}, *busy_in).front());
    }
    return out;
}

}  // namespace

ical::calendar_info calendar_info_for(const config::config& cfg, const schedule::feed& f, sys_seconds now) {
    ical::calendar_info info;
    info.name = f.title.empty() ? cfg.calendar.name : f.title;
    info.description = cfg.calendar.description;
    info.timezone = cfg.rhythm.timezone;
    info.refresh_interval = cfg.calendar.refresh_interval;
    info.stamp = now;
    return info;
}

std::string entity_tag(std::string_view body) {
    schedule::content_digest d;
    d.add_bytes(body);
    return "\"" + d.hex() + "\"";
}

year_month_day today_in(const std::string& zone, sys_seconds now) {
    const auto z = zoneinfo::zone::load(zone);
    // The config names only zones that loaded; should the file vanish since
    // (tzdata being upgraded), UTC is at most a day off.
    const auto local = z ? z->to_local(now) : local_seconds{now.time_since_epoch()};
    return year_month_day{sys_days{floor<days>(local).time_since_epoch()}};
}

std::shared_ptr<const snapshot> build_site(const build_inputs& in) {
    const auto& cfg = in.cfg;
    const auto today = today_in(cfg.rhythm.timezone, in.now);
    auto all = schedule::generate(cfg.rhythm, schedule::default_range(cfg.rhythm.fiscal, today));
    if (in.revisions) apply_revisions(all, *in.revisions, in.now);

    auto out = std::make_shared<snapshot>();
    out->generated_at = in.now;
    const seconds max_age = duration_cast<seconds>(cfg.calendar.refresh_interval);

    for (const auto& f : cfg.feeds) {
        const ical::calendar_info info = calendar_info_for(cfg, f, in.now);
        const document* previous = nullptr;
        if (in.previous)
            if (auto it = in.previous->feeds.find(f.name); it != in.previous->feeds.end()) previous = &it->second.ics;
        feed_document fd;
        fd.name = f.name;
        fd.title = info.name;
        if (auto token = cfg.feed_tokens.find(f.name); token != cfg.feed_tokens.end()) fd.token = token->second;
        fd.ics = make_document("text/calendar; charset=utf-8", ical::write_calendar(info, schedule::apply_feed(all, f)),
                               in.now, max_age, previous, in.body_file_dir);
        out->feeds.emplace(f.name, std::move(fd));
    }

    web::year_page_input page;
    page.calendar_name = cfg.calendar.name;
    page.fiscal = cfg.rhythm.fiscal;
    page.fiscal_year = cfg.rhythm.fiscal.fiscal_year_of(today.year() / today.month());
    page.timezone = cfg.rhythm.timezone;
    page.occurrences = public_view(cfg, all);
    page.today = today;
    for (const auto& f : cfg.feeds)
        if (!cfg.feed_tokens.count(f.name))
            page.feeds.push_back({f.name, f.title.empty() ? cfg.calendar.name : f.title,
                                  in.base_url + "/feeds/" + f.name + ".ics"});
    // The page marks today, so it changes daily; clients revalidate hourly.
    out->index = make_document("text/html; charset=utf-8", web::year_page(page), in.now, hours{1},
                               in.previous ? &in.previous->index : nullptr, in.body_file_dir);

    for (const auto& o : all) {
        agenda_document a;
        a.uid = o.uid;
        a.confidential = o.confidential;
        for (const auto& f : cfg.feeds)
            if (shows_in_full(f, o)) a.full_in_feeds.push_back(f.name);
        const document* previous = nullptr;
        if (in.previous)
            if (auto it = in.previous->agendas.find(o.uid); it != in.previous->agendas.end()) previous = &it->second.html;
        a.html = make_document("text/html; charset=utf-8", web::agenda_page(o, cfg.calendar.name), in.now, hours{1},
                               previous, in.body_file_dir);
        out->agendas.emplace(o.uid, std::move(a));
    }
    return out;
}

}  // namespace cadenced::site
