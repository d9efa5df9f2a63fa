#!/usr/bin/python3
"""A local emulator of Microsoft Graph v1.0 calendar events and of the
Microsoft identity platform token endpoints, for cadenced's sync tests and
benchmark.

It follows the published API (see ../../../shared/reference/PROVIDER-API-NOTES.md,
sections 2 and 3, and msgraph-v1-event-schemas.json next to it):

* /{tenant}/oauth2/v2.0/token and /devicecode: client credentials, refresh
  tokens (rotated on every use), the device authorization grant with its
  polling errors, and the identity platform's error bodies (AADSTS codes).
* /v1.0/users/{idOrUpn}/... and /v1.0/me/...: default and named calendars,
  server-generated opaque ids, create 201 / update 200 / delete 204 then 404,
  changeKey, @odata.etag and If-Match/412, transactionId, time zones (every
  Windows name from CLDR plus Graph's list of IANA names), Prefer:
  outlook.timezone, single-value extended properties that only come back
  through $expand, $filter through a small OData parser (with the Any lambda),
  $select, $orderby, $top/$skip paging, file attachments, calendarView delta
  with @removed and 410 syncStateNotFound, and JSON $batch (at most 20 items,
  dependsOn/424, answers in a shuffled order).
* Outlook's limit of 4 concurrent requests per app: a 5th gets 429.

Where the published API leaves a behaviour open, the emulator makes a choice;
each such place is marked "Design choice" and says why.

Tests steer it through /_control/... endpoints: fault injection (429 with
Retry-After, 5xx, 401/403, resets, slow answers, a create that fails yet
creates), edits and deletions "by a person", foreign events, device-code
approval, request counts.

Usage: microsoft_graph.py [--latency-ms N]; prints "PORT <n>" when ready.
"""

import argparse
import base64
import json
import random
import re
import secrets
import socket
import sys
import threading
import time
import traceback
import urllib.parse
import uuid
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

CLIENT_ID = "test-client-id"
CLIENT_SECRET = "test-client-secret"
INITIAL_REFRESH_TOKEN = "test-refresh-token"
GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
VERIFICATION_URI = "https://microsoft.com/devicelogin"
TOKEN_LIFETIME = 3599
DEVICE_CODE_LIFETIME = 900

MAX_IN_FLIGHT = 4  # "4 concurrent requests per app ID" (Outlook service limits)
MAX_BATCH = 20
MAX_ATTENDEES = 500
MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024
DEFAULT_TOP = 10
MAX_TOP = 1000
DEFAULT_DELTA_PAGE = 10
WINDOWS_ZONES_XML = "/usr/share/unicode/cldr/common/supplemental/windowsZones.xml"

ODATA_JSON = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
PLAIN_JSON = "application/json; charset=utf-8"
WWW_AUTHENTICATE = ('Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", '
                    'client_id="00000003-0000-0000-c000-000000000000"')


# -- small helpers -------------------------------------------------------------

def utc_now():
    return datetime.now(timezone.utc)


def timestamp_text(moment):
    """A DateTimeOffset as Graph writes it: UTC, 7 fractional digits, Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d0Z" % moment.microsecond


def wall_clock_text(moment):
    """dateTimeTimeZone.dateTime as Graph writes it: 7 fractional digits, no offset."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d0" % moment.microsecond


def utc_z_text(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def copy_json(value):
    return json.loads(json.dumps(value))


def value_or(mapping, key, default):
    value = mapping.get(key)
    return default if value is None else value


def split_outside(text, separator):
    """Splits on separator, except inside parentheses or quotes ('...' or "...")."""
    parts, depth, quote, current = [], 0, None, []
    for ch in text:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in (part.strip() for part in parts) if p]


class HeaderMap(dict):
    """Request headers, looked up without regard to case: the same type
    carries a wire request's headers and a batch item's."""

    def __init__(self, items=()):
        super().__init__()
        for name, value in items:
            key = name.lower()
            self[key] = self[key] + ", " + value if key in self else value

    def get(self, name, default=None):
        return super().get(name.lower(), default)


def preferences(headers):
    """The Prefer header(s) as {lower-case name: value without quotes}."""
    out = {}
    for part in split_outside(headers.get("Prefer") or "", ","):
        name, _, value = part.partition("=")
        out[name.strip().lower()] = value.strip().strip('"')
    return out


def random_outlook_id():
    """An id shaped like Outlook's REST ids: "AAMkAG" + URL-safe base64, one
    "=" of padding. Design choice: every id carries both "-" and "_", so any
    client that mangles them while building URLs fails at once."""
    while True:
        text = "AAMkAG" + base64.urlsafe_b64encode(secrets.token_bytes(104)).decode()
        if "-" in text and "_" in text:
            return text


ID_RE = re.compile(r"^[A-Za-z0-9_-]+=*$")


def new_change_key():
    # Standard base64, like real change keys: "+" and "/" show up in etags.
    return base64.b64encode(secrets.token_bytes(22)).decode()


# -- errors and replies --------------------------------------------------------

class Reply:
    def __init__(self, status, payload=None, headers=None, content_type=PLAIN_JSON):
        self.status = status
        self.payload = payload
        self.headers = dict(headers or {})
        self.content_type = content_type


