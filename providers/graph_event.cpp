#include "providers/graph_event.h"

#include "providers/encoding.h"
#include "providers/iso_text.h"
#include "providers/windows_zones.h"
#include "schedule/agenda_render.h"
#include "schedule/digest.h"
#include "zoneinfo/zone.h"

#include <map>
#include <mutex>

namespace cadenced::providers {

using namespace std::chrono;
using nlohmann::json;

namespace {

// Zones are read once per process: a sync maps hundreds of events in a few.
const zoneinfo::zone* cached_zone(const std::string& name) {
    static std::mutex lock;
    static std::map<std::string, std::optional<zoneinfo::zone>, std::less<>> zones;
    const std::lock_guard guard{lock};
    auto it = zones.find(name);
    if (it == zones.end()) it = zones.emplace(name, zoneinfo::zone::load(name)).first;
    return it->second ? &*it->second : nullptr;
}

struct graph_times {
    json start, end;
    std::string utc_start, utc_end;  // for the digest, as Graph will answer
};

graph_times times_of(const schedule::occurrence& o) {
    graph_times out;
    if (o.all_day) {
        // Whole days with no zone to shift them: midnight to midnight in
        // UTC, which Graph keeps as the dates given.
        const local_days end = std::max(o.date + days{1}, floor<days>(o.end));
        out.utc_start = iso_date(o.date) + "T00:00:00";
        out.utc_end = iso_date(end) + "T00:00:00";
        out.start = {{"dateTime", out.utc_start}, {"timeZone", "UTC"}};
        out.end = {{"dateTime", out.utc_end}, {"timeZone", "UTC"}};
        return out;
    }
    const auto start = instant_of(o.start, o.timezone);
    const auto end = instant_of(o.end, o.timezone);
    if (!start || !end) throw std::runtime_error{"unknown time zone " + o.timezone};
    out.utc_start = iso_utc_date_time(*start);
    out.utc_end = iso_utc_date_time(*end);
    if (const auto windows = windows_zone_for(o.timezone)) {
        const std::string zone{*windows};
        out.start = {{"dateTime", iso_date_time(o.start)}, {"timeZone", zone}};
        out.end = {{"dateTime", iso_date_time(o.end)}, {"timeZone", zone}};
    } else {
        // No Windows name for the zone: the same instants in UTC.
        out.start = {{"dateTime", out.utc_start}, {"timeZone", "UTC"}};
        out.end = {{"dateTime", out.utc_end}, {"timeZone", "UTC"}};
    }
    return out;
}

std::string digest_of(const std::string& subject, const std::string& location, bool all_day,
                      const std::string& utc_start, const std::string& utc_end) {
    schedule::content_digest d;
    d.add_field(subject);
    d.add_field(location);
    d.add_number(all_day ? 1 : 0);
    d.add_field(utc_start.substr(0, 19));
    d.add_field(utc_end.substr(0, 19));
    return d.hex();
}

// A time as Graph lists it, in UTC by default ("2027-01-05T15:00:00.0000000").
std::string listed_utc(const json& item, const char* key) {
    const auto it = item.find(key);
    if (it == item.end() || !it->is_object()) return {};
    const std::string zone = it->value("timeZone", "");
    if (zone != "UTC" && zone != "Etc/UTC" && zone != "Coordinated Universal Time") return {};
    return it->value("dateTime", "");
}

std::string percent_encode_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '%') out += "%25";
        else if (c == ' ') out += "%20";
        else out += c;
    }
    return out;
}

