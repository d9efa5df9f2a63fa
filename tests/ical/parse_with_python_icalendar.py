#!/usr/bin/python3
"""Reads cadenced's ICS output with Debian's python3-icalendar (4.0.3).

Usage: parse_with_python_icalendar.py <ical_write_sample executable>

The sample writer prints the calendar, and with --expect the values a parser
must read back. This checks the raw lines (CRLF, at most 75 octets, valid
UTF-8 on every physical line) and, through icalendar, the calendar name, the
VTIMEZONE TZIDs, and per event the summary, description, X-ALT-DESC,
location, class, kind, categories and DTSTART/DTEND with their zones.

icalendar resolves a TZID by its IANA name through pytz, whose rules stop
around 2037, so the sample keeps to 2027. Exit status: 0 pass, 1 fail,
77 skipped (icalendar is not installed for /usr/bin/python3).
"""

import json
import subprocess
import sys

try:
    import icalendar
except ImportError:
    print("SKIP: python3-icalendar is not installed for", sys.executable)
    sys.exit(77)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def check_equal(actual, expected, what):
    check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def check_lines(raw):
    check(raw.endswith(b"\r\n"), "the calendar does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(lines, 1):
        check(b"\n" not in line and b"\r" not in line, "line %d: bare CR or LF" % number)
        check(len(line) <= 75, "line %d: %d octets" % (number, len(line)))
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            failures.append("line %d: folding split a UTF-8 sequence" % number)


def check_time(event, name, expected, uid):
    value = event.decoded(name)
    what = "%s %s" % (uid, name)
    wanted = expected["start" if name == "DTSTART" else "end"]
    if expected["all_day"]:
        check(not hasattr(value, "hour"), "%s: expected a date, got %r" % (what, value))
        check_equal(value.isoformat(), wanted, what)
        return
    check(getattr(value, "tzinfo", None) is not None, "%s: no time zone on %r" % (what, value))
    zone = getattr(value.tzinfo, "zone", None)
    check_equal(zone, expected["tzid"], what + " zone")
    check_equal(value.replace(tzinfo=None).isoformat(), wanted, what)


def check_event(event, expected):
    uid = expected["uid"]
    check_equal(str(event.get("SUMMARY")), expected["summary"], uid + " SUMMARY")
    if expected["description"]:
        check_equal(str(event.get("DESCRIPTION")), expected["description"], uid + " DESCRIPTION")
        alt = event.get("X-ALT-DESC")
        check_equal(str(alt), expected["html"], uid + " X-ALT-DESC")
        check_equal(alt.params.get("FMTTYPE") if alt is not None else None, "text/html", uid + " FMTTYPE")
    else:
        check("DESCRIPTION" not in event, uid + ": DESCRIPTION written for an empty text")
        check("X-ALT-DESC" not in event, uid + ": X-ALT-DESC written for an empty text")
    if expected["location"]:
        check_equal(str(event.get("LOCATION")), expected["location"], uid + " LOCATION")
    check_equal(str(event.get("CLASS")), expected["class"], uid + " CLASS")
    check_equal(str(event.get("X-CADENCED-KIND")), expected["kind"], uid + " X-CADENCED-KIND")
    if expected["categories"]:
        # Parsing already split the list into vText values (.cats); decoded()
        # would try to split it a second time and fail in this version.
        categories = event.get("CATEGORIES")
        check_equal([str(c) for c in categories.cats], expected["categories"], uid + " CATEGORIES")
    check_time(event, "DTSTART", expected, uid)
    check_time(event, "DTEND", expected, uid)


def main():
    writer = sys.argv[1]
    raw = subprocess.run([writer], check=True, stdout=subprocess.PIPE).stdout
    expected = json.loads(subprocess.run([writer, "--expect"], check=True, stdout=subprocess.PIPE).stdout)

    check_lines(raw)
    calendar = icalendar.Calendar.from_ical(raw)
    check_equal(str(calendar.get("VERSION")), "2.0", "VERSION")
    check_equal(str(calendar.get("X-WR-CALNAME")), expected["name"], "X-WR-CALNAME")
    check_equal(str(calendar.get("NAME")), expected["name"], "NAME")

    tzids = [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")]
    wanted_zones = sorted({e["tzid"] for e in expected["events"] if e["tzid"] and e["tzid"] != "UTC"})
    check_equal(sorted(tzids), wanted_zones, "VTIMEZONE TZIDs")
    for tz in calendar.walk("VTIMEZONE"):
        check("X-LIC-LOCATION" not in tz, "VTIMEZONE %s has X-LIC-LOCATION" % tz.get("TZID"))

    events = calendar.walk("VEVENT")
    check_equal(len(events), len(expected["events"]), "number of events")
    by_uid = {str(e.get("UID")): e for e in events}
    for wanted in expected["events"]:
        event = by_uid.get(wanted["uid"])
        if event is None:
            failures.append("no event with UID " + wanted["uid"])
            continue
        check_event(event, wanted)

    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print("ok: %d events, zones %s" % (len(events), ", ".join(tzids)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
