// A content digest of an occurrence: two 64-bit FNV-1a hashes with
// different offsets over a length-prefixed serialisation of every field a
// writer uses. It detects change; it is no defence against an adversary,
// and needs none: the input is our own config.
#include "schedule/occurrence.h"

#include <cstdint>
#include <cstdio>

namespace cadenced::schedule {

namespace {

class digest {
public:
    void add(std::string_view text) {
        add_number(text.size());
        for (unsigned char c : text) mix(c);
    }
    void add_number(long long n) {
        for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>((static_cast<unsigned long long>(n) >> (8 * i)) & 0xFF));
    }
    void add_person(const person& p) {
        add(p.role);
        add(p.title);
        add(p.name);
        add(p.email);
    }
    std::string hex() const {
        char buf[33];
        std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a_),
                      static_cast<unsigned long long>(b_));
        return buf;
    }

private:
    void mix(unsigned char c) {
        constexpr std::uint64_t prime = 0x100000001b3ULL;
        a_ = (a_ ^ c) * prime;
        b_ = (b_ ^ c) * prime;
    }
    std::uint64_t a_ = 0xcbf29ce484222325ULL;
    std::uint64_t b_ = 0x84222325cbf29ce4ULL;
};

}  // namespace

std::string fingerprint(const occurrence& o) {
    digest d;
    d.add(o.uid);
    d.add(o.meeting_id);
    d.add(o.title);
    d.add(o.description);
    d.add(o.location);
    d.add(o.timezone);
    d.add_number(o.all_day);
    d.add_number(o.start.time_since_epoch().count());
    d.add_number(o.end.time_since_epoch().count());
    d.add_number(o.day_index);
    d.add_number(o.day_count);
    d.add(o.agenda.title);
    d.add_number(static_cast<long long>(o.agenda.items.size()));
    for (const auto& item : o.agenda.items) {
        d.add(item.title);
        d.add(item.owner);
        d.add_number(item.start ? item.start->time_since_epoch().count() : -1);
        d.add_number(item.end ? item.end->time_since_epoch().count() : -1);
        d.add_number(static_cast<long long>(item.notes.size()));
        for (const auto& n : item.notes) d.add(n);
    }
    d.add_number(static_cast<long long>(o.remarks.size()));
    for (const auto& r : o.remarks) d.add(r.text);
    d.add_number(o.confidential);
    d.add_number(o.organizer.has_value());
    if (o.organizer) d.add_person(*o.organizer);
    d.add_number(static_cast<long long>(o.attendees.size()));
    for (const auto& p : o.attendees) d.add_person(p);
    d.add_number(static_cast<long long>(o.categories.size()));
    for (const auto& c : o.categories) d.add(c);
    d.add_number(o.reminder_minutes.value_or(-1));
    return d.hex();
}

}  // namespace cadenced::schedule
