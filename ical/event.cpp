#include "ical/event.h"

#include "ical/content_lines.h"
#include "ical/fold.h"
#include "ical/ical_time.h"
#include "ical/libical_ptr.h"
#include "ical/text.h"
#include "ical/x_property.h"
#include "schedule/agenda_render.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace cadenced::ical {

using namespace std::chrono;

namespace {

// libical's serialisation of `p`, as content lines.
void append_property(std::string& out, icalproperty* p) {
    const buffer_ptr text{icalproperty_as_ical_string_r(p)};
    append_content_lines(out, text.get());
}

// The content lines of `p`, which is freed.
std::string lines_of(icalproperty* p) {
    const property_ptr owned{p};
    std::string out;
    append_property(out, owned.get());
    return out;
}

// Appends one field to a cache key, its length first (as raw bytes: this runs
// for every attendee of every event), so that different field lists never
// give the same key.
std::string& add_field(std::string& key, std::string_view field) {
    const auto size = static_cast<std::uint32_t>(field.size());
    char size_bytes[sizeof size];
    std::memcpy(size_bytes, &size, sizeof size);
    return key.append(size_bytes, sizeof size).append(field);
}

std::string person_key(std::string_view property, const schedule::person& p) {
    std::string key;
    key.reserve(property.size() + p.email.size() + p.name.size() + p.title.size() + 12);
    key.append(property);
    add_field(add_field(add_field(key, p.email), p.name), p.title);
    return key;
}

std::string common_name(const schedule::person& p) {
    return clean_parameter(p.name.empty() ? p.title : p.name);
}

std::string mailto(const schedule::person& p) {
    return "mailto:" + clean_parameter(p.email);
}

icalproperty* new_person_property(icalproperty* (*make)(const char*), const std::string& address,
                                  const std::string& cn) {
    icalproperty* p = make(address.c_str());
    if (!cn.empty()) icalproperty_add_parameter(p, icalparameter_new_cn(cn.c_str()));
    return p;
}

icalcomponent* new_alarm(int minutes_before) {
    icalcomponent* alarm = icalcomponent_new_valarm();
    icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
    icaltriggertype trigger{};
    trigger.time = icaltime_null_time();
    trigger.duration = icaldurationtype_from_int(-60 * minutes_before);
    icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
    // RFC 5545 requires a DESCRIPTION on a DISPLAY alarm. Clients show the
    // event's title with the alarm, so a fixed text keeps the VALARM the
    // same for every event (and serialised once).
    icalcomponent_add_property(alarm, icalproperty_new_description("Reminder"));
    return alarm;
}

}  // namespace

std::string html_document(const schedule::occurrence& o) {
    // Kept small: it is escaped and folded for every event.
    std::string out = "<!DOCTYPE html><html><body>";
    schedule::append_html(out, o);
    out += "</body></html>";
    return out;
}

namespace {

// The content line of `p` without its value and line break: everything up to
// the ':' that starts the value (date and date-time values hold no ':').
std::string head_of(icalproperty* p) {
    std::string line;
    append_property(line, p);
    const auto unfolded = [&] {
        std::string out;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line.compare(i, 3, "\r\n ") == 0) i += 2;
            else if (line.compare(i, 2, "\r\n") != 0) out += line[i];
            else break;
        }
        return out;
    }();
    return unfolded.substr(0, unfolded.rfind(':') + 1);
}

}  // namespace

event_writer::event_writer(sys_seconds stamp)
{
    // The VEVENT's own lines, as libical writes an empty one.
    const component_ptr empty{icalcomponent_new_vevent()};
    const buffer_ptr text = serialise(empty.get());
    std::string lines;
    append_content_lines(lines, text.get());
    const auto end_at = lines.find("END:");
    begin_ = lines.substr(0, end_at);
    end_ = lines.substr(end_at);
    // The heads come from libical, the UTC values are formatted here: a UTC
    // value through libical loads its whole built-in zone table first.
    const local_seconds sample{stamp.time_since_epoch()};
    {
        const property_ptr dtstamp{icalproperty_new_dtstamp(local_date_time(sample))};
        const property_ptr modified{icalproperty_new_lastmodified(local_date_time(sample))};
        dtstamp_head_ = head_of(dtstamp.get());
        last_modified_head_ = head_of(modified.get());
    }
    append_folded(stamp_, dtstamp_head_ + date_time_text(sample) + "Z");
}

template <class Make>
const std::string& event_writer::repeated(std::string key, Make make) {
    auto it = lines_.find(key);
    if (it == lines_.end()) it = lines_.emplace(std::move(key), make()).first;
    return it->second;
}


const event_writer::time_heads& event_writer::heads_for(const std::string& key, const char* tzid, icaltimetype sample) {
    auto it = times_.find(key);
    if (it == times_.end()) {
        const property_ptr start{icalproperty_new_dtstart(sample)};
        const property_ptr end{icalproperty_new_dtend(sample)};
        if (tzid) {
            icalproperty_add_parameter(start.get(), icalparameter_new_tzid(tzid));
            icalproperty_add_parameter(end.get(), icalparameter_new_tzid(tzid));
        }
        it = times_.emplace(key, time_heads{head_of(start.get()), head_of(end.get())}).first;
    }
    return it->second;
}