class GraphError(Exception):
    """An error answer in Graph's {"error": {code, message, innerError}} shape."""

    def __init__(self, status, code, message, headers=None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, dict(headers or {})


class TokenError(Exception):
    """An error answer in the identity platform's shape (error, AADSTS code)."""

    def __init__(self, status, error, aadsts, description):
        super().__init__(description)
        self.status, self.error, self.aadsts, self.description = status, error, aadsts, description


class ResetConnection(Exception):
    """Close the connection without an answer (injected fault)."""


def bad_request(message, code="BadRequest"):
    return GraphError(400, code, message)


def not_found():
    return GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")


def unknown_segment(segment):
    return bad_request("Resource not found for the segment '%s'." % segment)


def method_not_allowed():
    return GraphError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.")


def graph_error_reply(call, status, code, message, headers=None):
    inner = {"date": utc_now().strftime("%Y-%m-%dT%H:%M:%S"), "request-id": call.request_id,
             "client-request-id": call.client_request_id}
    return Reply(status, {"error": {"code": code, "message": message, "innerError": inner}}, headers, ODATA_JSON)


def token_error_reply(status, error, aadsts, description):
    now = utc_now()
    trace, correlation = str(uuid.uuid4()), str(uuid.uuid4())
    stamp = now.strftime("%Y-%m-%d %H:%M:%SZ")
    text = "AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s" % (
        aadsts, description, trace, correlation, stamp)
    return Reply(status, {"error": error, "error_description": text, "error_codes": [aadsts], "timestamp": stamp,
                          "trace_id": trace, "correlation_id": correlation,
                          "error_uri": "https://login.microsoftonline.com/error?code=%d" % aadsts})


# -- time zones ------------------------------------------------------------------

# The IANA names Graph accepts besides Windows names, as listed on the
# dateTimeTimeZone page (api-reference/v1.0/resources/datetimetimezone.md).
# Entries listed there as "A (B)" accept both names; the second column is the
# name zoneinfo knows.
# Design choice: Asia/Kolkata is on that list but is rejected here. The real
# service has been reported to reject names from the list (docs issue #4242),
# and rejecting a common one proves that the client maps IANA names to Windows
# names (India Standard Time) instead of trusting the list.
GRAPH_IANA_ZONES = [
    (name, key or name) for name, key in (
        ("Etc/GMT+12", None), ("Etc/GMT+11", None), ("Pacific/Honolulu", None), ("America/Anchorage", None),
        ("America/Santa_Isabel", None), ("America/Los_Angeles", None), ("America/Phoenix", None),
        ("America/Chihuahua", None), ("America/Denver", None), ("America/Guatemala", None),
        ("America/Chicago", None), ("America/Mexico_City", None), ("America/Regina", None),
        ("America/Bogota", None), ("America/New_York", None), ("America/Indiana/Indianapolis", None),
        ("America/Caracas", None), ("America/Asuncion", None), ("America/Halifax", None),
        ("America/Cuiaba", None), ("America/La_Paz", None), ("America/Santiago", None),
        ("America/St_Johns", None), ("America/Sao_Paulo", None), ("America/Argentina/Buenos_Aires", None),
        ("America/Cayenne", None), ("America/Godthab", None), ("America/Montevideo", None),
        ("America/Bahia", None), ("Etc/GMT+2", None), ("Atlantic/Azores", None), ("Atlantic/Cape_Verde", None),
        ("Africa/Casablanca", None), ("Etc/GMT", None), ("Europe/London", None), ("Atlantic/Reykjavik", None),
        ("Europe/Berlin", None), ("Europe/Budapest", None), ("Europe/Paris", None), ("Europe/Warsaw", None),
        ("Africa/Lagos", None), ("Africa/Windhoek", None), ("Europe/Bucharest", None), ("Asia/Beirut", None),
        ("Africa/Cairo", None), ("Asia/Damascus", None), ("Africa/Johannesburg", None),
        ("Europe/Kyiv", None), ("Europe/Kiev", None), ("Europe/Istanbul", None), ("Asia/Jerusalem", None),
        ("Asia/Amman", None), ("Asia/Baghdad", None), ("Europe/Kaliningrad", None), ("Asia/Riyadh", None),
        ("Africa/Nairobi", None), ("Asia/Tehran", None), ("Asia/Dubai", None), ("Asia/Baku", None),
        ("Europe/Moscow", None), ("Indian/Mauritius", None), ("Asia/Tbilisi", None), ("Asia/Yerevan", None),
        ("Asia/Kabul", None), ("Asia/Karachi", None), ("Asia/Toshkent", "Asia/Tashkent"),
        ("Asia/Tashkent", None), ("Asia/Colombo", None), ("Asia/Kathmandu", None),
        ("Asia/Astana", "Asia/Almaty"), ("Asia/Almaty", None), ("Asia/Dhaka", None),
        ("Asia/Yekaterinburg", None), ("Asia/Yangon", None), ("Asia/Rangoon", None), ("Asia/Bangkok", None),
        ("Asia/Novosibirsk", None), ("Asia/Shanghai", None), ("Asia/Krasnoyarsk", None),
        ("Asia/Singapore", None), ("Australia/Perth", None), ("Asia/Taipei", None), ("Asia/Ulaanbaatar", None),
        ("Asia/Irkutsk", None), ("Asia/Tokyo", None), ("Asia/Seoul", None), ("Australia/Adelaide", None),
        ("Australia/Darwin", None), ("Australia/Brisbane", None), ("Australia/Sydney", None),
        ("Pacific/Port_Moresby", None), ("Australia/Hobart", None), ("Asia/Yakutsk", None),
        ("Pacific/Guadalcanal", None), ("Asia/Vladivostok", None), ("Pacific/Auckland", None),
        ("Etc/GMT-12", None), ("Pacific/Fiji", None), ("Asia/Magadan", None), ("Pacific/Tongatapu", None),
        ("Pacific/Apia", None), ("Pacific/Kiritimati", None))
]


def load_windows_zones(path):
    """{Windows zone name: IANA name} from CLDR's windowsZones.xml, through the
    territory "001" row (the zone that stands for the Windows zone as a whole).
    CLDR keeps old names (Asia/Calcutta); zoneinfo knows them as links."""
    zones = {}
    for row in ElementTree.parse(path).getroot().iter("mapZone"):
        if row.get("territory") == "001":
            zones[row.get("other")] = row.get("type").split()[0]
    return zones


class TimeZones:
    """The time-zone names Graph accepts, and the instants they give."""

    def __init__(self, cldr_path):
        # Design choice: names match without regard to case.
        self.keys = {}
        for windows, iana in load_windows_zones(cldr_path).items():
            self.keys[windows.lower()] = iana
        for name, key in GRAPH_IANA_ZONES:
            self.keys[name.lower()] = key
        self.cache = {}

    def find(self, name):
        """The ZoneInfo for an accepted name, or None."""
        key = self.keys.get(name.lower()) if isinstance(name, str) else None
        if key is None:
            return None
        if key not in self.cache:
            self.cache[key] = ZoneInfo(key)
        return self.cache[key]


WALL_CLOCK_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$")


def parse_wall_clock(text):
    """A dateTime without offset as a naive datetime (the 7th fractional digit,
    below a microsecond, is dropped), or None if it is not one."""
    match = WALL_CLOCK_RE.match(text) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    micro = int(((match.group(7) or "") + "000000")[:6])
    try:
        return datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None


def parse_instant(text):
    """An ISO 8601 date-time with or without offset as an aware UTC datetime;
    no offset means UTC (as for calendarView's startDateTime). None if invalid."""
    if not isinstance(text, str):
        return None
    candidate = text.strip()
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    match = re.match(r"^(.*T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?([+-]\d{2}:\d{2})?$", candidate)
    if not match:
        return None
    fraction = (match.group(2) or "")[:7]  # the dot and 6 digits: datetime's resolution
    try:
        moment = datetime.fromisoformat(match.group(1) + fraction + (match.group(3) or ""))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# -- OData $filter ---------------------------------------------------------------

TOKEN_RE = re.compile(r"""\s*(?:
      (?P<str>'(?:[^']|'')*')
    | (?P<num>-?\d+(?:\.\d+)?(?![\w:]))
    | (?P<name>[A-Za-z_][\w.]*)
    | (?P<punct>[()/,:])
    )""", re.X)

COMPARISONS = {"eq", "ne", "gt", "ge", "lt", "le"}
FUNCTIONS = {"startswith", "endswith", "contains"}


class FilterError(Exception):
    pass


def tokenize(text):
    """The tokens of a filter: (kind, value) with kind str, num, name or punct."""
    tokens, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = TOKEN_RE.match(text, pos)
        if not match:
            raise FilterError("syntax error at position %d in '%s'" % (pos, text))
        kind = match.lastgroup
        value = match.group(kind)
        if kind == "str":
            value = value[1:-1].replace("''", "'")
        elif kind == "num":
            value = float(value) if "." in value else int(value)
        tokens.append((kind, value))
        pos = match.end()
    return tokens


class FilterParser:
    """Recursive descent over the tokens. The tree is made of tuples:
    ("or"|"and", a, b), ("not", a), ("cmp", op, a, b), ("call", name, args),
    ("lit", value), ("path", [segments]), ("any", [segments], var, body)."""

    def __init__(self, tokens):
        self.tokens, self.pos = tokens, 0

    def parse(self):
        tree = self.parse_or()
        if self.pos != len(self.tokens):
            raise FilterError("unexpected '%s'" % (self.tokens[self.pos][1],))
        return tree

    def peek(self, offset=0):
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        if token[0] is None:
            raise FilterError("unexpected end of clause")
        self.pos += 1
        return token

    def keyword(self, *words):
        kind, value = self.peek()
        return kind == "name" and value.lower() in words

    def expect_punct(self, ch):
        kind, value = self.take()
        if kind != "punct" or value != ch:
            raise FilterError("expected '%s', found '%s'" % (ch, value))

    def parse_or(self):
        left = self.parse_and()
        while self.keyword("or"):
            self.take()
            left = ("or", left, self.parse_and())
        return left

    def parse_and(self):
        left = self.parse_unary()
        while self.keyword("and"):
            self.take()
            left = ("and", left, self.parse_unary())
        return left

    def parse_unary(self):
        if self.keyword("not"):
            self.take()
            return ("not", self.parse_unary())
        return self.parse_comparison()

    def parse_comparison(self):
        left = self.parse_primary()
        if self.keyword(*COMPARISONS):
            op = self.take()[1].lower()
            return ("cmp", op, left, self.parse_primary())
        return left

    def parse_primary(self):
        kind, value = self.peek()
        if kind == "punct" and value == "(":
            self.take()
            inner = self.parse_or()
            self.expect_punct(")")
            return inner
        if kind in ("str", "num"):
            self.take()
            return ("lit", value)
        if kind == "name":
            return self.parse_name()
        raise FilterError("unexpected '%s'" % (value if kind else "end of clause"))

    def parse_name(self):
        name = self.take()[1]
        literal = {"true": True, "false": False, "null": None}
        if name.lower() in literal:
            return ("lit", literal[name.lower()])
        if self.peek() == ("punct", "("):
            return self.parse_call(name)
        return self.parse_path(name)

    def parse_call(self, name):
        if name.lower() not in FUNCTIONS:
            raise FilterError("unsupported function '%s'" % name)
        self.expect_punct("(")
        args = [self.parse_or()]
        while self.peek() == ("punct", ","):
            self.take()
            args.append(self.parse_or())
        self.expect_punct(")")
        return ("call", name.lower(), args)

    def parse_path(self, first):
        segments = [first]
        while self.peek() == ("punct", "/"):
            self.take()
            kind, name = self.take()
            if kind != "name":
                raise FilterError("expected a property name after '/'")
            if name.lower() in ("any", "all") and self.peek() == ("punct", "("):
                if name.lower() == "all":
                    raise FilterError("the 'all' lambda is not supported")
                return self.parse_lambda(segments)
            segments.append(name)
        return ("path", segments)

    def parse_lambda(self, segments):
        self.expect_punct("(")
        kind, var = self.take()
        if kind != "name":
            raise FilterError("expected a lambda variable")
        self.expect_punct(":")
        body = self.parse_or()
        self.expect_punct(")")
        return ("any", segments, var, body)


# What $filter and $orderby may name on an event, by lower-case path, with the
# kind of value each gives. Collections may only appear under Any.
EVENT_FILTER_FIELDS = {
    "id": "string", "subject": "string", "bodypreview": "string", "icaluid": "string",
    "transactionid": "string", "sensitivity": "string", "showas": "string", "importance": "string",
    "type": "string", "isallday": "bool", "iscancelled": "bool", "isreminderon": "bool",
    "hasattachments": "bool", "reminderminutesbeforestart": "number",
    "createddatetime": "instant", "lastmodifieddatetime": "instant",
    "start/datetime": "instant", "end/datetime": "instant",
    "start/timezone": "string", "end/timezone": "string",
    "body/content": "string", "body/contenttype": "string", "location/displayname": "string",
    "organizer/emailaddress/address": "string", "organizer/emailaddress/name": "string",
    "categories": "collection:category", "singlevalueextendedproperties": "collection:ext",
}
# Fields of one item of a collection, for the lambda variable ("" is the item itself).
COLLECTION_ITEM_FIELDS = {
    "collection:ext": {"id": "extid", "value": "string"},
    "collection:category": {"": "string"},
}
# What the $filter inside $expand=singleValueExtendedProperties(...) may name.
EXT_FILTER_FIELDS = {"id": "extid", "value": "string"}


def compile_filter(text, fields, type_name="microsoft.graph.event"):
    """Parses and binds a $filter; a GraphError 400 for anything unsupported."""
    try:
        return bind(FilterParser(tokenize(text)).parse(), fields, {}, type_name)
    except FilterError as e:
        raise bad_request("Invalid filter clause: %s" % e)


def bind(node, fields, variables, type_name):
    """Resolves property paths to ("field", key, kind) and ("var", name, key,
    kind) nodes, so unknown properties fail even when nothing is listed."""
    kind = node[0]
    if kind == "path":
        return bind_path(node[1], fields, variables, type_name)
    if kind == "any":
        _, segments, var, body = node
        key = "/".join(segments).lower()
        if not fields.get(key, "").startswith("collection:"):
            raise FilterError("'%s' is not a collection that supports any()" % "/".join(segments))
        inner = dict(variables, **{var.lower(): COLLECTION_ITEM_FIELDS[fields[key]]})
        return ("any", key, var.lower(), bind(body, fields, inner, type_name))
    if kind in ("or", "and"):
        return (kind, bind(node[1], fields, variables, type_name), bind(node[2], fields, variables, type_name))
    if kind == "not":
        return ("not", bind(node[1], fields, variables, type_name))
    if kind == "cmp":
        left, right = bind(node[2], fields, variables, type_name), bind(node[3], fields, variables, type_name)
        if left[0] not in ("lit", "field", "var") or right[0] not in ("lit", "field", "var"):
            raise FilterError("'%s' compares something that is not a property or a literal" % node[1])
        return ("cmp", node[1], left, right)
    if kind == "call":
        args = [bind(arg, fields, variables, type_name) for arg in node[2]]
        if len(args) != 2 or args[0][0] not in ("field", "var") or args[1][0] != "lit" \
                or not isinstance(args[1][1], str):
            raise FilterError("%s() takes a property and a string literal" % node[1])
        return ("call", node[1], args)
    return node  # a literal


def bind_path(segments, fields, variables, type_name):
    head = segments[0].lower()
    if head in variables:
        key = "/".join(segments[1:]).lower()
        if key not in variables[head]:
            raise FilterError("Could not find a property named '%s' on the lambda variable '%s'"
                              % ("/".join(segments[1:]), segments[0]))
        return ("var", head, key, variables[head][key])
    key = "/".join(segments).lower()
    kind = fields.get(key)
    if kind is None:
        raise FilterError("Could not find a property named '%s' on type '%s'" % ("/".join(segments), type_name))
    if kind.startswith("collection:"):
        raise FilterError("the collection '%s' can only be used with any()" % "/".join(segments))
    return ("field", key, kind)


def evaluate(node, values, bound=None):
    """Whether one item (its filter values) satisfies a bound filter."""
    bound = bound or {}
    kind = node[0]
    if kind == "or":
        return evaluate(node[1], values, bound) or evaluate(node[2], values, bound)
    if kind == "and":
        return evaluate(node[1], values, bound) and evaluate(node[2], values, bound)
    if kind == "not":
        return not evaluate(node[1], values, bound)
    if kind == "any":
        _, key, var, body = node
        return any(evaluate(body, values, dict(bound, **{var: item})) for item in values.get(key) or [])
    if kind == "cmp":
        return compare(node[1], operand(node[2], values, bound), operand(node[3], values, bound))
    if kind == "call":
        return call_function(node[1], operand(node[2][0], values, bound), node[2][1][1])
    return operand(node, values, bound)[1] is True


def operand(node, values, bound):
    """(kind, value) of a bound leaf: literal kinds are lit-str, lit-num, lit-bool, lit-null."""
    if node[0] == "lit":
        value = node[1]
        if value is None:
            return ("lit-null", None)
        if isinstance(value, bool):
            return ("lit-bool", value)
        return ("lit-str", value) if isinstance(value, str) else ("lit-num", value)
    if node[0] == "field":
        return (node[2], values.get(node[1]))
    if node[0] == "var":
        item = bound[node[1]]
        return (node[3], item if node[2] == "" else item.get(node[2]))
    raise AssertionError("bind() lets only leaves reach operand()")


def ordered(op, left, right):
    return {"eq": left == right, "ne": left != right, "gt": left > right, "ge": left >= right,
            "lt": left < right, "le": left <= right}[op]


def compare(op, left, right):
    if right[0] in ("instant", "extid") and left[0].startswith("lit"):
        left, right = right, left
        op = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge"}.get(op, op)
    (lkind, lvalue), (rkind, rvalue) = left, right
    if lvalue is None or rvalue is None:
        return {"eq": lvalue is rvalue, "ne": lvalue is not rvalue}.get(op, False)
    if lkind == "instant":
        other = rvalue if rkind == "instant" else parse_instant(rvalue) if isinstance(rvalue, str) else None
        if other is None:
            raise bad_request("Invalid filter clause: '%s' is not a date and time" % (rvalue,))
        return ordered(op, lvalue, other)
    if lkind == "extid":
        if op not in ("eq", "ne"):
            raise bad_request("Invalid filter clause: extended property ids support only eq and ne")
        same = isinstance(rvalue, str) and same_property_id(lvalue, rvalue)
        return same if op == "eq" else not same
    if isinstance(lvalue, str) and isinstance(rvalue, str):
        # Design choice: string comparisons ignore case, as the extended
        # property docs say of values (Exchange compares this way).
        return ordered(op, lvalue.casefold(), rvalue.casefold())
    if isinstance(lvalue, bool) != isinstance(rvalue, bool):
        return op == "ne"
    if isinstance(lvalue, (int, float, bool)) and isinstance(rvalue, (int, float, bool)):
        return ordered(op, lvalue, rvalue)
    return op == "ne"


def call_function(name, subject, literal):
    value = subject[1]
    if not isinstance(value, str):
        return False
    value, literal = value.casefold(), literal.casefold()
    if name == "startswith":
        return value.startswith(literal)
    if name == "endswith":
        return value.endswith(literal)
    return literal in value


# -- single-value extended properties -------------------------------------------

EXT_TYPES = r"(?:ApplicationTime|Binary|Boolean|CLSID|Currency|Double|Error|Float|Integer|Long|Null|Object|Short|" \
            r"String|SystemTime)"
GUID = r"\{([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}"
EXT_NAME_RE = re.compile(r"^(%s) %s Name (\S(?:.*\S)?)$" % (EXT_TYPES, GUID), re.I)
EXT_ID_RE = re.compile(r"^(%s) %s Id 0x([0-9A-Fa-f]{1,4})$" % (EXT_TYPES, GUID), re.I)
EXT_TAG_RE = re.compile(r"^(%s) 0x([0-9A-Fa-f]{4}|[0-9A-Fa-f]{8})$" % EXT_TYPES, re.I)


def property_key(prop_id):
    """The identity of an extended property id: the Name part keeps its case,
    the type, GUID and hex numbers do not. None if the id is malformed."""
    if not isinstance(prop_id, str):
        return None
    match = EXT_NAME_RE.match(prop_id)
    if match:
        return ("name", match.group(1).lower(), match.group(2).lower(), match.group(3))
    match = EXT_ID_RE.match(prop_id)
    if match:
        return ("id", match.group(1).lower(), match.group(2).lower(), int(match.group(3), 16))
    match = EXT_TAG_RE.match(prop_id)
    if match:
        return ("tag", match.group(1).lower(), int(match.group(2), 16))
    return None


def same_property_id(a, b):
    key = property_key(a)
    return key is not None and key == property_key(b)


# -- request bodies: event validation ----------------------------------------------

def body_type_error(value, type_name):
    return GraphError(400, "RequestBodyRead", "Cannot convert the literal '%s' to the expected type '%s'."
                      % (value if not isinstance(value, (dict, list)) else json.dumps(value), type_name))


def unknown_property(name, type_name):
    # The wording the service has been seen to use (Outlook's own type names).
    return GraphError(400, "RequestBodyRead", "The property '%s' does not exist on type "
                      "'Microsoft.OutlookServices.%s'. Make sure to only use property names that are defined by "
                      "the type or mark the type as open type." % (name, type_name))


def v_string(value):
    if not isinstance(value, str):
        raise body_type_error(value, "Edm.String")
    return value


def v_bool(value):
    if not isinstance(value, bool):
        raise body_type_error(value, "Edm.Boolean")
    return value


def v_int32(value):
    if isinstance(value, bool) or not isinstance(value, int) or not -2**31 <= value < 2**31:
        raise body_type_error(value, "Edm.Int32")
    return value


def v_number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise body_type_error(value, "Edm.Double")
    return value


def v_any(value):
    return value


def v_enum(type_name, *members):
    def check(value):
        # Design choice: enum members match without regard to case and are
        # stored in their canonical spelling.
        for member in members:
            if isinstance(value, str) and value.lower() == member.lower():
                return member
        raise GraphError(400, "RequestBodyRead", "Requested value '%s' was not found in '%s'." % (value, type_name))
    return check


def v_list(item_check):
    def check(value):
        if not isinstance(value, list):
            raise body_type_error(value, "Collection")
        return [item_check(item) for item in value]
    return check


def v_complex(type_name):
    def check(value):
        if not isinstance(value, dict):
            raise body_type_error(value, "microsoft.graph." + type_name)
        return checked_object(value, COMPLEX_TYPES[type_name], type_name)
    return check


def checked_object(value, schema, type_name):
    """The object with each known property checked; unknown ones are refused
    and OData annotations (@odata.type, ...) are dropped. Null stays null."""
    out = {}
    for name, item in value.items():
        if name.startswith("@"):
            continue
        if name not in schema:
            raise unknown_property(name, type_name[:1].upper() + type_name[1:])
        out[name] = None if item is None else schema[name](item)
    return out


COMPLEX_TYPES = {
    "itemBody": {"contentType": v_enum("bodyType", "text", "html"), "content": v_string},
    "dateTimeTimeZone": {"dateTime": v_string, "timeZone": v_string},
    "emailAddress": {"address": v_string, "name": v_string},
    "physicalAddress": {"city": v_string, "countryOrRegion": v_string, "postalCode": v_string,
                        "state": v_string, "street": v_string},
    "outlookGeoCoordinates": {"accuracy": v_number, "altitude": v_number, "altitudeAccuracy": v_number,
                              "latitude": v_number, "longitude": v_number},
    "attendee": {"emailAddress": v_complex("emailAddress"),
                 "type": v_enum("attendeeType", "required", "optional", "resource"),
                 "status": v_any, "proposedNewTime": v_any},
}
COMPLEX_TYPES["location"] = {
    "displayName": v_string, "locationEmailAddress": v_string, "locationUri": v_string,
    "address": v_complex("physicalAddress"), "coordinates": v_complex("outlookGeoCoordinates"),
    "locationType": v_enum("locationType", "default", "conferenceRoom", "homeAddress", "businessAddress",
                           "geoCoordinates", "streetAddress", "hotel", "restaurant", "localBusiness",
                           "postalAddress"),
    "uniqueId": v_string, "uniqueIdType": v_enum("locationUniqueIdType", "unknown", "locationStore", "directory",
                                                 "private", "bing"),
}

EVENT_WRITABLE = {
    "subject": v_string, "body": v_complex("itemBody"), "start": v_complex("dateTimeTimeZone"),
    "end": v_complex("dateTimeTimeZone"), "isAllDay": v_bool,
    "sensitivity": v_enum("sensitivity", "normal", "personal", "private", "confidential"),
    "showAs": v_enum("freeBusyStatus", "free", "tentative", "busy", "oof", "workingElsewhere", "unknown"),
    "importance": v_enum("importance", "low", "normal", "high"),
    "isReminderOn": v_bool, "reminderMinutesBeforeStart": v_int32, "location": v_complex("location"),
    "locations": v_list(v_complex("location")), "categories": v_list(v_string),
    "attendees": v_list(v_complex("attendee")), "transactionId": v_string,
    "allowNewTimeProposals": v_bool, "responseRequested": v_bool, "hideAttendees": v_bool,
    "isOnlineMeeting": v_bool,
    "onlineMeetingProvider": v_enum("onlineMeetingProviderType", "unknown", "skypeForBusiness",
                                    "skypeForConsumer", "teamsForBusiness"),
}
# Read-only in the schema: accepted in a request body and ignored.
EVENT_READ_ONLY = {"id", "changeKey", "createdDateTime", "lastModifiedDateTime", "bodyPreview", "hasAttachments",
                   "iCalUId", "isCancelled", "isDraft", "isOrganizer", "organizer", "originalStart",
                   "originalStartTimeZone", "originalEndTimeZone", "responseStatus", "seriesMasterId", "type",
                   "webLink", "onlineMeeting", "onlineMeetingUrl", "cancelledOccurrences"}
# Part of the schema but not modelled: a non-empty value is refused so that a
# test never passes on something the emulator silently dropped.
EVENT_NOT_MODELLED = {"recurrence", "multiValueExtendedProperties", "extensions", "attachments", "instances",
                      "exceptionOccurrences", "calendar"}


def json_body(call):
    """The request body as JSON; Graph's answer to an unreadable body otherwise."""
    try:
        return json.loads(call.body) if call.body else None
    except ValueError:
        return None


def require_object(value):
    if not isinstance(value, dict):
        raise GraphError(400, "UnableToDeserializePostBody", "were unable to deserialize ")
    return value


def parse_event_body(body):
    """(fields, extended properties) from a create or PATCH body; the fields
    keep what the client sent (start/end with the zone sent)."""
    require_object(body)
    odata_type = body.get("@odata.type")
    if odata_type is not None and odata_type.lstrip("#").lower() != "microsoft.graph.event":
        raise bad_request("The type '%s' is not an event type." % odata_type)
    fields, props = {}, None
    for name, value in body.items():
        if name.startswith("@") or name in EVENT_READ_ONLY:
            continue
        if name == "singleValueExtendedProperties":
            props = parse_extended_properties(value)
        elif name in EVENT_NOT_MODELLED:
            if value not in (None, [], {}):
                raise bad_request("'%s' is not modelled by this emulator." % name, "ErrorInvalidRequest")
        elif name in EVENT_WRITABLE:
            fields[name] = None if value is None else EVENT_WRITABLE[name](value)
        else:
            raise unknown_property(name, "Event")
    if len(fields.get("attendees") or []) > MAX_ATTENDEES:
        raise bad_request("An event can have at most %d attendees." % MAX_ATTENDEES, "ErrorInvalidRequest")
    return fields, props or []


def parse_extended_properties(value):
    if not isinstance(value, list):
        raise body_type_error(value, "Collection(microsoft.graph.singleValueLegacyExtendedProperty)")
    props = []
    for item in value:
        prop = checked_object(require_object(item), {"id": v_string, "value": v_string},
                              "singleValueLegacyExtendedProperty")
        # Design choice: the error code for a malformed id is not documented.
        if property_key(prop.get("id")) is None:
            raise bad_request("The extended property id '%s' is not valid." % (prop.get("id"),),
                              "ErrorInvalidProperty")
        if prop.get("value") is None:
            raise bad_request("The extended property '%s' needs a value." % prop["id"], "ErrorInvalidProperty")
        props.append(prop)
    return props


def resolve_time(zones, fields, which):
    """(naive wall clock, ZoneInfo) of start or end, or a GraphError."""
    given = fields.get(which)
    if not given or given.get("dateTime") is None:
        raise bad_request("The event's '%s' is required." % which, "ErrorInvalidRequest")
    zone_name = given.get("timeZone")
    zone = zones.find(zone_name)
    if zone is None:
        raise bad_request("A valid TimeZone value must be specified. The following TimeZone value is not "
                          "supported: '%s'." % (zone_name or ""), "TimeZoneNotSupportedException")
    wall = parse_wall_clock(given["dateTime"])
    if wall is None:
        raise bad_request("The dateTime '%s' is not a date and time without offset (YYYY-MM-DDTHH:MM:SS)."
                          % given["dateTime"], "ErrorInvalidRequest")
    return wall, zone


def event_instants(zones, fields):
    """(start, end) as UTC instants after checking the rules Graph applies
    to start, end and isAllDay."""
    start_wall, start_zone = resolve_time(zones, fields, "start")
    end_wall, end_zone = resolve_time(zones, fields, "end")
    start = start_wall.replace(tzinfo=start_zone).astimezone(timezone.utc)
    end = end_wall.replace(tzinfo=end_zone).astimezone(timezone.utc)
    if fields.get("isAllDay"):
        check_all_day(fields, start_wall, end_wall)
    if end < start:
        # Design choice: Exchange's error code for this case; unverified on Graph.
        raise bad_request("The end date occurs before the start date.", "ErrorCalendarEndDateIsEarlierThanStartDate")
    return start, end


def check_all_day(fields, start_wall, end_wall):
    midnight = all(t.hour == t.minute == t.second == t.microsecond == 0 for t in (start_wall, end_wall))
    same_zone = fields["start"]["timeZone"].lower() == fields["end"]["timeZone"].lower()
    if not midnight or not same_zone or end_wall <= start_wall:
        raise bad_request("Your request can't be completed. If the event is an all-day event, its start and end "
                          "time must be at midnight and in the same time zone.", "ErrorPropertyValidationFailure")


# -- state ------------------------------------------------------------------------

class StoredEvent:
    def __init__(self, event_id, mailbox, calendar, fields):
        self.id = event_id
        self.mailbox = mailbox
        self.calendar = calendar
        self.fields = fields
        self.props = {}  # property_key -> {"id", "value"}
        self.attachments = {}  # attachment id -> stored attachment
        self.created = self.modified = utc_now()
        self.change_key = new_change_key()
        self.ical_uid = "040000008200E00074C5B7101A82E00800000000" + secrets.token_hex(28).upper()
        self.seq = 0
        self.start = self.end = None  # UTC instants
        self.filter_cache = None  # (changeKey, values) for $filter, see filter_values()

    def etag(self):
        return 'W/"%s"' % self.change_key

    def set_props(self, props):
        for prop in props:
            self.props[property_key(prop["id"])] = {"id": prop["id"], "value": prop["value"]}


class Mailbox:
    def __init__(self, key):
        self.key = key
        self.events = {}  # id -> StoredEvent, in creation order
        self.calendars = {"default"}
        self.seq = 0  # change sequence for delta, like the Google emulator's etag counter
        self.tombstones = {}  # deleted id -> (seq, calendar)
        self.transactions = {}  # transactionId -> event id

    def next_seq(self):
        self.seq += 1
        return self.seq

    def touch(self, event):
        """Records a change: new changeKey, lastModifiedDateTime, delta position."""
        event.change_key = new_change_key()
        event.modified = utc_now()
        event.seq = self.next_seq()

    def remove(self, event):
        del self.events[event.id]
        self.tombstones[event.id] = (self.next_seq(), event.calendar)
        transaction = event.fields.get("transactionId")
        if transaction is not None and self.transactions.get(transaction) == event.id:
            del self.transactions[transaction]


STAT_KEYS = ("token", "devicecode", "batch", "batch_items", "list", "delta", "create", "get", "update", "delete",
             "attachment_create", "attachment_list", "attachment_get", "attachment_delete", "other", "throttled",
             "max_in_flight")


class State:
    def __init__(self, latency_ms, zones):
        self.lock = threading.RLock()
        self.zones = zones
        self.latency_ms = latency_ms
        self.mailboxes = {}
        self.issued_ids = set()
        self.access_tokens = set()
        self.refresh_tokens = {INITIAL_REFRESH_TOKEN: {"client_id": CLIENT_ID,
                                                       "scope": "offline_access Calendars.ReadWrite"}}
        self.used_refresh_tokens = set()
        self.device_codes = {}  # device_code -> record
        self.device_interval = 1  # seconds; tests are fast
        self.auto_approve_after = None  # polls after which pending codes are settled (None: never)
        self.auto_outcome = "approved"  # or "declined"
        self.delta_links = {}  # $deltatoken -> cursor
        self.skip_tokens = {}  # $skiptoken -> {"round", "offset", "expired"}
        self.faults = []
        self.page_cap = None
        self.in_flight = 0
        self.stats = dict.fromkeys(STAT_KEYS, 0)
        self.token_requests, self.token_grants, self.scopes = {}, {}, []
        # Batch answers come in a shuffled order; a fixed seed keeps runs repeatable.
        self.shuffler = random.Random(7)

    def mailbox(self, key):
        if key not in self.mailboxes:
            self.mailboxes[key] = Mailbox(key)
        return self.mailboxes[key]

    def new_id(self):
        """An id never handed out before, for events and attachments alike."""
        while True:
            candidate = random_outlook_id()
            if candidate not in self.issued_ids:
                self.issued_ids.add(candidate)
                return candidate

    def count(self, key, amount=1):
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + amount

    def find_event(self, event_id):
        """(mailbox, event) for an id in any mailbox, or (None, None)."""
        for mailbox in self.mailboxes.values():
            if event_id in mailbox.events:
                return mailbox, mailbox.events[event_id]
        return None, None


# -- rendering --------------------------------------------------------------------

def output_zone(zones, call):
    """(name, tzinfo) for date-times in the answer: Prefer: outlook.timezone
    if it names a zone Graph accepts, UTC otherwise. Design choice: an
    unknown zone in Prefer is ignored rather than refused."""
    name = preferences(call.headers).get("outlook.timezone")
    zone = zones.find(name) if name else None
    return (name, zone) if zone is not None else ("UTC", timezone.utc)


def render_time(event, which, zone):
    given = event.fields[which]
    name, tz = zone
    if event.fields.get("isAllDay"):
        # All-day events are floating: midnight stays midnight in any zone.
        return {"dateTime": wall_clock_text(parse_wall_clock(given["dateTime"])), "timeZone": name}
    instant = event.start if which == "start" else event.end
    return {"dateTime": wall_clock_text(instant.astimezone(tz)), "timeZone": name}


def body_preview(body):
    text = body.get("content") or ""
    if (body.get("contentType") or "").lower() == "html":
        text = re.sub(r"<[^>]*>", " ", text)
    return " ".join(text.split())[:255]


def render_location(location):
    out = {"displayName": "", "locationType": "default", "uniqueIdType": "unknown", "address": {},
           "coordinates": {}}
    out.update({k: v for k, v in (location or {}).items() if v is not None})
    if out["displayName"] and "uniqueId" not in out:
        out["uniqueId"], out["uniqueIdType"] = out["displayName"], "private"
    return out


def render_attendee(attendee):
    out = {"type": value_or(attendee, "type", "required"),
           "status": {"response": "none", "time": "0001-01-01T00:00:00Z"}}
    out["emailAddress"] = copy_json(attendee.get("emailAddress") or {})
    return out


def organizer(mailbox_key):
    address = mailbox_key if "@" in mailbox_key else mailbox_key + "@contoso.test"
    return {"emailAddress": {"name": mailbox_key, "address": address}}


def render_event(event, zone):
    """The event as Graph answers it, without extended properties or
    attachments (those come only through $expand)."""
    f = event.fields
    body = f.get("body") or {"contentType": "html", "content": ""}
    out = {"@odata.etag": event.etag(), "id": event.id, "createdDateTime": timestamp_text(event.created),
           "lastModifiedDateTime": timestamp_text(event.modified), "changeKey": event.change_key,
           "categories": list(f.get("categories") or [])}
    if f.get("transactionId") is not None:  # "only returned ... if an app has set it"
        out["transactionId"] = f["transactionId"]
    location = render_location(f.get("location"))
    out.update({
        "originalStartTimeZone": f["start"]["timeZone"], "originalEndTimeZone": f["end"]["timeZone"],
        "iCalUId": event.ical_uid, "reminderMinutesBeforeStart": value_or(f, "reminderMinutesBeforeStart", 15),
        "isReminderOn": value_or(f, "isReminderOn", True), "hasAttachments": bool(event.attachments),
        "subject": value_or(f, "subject", ""), "bodyPreview": body_preview(body),
        "importance": value_or(f, "importance", "normal"), "sensitivity": value_or(f, "sensitivity", "normal"),
        "isAllDay": value_or(f, "isAllDay", False), "isCancelled": False, "isOrganizer": True,
        "responseRequested": value_or(f, "responseRequested", True), "seriesMasterId": None,
        "showAs": value_or(f, "showAs", "busy"), "type": "singleInstance",
        "webLink": "https://outlook.office365.com/owa/?itemid=%s&exvsurl=1&path=/calendar/item"
                   % urllib.parse.quote(event.id, safe=""),
        "onlineMeetingUrl": None, "isOnlineMeeting": value_or(f, "isOnlineMeeting", False),
        "onlineMeetingProvider": value_or(f, "onlineMeetingProvider", "unknown"),
        "allowNewTimeProposals": value_or(f, "allowNewTimeProposals", True), "isDraft": False,
        "hideAttendees": value_or(f, "hideAttendees", False), "recurrence": None, "onlineMeeting": None,
        "responseStatus": {"response": "organizer", "time": "0001-01-01T00:00:00Z"},
        "body": {"contentType": value_or(body, "contentType", "text"), "content": value_or(body, "content", "")},
        "start": render_time(event, "start", zone), "end": render_time(event, "end", zone),
        "location": location,
        "locations": copy_json(f["locations"]) if f.get("locations") else ([location] if location["displayName"]
                                                                         else []),
        "attendees": [render_attendee(a) for a in f.get("attendees") or []],
        "organizer": organizer(event.mailbox),
    })
    return out


def render_attachment(attachment, select=None):
    full = {"@odata.type": "#microsoft.graph.fileAttachment",
            "@odata.mediaContentType": attachment["contentType"], "id": attachment["id"],
            "lastModifiedDateTime": timestamp_text(attachment["lastModifiedDateTime"]),
            "name": attachment["name"], "contentType": attachment["contentType"], "size": attachment["size"],
            "isInline": attachment["isInline"], "contentId": attachment["contentId"], "contentLocation": None,
            "contentBytes": attachment["contentBytes"]}
    if not select:
        return full
    return {k: v for k, v in full.items() if k in ("@odata.type", "id") or k in select}


# -- query options ($select, $expand, $orderby, $top, $skip) ---------------------

EVENT_PROPERTY_NAMES = list(EVENT_WRITABLE) + sorted(EVENT_READ_ONLY) + ["singleValueExtendedProperties",
                                                                        "attachments"]
ATTACHMENT_PROPERTY_NAMES = ["id", "name", "contentType", "size", "isInline", "lastModifiedDateTime",
                             "contentId", "contentLocation", "contentBytes"]


def parse_select(text, names, type_name):
    """The canonical names in a $select (matched without regard to case)."""
    if text is None:
        return None
    known = {name.lower(): name for name in names}
    out = []
    for item in split_outside(text, ","):
        if item.lower() not in known:
            raise bad_request("Could not find a property named '%s' on type '%s'." % (item, type_name))
        out.append(known[item.lower()])
    return out


class Expansion:
    """What $expand asks for: extended properties matching a filter, and
    attachments (all their properties, or a $select of them)."""

    def __init__(self):
        self.props_filter = None
        self.attachments = False
        self.attachment_select = None


def parse_expand(text):
    expansion = Expansion()
    for item in split_outside(text or "", ","):
        match = re.fullmatch(r"([A-Za-z]+)\s*(?:\((.*)\))?", item, re.S)
        if not match:
            raise bad_request("Invalid $expand clause: '%s'." % item)
        name, options = match.group(1).lower(), expand_options(match.group(2) or "")
        if name == "singlevalueextendedproperties":
            expand_properties(expansion, options)
        elif name == "attachments":
            expansion.attachments = True
            expansion.attachment_select = parse_select(options.get("$select"), ATTACHMENT_PROPERTY_NAMES,
                                                       "microsoft.graph.attachment")
        else:
            raise bad_request("Expanding '%s' is not supported by this emulator." % match.group(1))
    return expansion


def expand_options(text):
    options = {}
    for option in split_outside(text, ";"):
        name, _, value = option.partition("=")
        options[name.strip().lower()] = value.strip()
    return options


def expand_properties(expansion, options):
    # "You cannot fetch all extended properties of an item in one call": the
    # id filter is what selects them. Design choice: without it, 400.
    if "$filter" not in options:
        raise bad_request("singleValueExtendedProperties can only be expanded with a $filter on id.",
                          "ErrorInvalidRequest")
    expansion.props_filter = compile_filter(options["$filter"], EXT_FILTER_FIELDS,
                                            "microsoft.graph.singleValueLegacyExtendedProperty")


def int_option(query, name, default, low, high):
    text = query.get(name)
    if text is None:
        return default
    if not re.fullmatch(r"\d+", text) or not low <= int(text) <= (high if high is not None else int(text)):
        limit = "from %d to %d" % (low, high) if high is not None else "of at least %d" % low
        raise bad_request("The value '%s' for %s is not valid; it must be an integer %s." % (text, name, limit))
    return int(text)


def parse_orderby(text):
    """[(lower-case filter path, descending)] for $orderby."""
    out = []
    for item in split_outside(text or "", ","):
        words = item.split()
        path = words[0].lower()
        direction = words[1].lower() if len(words) > 1 else "asc"
        if len(words) > 2 or direction not in ("asc", "desc") or \
                EVENT_FILTER_FIELDS.get(path, "collection:").startswith("collection:"):
            raise bad_request("Invalid $orderby clause: '%s'." % item)
        out.append((path, direction == "desc"))
    return out


def check_query_options(call, allowed):
    for name in call.query:
        if name.startswith("$") and name not in allowed:
            raise bad_request("Query option '%s' is not allowed on this request." % name)


def filter_values(event):
    """The values $filter and $orderby see for an event, by lower-case path;
    date-times are UTC instants. Kept until the event changes: a client that
    looks events up one by one through $filter would otherwise re-render the
    whole mailbox for every lookup."""
    if event.filter_cache is None or event.filter_cache[0] != event.change_key:
        event.filter_cache = (event.change_key, compute_filter_values(event))
    return event.filter_cache[1]


def compute_filter_values(event):
    view = render_event(event, ("UTC", timezone.utc))
    values = {}
    for path in EVENT_FILTER_FIELDS:
        node = view
        for segment in path.split("/"):
            node = {k.lower(): v for k, v in node.items()}.get(segment) if isinstance(node, dict) else None
        values[path] = node
    values.update({"start/datetime": event.start, "end/datetime": event.end, "createddatetime": event.created,
                   "lastmodifieddatetime": event.modified, "singlevalueextendedproperties": list(event.props.values())})
    return values


def sort_events(events, order):
    def key_for(path):
        def key(event):
            value = filter_values(event)[path]
            if isinstance(value, str):
                value = value.casefold()
            return (value is not None, value if value is not None else 0)
        return key
    for path, descending in reversed(order):
        events.sort(key=key_for(path), reverse=descending)
    return events


def shape_event(event, zone, select, expansion):
    """An event as one answer shows it: $select applied, $expand added."""
    out = render_event(event, zone)
    if select is not None:
        out = {k: v for k, v in out.items() if k in ("@odata.etag", "id") or k in select}
    if expansion.props_filter is not None:
        props = [dict(p) for p in event.props.values() if evaluate(expansion.props_filter, p)]
        if props:  # Design choice: no match, no property (as the service is seen to answer)
            out["singleValueExtendedProperties"] = props
    if expansion.attachments:
        out["attachments"] = [render_attachment(a, expansion.attachment_select) for a in event.attachments.values()]
    return out


# -- Graph calls ----------------------------------------------------------------------

class Call:
    """One Graph request: from the wire, or one item of a $batch."""

    def __init__(self, method, target, headers, body, base, in_batch=False):
        self.method = method.upper()
        parts = urllib.parse.urlsplit(target)
        self.path = parts.path
        self.pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        # Query option names match without regard to case (the delta example
        # itself writes startdatetime).
        self.query = {name.lower(): value for name, value in self.pairs}
        self.headers = headers
        self.body = body
        self.base = base
        self.in_batch = in_batch
        self.request_id = str(uuid.uuid4())
        self.client_request_id = headers.get("client-request-id") or self.request_id

    def url_with(self, **replace):
        """This request's absolute URL with some query options replaced
        (names given without "$"; None removes)."""
        wanted = {"$" + name: value for name, value in replace.items()}
        pairs = [(k, v) for k, v in self.pairs if k.lower() not in wanted]
        pairs += [(k, str(v)) for k, v in wanted.items() if v is not None]
        query = urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote, safe="$'(),/:@")
        return self.base + self.path + ("?" + query if query else "")


