// Writes a calendar of hand-built occurrences for checks by other iCalendar
// parsers (parse_with_python_icalendar.py).
//   ical_write_sample            the ICS on stdout
//   ical_write_sample --expect   what a parser must read back, as JSON
//
// The occurrences cover timed events in two zones and in UTC, all-day
// events, UTF-8 titles long enough to fold, and texts with the characters
// iCalendar escapes. Python's icalendar 4.0.3 unescapes "\\n" wrongly (a
// backslash followed by "n", "," or ";" in the text), so the texts here keep
// backslashes away from those letters; the libical tests cover the rest.

#include "ical/event.h"
#include "ical/writer.h"
#include "schedule/agenda_render.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::chrono;
using cadenced::schedule::occurrence;
using cadenced::schedule::person;

occurrence timed(std::string uid, std::string zone, local_seconds start, minutes length) {
    occurrence o;
    o.uid = std::move(uid);
    o.meeting_id = "sample";
    o.timezone = std::move(zone);
    o.date = floor<days>(start);
    o.start = start;
    o.end = start + length;
    return o;
}

occurrence all_day(std::string uid, local_days day) {
    occurrence o;
    o.uid = std::move(uid);
    o.meeting_id = "sample-deadline";
    o.timezone = "America/New_York";
    o.all_day = true;
    o.date = day;
    o.start = local_seconds{day};
    o.end = local_seconds{day + days{1}};
    return o;
}

std::vector<occurrence> sample_occurrences() {
    std::vector<occurrence> all;

    auto call = timed("cadence-call-FY2028-Q1@cadenced", "America/New_York",
                      local_days{year{2027} / February / 2} + hours{10}, minutes{125});
    call.meeting_id = "cadence-call";
    call.title = "Cadence call Q1 FY2028 — Überprüfung 日本語 with a title long enough to fold twice over";
    call.description = "Quarterly kickoff: targets, quotas; plans.\nBring numbers, please; back\\slash stays.";
    call.location = "Board room, 3rd floor; HQ";
    call.categories = {"ELT", "Cadence"};
    call.organizer = person{"ceo", "CEO", "Zoë Ångström", "ceo@example.com", {}};
    call.attendees = {person{"head-of-sales", "Head of Sales", "Ana, Sales", "sales@example.com", {}},
                      person{"cfo", "CFO", "No Email", "", {}}};
    call.reminder_minutes = 15;
    call.agenda.items.push_back({"Recap of previous quarter", "CEO", call.start, call.start + minutes{10}, {}});
    all.push_back(call);

    auto due = all_day("cadence-agenda-due-FY2028-Q1@cadenced", local_days{year{2027} / January / 28});
    due.title = "Agenda due: Q1 FY2028 cadence call";
    due.description = "Send the agenda, in full; on time.";
    all.push_back(due);

    auto offsite = timed("offsite-FY2028-Q1-day1@cadenced", "Asia/Kolkata",
                         local_days{year{2027} / March / 16} + hours{9}, hours{8});
    offsite.meeting_id = "offsite";
    offsite.title = "ELT offsite Q1 FY2028 — Day 1 · Überprüfung ✓ 日本語テキスト 🚀 " + std::string(40, 'x');
    offsite.description = std::string(300, 'a') + " — " + "ünïcödé ∑ 日本 ";
    offsite.confidential = true;
    all.push_back(offsite);

    auto review = timed("monthly-review-2027-06@cadenced", "UTC", local_days{year{2027} / June / 1} + hours{10},
                        hours{1});
    review.meeting_id = "monthly-meeting";
    review.title = "Monthly review";
    all.push_back(review);

    auto follow_up = all_day("cadence-follow-up-FY2028-Q1@cadenced", local_days{year{2027} / February / 3});
    follow_up.title = "Follow-up: summary, open questions, action items";
    all.push_back(follow_up);
    return all;
}

cadenced::ical::calendar_info sample_info() {
    cadenced::ical::calendar_info info;
    info.name = "Operating rhythm, ELT; sample";
    info.description = "Leadership meetings";
    info.timezone = "America/New_York";
    info.stamp = sys_days{year{2027} / January / 1};
    return info;
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string iso(local_seconds t) {
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::string iso(local_days d) { return iso(local_seconds{d}).substr(0, 10); }

void print_expectations(const cadenced::ical::calendar_info& info, const std::vector<occurrence>& all) {
    std::cout << "{\"name\": " << json_string(info.name) << ", \"events\": [\n";
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& o = all[i];
        const bool utc = o.timezone == "UTC";
        std::cout << "  {\"uid\": " << json_string(o.uid) << ", \"summary\": " << json_string(o.title)
                  << ", \"description\": " << json_string(cadenced::schedule::render_text(o))
                  << ", \"html\": " << json_string(cadenced::ical::html_document(o))
                  << ", \"location\": " << json_string(o.location)
                  << ", \"all_day\": " << (o.all_day ? "true" : "false")
                  << ", \"start\": " << json_string(o.all_day ? iso(o.date) : iso(o.start))
                  << ", \"end\": " << json_string(o.all_day ? iso(o.date + days{1}) : iso(o.end))
                  << ", \"tzid\": " << json_string(o.all_day ? "" : (utc ? "UTC" : o.timezone))
                  << ", \"class\": " << json_string(o.confidential ? "CONFIDENTIAL" : "PUBLIC")
                  << ", \"kind\": " << json_string(o.meeting_id) << ", \"categories\": [";
        for (std::size_t c = 0; c < o.categories.size(); ++c) {
            std::cout << (c ? ", " : "") << json_string(o.categories[c]);
        }
        std::cout << "]}" << (i + 1 < all.size() ? ",\n" : "\n");
    }
    std::cout << "]}\n";
}

}  // namespace

int main(int argc, char** argv) {
    const auto info = sample_info();
    const auto all = sample_occurrences();
    if (argc > 1 && std::string_view{argv[1]} == "--expect") {
        print_expectations(info, all);
    } else {
        std::cout << cadenced::ical::write_calendar(info, all);
    }
    return 0;
}
