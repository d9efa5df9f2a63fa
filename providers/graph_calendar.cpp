#include "providers/graph_calendar.h"

#include "providers/authorized_send.h"
#include "providers/graph_event.h"
#include "providers/iso_text.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace cadenced::providers {

using namespace std::chrono;
using nlohmann::json;

// One request of a $batch, its url relative to the API base.
struct graph_calendar::batch_item {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<json> body;
};

struct graph_calendar::item_answer {
    long status = 0;
    std::map<std::string, std::string> headers;  ///< names in lower case
    json body;
};

namespace {

// Throttling and passing server trouble; 509 is Graph's bandwidth limit.
bool is_retryable(long status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 || status == 509;
}

// An OData string literal: quotes doubled.
std::string odata_literal(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

std::string describe_error(long status, const std::string& code, const std::string& message) {
    return "HTTP " + std::to_string(status) + (code.empty() ? "" : " " + code) + (message.empty() ? "" : ": " + message);
}

}  // namespace

std::pair<std::string, std::string> graph_error_code(const json& body) {
    const auto error = body.is_object() ? body.find("error") : body.end();
    if (error == body.end() || !error->is_object()) return {};
    try {
        return {error->value("code", ""), error->value("message", "")};
    } catch (const json::exception&) {
        return {};  // a code or message that is not text
    }
}

std::pair<std::string, std::string> graph_error_code(const std::string& body) {
    return graph_error_code(json::parse(body, nullptr, false));
}

graph_calendar::graph_calendar(graph_calendar_settings settings, access_token_source& tokens, http_client& http,
                               sleeper wait)
    : settings_{std::move(settings)}, tokens_{tokens}, http_{http}, wait_{std::move(wait)}, random_{std::random_device{}()} {
    while (!settings_.api_base.empty() && settings_.api_base.back() == '/') settings_.api_base.pop_back();
    if (settings_.batch_url.empty()) settings_.batch_url = settings_.api_base + "/$batch";
    settings_.batch_limit = std::clamp<std::size_t>(settings_.batch_limit, 1, 20);
}

std::string graph_calendar::user_path() const {
    return settings_.user == "me" ? "/me" : "/users/" + http_client::escape(settings_.user);
}

std::string graph_calendar::collection_path() const {
    if (settings_.calendar_id.empty()) return user_path() + "/calendar/events";
    return user_path() + "/calendars/" + http_client::escape(settings_.calendar_id) + "/events";
}

std::string graph_calendar::event_path(const std::string& id) const {
    return user_path() + "/events/" + http_client::escape(id);
}

std::string graph_calendar::tag_filter(const std::string& value_prefix) const {
    return "singleValueExtendedProperties/Any(ep: ep/id eq " + odata_literal(graph_tag_property) +
           " and startswith(ep/value, " + odata_literal(value_prefix) + "))";
}

http_response graph_calendar::send(http_request request) {
    return send_authorized(http_, tokens_, std::move(request), settings_.retries, wait_, random_,
                           [](const http_response& response) {
                               const auto [code, message] = graph_error_code(response.body);
                               return refusal{is_retryable(response.status) ? refusal::next::retry : refusal::next::fail,
                                              code, describe_error(response.status, code, message)};
                           });
}

std::map<std::string, graph_calendar::item_answer> graph_calendar::send_batch(const std::vector<batch_item>& items) {
    json requests = json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        json r = {{"id", std::to_string(i)}, {"method", items[i].method}, {"url", items[i].url}};
        json headers = json::object();
        for (const auto& [name, value] : items[i].headers) headers[name] = value;
        if (items[i].body) {
            headers["Content-Type"] = "application/json";
            r["body"] = *items[i].body;
        }
        if (!headers.empty()) r["headers"] = std::move(headers);
        requests.push_back(std::move(r));
    }
    http_request request;
    request.method = "POST";
    request.url = settings_.batch_url;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = json{{"requests", std::move(requests)}}.dump();
    const http_response response = send(request);

    std::map<std::string, item_answer> answers;
    try {
        const json body = json::parse(response.body);
        for (const auto& r : body.at("responses")) {
            item_answer a;
            a.status = r.at("status").get<long>();
            if (r.contains("headers") && r["headers"].is_object())
                for (const auto& [name, value] : r["headers"].items()) {
                    std::string lower = name;
                    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
                    a.headers[lower] = value.is_string() ? value.get<std::string>() : value.dump();
                }
            if (r.contains("body")) a.body = r["body"];
            answers[r.at("id").get<std::string>()] = std::move(a);
        }
    } catch (const json::exception&) {
        // Unreadable: every item counts as unanswered and is tried again.
        answers.clear();
    }
    return answers;
}