class Route:
    def __init__(self, op, handler, mailbox=None, prefix=None, scope=None, event_id=None, attachment_id=None):
        self.op, self.handler = op, handler
        self.mailbox, self.prefix, self.scope = mailbox, prefix, scope
        self.event_id, self.attachment_id = event_id, attachment_id


ALL_CALENDARS = object()  # scope of /events: every calendar of the mailbox


def resolve_route(call):
    """The operation a Graph path and method name; a GraphError if none."""
    raw = call.path[len("/v1.0/"):].split("/") if call.path.startswith("/v1.0/") else [""]
    segments = [urllib.parse.unquote(s) for s in raw]
    if segments == ["$batch"]:
        if call.method != "POST":
            raise method_not_allowed()
        return Route("batch", op_batch)
    if segments[0].lower() == "me":
        return route_in_mailbox(call, "me", "me", segments[1:])
    if segments[0].lower() == "users" and len(segments) > 1 and segments[1]:
        return route_in_mailbox(call, segments[1].lower(), "users/" + raw[1], segments[2:])
    raise unknown_segment(segments[0])


def route_in_mailbox(call, mailbox, prefix, rest):
    lower = [s.lower() for s in rest]
    if lower == ["calendarview", "delta"]:
        if call.method != "GET":
            raise method_not_allowed()
        return Route("delta", op_delta, mailbox, prefix)
    if lower[:1] == ["events"]:
        scope, tail = ALL_CALENDARS, rest[1:]
    elif lower[:2] == ["calendar", "events"]:
        scope, tail = "default", rest[2:]
    elif lower[:1] == ["calendars"] and len(rest) >= 3 and lower[2] == "events" and rest[1]:
        scope, tail = rest[1], rest[3:]
    else:
        raise unknown_segment(first_unknown_segment(rest, lower) or urllib.parse.unquote(prefix.split("/")[-1]))
    route = route_events(call.method, tail)
    route.mailbox, route.prefix, route.scope = mailbox, prefix, scope
    return route