// Times repeat the same property heads with a new value each event, so the
// head comes from libical once per kind and the value is formatted here
// (ical_time.h): libical's per-property serialisation was a quarter of a
// large export. A test holds both paths to the same bytes.
void event_writer::append_times(std::string& out, const schedule::occurrence& o, const event_zone& zone) {
    auto append = [&](const std::string& head, const std::string& value) { append_folded(out, head + value); };
    if (o.all_day) {
        const auto& h = heads_for("date", nullptr, date_value(o.date));
        const local_days end = std::max(o.date + days{1}, floor<days>(o.end));
        append(h.start, date_text(o.date));
        append(h.end, date_text(end));
        return;
    }
    const bool has_end = o.end > o.start;
    if (zone.utc) {
        // In UTC the wall clock is the UTC clock.
        const auto& h = heads_for("utc", nullptr, local_date_time(o.start));
        append(h.start, date_time_text(o.start) + "Z");
        if (has_end) append(h.end, date_time_text(o.end) + "Z");
        return;
    }
    // A zone-less value plus our own TZID parameter: a value carrying an
    // icaltimezone would make libical write that zone's (prefixed) TZID.
    const auto& h = heads_for("tzid:" + zone.tzid, zone.tzid.c_str(), local_date_time(o.start));
    append(h.start, date_time_text(o.start));
    if (has_end) append(h.end, date_time_text(o.end));
}

void event_writer::append_people(std::string& out, const schedule::occurrence& o) {
    if (o.organizer && !o.organizer->email.empty()) {
        const auto& organizer = *o.organizer;
        out += repeated(person_key("ORGANIZER", organizer), [&] {
            return lines_of(new_person_property(icalproperty_new_organizer, mailto(organizer), common_name(organizer)));
        });
    }
    for (std::size_t i = 0; i < o.attendees.size(); ++i) {
        const auto& person = o.attendees[i];
        if (person.email.empty()) continue;
        const auto same_address = [&](const schedule::person& other) { return other.email == person.email; };
        if (std::any_of(o.attendees.begin(), o.attendees.begin() + static_cast<std::ptrdiff_t>(i), same_address)) {
            continue;  // listed twice
        }
        out += repeated(person_key("ATTENDEE", person), [&] {
            icalproperty* p = new_person_property(icalproperty_new_attendee, mailto(person), common_name(person));
            icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
            icalproperty_add_parameter(p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
            icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
            return lines_of(p);
        });
    }
}

void event_writer::append(std::string& out, const schedule::occurrence& o, const event_zone& zone) {
    out += begin_;
    if (const auto uid = clean_text(o.uid); !uid.empty()) append_text_property(out, "UID", uid);
    // An occurrence with a known revision is stamped with it, so that an
    // unchanged schedule renders to the same bytes (and the same ETag) on
    // every regeneration; otherwise the export's "now" stamps it.
    if (o.last_modified) {
        const std::string when = date_time_text(local_seconds{o.last_modified->time_since_epoch()}) + "Z";
        append_folded(out, dtstamp_head_ + when);
        append_folded(out, last_modified_head_ + when);
    } else {
        out += stamp_;
    }
    append_times(out, o, zone);
    if (const auto title = clean_text(o.title); !title.empty()) append_text_property(out, "SUMMARY", title);
    // An event with nothing to say (a busy block) carries neither text nor
    // HTML: an empty agenda document would still tell that there is one.
    if (const auto text = clean_text(schedule::render_text(o)); !text.empty()) {
        append_text_property(out, "DESCRIPTION", text);
        append_text_property(out, "X-ALT-DESC;FMTTYPE=text/html", clean_text(html_document(o)));
    }
    if (!o.location.empty()) {
        out += repeated("LOCATION:" + o.location, [&] {
            const auto location = clean_text(o.location);
            return location.empty() ? std::string{} : lines_of(icalproperty_new_location(location.c_str()));
        });
    }
    out += repeated(o.confidential ? "CLASS:CONFIDENTIAL" : "CLASS:PUBLIC", [&] {
        return lines_of(icalproperty_new_class(o.confidential ? ICAL_CLASS_CONFIDENTIAL : ICAL_CLASS_PUBLIC));
    });
    if (!o.categories.empty()) {
        std::string key = "CATEGORIES";
        for (const auto& name : o.categories) add_field(key, name);
        const auto& lines = repeated(std::move(key), [&] {
            const auto list = category_list(o.categories);
            return list.empty() ? std::string{} : lines_of(icalproperty_new_categories(list.c_str()));
        });
        out += lines;
    }
    append_people(out, o);
    out += repeated("SEQUENCE:" + std::to_string(o.sequence) + "+STATUS", [&] {
        return lines_of(icalproperty_new_sequence(o.sequence)) + lines_of(icalproperty_new_status(ICAL_STATUS_CONFIRMED));
    });
    // All-day events are deadlines: they should not block anyone's time.
    out += repeated(o.all_day ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE", [&] {
        return lines_of(icalproperty_new_transp(o.all_day ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
    });
    if (!o.meeting_id.empty()) {
        out += repeated("X-CADENCED-KIND:" + o.meeting_id, [&] {
            const auto kind = clean_text(o.meeting_id);
            return kind.empty() ? std::string{} : lines_of(new_x_property("X-CADENCED-KIND", kind));
        });
    }
    if (o.reminder_minutes) {
        out += repeated("VALARM:" + std::to_string(*o.reminder_minutes), [&] {
            const component_ptr alarm{new_alarm(*o.reminder_minutes)};
            const buffer_ptr text = serialise(alarm.get());
            std::string lines;
            append_content_lines(lines, text.get());
            return lines;
        });
    }
    out += end_;
}

}  // namespace cadenced::ical
