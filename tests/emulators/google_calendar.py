#!/usr/bin/python3
"""A local emulator of the Google Calendar API v3 and Google's OAuth token
endpoint, for cadenced's sync tests and benchmark.

It follows the published API (see ../../../shared/reference/PROVIDER-API-NOTES.md):
client-chosen ids in base32hex, 409 "duplicate" for any id already used
(cancelled events included), soft deletes (status "cancelled", 410 on a
second delete), privateExtendedProperty filters, paging, If-Match/412,
extended-property limits, Google's error bodies and reasons.

Tests steer it through /_control/... endpoints: fault injection (429 with
Retry-After, 403 rateLimitExceeded and quotaExceeded, 5xx, resets, slow
answers), edits and deletions "by a person", foreign events, request counts.

Usage: google_calendar.py [--latency-ms N]; prints "PORT <n>" when ready.
"""

import argparse
import base64
import json
import re
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timezone, date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

ID_RE = re.compile(r"^[a-v0-9]{5,1024}$")
API = "/calendar/v3"

CLIENT_ID = "test-client-id"
CLIENT_SECRET = "test-client-secret"
REFRESH_TOKEN = "test-refresh-token"


def now_text():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def google_error(code, reason, message, domain="global", location=None):
    err = {"domain": domain, "reason": reason, "message": message}
    if location:
        err["locationType"] = "parameter"
        err["location"] = location
    return code, {"error": {"errors": [err], "code": code, "message": message}}


class State:
    def __init__(self, latency_ms):
        self.lock = threading.Lock()
        self.calendars = {}  # calendar id -> {event id -> event}
        self.etag_counter = 0
        self.tokens = set()
        self.token_counter = 0
        self.faults = []
        self.latency_ms = latency_ms
        self.stats = {"token": 0, "batch": 0, "list": 0, "list_incremental": 0, "insert": 0, "get": 0, "update": 0, "patch": 0, "delete": 0,
                      "other": 0}
        self.sync_tokens = {}
        self.jwt_claims = []  # claims of accepted JWT grants, for tests
        # Google may return fewer items than maxResults even when more
        # remain; tests lower this to make listings span pages.
        self.page_cap = 2500

    def next_etag(self):
        # The counter doubles as the calendar's change sequence: a sync
        # token remembers where it stood, an incremental listing returns
        # the events whose etag came after.
        self.etag_counter += 1
        return '"%d"' % self.etag_counter

    def calendar(self, cal_id):
        return self.calendars.setdefault(cal_id, {})


def event_end_utc(event):
    end = event.get("end") or {}
    if "date" in end:
        d = date.fromisoformat(end["date"])
        return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
    if "dateTime" in end:
        text = end["dateTime"]
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        dt = datetime.fromisoformat(text)
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=ZoneInfo(end.get("timeZone", "UTC")))
        return dt.astimezone(timezone.utc)
    return None


def apply_property_limits(event):
    """Keys over 44 characters are dropped, values over 1024 truncated."""
    props = event.get("extendedProperties")
    if not isinstance(props, dict):
        return
    for kind in ("private", "shared"):
        values = props.get(kind)
        if not isinstance(values, dict):
            continue
        props[kind] = {k: (v[:1024] if isinstance(v, str) else v) for k, v in values.items() if len(k) <= 44}