def first_unknown_segment(rest, lower):
    """The segment Graph would name in "Resource not found for the segment"."""
    if lower[:1] == ["calendars"] and len(rest) > 2:
        return rest[2]
    if lower[:1] == ["calendar"] and len(rest) > 1:
        return rest[1]
    return rest[0] if rest else ""


def route_events(method, tail):
    """The operation on .../events[/{id}[/attachments[/{aid}]]]: EVENT_OPS
    (defined after the handlers) maps (segments after events, method) to it."""
    if len(tail) >= 2 and tail[1].lower() != "attachments":
        raise unknown_segment(tail[1])
    if len(tail) > 3 or any(s == "" for s in tail):
        raise unknown_segment("/".join(tail))
    entry = EVENT_OPS.get((len(tail), method))
    if entry is None:
        raise method_not_allowed()
    op, handler = entry
    return Route(op, handler, event_id=tail[0] if tail else None, attachment_id=tail[2] if len(tail) == 3 else None)


def context_url(call, route, suffix):
    owner = "users('%s')" % route.mailbox
    return "%s/v1.0/$metadata#%s/%s" % (call.base, owner, suffix)


def lookup_event(st, route):
    """The event a route names, in its mailbox and (for calendar paths) its
    calendar; 400 for a malformed id, 404 if there is no such event."""
    if not ID_RE.match(route.event_id):
        raise bad_request("Id is malformed.", "ErrorInvalidIdMalformed")
    mailbox = st.mailbox(route.mailbox)
    event = mailbox.events.get(route.event_id)
    if event is None or (route.scope is not ALL_CALENDARS and event.calendar != route.scope):
        raise not_found()
    return mailbox, event