std::pair<std::vector<json>, std::string> graph_calendar::fetch_pages(std::string url, bool delta) {
    const std::string what = delta ? "the delta round" : "the event listing";
    std::vector<json> items;
    std::set<std::string> seen;
    while (true) {
        if (!seen.insert(url).second) throw api_error{what + " repeats a page link", 0, "invalidResponse", true};
        http_request request;
        request.url = url;
        request.headers = {{"Accept", "application/json"}};
        if (delta) request.headers.emplace_back("Prefer", "odata.maxpagesize=1000");
        const http_response response = send(request);
        json page;
        try {
            page = json::parse(response.body);
        } catch (const json::exception&) {
            throw api_error{what + " is not JSON", response.status, "invalidResponse", true};
        }
        if (!page.is_object() || !page.contains("value") || !page["value"].is_array())
            throw api_error{what + " has no \"value\" array", response.status, "invalidResponse", true};
        for (auto& item : page["value"]) items.push_back(std::move(item));
        if (const auto next = page.find("@odata.nextLink"); next != page.end() && next->is_string()) {
            url = next->get<std::string>();
            continue;
        }
        const auto link = page.find("@odata.deltaLink");
        std::string delta_link = link != page.end() && link->is_string() ? link->get<std::string>() : std::string{};
        // Without a delta link a round may be cut short.
        if (delta && delta_link.empty())
            throw api_error{what + " ended without a delta link", response.status, "invalidResponse", true};
        return {std::move(items), std::move(delta_link)};
    }
}

namespace {

// What a listing asks for: the tag, the agenda attachments' ids and names,
// and the fields the edit digest covers.
std::string listing_options() {
    const std::string expand = "singleValueExtendedProperties($filter=id eq " + odata_literal(graph_tag_property) +
                               "),attachments($select=id,name)";
    return "$expand=" + http_client::escape(expand) +
           "&$select=" + http_client::escape("id,subject,start,end,location,isAllDay,hasAttachments");
}

// Fields of an event that a delta round reports (it cannot expand the tag
// or the attachments), merged into what is remembered.
void merge_delta_item(json& known, const json& item) {
    for (const char* key : {"subject", "start", "end", "location", "isAllDay", "@odata.etag", "changeKey"})
        if (item.contains(key)) known[key] = item[key];
    // The agenda attachment removed in Outlook: the event must be rewritten.
    if (item.contains("hasAttachments") && item["hasAttachments"] == false) known["attachments"] = json::array();
}

}  // namespace

void graph_calendar::remember_listings(sync_state& state, std::string target) {
    memory_.attach(state, std::move(target));
}

std::vector<json> graph_calendar::list_filtered_items() {
    const std::string filter =
        tag_filter(graph_tag_prefix) + " and end/dateTime ge " + odata_literal(iso_utc_date_time(settings_.horizon_start));
    return fetch_pages(settings_.api_base + collection_path() + "?$filter=" + http_client::escape(filter) + "&" +
                       listing_options() + "&$top=1000",
                       false)
        .first;
}

std::map<std::string, std::optional<std::string>> graph_calendar::read_events(const std::vector<std::string>& ids) {
    std::map<std::string, std::optional<std::string>> found;
    std::vector<std::size_t> todo(ids.size());
    for (std::size_t k = 0; k < ids.size(); ++k) todo[k] = k;
    auto item_for = [&](std::size_t k) {
        batch_item item;
        item.url = event_path(ids[k]) + "?" + listing_options();
        return item;
    };
    auto judge = [&](std::size_t k, const item_answer& a, std::string& problem) {
        problem = describe_error(a.status, "", "");
        if (a.status == 200 && a.body.is_object()) {
            // Someone else's events are remembered as not ours ("{}"), so
            // that their later changes are not read again.
            found[ids[k]] = graph_remote_event(a.body) ? a.body.dump() : std::string{"{}"};
            return verdict::finished;
        }
        if (a.status == 404) {
            found[ids[k]] = std::nullopt;  // gone again
            return verdict::finished;
        }
        if (is_retryable(a.status)) return verdict::retry_later;
        throw api_error{"reading event " + ids[k] + ": " + problem, a.status, "", false};
    };
    if (auto stopped = run_rounds(std::move(todo), item_for, judge)) throw *stopped;
    return found;
}

