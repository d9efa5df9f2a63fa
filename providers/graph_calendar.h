#pragma once
// Microsoft Graph v1.0 for one mailbox calendar: listing cadenced's events
// by their extended property, and writing them through JSON $batch, with
// retries, token refresh and Graph's error codes. The agenda goes along as
// an agenda.html attachment.

#include "providers/calendar_service.h"
#include "providers/http_client.h"
#include "providers/oauth.h"
#include "providers/listing_memory.h"
#include "providers/retry.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>

namespace cadenced::providers {

struct graph_calendar_settings {
    std::string api_base = "https://graph.microsoft.com/v1.0";
    std::string user = "me";  ///< "me" (delegated) or a user id / principal name
    std::string calendar_id;  ///< empty: the mailbox's default calendar
    std::chrono::sys_seconds horizon_start;  ///< events ending before it are history, not listed
    retry_policy retries;
    std::string batch_url;  ///< empty: <api_base>/$batch
    /// Graph takes at most 20 requests per $batch.
    std::size_t batch_limit = 20;
    /// Add the attendees to the events, which makes Graph mail them.
    bool send_invitations = false;
};

class graph_calendar : public calendar_service {
public:
    graph_calendar(graph_calendar_settings settings, access_token_source& tokens, http_client& http,
                   sleeper wait = real_sleeper());

    /// Keep the listing in `state` under `target`, so that later syncs of
    /// the default calendar ask Graph only for what changed since (a delta
    /// link); without it, and for other calendars, every listing is a full
    /// one.
    void remember_listings(sync_state& state, std::string target) override;

    std::vector<remote_event> list_managed() override;
    apply_result apply(const std::vector<write_op>& ops) override;
    std::size_t requests_made() const override { return http_.requests_made(); }
    /// A deleted Outlook event is gone, not listed as cancelled.
    bool keeps_deleted_events() const override { return false; }

private:
    struct batch_item;
    struct item_answer;
    /// What becomes of an item of a $batch after its answer.
    enum class verdict {
        finished,     ///< nothing more to send for it
        resend,       ///< send its (changed) request in the next round, at once
        retry_later,  ///< throttled or server trouble: next round, after a backoff
    };
    using item_builder = std::function<batch_item(std::size_t)>;
    using item_judge = std::function<verdict(std::size_t, const item_answer&, std::string& problem)>;
    /// Sends the items `todo` through $batch, `item_for(i)` making each one's
    /// current request, until `judge` has finished them all; items judged
    /// retry_later go again after a backoff (or the longest Retry-After),
    /// for at most max_attempts rounds. Returns why it stopped, if it did.
    std::optional<api_error> run_rounds(std::vector<std::size_t> todo, const item_builder& item_for,
                                        const item_judge& judge);
    /// Replaces the agenda attachment of the events of ops `which`.
    std::optional<api_error> replace_agendas(const std::vector<write_op>& ops, const std::vector<std::size_t>& which,
                                             apply_result& result);
    /// Sends with auth, retrying what Graph says to retry; returns a 2xx
    /// response or throws api_error.
    http_response send(http_request request);
    /// One $batch round trip; answers by item id. Throws api_error.
    std::map<std::string, item_answer> send_batch(const std::vector<batch_item>& items);
    /// Every page of a listing or (`delta`) a delta round from `url`,
    /// following @odata.nextLink; and the last page's delta link, which a
    /// delta round must end with.
    std::pair<std::vector<nlohmann::json>, std::string> fetch_pages(std::string url, bool delta);
    std::vector<nlohmann::json> list_filtered_items();
    std::vector<remote_event> list_incrementally();
    /// The tagged events among `ids`, read one by one (in batches).
    std::map<std::string, std::optional<std::string>> read_events(const std::vector<std::string>& ids);
    /// Keeps the remembered listing in step with a write: the event as
    /// written (nullopt: deleted).
    void note_event(const std::string& id, const std::optional<nlohmann::json>& event);
    void note_attachments(const std::string& event_id, const std::vector<std::string>& removed, const std::string& added);

    std::string user_path() const;        ///< "/me" or "/users/{id}"
    std::string collection_path() const;  ///< the calendar's events
    std::string event_path(const std::string& id) const;
    /// The $filter that finds cadenced's events (all of them, or one UID's).
    std::string tag_filter(const std::string& value_prefix) const;

    graph_calendar_settings settings_;
    access_token_source& tokens_;
    http_client& http_;
    sleeper wait_;
    std::mt19937_64 random_;
    /// The remembered listing, kept in step with what this client writes.
    listing_memory memory_;
};

/// Graph's error code ("ErrorItemNotFound") and message from an error body;
/// empty when the body has none.
std::pair<std::string, std::string> graph_error_code(const std::string& body);
std::pair<std::string, std::string> graph_error_code(const nlohmann::json& body);  ///< a batch item's body

}  // namespace cadenced::providers