def check_if_match(call, event):
    wanted = call.headers.get("If-Match")
    if wanted and wanted.strip() not in ("*", event.etag()):
        raise GraphError(412, "ErrorIrresolvableConflict", "The send or update operation could not be performed "
                         "because the change key passed in the request does not match the current change key "
                         "for the item.")


def event_reply(st, status, call, route, event):
    zone = output_zone(st.zones, call)
    out = {"@odata.context": context_url(call, route, "events/$entity")}
    out.update(shape_event(event, zone, None, Expansion()))
    return Reply(status, out, preference_applied(call, zone), ODATA_JSON)


def preference_applied(call, zone, *more):
    """The Preference-Applied header for the preferences this answer honoured."""
    applied = []
    if preferences(call.headers).get("outlook.timezone") == zone[0]:
        applied.append('outlook.timezone="%s"' % zone[0])
    applied += more
    return {"Preference-Applied": ", ".join(applied)} if applied else {}


def op_create(st, call, route):
    fields, props = parse_event_body(json_body(call))
    calendar = "default" if route.scope is ALL_CALENDARS else route.scope
    with st.lock:
        event = create_event(st, route.mailbox, calendar, fields, props)
        return event_reply(st, 201, call, route, event)


def create_event(st, mailbox_key, calendar, fields, props):
    """Stores a new event, or returns the live one created earlier in this
    mailbox with the same transactionId.
    Design choice: what a retried POST with a known transactionId returns is
    unverified; the emulator answers 201 with the existing event, unchanged.
    Once that event is deleted, the transactionId may create a new one."""
    start, end = event_instants(st.zones, fields)  # a retry is checked like any request
    mailbox = st.mailbox(mailbox_key)
    transaction = fields.get("transactionId")
    if transaction is not None and transaction in mailbox.transactions:
        return mailbox.events[mailbox.transactions[transaction]]
    event = StoredEvent(st.new_id(), mailbox_key, calendar, fields)
    event.start, event.end = start, end
    event.set_props(props)
    event.seq = mailbox.next_seq()
    mailbox.calendars.add(calendar)
    mailbox.events[event.id] = event
    if transaction is not None:
        mailbox.transactions[transaction] = event.id
    return event


def op_get(st, call, route):
    check_query_options(call, {"$select", "$expand"})
    select = parse_select(call.query.get("$select"), EVENT_PROPERTY_NAMES, "microsoft.graph.event")
    expansion = parse_expand(call.query.get("$expand"))
    zone = output_zone(st.zones, call)
    with st.lock:
        _, event = lookup_event(st, route)
        out = {"@odata.context": context_url(call, route, "events/$entity")}
        out.update(shape_event(event, zone, select, expansion))
    return Reply(200, out, preference_applied(call, zone), ODATA_JSON)


def op_update(st, call, route):
    changes, props = parse_event_body(json_body(call))
    with st.lock:
        mailbox, event = lookup_event(st, route)
        check_if_match(call, event)
        if "transactionId" in changes and changes["transactionId"] != event.fields.get("transactionId"):
            # "you cannot change transactionId in a subsequent update".
            # Design choice: setting one on an event created without it is refused too.
            raise bad_request("The transactionId of an event cannot be changed.", "ErrorInvalidRequest")
        apply_changes(st, mailbox, event, changes, props)
        if preferences(call.headers).get("return") == "minimal":
            return Reply(204, None, {"Preference-Applied": "return=minimal"})
        return event_reply(st, 200, call, route, event)


def apply_changes(st, mailbox, event, changes, props):
    """Merges top-level properties and upserts extended properties by id,
    after checking the merged times; then records the change."""
    merged = dict(event.fields, **changes)
    start, end = event_instants(st.zones, merged)
    event.fields, event.start, event.end = merged, start, end
    event.set_props(props)
    mailbox.touch(event)


def op_delete(st, call, route):
    with st.lock:
        mailbox, event = lookup_event(st, route)
        check_if_match(call, event)
        mailbox.remove(event)
    return Reply(204)


def op_list(st, call, route):
    check_query_options(call, {"$top", "$skip", "$select", "$filter", "$expand", "$orderby", "$count"})
    top = int_option(call.query, "$top", DEFAULT_TOP, 1, MAX_TOP)
    skip = int_option(call.query, "$skip", 0, 0, None)
    select = parse_select(call.query.get("$select"), EVENT_PROPERTY_NAMES, "microsoft.graph.event")
    expansion = parse_expand(call.query.get("$expand"))
    order = parse_orderby(call.query.get("$orderby"))
    condition = compile_filter(call.query["$filter"], EVENT_FILTER_FIELDS) if "$filter" in call.query else None
    zone = output_zone(st.zones, call)
    with st.lock:
        events = [e for e in st.mailbox(route.mailbox).events.values()
                  if route.scope is ALL_CALENDARS or e.calendar == route.scope]
        if condition is not None:
            events = [e for e in events if evaluate(condition, filter_values(e))]
        events = sort_events(events, order)
        # Graph may answer with fewer items than $top; the page-size control makes it.
        size = min(top, st.page_cap or top)
        page = [shape_event(e, zone, select, expansion) for e in events[skip:skip + size]]
    suffix = "events" if route.scope is ALL_CALENDARS else "calendars('%s')/events" % route.scope
    out = {"@odata.context": context_url(call, route, suffix)}
    if call.query.get("$count") == "true":
        out["@odata.count"] = len(events)
    out["value"] = page
    if skip + size < len(events):
        out["@odata.nextLink"] = call.url_with(skip=skip + size)
    return Reply(200, out, preference_applied(call, zone), ODATA_JSON)


# -- attachments ----------------------------------------------------------------------

def parse_attachment(body):
    require_object(body)
    kind = (body.get("@odata.type") or "").lstrip("#").lower()
    if kind != "microsoft.graph.fileattachment":
        raise bad_request("Only '#microsoft.graph.fileAttachment' bodies are modelled by this emulator; "
                          "'@odata.type' is required.", "ErrorInvalidRequest")
    schema = {"name": v_string, "contentType": v_string, "contentBytes": v_string, "isInline": v_bool,
              "contentId": v_string, "size": v_int32, "id": v_any, "lastModifiedDateTime": v_any,
              "contentLocation": v_any}
    given = checked_object(body, schema, "FileAttachment")
    if not given.get("name"):
        raise bad_request("The attachment's name is required.", "ErrorInvalidRequest")
    if not given.get("contentBytes"):
        raise bad_request("contentBytes is required.", "ErrorInvalidRequest")
    try:
        content = base64.b64decode(given["contentBytes"], validate=True)
    except ValueError:
        raise bad_request("contentBytes is not valid base64.", "ErrorInvalidRequest")
    if len(content) >= MAX_ATTACHMENT_BYTES:
        # "The size must be under 3 MB"; the status for larger ones is
        # unverified. Design choice: 413, as the gateway gives for big bodies.
        raise GraphError(413, "ErrorRequestEntityTooLarge", "The attachment is %d bytes; attachments posted "
                         "directly must be under 3 MB. Use an upload session." % len(content))
    return given, len(content)