std::string percent_decode_spaces(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 3) == "%20") {
            out += ' ';
            i += 2;
        } else if (text.substr(i, 3) == "%25") {
            out += '%';
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

std::optional<sys_seconds> instant_of(local_seconds t, const std::string& iana_zone) {
    const zoneinfo::zone* zone = cached_zone(iana_zone);
    if (!zone) return std::nullopt;
    return zone->to_sys(t);
}

std::string graph_tag_value(std::string_view uid, std::string_view content_hash, std::string_view fields_digest) {
    return graph_tag_lookup_prefix(uid) + std::string{content_hash} + " " + std::string{fields_digest};
}

std::string graph_tag_lookup_prefix(std::string_view uid) {
    return std::string{graph_tag_prefix} + percent_encode_spaces(uid) + " ";
}

std::string graph_transaction_id(std::string_view uid) {
    schedule::content_digest d;
    d.add_field(uid);
    return "cadenced-" + d.hex();
}

json graph_event_body(const desired_event& d, bool create, bool with_attendees) {
    const schedule::occurrence& o = *d.occurrence;
    const graph_times times = times_of(o);
    json event = {
        {"subject", o.title},
        {"body", {{"contentType", "html"}, {"content", schedule::render_html(o)}}},
        {"start", times.start},
        {"end", times.end},
        {"isAllDay", o.all_day},
        // Outlook's "private" hides the details from people the calendar is
        // shared with, as Google's "private" does.
        {"sensitivity", o.confidential ? "private" : "normal"},
        {"showAs", o.all_day ? "free" : "busy"},
        // Always sent, so that a location removed from the config is
        // removed from the event.
        {"location", {{"displayName", o.location}}},
        {"isReminderOn", o.reminder_minutes.has_value()},
    };
    if (o.reminder_minutes) event["reminderMinutesBeforeStart"] = *o.reminder_minutes;
    // Attendees only when invitations are wanted: Graph mails every
    // attendee of a created or changed event and has no switch to stop it.
    // An update always sends the list, so people removed from the config
    // are removed from the event.
    if (with_attendees) {
        json attendees = json::array();
        for (const auto& p : o.attendees) {
            if (p.email.empty()) continue;
            attendees.push_back({{"emailAddress", {{"address", p.email}, {"name", p.name.empty() ? p.email : p.name}}},
                                 {"type", "required"}});
        }
        event["attendees"] = std::move(attendees);
    }
    const std::string fields = digest_of(o.title, o.location, o.all_day, times.utc_start, times.utc_end);
    event["singleValueExtendedProperties"] =
        json::array({{{"id", graph_tag_property}, {"value", graph_tag_value(d.uid, d.content_hash, fields)}}});
    if (create) event["transactionId"] = graph_transaction_id(d.uid);
    return event;
}

json graph_agenda_attachment_body(const desired_event& d) {
    const schedule::occurrence& o = *d.occurrence;
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    schedule::append_html_escaped(page, o.title);
    page += "</title>\n</head>\n<body>\n<h1>";
    schedule::append_html_escaped(page, o.title);
    page += "</h1>\n";
    page += schedule::render_html(o);
    page += "\n</body>\n</html>\n";
    return {{"@odata.type", "#microsoft.graph.fileAttachment"},
            {"name", graph_agenda_attachment},
            {"contentType", "text/html"},
            {"contentBytes", base64(page)}};
}

std::optional<remote_event> graph_remote_event(const json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto props = item.find("singleValueExtendedProperties");
    if (props == item.end() || !props->is_array()) return std::nullopt;
    std::string value;
    for (const auto& p : *props)
        if (p.is_object() && p.value("id", "") == graph_tag_property && p.contains("value") && p["value"].is_string())
            value = p["value"].get<std::string>();
    const std::string prefix = graph_tag_prefix;
    if (value.rfind(prefix, 0) != 0) return std::nullopt;
    // "<uid> <hash> <fields>"
    const std::string rest = value.substr(prefix.size());
    const auto first = rest.find(' ');
    const auto second = first == std::string::npos ? std::string::npos : rest.find(' ', first + 1);
    if (second == std::string::npos) return std::nullopt;

    remote_event r;
    r.remote_id = item.value("id", "");
    r.uid = percent_decode_spaces(rest.substr(0, first));
    r.content_hash = rest.substr(first + 1, second - first - 1);
    const std::string fields = rest.substr(second + 1);
    r.etag = item.value("@odata.etag", "");
    r.title = item.value("subject", "");
    const std::string location =
        item.contains("location") && item["location"].is_object() ? item["location"].value("displayName", "") : "";
    const std::string start = listed_utc(item, "start");
    r.start = start.substr(0, 19);
    r.edited_by_someone =
        fields != digest_of(r.title, location, item.value("isAllDay", false), start, listed_utc(item, "end"));
    if (const auto attachments = item.find("attachments"); attachments != item.end() && attachments->is_array()) {
        for (const auto& a : *attachments)
            if (a.is_object() && a.value("name", "") == graph_agenda_attachment)
                r.attachment_ids.push_back(a.value("id", ""));
        // The agenda attachment is part of what was written: without it the
        // event is rewritten (a failed upload, or someone removed it).
        if (r.attachment_ids.empty()) r.content_hash.clear();
    }
    if (r.remote_id.empty() || r.uid.empty()) return std::nullopt;
    return r;
}

}  // namespace cadenced::providers