std::vector<remote_event> graph_calendar::list_incrementally() {
    const std::string source = settings_.api_base + " " + settings_.user + " " + iso_utc_date_time(settings_.horizon_start);
    const sync_state::listing* remembered = memory_.open(source);
    if (remembered) {
        try {
            auto [changes, link] = fetch_pages(remembered->token, true);
            std::map<std::string, std::optional<std::string>> delta;
            std::vector<std::string> unknown;
            for (const auto& item : changes) {
                const std::string id = item.value("id", "");
                if (id.empty()) continue;
                const std::string* known = memory_.find(id);
                if (item.contains("@removed")) {
                    if (known) delta[id] = std::nullopt;
                } else if (known) {
                    json merged = json::parse(*known);
                    merge_delta_item(merged, item);
                    delta[id] = merged.dump();
                } else {
                    unknown.push_back(id);  // new: someone's, or a create whose answer was lost
                }
            }
            for (auto& [id, text] : read_events(unknown)) delta[id] = std::move(text);
            memory_.apply(delta, link);
        } catch (const api_error& e) {
            // 410 Gone (syncStateNotFound, resyncRequired): list in full.
            if (e.status() != 410 && e.reason() != "syncStateNotFound" && e.reason() != "resyncRequired") throw;
            memory_.forget();
            remembered = nullptr;
        }
    }
    if (!remembered) {
        // The delta round first: what changes while the full listing runs
        // shows in the next round.
        const auto window_end = settings_.horizon_start + days{3 * 366};
        auto [ignored, link] = fetch_pages(settings_.api_base + user_path() + "/calendarView/delta?startDateTime=" +
                                               http_client::escape(iso_utc_date_time(settings_.horizon_start) + "Z") +
                                               "&endDateTime=" + http_client::escape(iso_utc_date_time(window_end) + "Z"),
                                           true);
        sync_state::listing full;
        full.token = link;
        for (const auto& item : list_filtered_items()) full.events[item.value("id", "")] = item.dump();
        memory_.replace(std::move(full));
    }
    const std::string horizon = iso_utc_date_time(settings_.horizon_start);
    std::vector<remote_event> out;
    for (const auto& [id, text] : memory_.current()->events) {
        const json item = json::parse(text);
        const json& end = item.contains("end") && item["end"].is_object() ? item["end"] : json::object();
        if (end.value("dateTime", "").substr(0, 19) < horizon) continue;  // history
        if (auto r = graph_remote_event(item)) out.push_back(std::move(*r));
    }
    return out;
}

std::vector<remote_event> graph_calendar::list_managed() {
    // Graph's event delta covers the default calendar's calendar view.
    if (memory_.attached() && settings_.calendar_id.empty()) return list_incrementally();
    std::vector<remote_event> out;
    for (const auto& item : list_filtered_items())
        if (auto r = graph_remote_event(item)) out.push_back(std::move(*r));
    return out;
}

void graph_calendar::note_event(const std::string& id, const std::optional<json>& event) {
    if (!event) {
        memory_.note(id, std::nullopt);
        return;
    }
    json merged = *event;
    // Attachments are noted as they are written.
    if (const std::string* known = memory_.find(id)) {
        const json was = json::parse(*known);
        if (was.contains("attachments")) merged["attachments"] = was["attachments"];
    }
    if (!merged.contains("attachments")) merged["attachments"] = json::array();
    memory_.note(id, merged.dump());
}

void graph_calendar::note_attachments(const std::string& event_id, const std::vector<std::string>& removed,
                                      const std::string& added) {
    const std::string* known = memory_.find(event_id);
    if (!known) return;
    json event = json::parse(*known);
    json kept = json::array();
    for (const auto& a : event.value("attachments", json::array()))
        if (std::find(removed.begin(), removed.end(), a.value("id", "")) == removed.end()) kept.push_back(a);
    if (!added.empty()) kept.push_back({{"id", added}, {"name", graph_agenda_attachment}});
    event["attachments"] = std::move(kept);
    memory_.note(event_id, event.dump());
}

