#include "ical/reader.h"

#include "ical/libical_ptr.h"

#include <algorithm>

namespace cadenced::ical {

using namespace std::chrono;

namespace {

std::string take(char* libical_buffer) {
    const buffer_ptr owned{libical_buffer};
    return owned ? std::string{owned.get()} : std::string{};
}

std::string text_of(const char* value) {
    return value ? std::string{value} : std::string{};
}

// The value as written in the file (enumerations, durations, recurrences).
std::string written_value(icalproperty* p) {
    return take(icalproperty_get_value_as_string_r(p));
}

std::string parameter(icalproperty* p, const char* name) {
    return take(icalproperty_get_parameter_as_string_r(p, name));
}

// Applies `f` to every property of `kind` directly in `c`.
template <class F>
void each_property(icalcomponent* c, icalproperty_kind kind, F f) {
    for (icalproperty* p = icalcomponent_get_first_property(c, kind); p;
         p = icalcomponent_get_next_property(c, kind)) {
        f(p);
    }
}

template <class F>
void each_component(icalcomponent* c, icalcomponent_kind kind, F f) {
    for (icalcomponent* sub = icalcomponent_get_first_component(c, kind); sub;
         sub = icalcomponent_get_next_component(c, kind)) {
        f(sub);
    }
}

void collect_errors(icalcomponent* c, std::vector<std::string>& errors) {
    each_property(c, ICAL_XLICERROR_PROPERTY, [&](icalproperty* p) {
        errors.push_back(text_of(icalproperty_get_xlicerror(p)));
    });
    each_component(c, ICAL_ANY_COMPONENT, [&](icalcomponent* sub) { collect_errors(sub, errors); });
}

std::map<std::string, std::string> x_properties_of(icalcomponent* c) {
    std::map<std::string, std::string> out;
    each_property(c, ICAL_X_PROPERTY, [&](icalproperty* p) {
        out[text_of(icalproperty_get_x_name(p))] = text_of(icalproperty_get_x(p));
    });
    return out;
}

parsed_address address_of(icalproperty* p) {
    return {written_value(p), parameter(p, "CN"), parameter(p, "ROLE"), parameter(p, "PARTSTAT"),
            parameter(p, "RSVP")};
}

std::optional<parsed_time> time_of(icalcomponent* calendar, icalproperty* p, std::vector<std::string>& errors) {
    if (!p) return std::nullopt;
    const icaltimetype t = icalvalue_get_datetimedate(icalproperty_get_value(p));
    parsed_time out;
    out.text = written_value(p);
    out.tzid = parameter(p, "TZID");
    out.is_date = t.is_date != 0;
    if (out.is_date) {
        out.date = year{t.year} / month{static_cast<unsigned>(t.month)} / day{static_cast<unsigned>(t.day)};
        return out;
    }
    icaltimezone* zone = nullptr;
    if (icaltime_is_utc(t)) {
        zone = icaltimezone_get_utc_timezone();
    } else if (!out.tzid.empty()) {
        zone = icalcomponent_get_timezone(calendar, out.tzid.c_str());
        if (!zone) errors.push_back("no VTIMEZONE for TZID " + out.tzid);
    }
    if (zone) out.utc = sys_seconds{seconds{icaltime_as_timet_with_zone(t, zone)}};
    return out;
}

parsed_alarm alarm_of(icalcomponent* c) {
    parsed_alarm a;
    if (auto* p = icalcomponent_get_first_property(c, ICAL_ACTION_PROPERTY)) a.action = written_value(p);
    if (auto* p = icalcomponent_get_first_property(c, ICAL_TRIGGER_PROPERTY)) a.trigger = written_value(p);
    if (auto* p = icalcomponent_get_first_property(c, ICAL_DESCRIPTION_PROPERTY)) {
        a.description = text_of(icalproperty_get_description(p));
    }
    return a;
}

parsed_event event_of(icalcomponent* calendar, icalcomponent* c, std::vector<std::string>& errors) {
    parsed_event e;
    auto first = [&](icalproperty_kind kind) { return icalcomponent_get_first_property(c, kind); };
    if (auto* p = first(ICAL_UID_PROPERTY)) e.uid = text_of(icalproperty_get_uid(p));
    if (auto* p = first(ICAL_DTSTAMP_PROPERTY)) e.stamp = written_value(p);
    e.start = time_of(calendar, first(ICAL_DTSTART_PROPERTY), errors);
    e.end = time_of(calendar, first(ICAL_DTEND_PROPERTY), errors);
    if (auto* p = first(ICAL_SUMMARY_PROPERTY)) e.summary = text_of(icalproperty_get_summary(p));
    if (auto* p = first(ICAL_DESCRIPTION_PROPERTY)) e.description = text_of(icalproperty_get_description(p));
    if (auto* p = first(ICAL_LOCATION_PROPERTY)) e.location = text_of(icalproperty_get_location(p));
    if (auto* p = first(ICAL_CLASS_PROPERTY)) e.classification = written_value(p);
    if (auto* p = first(ICAL_STATUS_PROPERTY)) e.status = written_value(p);
    if (auto* p = first(ICAL_TRANSP_PROPERTY)) e.transparency = written_value(p);
    if (auto* p = first(ICAL_SEQUENCE_PROPERTY)) e.sequence = icalproperty_get_sequence(p);
    // libical splits a CATEGORIES list into one property per value (but
    // 3.0.16 stops splitting after an escaped character: "A\;B,C" stays one).
    each_property(c, ICAL_CATEGORIES_PROPERTY,
                  [&](icalproperty* p) { e.categories.push_back(text_of(icalproperty_get_categories(p))); });
    if (auto* p = first(ICAL_ORGANIZER_PROPERTY)) e.organizer = address_of(p);
    each_property(c, ICAL_ATTENDEE_PROPERTY, [&](icalproperty* p) { e.attendees.push_back(address_of(p)); });
    each_component(c, ICAL_VALARM_COMPONENT, [&](icalcomponent* a) { e.alarms.push_back(alarm_of(a)); });
    e.x_properties = x_properties_of(c);
    each_property(c, ICAL_X_PROPERTY, [&](icalproperty* p) {
        if (text_of(icalproperty_get_x_name(p)) == "X-ALT-DESC") e.html_format = parameter(p, "FMTTYPE");
    });
    return e;
}

parsed_observance observance_of(icalcomponent* c) {
    parsed_observance o;
    o.daylight = icalcomponent_isa(c) == ICAL_XDAYLIGHT_COMPONENT;
    if (auto* p = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY)) o.start = written_value(p);
    if (auto* p = icalcomponent_get_first_property(c, ICAL_TZOFFSETFROM_PROPERTY)) {
        o.offset_from = icalproperty_get_tzoffsetfrom(p);
    }
    if (auto* p = icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY)) {
        o.offset_to = icalproperty_get_tzoffsetto(p);
    }
    if (auto* p = icalcomponent_get_first_property(c, ICAL_TZNAME_PROPERTY)) {
        o.name = text_of(icalproperty_get_tzname(p));
    }
    each_property(c, ICAL_RRULE_PROPERTY, [&](icalproperty* p) { o.rrules.push_back(written_value(p)); });
    each_property(c, ICAL_RDATE_PROPERTY, [&](icalproperty* p) { o.rdates.push_back(written_value(p)); });
    return o;
}

