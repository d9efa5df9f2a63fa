#include "providers/google_calendar.h"

#include <algorithm>
#include <ctime>
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

std::string rfc3339(sys_seconds t) {
    const std::time_t tt = t.time_since_epoch().count();
    std::tm tm{};
    ::gmtime_r(&tt, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

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
}

std::string google_calendar::events_url() const {
    return settings_.api_base + "/calendars/" + http_client::escape(settings_.calendar_id) + "/events";
}

std::string google_calendar::event_url(const std::string& id) const {
    return events_url() + "/" + http_client::escape(id);
}

http_response google_calendar::send(http_request request) {
    const auto& policy = settings_.retries;
    bool refreshed = false;
    std::string last_problem;
    long last_status = 0;
    std::string last_reason;
    for (int attempt = 1; attempt <= policy.max_attempts; ++attempt) {
        request.headers.erase(std::remove_if(request.headers.begin(), request.headers.end(),
                                             [](const auto& h) { return h.first == "Authorization"; }),
                              request.headers.end());
        request.headers.emplace_back("Authorization", "Bearer " + tokens_.token(false));
        std::optional<milliseconds> server_wait;
        try {
            http_response response = http_.perform(request);
            if (response.status >= 200 && response.status < 300) return response;
            const auto [reason, message] = google_error_reason(response);
            last_status = response.status;
            last_reason = reason;
            last_problem = "HTTP " + std::to_string(response.status) + (reason.empty() ? "" : " " + reason) +
                           (message.empty() ? "" : ": " + message);
            if (response.status == 401 && !refreshed) {
                // An expired or revoked token: one fresh token, one retry.
                refreshed = true;
                tokens_.token(true);
                --attempt;
                continue;
            }
            if (response.status == 403 && is_quota_spent(reason))
                throw api_error{last_problem, response.status, reason, true};
            const bool retryable = response.status == 429 || (response.status == 403 && is_rate_limit(reason)) ||
                                   response.status == 500 || response.status == 502 || response.status == 503 ||
                                   response.status == 504;
            if (!retryable) throw api_error{last_problem, response.status, reason, false};
            server_wait = parse_retry_after(response.header("retry-after"), system_clock::now());
        } catch (const transport_error& e) {
            last_status = 0;
            last_reason = "transport";
            last_problem = e.what();
        }
        if (attempt == policy.max_attempts) break;
        if (server_wait && *server_wait > policy.max_retry_after)
            throw api_error{last_problem + " (Retry-After longer than a sync waits)", last_status, last_reason, true};
        wait_(server_wait ? *server_wait : backoff_delay(policy, attempt, random_));
    }
    throw api_error{last_problem + " (gave up after " + std::to_string(policy.max_attempts) + " attempts)", last_status,
                    last_reason, true};
}

std::vector<remote_event> google_calendar::list_managed() {
    std::vector<remote_event> out;
    std::string page_token;
    std::set<std::string> seen_tokens;
    do {
        http_request request;
        request.url = events_url() + "?privateExtendedProperty=" + http_client::escape(google_tag_filter) +
                      "&showDeleted=true&maxResults=2500&timeMin=" +
                      http_client::escape(rfc3339(settings_.horizon_start));
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
        for (const auto& item : page["items"])
            if (auto r = google_remote_event(item)) out.push_back(std::move(*r));
        page_token = page.value("nextPageToken", "");
        // A server repeating a page token would never end the listing.
        if (!page_token.empty() && !seen_tokens.insert(page_token).second)
            throw api_error{"the event listing repeats a page token", response.status, "invalidResponse", true};
    } while (!page_token.empty());
    return out;
}

json google_calendar::fetch(const std::string& id) {
    http_request request;
    request.url = event_url(id);
    request.headers = {{"Accept", "application/json"}};
    return json::parse(send(request).body);
}

void google_calendar::put(const std::string& id, const desired_event& d, const std::string& etag) {
    http_request request;
    request.method = "PUT";
    request.url = event_url(id) + "?sendUpdates=none";
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!etag.empty()) request.headers.emplace_back("If-Match", etag);
    request.body = google_event_body(d, settings_.event_options).dump();
    try {
        send(request);
    } catch (const api_error& e) {
        if (e.status() != 412) throw;
        // Changed since it was listed: write over the current version.
        const json current = fetch(id);
        request.headers.back() = {"If-Match", current.value("etag", "")};
        send(request);
    }
}

std::string google_calendar::create(const desired_event& d) {
    http_request request;
    request.method = "POST";
    request.url = events_url() + "?sendUpdates=none";
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = google_event_body(d, settings_.event_options).dump();
    try {
        send(request);
    } catch (const api_error& e) {
        if (e.status() != 409) throw;
        // The id exists: created by an earlier run that stopped before it
        // could note it, or deleted (Google keeps deleted events, and
        // their ids, as cancelled). Either way the event is ours to update.
        put(google_event_id(d.uid), d, "");
    }
    return google_event_id(d.uid);
}

void google_calendar::update(const remote_event& r, const desired_event& d) {
    put(r.remote_id, d, r.etag);
}

void google_calendar::remove(const remote_event& r) {
    http_request request;
    request.method = "DELETE";
    request.url = event_url(r.remote_id) + "?sendUpdates=none";
    try {
        send(request);
    } catch (const api_error& e) {
        // Already gone (410 deleted, 404 not found): the goal is reached.
        if (e.status() != 410 && e.status() != 404) throw;
    }
}

}  // namespace cadenced::providers