std::optional<api_error> graph_calendar::run_rounds(std::vector<std::size_t> todo, const item_builder& item_for,
                                                    const item_judge& judge) {
    bool refreshed = false;
    for (int round = 1; !todo.empty(); ++round) {
        std::vector<std::size_t> again;
        bool throttled = false;
        std::optional<milliseconds> server_wait;
        std::string last_problem = "no answer in the batch response";
        for (std::size_t first = 0; first < todo.size(); first += settings_.batch_limit) {
            const std::size_t last = std::min(todo.size(), first + settings_.batch_limit);
            std::vector<batch_item> items;
            for (std::size_t k = first; k < last; ++k) items.push_back(item_for(todo[k]));
            std::map<std::string, item_answer> answers;
            try {
                answers = send_batch(items);
            } catch (const api_error& e) {
                memory_.save();
                return e;
            }
            for (std::size_t k = first; k < last; ++k) {
                const std::size_t i = todo[k];
                const auto found = answers.find(std::to_string(k - first));
                if (found == answers.end()) {
                    again.push_back(i);
                    throttled = true;
                    continue;
                }
                const item_answer& a = found->second;
                if (a.status == 401 && !refreshed) {
                    refreshed = true;
                    tokens_.token(true);
                    again.push_back(i);
                    continue;
                }
                std::string problem;
                switch (judge(i, a, problem)) {
                    case verdict::finished: break;
                    case verdict::resend: again.push_back(i); break;
                    case verdict::retry_later:
                        again.push_back(i);
                        throttled = true;
                        last_problem = problem;
                        if (const auto it = a.headers.find("retry-after"); it != a.headers.end())
                            if (const auto wait = parse_retry_after(it->second, system_clock::now()))
                                server_wait = std::max(server_wait.value_or(milliseconds{0}), *wait);
                        break;
                }
            }
        }
        memory_.save();
        if (again.empty()) break;
        if (throttled) {
            if (round >= settings_.retries.max_attempts)
                return api_error{last_problem + " (gave up after " + std::to_string(round) + " rounds)", 0,
                                 "retriesExhausted", true};
            if (server_wait && *server_wait > settings_.retries.max_retry_after)
                return api_error{last_problem + " (Retry-After longer than a sync waits)", 429, "TooManyRequests", true};
            wait_(server_wait ? *server_wait : backoff_delay(settings_.retries, round, random_));
        }
        todo = std::move(again);
    }
    return std::nullopt;
}

std::optional<api_error> graph_calendar::replace_agendas(const std::vector<write_op>& ops,
                                                         const std::vector<std::size_t>& which, apply_result& result) {
    // One request per old attachment to delete and one per new agenda.
    struct step {
        std::size_t op;
        std::string event_id;
        std::string old_attachment;  // empty: post the new agenda
    };
    std::vector<step> steps;
    for (const std::size_t i : which) {
        const write_op& op = ops[i];
        const std::string id = op.kind == action_kind::update ? op.remote->remote_id : result.outcomes[i].remote_id;
        if (id.empty()) continue;
        if (op.kind == action_kind::update)
            for (const auto& old : op.remote->attachment_ids) steps.push_back({i, id, old});
        steps.push_back({i, id, {}});
    }
    std::vector<std::size_t> todo(steps.size());
    for (std::size_t k = 0; k < steps.size(); ++k) todo[k] = k;
    auto item_for = [&](std::size_t k) {
        const step& s = steps[k];
        batch_item item;
        if (!s.old_attachment.empty()) {
            item.method = "DELETE";
            item.url = event_path(s.event_id) + "/attachments/" + http_client::escape(s.old_attachment);
        } else {
            item.method = "POST";
            item.url = event_path(s.event_id) + "/attachments";
            item.body = graph_agenda_attachment_body(*ops[s.op].desired);
        }
        return item;
    };
    auto judge = [&](std::size_t k, const item_answer& a, std::string& problem) {
        const auto [code, message] = graph_error_code(a.body);
        problem = describe_error(a.status, code, message);
        const step& s = steps[k];
        if ((a.status >= 200 && a.status < 300) || (!s.old_attachment.empty() && a.status == 404)) {
            if (!s.old_attachment.empty()) note_attachments(s.event_id, {s.old_attachment}, "");
            else if (a.body.is_object()) note_attachments(s.event_id, {}, a.body.value("id", ""));
            return verdict::finished;
        }
        if (is_retryable(a.status)) return verdict::retry_later;
        // The event is written; its next listing shows the agenda missing
        // and the next sync writes it again.
        spdlog::warn("sync could not attach the agenda event=\"{}\" error=\"{}\"", ops[steps[k].op].desired->occurrence->title,
                     problem);
        return verdict::finished;
    };
    return run_rounds(std::move(todo), item_for, judge);
}

