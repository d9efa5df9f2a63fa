#include "providers/google_calendar.h"

#include "providers/authorized_send.h"
#include "providers/google_batch.h"
#include "providers/iso_text.h"

#include <algorithm>
#include <map>
#include <set>

namespace cadenced::providers {

using namespace std::chrono;
using nlohmann::json;

namespace {

bool is_rate_limit(const std::string& reason) {
    return reason == "rateLimitExceeded" || reason == "userRateLimitExceeded";
}

// Spent quotas do not come back within a sync: "Calendar usage limits
// exceeded" and the daily limits.
bool is_quota_spent(const std::string& reason) {
    return reason == "quotaExceeded" || reason == "dailyLimitExceeded" || reason == "usageLimitsExceeded";
}

// Where the path of a URL starts ("https://host/calendar/v3" -> the
// "/calendar/v3"), or npos.
std::size_t path_start(const std::string& url) {
    const auto scheme_end = url.find("://");
    return url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
}

std::string rfc3339(sys_seconds t) { return iso_utc_date_time(t) + "Z"; }

}  // namespace

std::pair<std::string, std::string> google_error_reason(const http_response& r) {
    try {
        const json body = json::parse(r.body);
        const json& error = body.at("error");
        std::string message = error.value("message", "");
        std::string reason;
        if (error.contains("errors") && error["errors"].is_array() && !error["errors"].empty())
            reason = error["errors"][0].value("reason", "");
        return {reason, message};
    } catch (const json::exception&) {
        return {};
    }
}

google_calendar::google_calendar(google_calendar_settings settings, access_token_source& tokens, http_client& http,
                                 sleeper wait)
    : settings_{std::move(settings)}, tokens_{tokens}, http_{http}, wait_{std::move(wait)}, random_{std::random_device{}()} {
    while (!settings_.api_base.empty() && settings_.api_base.back() == '/') settings_.api_base.pop_back();
    if (settings_.batch_url.empty())
        settings_.batch_url = settings_.api_base.substr(0, path_start(settings_.api_base)) + "/batch/calendar/v3";
}

// "/calendar/v3": the API base's path, which batch parts address.
std::string google_calendar::api_path_prefix() const {
    const auto path = path_start(settings_.api_base);
    return path == std::string::npos ? std::string{} : settings_.api_base.substr(path);
}

std::string google_calendar::events_url() const {
    return settings_.api_base + "/calendars/" + http_client::escape(settings_.calendar_id) + "/events";
}

http_response google_calendar::send(http_request request) {
    return send_authorized(http_, tokens_, std::move(request), settings_.retries, wait_, random_,
                           [](const http_response& response) {
                               const auto [reason, message] = google_error_reason(response);
                               const std::string problem = "HTTP " + std::to_string(response.status) +
                                                           (reason.empty() ? "" : " " + reason) +
                                                           (message.empty() ? "" : ": " + message);
                               if (response.status == 403 && is_quota_spent(reason))
                                   return refusal{refusal::next::defer_target, reason, problem};
                               const bool retryable = response.status == 429 ||
                                                      (response.status == 403 && is_rate_limit(reason)) ||
                                                      response.status == 500 || response.status == 502 ||
                                                      response.status == 503 || response.status == 504;
                               return refusal{retryable ? refusal::next::retry : refusal::next::fail, reason, problem};
                           });
}

void google_calendar::remember_listings(sync_state& state, std::string target) {
    memory_.attach(state, std::move(target));
}

std::pair<std::vector<json>, std::string> google_calendar::fetch_pages(const std::string& query, bool need_sync_token) {
    std::vector<json> items;
    std::string page_token, sync_token;
    std::set<std::string> seen_tokens;
    do {
        http_request request;
        request.url = events_url() + "?" + query;
        if (!page_token.empty()) request.url += "&pageToken=" + http_client::escape(page_token);
        request.headers = {{"Accept", "application/json"}};
        const http_response response = send(request);
        json page;
        try {
            page = json::parse(response.body);
        } catch (const json::exception&) {
            throw api_error{"the event listing is not JSON", response.status, "invalidResponse", true};
        }
        if (!page.is_object() || !page.contains("items") || !page["items"].is_array())
            throw api_error{"the event listing has no \"items\" array", response.status, "invalidResponse", true};
        for (auto& item : page["items"]) items.push_back(std::move(item));
        page_token = page.value("nextPageToken", "");
        sync_token = page.value("nextSyncToken", "");
        // A server repeating a page token would never end the listing.
        if (!page_token.empty() && !seen_tokens.insert(page_token).second)
            throw api_error{"the event listing repeats a page token", response.status, "invalidResponse", true};
    } while (!page_token.empty());
    // Google puts the sync token on the last page only: without it the
    // listing may be cut short.
    if (need_sync_token && sync_token.empty())
        throw api_error{"the event listing ended without a sync token", 0, "invalidResponse", true};
    return {std::move(items), std::move(sync_token)};
}

std::vector<remote_event> google_calendar::list_filtered() {
    auto [items, unused] = fetch_pages("privateExtendedProperty=" + http_client::escape(google_tag_filter) +
                                           "&showDeleted=true&maxResults=2500&timeMin=" +
                                           http_client::escape(rfc3339(settings_.horizon_start)),
                                       false);
    std::vector<remote_event> out;
    for (const auto& item : items)
        if (auto r = google_remote_event(item)) out.push_back(std::move(*r));
    return out;
}

std::vector<remote_event> google_calendar::list_incrementally() {
    // syncToken goes with neither the tag filter nor timeMin, so the
    // listing covers the whole calendar; only cadenced's events are kept.
    const std::string source = settings_.api_base + " " + settings_.calendar_id;
    const sync_state::listing* remembered = memory_.open(source);
    if (remembered) {
        try {
            auto [changes, token] = fetch_pages("syncToken=" + http_client::escape(remembered->token) + "&maxResults=2500", true);
            std::map<std::string, std::optional<std::string>> delta;
            for (const auto& item : changes) {
                const std::string id = item.value("id", "");
                const std::string* known = memory_.find(id);
                if (google_remote_event(item)) {
                    delta[id] = item.dump();
                } else if (item.value("status", "") == "cancelled" && known) {
                    // A deletion carries only the id: ours, still tagged.
                    json was = json::parse(*known);
                    was["status"] = "cancelled";
                    was["etag"] = item.value("etag", "");
                    delta[id] = was.dump();
                } else if (known) {
                    delta[id] = std::nullopt;  // no longer tagged as ours
                }
            }
            memory_.apply(delta, token);
        } catch (const api_error& e) {
            if (e.status() != 410) throw;
            // The token expired (410 fullSyncRequired): list in full.
            memory_.forget();
            remembered = nullptr;
        }
    }
    if (!remembered) {
        auto [items, token] = fetch_pages("showDeleted=true&maxResults=2500", true);
        sync_state::listing full;
        full.token = token;
        for (const auto& item : items)
            if (google_remote_event(item)) full.events[item.value("id", "")] = item.dump();
        memory_.replace(std::move(full));
    }
    // Events that ended before the horizon are history: never planned.
    const std::string horizon = rfc3339(settings_.horizon_start).substr(0, 10);
    std::vector<remote_event> out;
    for (const auto& [id, text] : memory_.current()->events) {
        const json item = json::parse(text);
        const json& end = item.contains("end") && item["end"].is_object() ? item["end"] : json::object();
        const std::string end_day = end.value("date", end.value("dateTime", "")).substr(0, 10);
        if (!end_day.empty() && end_day < horizon) continue;
        if (auto r = google_remote_event(item)) out.push_back(std::move(*r));
    }
    return out;
}

void google_calendar::note_written(const std::string& id, const std::optional<json>& event) {
    if (!memory_.current()) return;
    std::string text;
    if (event) {
        text = event->dump();
    } else {
        // Deleted: Google keeps it as cancelled, and so does the listing.
        const std::string* known = memory_.find(id);
        if (!known) return;
        json was = json::parse(*known);
        was["status"] = "cancelled";
        text = was.dump();
    }
    memory_.note(id, std::move(text));
    memory_.save();
}

std::vector<remote_event> google_calendar::list_managed() {
    return memory_.attached() ? list_incrementally() : list_filtered();
}

apply_result google_calendar::apply(const std::vector<write_op>& ops) {
    apply_result result;
    result.outcomes.resize(ops.size());
    // What an op still has to do: its own write, or, after a 409 on a create
    // (the id exists: written by an interrupted run, or deleted) or a 412
    // on an update (changed since listed), an unconditional rewrite by id.
    struct pending {
        std::size_t index;
        bool rewrite = false;
    };
    std::vector<pending> todo;
    for (std::size_t i = 0; i < ops.size(); ++i) todo.push_back({i});

    // Invitations are mailed only when the target asks for them.
    const std::string send_updates = settings_.send_invitations ? "?sendUpdates=all" : "?sendUpdates=none";
    const std::string events_path = api_path_prefix() + "/calendars/" + http_client::escape(settings_.calendar_id) + "/events";
    auto part_for = [&](const pending& p) {
        const write_op& op = ops[p.index];
        batch_part part;
        if (op.kind == action_kind::remove) {
            part.method = "DELETE";
            part.target = events_path + "/" + http_client::escape(op.remote->remote_id) + send_updates;
            return part;
        }
        part.headers = {{"Content-Type", "application/json"}};
        part.body = google_event_body(*op.desired, settings_.event_options).dump();
        if (op.kind == action_kind::create && !p.rewrite) {
            part.method = "POST";
            part.target = events_path + send_updates;
            return part;
        }
        const std::string id = op.remote ? op.remote->remote_id : google_event_id(op.desired->uid);
        part.method = "PUT";
        part.target = events_path + "/" + http_client::escape(id) + send_updates;
        if (!p.rewrite && op.remote && !op.remote->etag.empty()) part.headers.emplace_back("If-Match", op.remote->etag);
        return part;
    };

    // What was written goes into the remembered listing: the answer's
    // event (with its new etag), or the body sent when the answer has none.
    auto record_answer = [&](const write_op& op, const std::string& id, const std::string& body) {
        if (op.kind == action_kind::remove) {
            note_written(op.remote->remote_id, std::nullopt);
            return;
        }
        std::optional<json> event;
        try {
            if (!body.empty()) event = json::parse(body);
        } catch (const json::exception&) {
        }
        if (!event || !google_remote_event(*event)) {
            event = google_event_body(*op.desired, settings_.event_options);
            (*event)["id"] = id;
        }
        note_written(id, event);
    };

    bool refreshed = false;
    for (int round = 1; !todo.empty(); ++round) {
        std::vector<pending> again;
        bool throttled = false;
        std::optional<milliseconds> server_wait;
        std::string last_problem = "rate limited";
        for (std::size_t first = 0; first < todo.size(); first += settings_.batch_limit) {
            const std::vector<pending> chunk(todo.begin() + static_cast<std::ptrdiff_t>(first),
                                             todo.begin() + static_cast<std::ptrdiff_t>(std::min(todo.size(), first + settings_.batch_limit)));
            std::vector<batch_part> parts;
            for (const auto& p : chunk) parts.push_back(part_for(p));
            const std::string boundary = "cadenced_batch_" + std::to_string(random_());
            http_request request;
            request.method = "POST";
            request.url = settings_.batch_url;
            request.headers = {{"Content-Type", "multipart/mixed; boundary=" + boundary}};
            request.body = batch_request_body(parts, boundary);
            std::map<std::size_t, batch_answer> answers;
            try {
                const http_response response = send(request);
                answers = parse_batch_response(response.header("content-type"), response.body);
            } catch (const api_error& e) {
                result.stopped = e;
                return result;
            } catch (const std::runtime_error& e) {
                // An answer we cannot read: every part of it is tried again.
                last_problem = e.what();
            }
            for (std::size_t k = 0; k < chunk.size(); ++k) {
                const pending& p = chunk[k];
                const write_op& op = ops[p.index];
                write_outcome& outcome = result.outcomes[p.index];
                const auto found = answers.find(k);
                if (found == answers.end()) {
                    again.push_back(p);
                    throttled = true;
                    continue;
                }
                const batch_answer& a = found->second;
                http_response as_response;
                as_response.status = a.status;
                as_response.body = a.body;
                const auto [reason, message] = google_error_reason(as_response);
                const std::string problem = "HTTP " + std::to_string(a.status) + (reason.empty() ? "" : " " + reason) +
                                            (message.empty() ? "" : ": " + message);
                if (a.status >= 200 && a.status < 300) {
                    outcome.done = true;
                    if (op.kind != action_kind::remove)
                        outcome.remote_id = op.remote ? op.remote->remote_id : google_event_id(op.desired->uid);
                    record_answer(op, outcome.remote_id, a.body);
                } else if (op.kind == action_kind::remove && (a.status == 404 || a.status == 410)) {
                    outcome.done = true;  // already gone
                    record_answer(op, "", "");
                } else if (a.status == 401 && !refreshed) {
                    refreshed = true;
                    tokens_.token(true);
                    again.push_back(p);
                } else if ((a.status == 409 && op.kind == action_kind::create && !p.rewrite) ||
                           (a.status == 412 && !p.rewrite)) {
                    again.push_back({p.index, true});
                } else if (a.status == 403 && is_quota_spent(reason)) {
                    result.stopped = api_error{problem, a.status, reason, true};
                    return result;
                } else if (a.status == 429 || (a.status == 403 && is_rate_limit(reason)) || a.status >= 500) {
                    again.push_back(p);
                    throttled = true;
                    last_problem = problem;
                    if (const auto it = a.headers.find("retry-after"); it != a.headers.end())
                        if (const auto wait = parse_retry_after(it->second, system_clock::now()))
                            server_wait = std::max(server_wait.value_or(milliseconds{0}), *wait);
                } else {
                    outcome.error = problem;
                }
            }
        }
        if (again.empty()) break;
        if (throttled) {
            if (round >= settings_.retries.max_attempts) {
                result.stopped = api_error{last_problem + " (gave up after " + std::to_string(round) + " rounds)", 0,
                                           "retriesExhausted", true};
                return result;
            }
            if (server_wait && *server_wait > settings_.retries.max_retry_after) {
                result.stopped = api_error{last_problem + " (Retry-After longer than a sync waits)", 429, "rateLimitExceeded", true};
                return result;
            }
            wait_(server_wait ? *server_wait : backoff_delay(settings_.retries, round, random_));
        }
        todo = std::move(again);
    }
    return result;
}

}  // namespace cadenced::providers
