#include "fake_site.h"

#include "support/gzip_codec.h"

namespace cadenced::http::test {

namespace {

using namespace std::chrono;

site::document make_document(std::string content_type, std::string body, std::string etag, bool with_gzip) {
    site::document doc;
    doc.content_type = std::move(content_type);
    doc.gzip_body = with_gzip ? test_support::gzip_compress(body) : std::string{};
    doc.body = std::move(body);
    doc.etag = std::move(etag);
    doc.last_modified = sample_last_modified();
    doc.max_age = seconds{3600};
    return doc;
}

std::string calendar(std::string_view name, int events) {
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cadenced//test//EN\r\nX-WR-CALNAME:";
    ics.append(name).append("\r\n");
    for (int i = 0; i < events; ++i) {
        ics.append("BEGIN:VEVENT\r\nUID:")
            .append(std::to_string(i))
            .append("@")
            .append(name)
            .append("\r\nDTSTAMP:20281114T093000Z\r\nDTSTART:20281115T090000Z\r\n"
                    "SUMMARY:Weekly leadership sync\r\nEND:VEVENT\r\n");
    }
    ics.append("END:VCALENDAR\r\n");
    return ics;
}

site::feed_document feed(std::string name, std::optional<std::string> token, bool with_gzip) {
    site::feed_document f;
    f.name = name;
    f.title = "Operating rhythm (" + name + ")";
    f.token = std::move(token);
    f.ics = make_document("text/calendar; charset=utf-8", calendar(name, 40), "\"feed-" + name + "-v1\"", with_gzip);
    return f;
}

site::agenda_document agenda(std::string uid, bool confidential, std::vector<std::string> full_in) {
    site::agenda_document a;
    a.uid = uid;
    a.confidential = confidential;
    a.full_in_feeds = std::move(full_in);
    a.html = make_document("text/html; charset=utf-8", "<!DOCTYPE html><title>Agenda " + uid + "</title>",
                           "\"agenda-" + uid + "\"", false);
    return a;
}

}  // namespace

sys_seconds sample_last_modified() { return sys_days{2028y / November / 14} + 9h + 30min; }

std::shared_ptr<const site::snapshot> sample_snapshot() {
    auto snap = std::make_shared<site::snapshot>();
    for (auto f : {feed("team", std::nullopt, true), feed("board", "s3cr+t/ok&more", true),
                   feed("plain", std::nullopt, false)}) {
        snap->feeds.emplace(f.name, std::move(f));
    }
    snap->index = make_document("text/html; charset=utf-8",
                                "<!DOCTYPE html><html><body><h1>FY2029 at a glance</h1></body></html>\n" +
                                    std::string(2000, ' '),
                                "\"index-v1\"", true);
    for (auto a : {agenda("open-1", false, {}), agenda("conf-board", true, {"board"}),
                   agenda("conf-team", true, {"board", "team"}), agenda("conf-nowhere", true, {})}) {
        snap->agendas.emplace(a.uid, std::move(a));
    }
    snap->generated_at = sample_last_modified();
    return snap;
}

fake_source::fake_source(std::shared_ptr<const site::snapshot> snap) : snapshot_(std::move(snap)) {}

std::shared_ptr<const site::snapshot> fake_source::current() const {
    const std::lock_guard lock(mutex_);
    serving_threads_.push_back(std::this_thread::get_id());
    return snapshot_;
}

std::vector<std::thread::id> fake_source::serving_threads() const {
    const std::lock_guard lock(mutex_);
    return serving_threads_;
}

std::pair<std::string, bool> fake_source::health() const {
    std::unique_lock lock(mutex_);
    if (health_held_) {
        held_thread_ = std::this_thread::get_id();
        health_cv_.notify_all();
        health_cv_.wait(lock, [this] { return !health_held_; });
    }
    return {health_body_, healthy_};
}

void fake_source::hold_health() {
    const std::lock_guard lock(mutex_);
    health_held_ = true;
    held_thread_.reset();
}

void fake_source::release_health() {
    {
        const std::lock_guard lock(mutex_);
        health_held_ = false;
    }
    health_cv_.notify_all();
}

std::optional<std::thread::id> fake_source::thread_held_in_health(std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    health_cv_.wait_for(lock, limit, [this] { return held_thread_.has_value(); });
    return held_thread_;
}

void fake_source::set_health(std::string body, bool healthy) {
    const std::lock_guard lock(mutex_);
    health_body_ = std::move(body);
    healthy_ = healthy;
}

}  // namespace cadenced::http::test