def op_attachment_create(st, call, route):
    given, size = parse_attachment(json_body(call))
    with st.lock:
        mailbox, event = lookup_event(st, route)
        attachment = {"id": st.new_id(), "name": given["name"],
                      "contentType": value_or(given, "contentType", "application/octet-stream"), "size": size,
                      "isInline": value_or(given, "isInline", False), "contentId": given.get("contentId"),
                      "contentBytes": given["contentBytes"], "lastModifiedDateTime": utc_now()}
        event.attachments[attachment["id"]] = attachment
        # Design choice: an attachment changes the item (hasAttachments), so
        # it gets a new changeKey and shows in the next delta round.
        mailbox.touch(event)
        out = {"@odata.context": context_url(call, route, "events('%s')/attachments/$entity" % event.id)}
        out.update(render_attachment(attachment))
    return Reply(201, out, {}, ODATA_JSON)


def op_attachment_list(st, call, route):
    check_query_options(call, {"$select", "$top", "$skip"})
    select = parse_select(call.query.get("$select"), ATTACHMENT_PROPERTY_NAMES, "microsoft.graph.attachment")
    with st.lock:
        _, event = lookup_event(st, route)
        items = [render_attachment(a, select) for a in event.attachments.values()]
    return Reply(200, {"@odata.context": context_url(call, route, "events('%s')/attachments" % route.event_id),
                       "value": items}, {}, ODATA_JSON)


def find_attachment(event, attachment_id):
    attachment = event.attachments.get(attachment_id)
    if attachment is None:
        raise not_found()
    return attachment


def op_attachment_get(st, call, route):
    select = parse_select(call.query.get("$select"), ATTACHMENT_PROPERTY_NAMES, "microsoft.graph.attachment")
    with st.lock:
        _, event = lookup_event(st, route)
        out = {"@odata.context": context_url(call, route, "events('%s')/attachments/$entity" % event.id)}
        out.update(render_attachment(find_attachment(event, route.attachment_id), select))
    return Reply(200, out, {}, ODATA_JSON)


def op_attachment_delete(st, call, route):
    with st.lock:
        mailbox, event = lookup_event(st, route)
        find_attachment(event, route.attachment_id)
        del event.attachments[route.attachment_id]
        mailbox.touch(event)
    return Reply(204)


EVENT_OPS = {
    (0, "POST"): ("create", op_create), (0, "GET"): ("list", op_list),
    (1, "GET"): ("get", op_get), (1, "PATCH"): ("update", op_update), (1, "DELETE"): ("delete", op_delete),
    (2, "POST"): ("attachment_create", op_attachment_create), (2, "GET"): ("attachment_list", op_attachment_list),
    (3, "GET"): ("attachment_get", op_attachment_get), (3, "DELETE"): ("attachment_delete", op_attachment_delete),
}


# -- calendarView delta ------------------------------------------------------------------

class DeltaRound:
    """One round of delta pages: what it reports, fixed when it starts."""

    def __init__(self, mailbox, prefix, window, since, entries, at):
        self.mailbox, self.prefix = mailbox, prefix
        self.window = window  # (start text, end text, start instant, end instant)
        self.since = since  # change sequence the round reports changes after (None: first round)
        self.entries = entries  # [(event id, "event" | "removed")]
        self.at = at  # change sequence when the round started: the next deltaLink's position


def overlaps(event, window):
    return event.start < window[3] and (event.end > window[2] or event.start == event.end >= window[2])


def initial_url(call, prefix, window):
    query = urllib.parse.urlencode({"startDateTime": window[0], "endDateTime": window[1]})
    return "%s/v1.0/%s/calendarView/delta?%s" % (call.base, prefix, query)


def sync_state_gone(call, prefix, window):
    headers = {"Location": initial_url(call, prefix, window)} if window else {}
    return GraphError(410, "syncStateNotFound", "The sync state for this delta token was not found. "
                      "Start a new round from the initial delta request.", headers)


def delta_window(call):
    start_text, end_text = call.query.get("startdatetime"), call.query.get("enddatetime")
    if not start_text or not end_text:
        raise bad_request("This request requires a time window specified by the query string parameters "
                          "StartDateTime and EndDateTime.", "ErrorInvalidParameter")
    start, end = parse_instant(start_text), parse_instant(end_text)
    if start is None or end is None:
        raise bad_request("The time window '%s'..'%s' is not valid." % (start_text, end_text),
                          "ErrorInvalidParameter")
    return (start_text, end_text, start, end)


def start_round(st, route, window, since):
    """Lists what a round reports: every event of the default calendar in the
    window (first round), or the changes after `since`: changed events in the
    window in full, and deleted ones or ones outside the window as removed."""
    mailbox = st.mailbox(route.mailbox)
    default = [e for e in mailbox.events.values() if e.calendar == "default"]
    if since is None:
        entries = [(e.id, "event") for e in sorted(default, key=lambda e: (e.start, e.seq)) if overlaps(e, window)]
    else:
        changes = [(e.seq, e.id, "event" if overlaps(e, window) else "removed") for e in default if e.seq > since]
        changes += [(seq, event_id, "removed") for event_id, (seq, calendar) in mailbox.tombstones.items()
                    if seq > since and calendar == "default"]
        entries = [(event_id, kind) for _, event_id, kind in sorted(changes)]
    return DeltaRound(route.mailbox, route.prefix, window, since, entries, mailbox.seq)


def resume_round(st, call, route):
    """(round, offset) for a delta request: a new round, or the one its
    $skiptoken or $deltatoken continues; 410 if the token is gone."""
    if "$skiptoken" in call.query:
        cursor = st.skip_tokens.get(call.query["$skiptoken"])
        if cursor is None or cursor["expired"]:
            raise sync_state_gone(call, route.prefix, cursor and cursor["round"].window)
        return cursor["round"], cursor["offset"]
    if "$deltatoken" in call.query:
        link = st.delta_links.get(call.query["$deltatoken"])
        # Design choice: an unknown token is answered like an expired one.
        if link is None or link["expired"]:
            raise sync_state_gone(call, route.prefix, link and link["window"])
        if link["mailbox"] != route.mailbox:
            raise bad_request("The delta token belongs to another mailbox.")
        return start_round(st, route, link["window"], link["seq"]), 0
    return start_round(st, route, delta_window(call), None), 0


def delta_page_size(st, call):
    wanted = preferences(call.headers).get("odata.maxpagesize")
    size = int(wanted) if wanted and wanted.isdigit() and int(wanted) > 0 else DEFAULT_DELTA_PAGE
    return min(size, MAX_TOP, st.page_cap or MAX_TOP), wanted is not None


def removed_entry(event_id):
    return {"@odata.type": "#microsoft.graph.event", "id": event_id, "@removed": {"reason": "deleted"}}


def render_delta_entry(mailbox, event_id, kind, zone):
    event = mailbox.events.get(event_id)
    if kind == "removed" or event is None:
        return removed_entry(event_id)
    out = {"@odata.type": "#microsoft.graph.event"}
    out.update(render_event(event, zone))
    return out


def op_delta(st, call, route):
    for name in ("$select", "$expand", "$filter", "$orderby", "$search"):
        if name in call.query:
            raise bad_request("The query option '%s' is not supported with delta on calendarView." % name)
    zone = output_zone(st.zones, call)
    size, size_asked = delta_page_size(st, call)
    with st.lock:
        round_, offset = resume_round(st, call, route)
        if round_.mailbox != route.mailbox:
            raise bad_request("The skip token belongs to another mailbox.")
        mailbox = st.mailbox(route.mailbox)
        page = [render_delta_entry(mailbox, event_id, kind, zone)
                for event_id, kind in round_.entries[offset:offset + size]]
        out = {"@odata.context": "%s/v1.0/$metadata#Collection(event)" % call.base, "value": page}
        link = "%s/v1.0/%s/calendarView/delta?" % (call.base, route.prefix)
        token = secrets.token_urlsafe(24)
        if offset + size < len(round_.entries):
            st.skip_tokens[token] = {"round": round_, "offset": offset + size, "expired": False}
            out["@odata.nextLink"] = link + "$skiptoken=" + token
        else:
            st.delta_links[token] = {"mailbox": route.mailbox, "window": round_.window, "seq": round_.at,
                                     "expired": False}
            out["@odata.deltaLink"] = link + "$deltatoken=" + token
    extra = ["odata.maxpagesize=%d" % size] if size_asked else []
    return Reply(200, out, preference_applied(call, zone, *extra), ODATA_JSON)


# -- JSON batch ----------------------------------------------------------------------------

class BatchItem:
    def __init__(self, raw):
        if not isinstance(raw, dict):
            raise bad_request("Invalid batch payload format: each request must be an object.")
        for name in ("id", "method", "url"):
            if not isinstance(raw.get(name), str) or not raw[name]:
                raise bad_request("Invalid batch payload format: a request lacks '%s'." % name)
        self.id, self.key = raw["id"], raw["id"].lower()  # ids are not case-sensitive
        self.method, self.url = raw["method"].upper(), raw["url"]
        headers = raw.get("headers") or {}
        if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
            raise bad_request("Invalid batch payload format: 'headers' must map names to strings.")
        self.headers = HeaderMap(headers.items())
        self.body = self.encode_body(raw.get("body"))
        depends = raw.get("dependsOn") or []
        if not isinstance(depends, list) or not all(isinstance(d, str) for d in depends):
            raise bad_request("Invalid batch payload format: 'dependsOn' must be a list of ids.")
        self.depends = [d.lower() for d in depends]

    def encode_body(self, body):
        if body is None:
            return b""
        if self.headers.get("Content-Type") is None:
            raise bad_request("A request in the batch has a body but no Content-Type header.")
        if isinstance(body, str):  # "a base64 URL-encoded value, for example ... an image"
            try:
                return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
            except ValueError:
                raise bad_request("A request in the batch has a body that is not base64.")
        return json.dumps(body).encode()


def parse_batch(call):
    payload = json_body(call)
    if not isinstance(payload, dict) or not isinstance(payload.get("requests"), list):
        raise bad_request("Invalid batch payload format.")
    if not payload["requests"]:
        raise bad_request("Invalid batch payload format: no requests.")
    if len(payload["requests"]) > MAX_BATCH:
        raise bad_request("Too many requests in a batch. Max allowed is %d." % MAX_BATCH)
    items = [BatchItem(raw) for raw in payload["requests"]]
    if len({item.key for item in items}) != len(items):
        raise bad_request("Invalid batch payload format: request ids must be unique.")
    return items


def execution_order(items):
    """Items in an order that runs each after what it depends on; 400 for an
    unknown dependency or a cycle."""
    by_key = {item.key: item for item in items}
    done, visiting, order = set(), set(), []

    def visit(item):
        if item.key in done:
            return
        if item.key in visiting:
            raise bad_request("Invalid batch payload format: dependsOn forms a cycle.")
        visiting.add(item.key)
        for dep in item.depends:
            if dep not in by_key:
                raise bad_request("Invalid batch payload format: dependsOn names unknown id '%s'." % dep)
            visit(by_key[dep])
        visiting.discard(item.key)
        done.add(item.key)
        order.append(item)

    for item in items:
        visit(item)
    return order


def run_item(st, call, item, results):
    if any(not 200 <= results[dep].status < 300 for dep in item.depends):
        return graph_error_reply(call, 424, "FailedDependency",
                                 "The request depends on a request in this batch that failed.")
    url = item.url if item.url.startswith("/") else "/" + item.url
    headers = HeaderMap(item.headers.items())
    if call.headers.get("Authorization") is not None:
        headers["authorization"] = call.headers.get("Authorization")  # the batch's token covers its items
    inner = Call(item.method, "/v1.0" + url, headers, item.body, call.base, in_batch=True)
    return execute(st, inner)


def op_batch(st, call, route):
    """Runs the items one after another in the batch's own request slot, each
    exactly as it would run alone, and answers them in a shuffled order."""
    if call.in_batch:
        raise bad_request("A batch cannot contain a batch.")
    items = parse_batch(call)
    order = execution_order(items)
    st.count("batch_items", len(items))
    results = {}
    for item in order:
        results[item.key] = run_item(st, call, item, results)
    answers = [batch_answer(item, results[item.key]) for item in items]
    return Reply(200, {"responses": shuffled(st, answers)}, {}, ODATA_JSON)


