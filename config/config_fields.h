#pragma once
// The members of every config value, listed once for binary_form.h: each
// fields(value, f) calls f with all of value's members, in a fixed order.
// A member left out here would come back from the prebuilt default with its
// default value; the test that compares the prebuilt default with the
// parsed one catches that.

#include "config/config.h"
#include "schedule/feed.h"
#include "schedule/rhythm.h"

#include <concepts>
#include <type_traits>

namespace cadenced::config::detail {

/// T or const T: one list serves encoding (const) and decoding.
template <typename T, typename U>
concept value_of = std::same_as<std::remove_const_t<T>, U>;

template <value_of<schedule::nth_weekday> T, typename F>
void fields(T& v, F&& f) {
    f(v.weekday, v.nth);
}
template <value_of<schedule::nearest_weekday> T, typename F>
void fields(T& v, F&& f) {
    f(v.weekday, v.day);
}
template <value_of<schedule::calendar_rule> T, typename F>
void fields(T& v, F&& f) {
    f(v.day, v.months_of_quarter);
}
template <value_of<schedule::dates_rule> T, typename F>
void fields(T& v, F&& f) {
    f(v.dates);
}
template <value_of<schedule::day_offset> T, typename F>
void fields(T& v, F&& f) {
    f(v.days);
}
template <value_of<schedule::weekday_step> T, typename F>
void fields(T& v, F&& f) {
    f(v.weekday, v.after);
}
template <value_of<schedule::working_day_step> T, typename F>
void fields(T& v, F&& f) {
    f(v.n);
}
template <value_of<schedule::relative_rule> T, typename F>
void fields(T& v, F&& f) {
    f(v.to, v.edge, v.step);
}
template <value_of<schedule::agenda_item> T, typename F>
void fields(T& v, F&& f) {
    f(v.title, v.duration, v.owner, v.notes, v.quarters);
}
template <value_of<schedule::agenda_day> T, typename F>
void fields(T& v, F&& f) {
    f(v.title, v.items);
}
template <value_of<schedule::location_rule> T, typename F>
void fields(T& v, F&& f) {
    f(v.fixed, v.travel, v.local, v.travel_quarters);
}
template <value_of<schedule::series_exception> T, typename F>
void fields(T& v, F&& f) {
    f(v.month_of_quarter, v.kind, v.by);
}
template <value_of<schedule::series> T, typename F>
void fields(T& v, F&& f) {
    f(v.id, v.title, v.description, v.when, v.quarters, v.exceptions, v.all_day, v.start_time, v.duration, v.days,
      v.timezone, v.agenda, v.on_holiday, v.location, v.confidential, v.organizer, v.attendees, v.categories,
      v.reminder_minutes);
}
template <value_of<schedule::person> T, typename F>
void fields(T& v, F&& f) {
    f(v.role, v.title, v.name, v.email, v.groups);
}
template <value_of<schedule::holiday> T, typename F>
void fields(T& v, F&& f) {
    f(v.first, v.last, v.name);
}

/// fiscal_calendar keeps its members private; it goes by its accessors and
/// comes back through its constructor.
struct fiscal_calendar_parts {
    std::chrono::month start_month = std::chrono::February;
    schedule::fiscal_year_label label = schedule::fiscal_year_label::end_year;
};
template <value_of<fiscal_calendar_parts> T, typename F>
void fields(T& v, F&& f) {
    f(v.start_month, v.label);
}

template <value_of<schedule::rhythm> T, typename F>
void fields(T& v, F&& f) {
    fiscal_calendar_parts fiscal{v.fiscal.start_month(), v.fiscal.label()};
    f(fiscal, v.timezone, v.uid_domain, v.meetings, v.holidays, v.default_shift, v.work_week, v.people);
    if constexpr (!std::is_const_v<T>) v.fiscal = schedule::fiscal_calendar{fiscal.start_month, fiscal.label};
}
template <value_of<schedule::feed> T, typename F>
void fields(T& v, F&& f) {
    f(v.name, v.title, v.meetings, v.confidential, v.busy_title);
}
template <value_of<calendar_settings> T, typename F>
void fields(T& v, F&& f) {
    f(v.name, v.description, v.refresh_interval, v.uid_domain);
}
template <value_of<server_settings> T, typename F>
void fields(T& v, F&& f) {
    f(v.listen_address, v.listen_port, v.public_url, v.threads);
}
template <value_of<sync_target> T, typename F>
void fields(T& v, F&& f) {
    f(v.name, v.provider, v.feed, v.calendar, v.credentials, v.subject, v.user, v.api_base, v.token_url, v.batch_url,
      v.keep_human_edits, v.send_invitations, v.max_delete_percent, v.timeout_seconds, v.interval_minutes);
}
template <value_of<config> T, typename F>
void fields(T& v, F&& f) {
    f(v.source, v.rhythm, v.feeds, v.feed_tokens, v.calendar, v.server, v.sync);
}

}  // namespace cadenced::config::detail
