#!/usr/bin/python3
"""Reads the real `cadenced --export` of the embedded default with Debian's
python3-icalendar, an iCalendar parser independent of libical.

Usage: check_default_export.py <cadenced executable>

Exports the default rhythm in a few zones for a fixed --now and checks what
a subscriber would see: 80 events with unique UIDs, every timed event in the
calendar's zone with a VTIMEZONE for it, the cadence calls at 10:00 for 125
minutes, all-day deadlines as dates, offsite days confidential; and that
the company feed shows no offsite detail. Exit status: 0 pass, 1 fail.
"""

import datetime
import os
import subprocess
import sys

import icalendar

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def export(binary, zone, *extra):
    env = dict(os.environ, TZ=zone)
    args = [binary, "--export", "--now", "2026-11-23T12:00:00Z", *extra]
    return subprocess.run(args, env=env, check=True, capture_output=True).stdout


def check_zone(binary, zone):
    calendar = icalendar.Calendar.from_ical(export(binary, zone))
    check(str(calendar["X-WR-TIMEZONE"]) == zone, "%s: X-WR-TIMEZONE %s" % (zone, calendar["X-WR-TIMEZONE"]))
    tzids = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    check(tzids == [zone], "%s: VTIMEZONE ids %r" % (zone, tzids))
    events = calendar.walk("VEVENT")
    check(len(events) == 80, "%s: %d events, expected 80" % (zone, len(events)))
    uids = [str(e["UID"]) for e in events]
    check(len(set(uids)) == len(uids), "%s: duplicate UIDs" % zone)
    calls = 0
    for event in events:
        kind = str(event["X-CADENCED-KIND"])
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        uid = str(event["UID"])
        if isinstance(start, datetime.datetime):
            check(start.tzinfo is not None and getattr(start.tzinfo, "zone", None) == zone,
                  "%s: %s starts in %r" % (zone, uid, start.tzinfo))
        else:
            check(end - start == datetime.timedelta(days=1), "%s: all-day %s lasts %s" % (zone, uid, end - start))
        if kind == "cadence-call":
            calls += 1
            check(start.weekday() == 1 and start.day <= 7, "%s: call %s on %s" % (zone, uid, start))
            check((start.hour, start.minute) == (10, 0), "%s: call %s at %s" % (zone, uid, start.time()))
            check(end - start == datetime.timedelta(minutes=125), "%s: call %s lasts %s" % (zone, uid, end - start))
            check("10:00-10:10 Recap of previous quarter performance" in str(event["DESCRIPTION"]),
                  "%s: call %s has no timed agenda" % (zone, uid))
        if kind == "offsite":
            check(str(event["CLASS"]) == "CONFIDENTIAL", "%s: offsite %s not confidential" % (zone, uid))
            check((start.hour, end.hour) == (9, 17), "%s: offsite %s at %s-%s" % (zone, uid, start, end))
    check(calls == 8, "%s: %d cadence calls, expected 8" % (zone, calls))


def check_company_feed(binary):
    calendar = icalendar.Calendar.from_ical(export(binary, "Europe/London", "--feed", "company"))
    for event in calendar.walk("VEVENT"):
        if str(event["X-CADENCED-KIND"]) != "offsite":
            continue
        check(str(event["SUMMARY"]) == "Busy", "company feed: offsite titled %r" % str(event["SUMMARY"]))
        for hidden in ("DESCRIPTION", "X-ALT-DESC", "LOCATION", "ATTENDEE", "ORGANIZER"):
            check(hidden not in event, "company feed: offsite carries %s" % hidden)


def main():
    binary = sys.argv[1]
    # icalendar resolves zones through pytz; the events are in 2026-2028.
    for zone in ("America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"):
        check_zone(binary, zone)
    check_company_feed(binary)
    for failure in failures:
        print("FAIL:", failure)
    print("%d passed, %d failed" % (1 if not failures else 0, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