def batch_answer(item, reply):
    headers = dict(reply.headers)
    answer = {"id": item.id, "status": reply.status, "headers": headers}
    if reply.payload is not None:
        headers["Content-Type"] = reply.content_type
        answer["body"] = reply.payload
    return answer


def shuffled(st, answers):
    with st.lock:
        order = list(range(len(answers)))
        st.shuffler.shuffle(order)
    # Design choice: never hand back the request order, so a client that
    # matches answers by position fails every time, not by chance.
    if len(order) > 1 and order == sorted(order):
        order.reverse()
    return [answers[i] for i in order]


# -- running a Graph call: faults, auth, routing --------------------------------------------

FAULT_KINDS = {"api", "batch", "batch-item", "token", "devicecode", "create", "update", "delete", "list", "get",
               "delta", "attachment"}
OP_FAULT_KIND = {"create": "create", "update": "update", "delete": "delete", "list": "list", "get": "get",
                 "delta": "delta", "batch": "batch", "attachment_create": "attachment",
                 "attachment_list": "attachment", "attachment_get": "attachment", "attachment_delete": "attachment"}
GRAPH_FAULT_DEFAULTS = {
    400: ("BadRequest", "The request is malformed or incorrect."),
    401: ("InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
    403: ("ErrorAccessDenied", "Access is denied. Check credentials and try again."),
    404: ("ErrorItemNotFound", "The specified object was not found in the store."),
    409: ("ErrorIrresolvableConflict", "The request conflicts with the current state of the item."),
    429: ("ApplicationThrottled", "Application is over its MailboxConcurrency limit."),
    500: ("ErrorInternalServerError", "An internal server error occurred. The operation failed."),
    502: ("BadGateway", "The gateway received an invalid answer."),
    503: ("ServiceUnavailable", "The service is temporarily unavailable. Please try again later."),
    504: ("GatewayTimeout", "The gateway did not receive a timely answer."),
}
TOKEN_FAULT_DEFAULTS = {400: "invalid_request", 401: "invalid_client", 429: "temporarily_unavailable",
                        503: "temporarily_unavailable"}


def take_fault(st, method, kinds):
    """The first fault rule for one of these kinds, consumed; None if none."""
    with st.lock:
        for rule in st.faults:
            if rule.get("times", 1) <= 0:
                continue
            if rule.get("method") and rule["method"].upper() != method:
                continue
            if rule.get("kind", "api") not in kinds:
                continue
            rule["times"] = rule.get("times", 1) - 1
            return dict(rule)
    return None


def fault_headers(rule):
    return {"Retry-After": str(rule["retry_after"])} if rule.get("retry_after") is not None else {}


def fault_reply(call, rule, token_shape=False):
    """The answer a fault rule gives: a delay (then None: answer normally), a
    reset, or an error in Graph's or the identity platform's shape."""
    if rule.get("delay_ms"):
        time.sleep(rule["delay_ms"] / 1000.0)
    if rule.get("reset"):
        raise ResetConnection()
    status = rule.get("status")
    if not status:
        return None
    if token_shape:
        error = rule.get("code") or TOKEN_FAULT_DEFAULTS.get(status, "server_error")
        reply = token_error_reply(status, error, 50000, rule.get("message") or "Injected failure.")
        reply.headers.update(fault_headers(rule))
        return reply
    code, message = GRAPH_FAULT_DEFAULTS.get(status, ("UnknownError", "Injected failure."))
    return graph_error_reply(call, status, rule.get("code") or code, rule.get("message") or message,
                             fault_headers(rule))


def require_token(st, call):
    scheme, _, token = (call.headers.get("Authorization") or "").partition(" ")
    headers = {"WWW-Authenticate": WWW_AUTHENTICATE}
    if scheme.lower() != "bearer" or not token.strip():
        raise GraphError(401, "InvalidAuthenticationToken", "Access token is empty.", headers)
    with st.lock:
        known = token.strip() in st.access_tokens
    if not known:
        raise GraphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.", headers)


def execute(st, call):
    """One Graph call, from the wire or from a batch: counted, exposed to
    faults, authenticated, then run. Never raises GraphError."""
    try:
        route, route_error = resolve_route(call), None
    except GraphError as e:
        route, route_error = None, e
    op = route.op if route else "other"
    st.count(op)
    kinds = {"batch-item" if call.in_batch else "api", OP_FAULT_KIND.get(op)}
    rule = take_fault(st, call.method, kinds)
    reply = run_with_fault(st, call, route, route_error, rule)
    if reply.status == 429:
        st.count("throttled")
    return reply


def run_with_fault(st, call, route, route_error, rule):
    if rule is not None and not (rule.get("then_create") and route and route.op == "create"):
        reply = fault_reply(call, rule)
        if reply is not None:
            return reply
        rule = None
    reply = run_route(st, call, route, route_error)
    if rule is not None:  # a create that fails yet creates (the documented failure mode)
        return fault_reply(call, rule) or reply
    return reply


def run_route(st, call, route, route_error):
    try:
        require_token(st, call)
        if route_error is not None:
            raise route_error
        return route.handler(st, call, route)
    except GraphError as e:
        return graph_error_reply(call, e.status, e.code, e.message, e.headers)


def serve_graph(st, call):
    """A Graph request from the wire: held to the in-flight limit, slowed by
    the configured latency, then executed."""
    with st.lock:
        st.in_flight += 1
        admitted = st.in_flight <= MAX_IN_FLIGHT
        # What the client attempted, rejected requests included: tests check
        # that a client stays within the limit.
        st.stats["max_in_flight"] = max(st.stats["max_in_flight"], st.in_flight)
        latency = st.latency_ms
    try:
        if latency:
            time.sleep(latency / 1000.0)
        if not admitted:
            st.count("throttled")
            return graph_error_reply(call, 429, "ApplicationThrottled",
                                     "Application is over its MailboxConcurrency limit.", {"Retry-After": "1"})
        return execute(st, call)
    finally:
        with st.lock:
            st.in_flight -= 1


# -- identity platform ----------------------------------------------------------------------

def form_of(call):
    return {k: v for k, v in urllib.parse.parse_qsl(call.body.decode("utf-8", "replace"), keep_blank_values=True)}


def require_param(form, name):
    if not form.get(name):
        raise TokenError(400, "invalid_request", 900144,
                         "The request body must contain the following parameter: '%s'." % name)
    return form[name]


def require_client(form, tenant):
    client = require_param(form, "client_id")
    if client != CLIENT_ID:
        raise TokenError(400, "unauthorized_client", 700016, "Application with identifier '%s' was not found in "
                         "the directory '%s'. This can happen if the application has not been installed by the "
                         "administrator of the tenant or consented to by any user in the tenant." % (client, tenant))
    return client


def check_secret(form, client, required):
    secret = form.get("client_secret")
    if not secret:
        if required:
            raise TokenError(401, "invalid_client", 7000218, "The request body must contain the following "
                             "parameter: 'client_assertion' or 'client_secret'.")
        return
    if secret != CLIENT_SECRET:
        raise TokenError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being "
                         "sent in the request is the client secret value, not the client secret ID, for a secret "
                         "added to app '%s'." % client)


def issue_tokens(st, client, scope, with_refresh):
    """A token answer; a refresh token only when one is due."""
    with st.lock:
        access = "EwB" + secrets.token_urlsafe(48)
        st.access_tokens.add(access)
        out = {"token_type": "Bearer", "scope": granted_scope(scope), "expires_in": TOKEN_LIFETIME,
               "ext_expires_in": TOKEN_LIFETIME, "access_token": access}
        if with_refresh:
            refresh = "M.C5" + secrets.token_urlsafe(64)
            st.refresh_tokens[refresh] = {"client_id": client, "scope": scope}
            out["refresh_token"] = refresh
    return out


def granted_scope(scope):
    # Design choice: the scope answered is the one asked for, less the
    # OpenID/offline scopes that only steer what tokens come back.
    return " ".join(s for s in scope.split() if s.lower() not in ("offline_access", "openid", "profile", "email"))


def grant_client_credentials(st, form, tenant):
    client = require_client(form, tenant)
    check_secret(form, client, required=True)
    scope = require_param(form, "scope").strip()
    if scope != GRAPH_DEFAULT_SCOPE:
        if not scope.endswith("/.default"):
            raise TokenError(400, "invalid_scope", 1002012, "The provided value for scope %s is not valid. Client "
                             "credential flows must have a scope value with /.default suffixed to the resource "
                             "identifier (application ID URI)." % scope)
        raise TokenError(400, "invalid_scope", 70011, "The provided request must include a 'scope' input "
                         "parameter. The provided value for the input parameter 'scope' is not valid. The scope "
                         "%s is not valid." % scope)
    out = issue_tokens(st, client, scope, with_refresh=False)
    del out["scope"]  # the client-credentials answer has no scope
    return out


def grant_refresh_token(st, form, tenant):
    """Design choice: the used refresh token stops working at once. Entra ID
    itself keeps old refresh tokens valid for a while; the stricter rule
    proves that the client stores every rotated token."""
    client = require_client(form, tenant)
    check_secret(form, client, required=False)  # a public client needs no secret
    token = require_param(form, "refresh_token")
    with st.lock:
        record = st.refresh_tokens.get(token)
        if record is None or record["client_id"] != client:
            if token in st.used_refresh_tokens:
                raise TokenError(400, "invalid_grant", 70000, "The provided grant is invalid or malformed: the "
                                 "refresh token was already used.")
            raise TokenError(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.")
        del st.refresh_tokens[token]
        st.used_refresh_tokens.add(token)
    return issue_tokens(st, client, form.get("scope") or record["scope"], with_refresh=True)


def grant_device_code(st, form, tenant):
    client = require_client(form, tenant)
    code = require_param(form, "device_code")
    with st.lock:
        record = st.device_codes.get(code)
        if record is None or record["client_id"] != client:
            raise TokenError(400, "bad_verification_code", 70000, "The provided device code is not valid.")
        status = poll_device(st, record)
    if status == "approved":
        # "refresh_token: Issued if the original scope parameter included offline_access."
        wants_refresh = "offline_access" in record["scope"].lower().split()
        return issue_tokens(st, client, record["scope"], with_refresh=wants_refresh)
    raise device_error(status)


def poll_device(st, record):
    """The state one poll finds: approved (then redeemed), or an error name."""
    now = time.monotonic()
    if record["redeemed"]:
        return "redeemed"
    if record["status"] == "declined":
        return "declined"
    if record["status"] == "expired" or now >= record["expires_at"]:
        return "expired"
    if record["last_poll"] is not None and now - record["last_poll"] < record["interval"]:
        return "slow_down"  # RFC 8628; Entra ID's docs do not list it
    record["last_poll"] = now
    if record["status"] == "pending" and st.auto_approve_after is not None \
            and record["polls"] >= st.auto_approve_after:
        record["status"] = st.auto_outcome
        if record["status"] == "declined":
            return "declined"
    if record["status"] == "approved":
        record["redeemed"] = True
        return "approved"
    record["polls"] += 1
    return "pending"


def device_error(status):
    return {
        "pending": TokenError(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization "
                              "is pending. Continue polling."),
        "slow_down": TokenError(400, "slow_down", 70016, "OAuth 2.0 device flow error. Polling faster than the "
                                "interval allows. Slow down."),
        "declined": TokenError(400, "authorization_declined", 70000, "The end user denied the authorization "
                               "request."),
        "expired": TokenError(400, "expired_token", 70019, "Verification code expired."),
        "redeemed": TokenError(400, "invalid_grant", 70000, "The provided grant is invalid or malformed: the "
                               "device code was already redeemed."),
    }[status]


USER_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def device_authorization(st, form, tenant):
    client = require_client(form, tenant)
    scope = require_param(form, "scope")
    user_code = "".join(secrets.choice(USER_CODE_LETTERS) for _ in range(9))
    device_code = "DAQABAAEAAAD" + secrets.token_urlsafe(96)
    with st.lock:
        st.device_codes[device_code] = {"user_code": user_code, "client_id": client, "scope": scope,
                                        "expires_at": time.monotonic() + DEVICE_CODE_LIFETIME,
                                        "interval": st.device_interval, "status": "pending", "polls": 0,
                                        "last_poll": None, "redeemed": False}
        interval = st.device_interval
    return {"user_code": user_code, "device_code": device_code, "verification_uri": VERIFICATION_URI,
            "expires_in": DEVICE_CODE_LIFETIME, "interval": interval,
            "message": "To sign in, use a web browser to open the page %s and enter the code %s to authenticate."
                       % (VERIFICATION_URI, user_code)}


GRANTS = {"client_credentials": grant_client_credentials, "refresh_token": grant_refresh_token,
          DEVICE_GRANT: grant_device_code}


def token_request(st, call, tenant, endpoint):
    """/{tenant}/oauth2/v2.0/token and /devicecode."""
    form = form_of(call)
    st.count("token" if endpoint == "token" else "devicecode")
    rule = take_fault(st, call.method, {endpoint})
    if rule is not None:
        reply = fault_reply(call, rule, token_shape=True)
        if reply is not None:
            return reply
    try:
        if call.method != "POST":
            raise TokenError(400, "invalid_request", 900561, "The endpoint only accepts POST requests.")
        if endpoint == "devicecode":
            return Reply(200, device_authorization(st, form, tenant))
        return Reply(200, run_grant(st, form, tenant))
    except TokenError as e:
        return token_error_reply(e.status, e.error, e.aadsts, e.description)


def run_grant(st, form, tenant):
    grant = require_param(form, "grant_type")
    with st.lock:
        st.token_requests[grant] = st.token_requests.get(grant, 0) + 1
        if form.get("scope"):
            st.scopes.append(form["scope"])
    if grant not in GRANTS:
        raise TokenError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type "
                         "'%s'." % grant)
    out = GRANTS[grant](st, form, tenant)
    with st.lock:
        st.token_grants[grant] = st.token_grants.get(grant, 0) + 1
    return out