apply_result graph_calendar::apply(const std::vector<write_op>& ops) {
    apply_result result;
    result.outcomes.resize(ops.size());

    // What each op's next request is: a create whose earlier attempt may
    // have landed (an error does not prove it did not) is first looked up
    // by its tag; an update of an event that vanished becomes a create.
    struct progress {
        bool lookup = false;
        bool as_create = false;
    };
    std::vector<progress> state(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
        // Restoring an event someone deleted: Outlook keeps no trace of it.
        if (ops[i].kind == action_kind::update && ops[i].remote->remote_id.empty()) {
            state[i].as_create = true;
            state[i].lookup = true;
        }
    }

    auto item_for = [&](std::size_t i) {
        const write_op& op = ops[i];
        batch_item item;
        if (op.kind == action_kind::remove) {
            item.method = "DELETE";
            item.url = event_path(op.remote->remote_id);
            return item;
        }
        const bool create = op.kind == action_kind::create || state[i].as_create;
        if (create && state[i].lookup) {
            item.url = user_path() + "/events?$filter=" +
                       http_client::escape(tag_filter(graph_tag_lookup_prefix(op.desired->uid))) + "&$select=id&$top=10";
            return item;
        }
        item.body = graph_event_body(*op.desired, create, settings_.send_invitations);
        if (create) {
            item.method = "POST";
            item.url = collection_path();
        } else {
            item.method = "PATCH";
            item.url = event_path(op.remote->remote_id);
            // No If-Match: replacing the agenda attachment (done first, see
            // below) gave the event a new change key, so the listed etag
            // is stale by design. The window for a person's edit to be
            // overwritten unseen is the second between listing and write.
        }
        return item;
    };

    auto judge = [&](std::size_t i, const item_answer& a, std::string& problem) {
        const write_op& op = ops[i];
        write_outcome& outcome = result.outcomes[i];
        const bool create = op.kind == action_kind::create || state[i].as_create;
        const auto [code, message] = graph_error_code(a.body);
        problem = describe_error(a.status, code, message);
        if (a.status >= 200 && a.status < 300) {
            if (create && state[i].lookup) {
                const json& found = a.body.is_object() && a.body.contains("value") ? a.body["value"] : json::array();
                if (!found.is_array() || found.empty()) {
                    state[i].lookup = false;  // it did not land: create it
                    return verdict::resend;
                }
                outcome.remote_id = found[0].value("id", "");
                // Remembered when the next delta round reports it.
            } else if (op.kind == action_kind::remove) {
                note_event(op.remote->remote_id, std::nullopt);
            } else {
                outcome.remote_id = create ? (a.body.is_object() ? a.body.value("id", "") : "") : op.remote->remote_id;
                // The answer is the event as Graph keeps it, less the tag.
                if (a.body.is_object() && a.body.contains("start")) {
                    json written = a.body;
                    written["singleValueExtendedProperties"] = graph_event_body(*op.desired, false)["singleValueExtendedProperties"];
                    note_event(outcome.remote_id, written);
                }
            }
            outcome.done = true;
            return verdict::finished;
        }
        if (op.kind == action_kind::remove && a.status == 404) {
            outcome.done = true;  // already gone
            note_event(op.remote->remote_id, std::nullopt);
            return verdict::finished;
        }
        if (!create && a.status == 404) {
            state[i].as_create = true;  // deleted since it was listed
            state[i].lookup = true;
            return verdict::resend;
        }
        if (is_retryable(a.status)) {
            if (create) state[i].lookup = true;
            return verdict::retry_later;
        }
        outcome.error = problem;
        return verdict::finished;
    };

    // Agendas of events that exist already go first: should the run stop
    // between the attachment and the event's new tag, the old tag makes the
    // next run write both again.
    std::vector<std::size_t> updates, creates, writes;
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].kind == action_kind::update && !state[i].as_create) updates.push_back(i);
        writes.push_back(i);
    }
    if (auto stopped = replace_agendas(ops, updates, result)) {
        result.stopped = stopped;
        return result;
    }
    if (auto stopped = run_rounds(writes, item_for, judge)) {
        result.stopped = stopped;
        return result;
    }
    for (std::size_t i = 0; i < ops.size(); ++i)
        if (result.outcomes[i].done && ops[i].kind != action_kind::remove &&
            (ops[i].kind == action_kind::create || state[i].as_create))
            creates.push_back(i);
    if (auto stopped = replace_agendas(ops, creates, result)) result.stopped = stopped;
    return result;
}

}  // namespace cadenced::providers