parsed_timezone timezone_of(icalcomponent* c) {
    parsed_timezone z;
    if (auto* p = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY)) z.tzid = text_of(icalproperty_get_tzid(p));
    each_property(c, ICAL_ANY_PROPERTY,
                  [&](icalproperty* p) { z.property_names.push_back(text_of(icalproperty_get_property_name(p))); });
    each_component(c, ICAL_ANY_COMPONENT, [&](icalcomponent* sub) {
        const auto kind = icalcomponent_isa(sub);
        if (kind == ICAL_XSTANDARD_COMPONENT || kind == ICAL_XDAYLIGHT_COMPONENT) {
            z.observances.push_back(observance_of(sub));
        }
    });
    return z;
}

}  // namespace

parsed_calendar read_calendar(std::string_view text) {
    const std::string terminated{text};
    const component_ptr root{icalparser_parse_string(terminated.c_str())};
    icalcomponent* calendar = root.get();
    if (calendar && icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT) {
        // Several top-level components come wrapped in an XROOT.
        calendar = icalcomponent_get_first_component(calendar, ICAL_VCALENDAR_COMPONENT);
    }
    if (!calendar) throw parse_error{"no VCALENDAR in the text"};

    parsed_calendar out;
    collect_errors(calendar, out.errors);
    auto first = [&](icalproperty_kind kind) { return icalcomponent_get_first_property(calendar, kind); };
    if (auto* p = first(ICAL_PRODID_PROPERTY)) out.product_id = text_of(icalproperty_get_prodid(p));
    if (auto* p = first(ICAL_VERSION_PROPERTY)) out.version = text_of(icalproperty_get_version(p));
    if (auto* p = first(ICAL_CALSCALE_PROPERTY)) out.calscale = text_of(icalproperty_get_calscale(p));
    if (auto* p = first(ICAL_METHOD_PROPERTY)) out.method = written_value(p);
    if (auto* p = first(ICAL_NAME_PROPERTY)) out.name = text_of(icalproperty_get_name(p));
    if (auto* p = first(ICAL_DESCRIPTION_PROPERTY)) out.description = text_of(icalproperty_get_description(p));
    if (auto* p = first(ICAL_REFRESHINTERVAL_PROPERTY)) out.refresh_interval = written_value(p);
    out.x_properties = x_properties_of(calendar);
    each_component(calendar, ICAL_VTIMEZONE_COMPONENT,
                   [&](icalcomponent* c) { out.timezones.push_back(timezone_of(c)); });
    // libical's parser puts each VTIMEZONE at the head of the components.
    std::reverse(out.timezones.begin(), out.timezones.end());
    each_component(calendar, ICAL_VEVENT_COMPONENT,
                   [&](icalcomponent* c) { out.events.push_back(event_of(calendar, c, out.errors)); });
    return out;
}

}  // namespace cadenced::ical
