#include "providers/google_event.h"

#include "providers/encoding.h"
#include "providers/iso_text.h"
#include "schedule/agenda_render.h"
#include "schedule/digest.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace cadenced::providers {

using namespace std::chrono;
using nlohmann::json;

namespace {

json when(const schedule::occurrence& o, bool is_end) {
    if (o.all_day) {
        const local_days end = std::max(o.date + days{1}, floor<days>(o.end));
        return {{"date", iso_date(is_end ? end : o.date)}};
    }
    return {{"dateTime", iso_date_time(is_end ? o.end : o.start)}, {"timeZone", o.timezone}};
}

// The fields cadenced manages and can read back as written; their digest
// is tagged on the event, so an edit in the calendar shows as a mismatch.
std::string fields_digest(const json& event) {
    schedule::content_digest d;
    d.add_field(event.value("summary", ""));
    d.add_field(event.value("location", ""));
    for (const char* key : {"start", "end"}) {
        const json& t = event.contains(key) ? event[key] : json::object();
        d.add_field(t.value("date", ""));
        // The wall-clock part only: Google answers with an offset added.
        d.add_field(t.value("dateTime", "").substr(0, 19));
        d.add_field(t.value("timeZone", ""));
    }
    return d.hex();
}

std::string agenda_url(const std::string& base, const std::string& uid) {
    if (base.empty()) return {};
    std::string url = base;
    while (!url.empty() && url.back() == '/') url.pop_back();
    std::string escaped;
    for (const char c : uid) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            escaped += c;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", u);
            escaped += hex;
        }
    }
    return url + "/agenda/" + escaped;
}

// The agenda as HTML, or, when that is too long, as much of the plain text
// as fits, cut at a line, with a link to the whole.
std::string description(const schedule::occurrence& o, const google_event_options& options) {
    std::string html = schedule::render_html(o);
    if (html.size() <= options.max_description_bytes) return html;
    const std::string link = agenda_url(options.agenda_base_url, o.uid);
    const std::string tail = link.empty() ? "<p>(agenda shortened)</p>"
                                          : "<p><a href=\"" + schedule::html_escape(link) + "\">Full agenda</a></p>";
    const std::string text = schedule::render_text(o);
    const std::size_t room = options.max_description_bytes > tail.size() + 64
                                 ? (options.max_description_bytes - tail.size() - 64) * 3 / 4  // escaping grows text
                                 : 0;
    std::string kept = text.substr(0, std::min(room, text.size()));
    if (kept.size() < text.size()) {
        const auto line_end = kept.rfind('\n');
        if (line_end != std::string::npos) kept.resize(line_end);
    }
    std::string out = "<p>";
    for (const char c : schedule::html_escape(kept)) {
        if (c == '\n') out += "<br>";
        else out += c;
    }
    out += "</p>" + tail;
    return out;
}

}  // namespace

std::string google_event_id(std::string_view uid) {
    return base32hex(uid);
}

json google_event_body(const desired_event& d, const google_event_options& options) {
    const schedule::occurrence& o = *d.occurrence;
    json event = {
        {"id", google_event_id(d.uid)},
        {"status", "confirmed"},
        {"summary", o.title},
        {"description", description(o, options)},
        {"start", when(o, false)},
        {"end", when(o, true)},
        // "private" is what the API calls confidential; "confidential"
        // exists for compatibility only.
        {"visibility", o.confidential ? "private" : "default"},
        {"transparency", o.all_day ? "transparent" : "opaque"},
    };
    if (!o.location.empty()) event["location"] = o.location;
    if (o.reminder_minutes) {
        event["reminders"] = {{"useDefault", false},
                              {"overrides", json::array({{{"method", "popup"}, {"minutes", *o.reminder_minutes}}})}};
    } else {
        event["reminders"] = {{"useDefault", true}};
    }
    json attendees = json::array();
    for (const auto& p : o.attendees) {
        if (p.email.empty()) continue;
        json a = {{"email", p.email}};
        if (!p.name.empty()) a["displayName"] = p.name;
        attendees.push_back(std::move(a));
    }
    if (!attendees.empty()) event["attendees"] = std::move(attendees);
    if (const auto url = agenda_url(options.agenda_base_url, o.uid); !url.empty())
        event["source"] = {{"title", "Agenda"}, {"url", url}};
    event["extendedProperties"] = {{"private",
                                    {{google_tag_key, "1"},
                                     {"cadencedUid", d.uid},
                                     {"cadencedHash", d.content_hash},
                                     {"cadencedFields", fields_digest(event)}}}};
    return event;
}

std::optional<remote_event> google_remote_event(const json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto props = item.find("extendedProperties");
    if (props == item.end() || !props->is_object() || !props->contains("private")) return std::nullopt;
    const json& tags = (*props)["private"];
    if (!tags.is_object() || tags.value(google_tag_key, "") != "1" || !tags.contains("cadencedUid")) return std::nullopt;
    remote_event r;
    r.remote_id = item.value("id", "");
    r.uid = tags.value("cadencedUid", "");
    r.content_hash = tags.value("cadencedHash", "");
    r.etag = item.value("etag", "");
    r.cancelled = item.value("status", "") == "cancelled";
    r.edited_by_someone = !r.cancelled && tags.value("cadencedFields", "") != fields_digest(item);
    r.title = item.value("summary", "");
    if (item.contains("start") && item["start"].is_object())
        r.start = item["start"].value("dateTime", item["start"].value("date", ""));
    if (r.remote_id.empty() || r.uid.empty()) return std::nullopt;
    return r;
}

}  // namespace cadenced::providers