# -- control ---------------------------------------------------------------------------------
#
# No authentication. Bodies are JSON; answers are {"ok": true} unless noted.
#   GET  /_control/events[?mailbox=m]  every live event as stored (see control_view)
#   GET  /_control/stats               request counts by op, throttled, max_in_flight
#   POST /_control/reset-stats
#   POST /_control/faults              a rule, a list of rules, or {"reset": true}; DELETE clears too
#   POST /_control/edit                {"id", "changes"}: a person editing in Outlook
#   POST /_control/delete              {"id"}: a person deleting
#   POST /_control/insert              {"mailbox", "calendar", "event"}: a foreign event -> {"id"}
#   POST /_control/expire-tokens       every access token stops working; refresh tokens stay
#   POST /_control/expire-delta        every delta and skip token answers 410
#   POST /_control/latency             {"ms"}: sleep before every Graph and token answer
#   POST /_control/page-size           {"size"}: at most this many items per page (null: no cap)
#   POST /_control/device-interval     {"seconds"}: interval of device codes issued from now on
#   POST /_control/auto-approve        {"after_polls": k[, "decline": true]}: approve (or decline)
#                                      pending codes after k pending answers (null: off)
#   POST /_control/approve-device      {"user_code"}  (no user_code: every pending code)
#   POST /_control/decline-device      {"user_code"}
#   POST /_control/expire-device       {"user_code"}: the code answers expired_token
#   GET  /_control/tokens              token requests and grants by grant_type, scopes asked for
#
# A fault rule: {"kind", "status", "code", "message", "retry_after", "times",
# "delay_ms", "reset", "then_create", "method"}. kind is one of FAULT_KINDS:
# "api" (the default) hits Graph requests off the wire, $batch included;
# "batch" the $batch request as a whole; "batch-item" each item inside one;
# "token" and "devicecode" the identity endpoints; create, update, delete,
# list, get, delta and attachment hit that operation alone or in a batch.
# times (default 1) counts the requests hit; delay_ms answers late (then
# normally, unless status is set); reset drops the connection (a whole batch
# if it hits an item); then_create (create only) creates the event, then
# answers the error; retry_after is the Retry-After header value.

def control_view(event):
    """An event as stored, for tests: the fields as given, every extended
    property, attachments with their bytes, and the computed UTC instants."""
    out = {"mailbox": event.mailbox, "calendar": event.calendar, "id": event.id}
    out.update(copy_json(event.fields))
    out.update({"changeKey": event.change_key, "createdDateTime": timestamp_text(event.created),
                "lastModifiedDateTime": timestamp_text(event.modified), "iCalUId": event.ical_uid,
                "hasAttachments": bool(event.attachments),
                "singleValueExtendedProperties": [dict(p) for p in event.props.values()],
                "attachments": [render_attachment(a) for a in event.attachments.values()],
                "utcStart": utc_z_text(event.start), "utcEnd": utc_z_text(event.end)})
    return out


def control_body(call):
    body = json_body(call)
    return body if body is not None else {}


def find_device(st, user_code):
    wanted = re.sub(r"[\s-]", "", user_code or "").upper()
    for record in st.device_codes.values():
        if record["user_code"] == wanted:
            return record
    return None


def control_events(st, call):
    wanted = call.query.get("mailbox")
    with st.lock:
        return [control_view(e) for m in st.mailboxes.values() if wanted is None or m.key == wanted.lower()
                for e in m.events.values()]


def control_faults(st, call):
    body = control_body(call)
    with st.lock:
        if call.method == "DELETE" or (isinstance(body, dict) and body.get("reset")):
            st.faults.clear()
            return {"ok": True}
        rules = body if isinstance(body, list) else [body]
        for rule in rules:
            if not isinstance(rule, dict) or rule.get("kind", "api") not in FAULT_KINDS:
                raise ValueError("unknown fault rule %r; kinds: %s" % (rule, sorted(FAULT_KINDS)))
        st.faults.extend(dict(rule) for rule in rules)
    return {"ok": True}


def control_edit(st, call):
    """A person editing the event in Outlook: merged, new changeKey, seen by delta."""
    body = control_body(call)
    changes, props = parse_event_body(body.get("changes"))
    with st.lock:
        mailbox, event = st.find_event(body.get("id"))
        if event is None:
            raise KeyError("no event %s" % body.get("id"))
        apply_changes(st, mailbox, event, changes, props)
    return {"ok": True}


def control_delete(st, call):
    body = control_body(call)
    with st.lock:
        mailbox, event = st.find_event(body.get("id"))
        if event is None:
            raise KeyError("no event %s" % body.get("id"))
        mailbox.remove(event)
    return {"ok": True}


def control_insert(st, call):
    """An event cadenced did not create, put there by someone else."""
    body = control_body(call)
    fields, props = parse_event_body(body.get("event"))
    with st.lock:
        event = create_event(st, body["mailbox"].lower(), body.get("calendar") or "default", fields, props)
    return {"id": event.id}


def control_stats(st, call):
    with st.lock:
        return dict(st.stats)


def control_reset_stats(st, call):
    with st.lock:
        st.stats = dict.fromkeys(STAT_KEYS, 0)
    return {"ok": True}


def control_expire_tokens(st, call):
    with st.lock:
        st.access_tokens.clear()  # refresh tokens stay valid
    return {"ok": True}


def control_expire_delta(st, call):
    with st.lock:
        for record in list(st.delta_links.values()) + list(st.skip_tokens.values()):
            record["expired"] = True
    return {"ok": True}


def control_latency(st, call):
    with st.lock:
        st.latency_ms = int(control_body(call).get("ms", 0))
    return {"ok": True}


def control_page_size(st, call):
    with st.lock:
        st.page_cap = control_body(call).get("size") or None
    return {"ok": True}


def control_device_interval(st, call):
    with st.lock:
        st.device_interval = int(control_body(call).get("seconds", 1))
    return {"ok": True}


def control_auto_approve(st, call):
    body = control_body(call)
    with st.lock:
        st.auto_approve_after = body.get("after_polls")
        st.auto_outcome = "declined" if body.get("decline") else "approved"
    return {"ok": True}


def set_device_status(st, call, status):
    body = control_body(call)
    with st.lock:
        records = [find_device(st, body.get("user_code"))] if body.get("user_code") else \
            [r for r in st.device_codes.values() if r["status"] == "pending"]
        if not records or records[0] is None:
            raise KeyError("no device code %s" % body.get("user_code"))
        for record in records:
            record["status"] = status
    return {"ok": True}


def control_tokens(st, call):
    with st.lock:
        return {"requests": dict(st.token_requests), "grants": dict(st.token_grants), "scopes": list(st.scopes),
                "devicecode": st.stats.get("devicecode", 0), "live_access_tokens": len(st.access_tokens)}


CONTROLS = {
    ("GET", "events"): control_events, ("GET", "stats"): control_stats, ("GET", "tokens"): control_tokens,
    ("POST", "faults"): control_faults, ("DELETE", "faults"): control_faults,
    ("POST", "reset-stats"): control_reset_stats, ("POST", "edit"): control_edit,
    ("POST", "delete"): control_delete, ("POST", "insert"): control_insert,
    ("POST", "expire-tokens"): control_expire_tokens, ("POST", "expire-delta"): control_expire_delta,
    ("POST", "latency"): control_latency, ("POST", "page-size"): control_page_size,
    ("POST", "device-interval"): control_device_interval, ("POST", "auto-approve"): control_auto_approve,
    ("POST", "approve-device"): lambda st, call: set_device_status(st, call, "approved"),
    ("POST", "decline-device"): lambda st, call: set_device_status(st, call, "declined"),
    ("POST", "expire-device"): lambda st, call: set_device_status(st, call, "expired"),
}


def control_request(st, call, what):
    handler = CONTROLS.get((call.method, what))
    if handler is None:
        return Reply(404, {"error": "unknown control %s %s" % (call.method, what)})
    try:
        return Reply(200, handler(st, call))
    except GraphError as e:
        return Reply(400, {"error": e.message, "code": e.code})
    except (KeyError, ValueError, TypeError, AttributeError) as e:
        return Reply(400, {"error": "bad control request: %s" % e})


# -- HTTP ---------------------------------------------------------------------------------------

TOKEN_PATH_RE = re.compile(r"^/([^/]+)/oauth2/v2\.0/(token|devicecode)$")


def route_request(st, call):
    if call.path.startswith("/_control/"):
        return control_request(st, call, call.path[len("/_control/"):])
    match = TOKEN_PATH_RE.match(call.path)
    if match:
        if st.latency_ms:
            time.sleep(st.latency_ms / 1000.0)
        return token_request(st, call, urllib.parse.unquote(match.group(1)), match.group(2))
    if call.path.startswith("/v1.0/") or call.path == "/v1.0":
        return serve_graph(st, call)
    return Reply(404, {"error": "not an emulated path: %s" % call.path})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "GraphEmulator/1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's
        # algorithm and delayed ACKs add 40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def serve(self):
        # Read the body whatever the answer: a body left unread would be
        # taken for the next request on the connection.
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        base = "http://" + (self.headers.get("Host") or "%s:%d" % self.server.server_address[:2])
        call = Call(self.command, self.path, HeaderMap(self.headers.items()), body, base)
        try:
            reply = route_request(self.server.state, call)
        except ResetConnection:
            return self.reset()
        except Exception:  # an emulator bug: answer, and leave the trace in the test's log
            traceback.print_exc()
            reply = Reply(500, {"error": "emulator failure: %s" % traceback.format_exc(limit=1)})
        reply.headers.setdefault("request-id", call.request_id)
        reply.headers.setdefault("client-request-id", call.client_request_id)
        try:
            self.write(reply)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up first (a timeout shorter than an injected delay).
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = serve

    def write(self, reply):
        body = b"" if reply.payload is None else json.dumps(reply.payload, ensure_ascii=False).encode()
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.payload is not None:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reset(self):
        """Drops the connection without an answer (RST, not FIN)."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        except OSError:
            pass
        self.connection.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency-ms", type=int, default=0)
    args = parser.parse_args()
    try:
        zones = TimeZones(WINDOWS_ZONES_XML)
    except OSError as e:
        sys.exit("microsoft_graph.py needs CLDR's windowsZones.xml (Debian package unicode-cldr-core): %s" % e)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = State(args.latency_ms, zones)
    # On both streams: the tests read stderr, shell scripts stdout.
    print("PORT %d" % server.server_address[1], flush=True)
    print("PORT %d" % server.server_address[1], file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