class PartHeaders(dict):
    """The headers of one part of a batch, looked up like a request's."""

    def get(self, name, default=None):
        for key, value in self.items():
            if key.lower() == name.lower():
                return value
        return default


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "GoogleEmulator/1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's
        # algorithm and delayed ACKs add 40 ms to every answer.
        import socket
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # -- plumbing ---------------------------------------------------------
    def read_body(self):
        """Reads the request body off the connection, whatever the answer
        will be: a body left unread would be taken for the next request."""
        length = int(self.headers.get("Content-Length") or 0)
        self.raw_body = self.rfile.read(length) if length else b""

    def body_json(self):
        return json.loads(self.raw_body) if self.raw_body else None

    def body_text(self):
        return self.raw_body.decode()

    capture = None  # a list while answering the parts of a batch

    def send(self, code, payload=None, headers=None):
        if self.capture is not None:
            self.capture.append((code, payload, headers or {}))
            return
        body = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if payload is not None:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def state(self):
        return self.server.state

    def injected_fault(self, kind):
        """The first matching fault rule, consumed; None if none applies."""
        st = self.state()
        with st.lock:
            for rule in st.faults:
                if rule.get("times", 1) <= 0:
                    continue
                if rule.get("method") and rule["method"] != self.command:
                    continue
                if rule.get("kind") and rule["kind"] != kind:
                    continue
                rule["times"] = rule.get("times", 1) - 1
                return dict(rule)
        return None

    def handle_fault(self, rule):
        if rule.get("delay_ms"):
            time.sleep(rule["delay_ms"] / 1000.0)
        if rule.get("reset"):
            if self.capture is not None:
                # Inside a batch: the whole batch request goes unanswered.
                raise ConnectionAbortedError("injected reset")
            # Drop the connection without an answer.
            self.close_connection = True
            try:
                import socket
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except OSError:
                pass
            self.connection.close()
            return True
        if rule.get("status"):
            code, payload = google_error(rule["status"], rule.get("reason", "backendError"),
                                         rule.get("message", "Injected failure"), rule.get("domain", "global"))
            headers = {}
            if rule.get("retry_after") is not None:
                headers["Retry-After"] = str(rule["retry_after"])
            self.send(code, payload, headers)
            return True
        return False  # a delay only

    def authorized(self):
        auth = self.headers.get("Authorization", "")
        token = auth[len("Bearer "):] if auth.startswith("Bearer ") else None
        with self.state().lock:
            ok = token in self.state().tokens
        if not ok:
            self.send(*google_error(401, "authError", "Invalid Credentials", location="Authorization"))
        return ok

    # -- routing ----------------------------------------------------------
    def do_GET(self):
        self.route()

    def do_POST(self):
        self.route()

    def do_PUT(self):
        self.route()

    def do_PATCH(self):
        self.route()

    def do_DELETE(self):
        self.route()

    def route(self):
        self.read_body()
        st = self.state()
        if st.latency_ms:
            time.sleep(st.latency_ms / 1000.0)
        path = urllib.parse.urlsplit(self.path).path
        if path.startswith("/_control/"):
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
            return self.control(path[len("/_control/"):], query)
        if path == "/token" and self.command == "POST":
            return self.token()
        if path == "/batch/calendar/v3" and self.command == "POST":
            return self.batch()
        self.dispatch_api()

    def dispatch_api(self):
        st = self.state()
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        try:
            m = re.match(r"^" + API + r"/calendars/([^/]+)/events(?:/([^/]+))?$", path)
            if not m:
                with st.lock:
                    st.stats["other"] += 1
                return self.send(*google_error(404, "notFound", "Not Found"))
            cal_id = urllib.parse.unquote(m.group(1))
            event_id = urllib.parse.unquote(m.group(2)) if m.group(2) else None
            kind = {("GET", False): "list", ("POST", False): "insert", ("GET", True): "get",
                    ("PUT", True): "update", ("PATCH", True): "patch", ("DELETE", True): "delete"}.get(
                        (self.command, event_id is not None), "other")
            with st.lock:
                st.stats[kind] += 1
            fault = self.injected_fault(kind)
            if fault and self.handle_fault(fault):
                return
            if not self.authorized():
                return
            getattr(self, "api_" + kind, self.api_other)(cal_id, event_id, query)
        except (ValueError, KeyError, TypeError) as e:
            self.send(*google_error(400, "invalid", "Bad request: %s" % e))

    # -- batch (multipart/mixed, one HTTP request per part) ----------------
    def batch(self):
        st = self.state()
        with st.lock:
            st.stats["batch"] = st.stats.get("batch", 0) + 1
        fault = self.injected_fault("batch")
        if fault and self.handle_fault(fault):
            return
        match = re.search(r'boundary="?([^";]+)"?', self.headers.get("Content-Type", ""))
        if not match or not self.headers.get("Content-Type", "").startswith("multipart/mixed"):
            return self.send(*google_error(400, "badRequest", "Batch requests need multipart/mixed"))
        boundary = match.group(1)
        parts = []
        for chunk in self.raw_body.decode().split("--" + boundary)[1:]:
            if chunk.startswith("--"):
                break
            outer, _, inner = chunk.lstrip("\r\n").partition("\r\n\r\n")
            content_id = ""
            for line in outer.split("\r\n"):
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-id":
                    content_id = value.strip().strip("<>")
            head, _, body = inner.partition("\r\n\r\n")
            lines = head.split("\r\n")
            method, target, _version = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip()] = value.strip()
            parts.append((content_id, method, target, headers, body.rstrip("\r\n").encode()))
        if len(parts) > 1000:
            return self.send(*google_error(400, "limitExceeded", "Too many requests in batch"))
        if not parts:
            return self.send(*google_error(400, "badRequest", "Empty batch"))
        saved = (self.command, self.path, self.headers, self.raw_body)
        outer_auth = self.headers.get("Authorization")
        out = []
        for content_id, method, target, headers, body in parts:
            if "Authorization" not in headers and outer_auth:
                headers["Authorization"] = outer_auth
            self.command, self.path, self.headers, self.raw_body = method, target, PartHeaders(headers), body
            self.capture = []
            self.dispatch_api()
            code, payload, extra = self.capture[0] if self.capture else (500, None, {})
            self.capture = None
            lines = ["HTTP/1.1 %d %s" % (code, self.responses.get(code, ("",))[0])]
            for k, v in extra.items():
                lines.append("%s: %s" % (k, v))
            text = json.dumps(payload) if payload is not None else ""
            if payload is not None:
                lines.append("Content-Type: application/json; charset=UTF-8")
            lines.append("Content-Length: %d" % len(text.encode()))
            out.append("--batch_emulated\r\nContent-Type: application/http\r\nContent-ID: <response-%s>\r\n\r\n%s\r\n\r\n%s\r\n"
                       % (content_id, "\r\n".join(lines), text))
        self.command, self.path, self.headers, self.raw_body = saved
        body = ("".join(out) + "--batch_emulated--\r\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "multipart/mixed; boundary=batch_emulated")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    # -- OAuth ------------------------------------------------------------
    def token(self):
        st = self.state()
        with st.lock:
            st.stats["token"] += 1
        fault = self.injected_fault("token")
        if fault and self.handle_fault(fault):
            return
        form = urllib.parse.parse_qs(self.body_text())
        grant = form.get("grant_type", [""])[0]
        if grant == "refresh_token":
            if (form.get("client_id", [""])[0] != CLIENT_ID or form.get("client_secret", [""])[0] != CLIENT_SECRET
                    or form.get("refresh_token", [""])[0] != REFRESH_TOKEN):
                return self.send(400, {"error": "invalid_grant", "error_description": "Bad Request"})
        elif grant == "urn:ietf:params:oauth:grant-type:jwt-bearer":
            parts = form.get("assertion", [""])[0].split(".")
            if len(parts) != 3:
                return self.send(400, {"error": "invalid_grant", "error_description": "Invalid JWT"})
            pad = lambda s: s + "=" * (-len(s) % 4)
            header = json.loads(base64.urlsafe_b64decode(pad(parts[0])))
            claims = json.loads(base64.urlsafe_b64decode(pad(parts[1])))
            expected_aud = "http://%s:%d/token" % self.server.server_address[:2]
            if (header.get("alg") != "RS256" or not claims.get("iss") or claims.get("aud") != expected_aud
                    or "calendar" not in claims.get("scope", "") or not 0 < claims["exp"] - claims["iat"] <= 3600
                    or not parts[2]):
                return self.send(400, {"error": "invalid_grant", "error_description": "Invalid JWT claims"})
            with st.lock:
                st.jwt_claims.append({"claims": claims, "signing_input": parts[0] + "." + parts[1],
                                      "signature": parts[2]})
        else:
            return self.send(400, {"error": "unsupported_grant_type"})
        with st.lock:
            st.token_counter += 1
            token = "ya29.emulated-%d" % st.token_counter
            st.tokens.add(token)
        self.send(200, {"access_token": token, "expires_in": 3599, "token_type": "Bearer",
                        "scope": "https://www.googleapis.com/auth/calendar"})

    # -- events -----------------------------------------------------------
    def api_other(self, cal_id, event_id, query):
        self.send(*google_error(405, "methodNotAllowed", "Method not allowed"))

    def api_insert(self, cal_id, event_id, query):
        event = self.body_json()
        if not isinstance(event, dict):
            return self.send(*google_error(400, "badRequest", "Bad Request"))
        if "start" not in event or "end" not in event:
            return self.send(*google_error(400, "required", "Missing end time.", "global"))
        st = self.state()
        with st.lock:
            cal = st.calendar(cal_id)
            if "id" in event:
                if not ID_RE.match(event["id"]):
                    return self.send(*google_error(400, "invalid", "Invalid resource id value."))
                if event["id"] in cal:
                    return self.send(*google_error(409, "duplicate", "The requested identifier already exists."))
            else:
                event["id"] = "e%010d" % (len(cal) + 1)
            apply_property_limits(event)
            event.setdefault("status", "confirmed")
            event["etag"] = st.next_etag()
            event["created"] = event["updated"] = now_text()
            event["kind"] = "calendar#event"
            cal[event["id"]] = event
            out = json.loads(json.dumps(event))
        self.send(200, out)

    def api_get(self, cal_id, event_id, query):
        st = self.state()
        with st.lock:
            event = st.calendar(cal_id).get(event_id)
            out = json.loads(json.dumps(event)) if event else None
        if out is None:
            return self.send(*google_error(404, "notFound", "Not Found"))
        self.send(200, out)

    def check_if_match(self, event):
        wanted = self.headers.get("If-Match")
        if wanted and wanted != event["etag"]:
            self.send(*google_error(412, "conditionNotMet", "Precondition Failed", location="If-Match"))
            return False
        return True

    def api_update(self, cal_id, event_id, query):
        body = self.body_json()
        if not isinstance(body, dict) or "start" not in body or "end" not in body:
            return self.send(*google_error(400, "required", "Missing end time."))
        st = self.state()
        with st.lock:
            cal = st.calendar(cal_id)
            event = cal.get(event_id)
            if event is None:
                return self.send(*google_error(404, "notFound", "Not Found"))
            if not self.check_if_match(event):
                return
            body["id"] = event_id
            apply_property_limits(body)
            body.setdefault("status", "confirmed")  # PUT revives a cancelled event
            body["etag"] = st.next_etag()
            body["created"] = event["created"]
            body["updated"] = now_text()
            body["kind"] = "calendar#event"
            cal[event_id] = body
            out = json.loads(json.dumps(body))
        self.send(200, out)

    def api_patch(self, cal_id, event_id, query):
        body = self.body_json() or {}
        st = self.state()
        with st.lock:
            cal = st.calendar(cal_id)
            event = cal.get(event_id)
            if event is None:
                return self.send(*google_error(404, "notFound", "Not Found"))
            if not self.check_if_match(event):
                return
            for key, value in body.items():
                if key == "extendedProperties" and isinstance(value, dict):
                    props = event.setdefault("extendedProperties", {})
                    for kind, values in value.items():
                        target = props.setdefault(kind, {})
                        for k, v in values.items():
                            if v is None:
                                target.pop(k, None)
                            else:
                                target[k] = v
                else:
                    event[key] = value
            apply_property_limits(event)
            event["etag"] = st.next_etag()
            event["updated"] = now_text()
            out = json.loads(json.dumps(event))
        self.send(200, out)

    def api_delete(self, cal_id, event_id, query):
        st = self.state()
        with st.lock:
            event = st.calendar(cal_id).get(event_id)
            if event is None:
                return self.send(*google_error(404, "notFound", "Not Found"))
            if event.get("status") == "cancelled":
                return self.send(*google_error(410, "deleted", "Resource has been deleted"))
            if not self.check_if_match(event):
                return
            event["status"] = "cancelled"
            event["etag"] = st.next_etag()
            event["updated"] = now_text()
        self.send(204)

    def api_list(self, cal_id, event_id, query):
        first = lambda name, default=None: query.get(name, [default])[0]
        sync_token = first("syncToken")
        if sync_token is not None:
            for forbidden in ("iCalUID", "orderBy", "privateExtendedProperty", "q", "sharedExtendedProperty",
                              "timeMin", "timeMax", "updatedMin"):
                if forbidden in query:
                    return self.send(*google_error(400, "invalid", "Sync token cannot be used with %s" % forbidden,
                                                   location=forbidden))
        max_results = min(int(first("maxResults", "250")), 2500, self.state().page_cap)
        if max_results < 1:
            return self.send(*google_error(400, "invalid", "Invalid value for maxResults", location="maxResults"))
        show_deleted = first("showDeleted", "false") == "true" or sync_token is not None
        time_min = first("timeMin")
        time_min_dt = datetime.fromisoformat(time_min.replace("Z", "+00:00")) if time_min else None
        filters = [v.split("=", 1) for v in query.get("privateExtendedProperty", [])]
        st = self.state()
        with st.lock:
            if sync_token is not None and sync_token not in st.sync_tokens:
                return self.send(*google_error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required.",
                                               domain="calendar", location="syncToken"))
            since = st.sync_tokens[sync_token] if sync_token is not None else None
            if since is not None:
                st.stats["list_incremental"] += 1
            items = []
            for event in sorted(st.calendar(cal_id).values(), key=lambda e: e["id"]):
                if since is not None and int(event["etag"].strip('"')) <= since:
                    continue
                if since is not None and event.get("status") == "cancelled":
                    # Deleted events are only guaranteed to carry their id.
                    items.append({"kind": "calendar#event", "id": event["id"], "status": "cancelled",
                                  "etag": event["etag"]})
                    continue
                if event.get("status") == "cancelled" and not show_deleted:
                    continue
                private = (event.get("extendedProperties") or {}).get("private") or {}
                if any(private.get(k) != v for k, v in filters):
                    continue
                if time_min_dt is not None:
                    end = event_end_utc(event)
                    if end is not None and end <= time_min_dt:
                        continue
                items.append(json.loads(json.dumps(event)))
            start = int(first("pageToken", "0") or 0)
            page = items[start:start + max_results]
            out = {"kind": "calendar#events", "items": page}
            if start + max_results < len(items):
                out["nextPageToken"] = str(start + max_results)
            else:
                token = "sync-%d" % (len(st.sync_tokens) + 1)
                st.sync_tokens[token] = st.etag_counter
                out["nextSyncToken"] = token
        self.send(200, out)

    # -- control ----------------------------------------------------------
    def control(self, what, query):
        st = self.state()
        cal_id = query.get("calendar", ["primary"])[0]
        if what == "faults" and self.command == "POST":
            rules = self.body_json() or []
            with st.lock:
                st.faults.extend(rules)
            return self.send(200, {"ok": True})
        if what == "faults" and self.command == "DELETE":
            with st.lock:
                st.faults.clear()
            return self.send(200, {"ok": True})
        if what == "events":
            with st.lock:
                out = json.loads(json.dumps(list(st.calendar(cal_id).values())))
            return self.send(200, out)
        if what == "edit":  # a person changes an event in their calendar
            body = self.body_json()
            with st.lock:
                event = st.calendar(cal_id)[body["id"]]
                event.update(body["fields"])
                event["etag"] = st.next_etag()
                event["updated"] = now_text()
            return self.send(200, {"ok": True})
        if what == "delete":  # a person deletes an event
            body = self.body_json()
            with st.lock:
                event = st.calendar(cal_id)[body["id"]]
                event["status"] = "cancelled"
                event["etag"] = st.next_etag()
            return self.send(200, {"ok": True})
        if what == "insert":  # an event cadenced did not create
            event = self.body_json()
            with st.lock:
                event.setdefault("status", "confirmed")
                event["etag"] = st.next_etag()
                event["created"] = event["updated"] = now_text()
                st.calendar(cal_id)[event["id"]] = event
            return self.send(200, {"ok": True})
        if what == "stats":
            with st.lock:
                out = dict(st.stats)
            return self.send(200, out)
        if what == "reset-stats":
            with st.lock:
                for k in st.stats:
                    st.stats[k] = 0
            return self.send(200, {"ok": True})
        if what == "expire-sync-tokens":
            with st.lock:
                st.sync_tokens.clear()
            return self.send(200, {"ok": True})
        if what == "expire-tokens":
            with st.lock:
                st.tokens.clear()
            return self.send(200, {"ok": True})
        if what == "jwt":
            with st.lock:
                out = list(st.jwt_claims)
            return self.send(200, out)
        if what == "page-cap" and self.command == "POST":
            with st.lock:
                st.page_cap = (self.body_json() or {}).get("items", 2500)
            return self.send(200, {"ok": True})
        if what == "latency" and self.command == "POST":
            with st.lock:
                st.latency_ms = (self.body_json() or {}).get("ms", 0)
            return self.send(200, {"ok": True})
        self.send(404, {"error": "unknown control " + what})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency-ms", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = State(args.latency_ms)
    # On both streams: the tests read stderr, shell scripts stdout.
    print("PORT %d" % server.server_address[1], flush=True)
    print("PORT %d" % server.server_address[1], file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
