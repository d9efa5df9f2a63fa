// An occurrence's fingerprint: a content digest over a length-prefixed
// serialisation of every field a writer uses.
#include "schedule/digest.h"
#include "schedule/occurrence.h"

namespace cadenced::schedule {

namespace {

void add_person(content_digest& d, const person& p) {
    d.add_field(p.role);
    d.add_field(p.title);
    d.add_field(p.name);
    d.add_field(p.email);
}

}  // namespace

std::string fingerprint(const occurrence& o) {
    content_digest d;
    d.add_field(o.uid);
    d.add_field(o.meeting_id);
    d.add_field(o.title);
    d.add_field(o.description);
    d.add_field(o.location);
    d.add_field(o.timezone);
    d.add_number(o.all_day);
    d.add_number(o.start.time_since_epoch().count());
    d.add_number(o.end.time_since_epoch().count());
    d.add_number(o.day_index);
    d.add_number(o.day_count);
    d.add_field(o.agenda.title);
    d.add_number(static_cast<long long>(o.agenda.items.size()));
    for (const auto& item : o.agenda.items) {
        d.add_field(item.title);
        d.add_field(item.owner);
        d.add_number(item.start ? item.start->time_since_epoch().count() : -1);
        d.add_number(item.end ? item.end->time_since_epoch().count() : -1);
        d.add_number(static_cast<long long>(item.notes.size()));
        for (const auto& n : item.notes) d.add_field(n);
    }
    d.add_number(static_cast<long long>(o.remarks.size()));
    for (const auto& r : o.remarks) d.add_field(r.text);
    d.add_number(o.confidential);
    d.add_number(o.organizer.has_value());
    if (o.organizer) add_person(d, *o.organizer);
    d.add_number(static_cast<long long>(o.attendees.size()));
    for (const auto& p : o.attendees) add_person(d, p);
    d.add_number(static_cast<long long>(o.categories.size()));
    for (const auto& c : o.categories) d.add_field(c);
    d.add_number(o.reminder_minutes.value_or(-1));
    return d.hex();
}

}  // namespace cadenced::schedule
