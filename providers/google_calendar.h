#pragma once
// Google Calendar API v3 for one calendar: listing cadenced's events and
// writing them, with retries, token refresh and Google's error reasons.

#include "providers/calendar_service.h"
#include "providers/google_auth.h"
#include "providers/google_event.h"
#include "providers/http_client.h"
#include "providers/listing_memory.h"
#include "providers/retry.h"
#include "providers/sync_state.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <random>
#include <string>

namespace cadenced::providers {

struct google_calendar_settings {
    std::string api_base = "https://www.googleapis.com/calendar/v3";
    std::string calendar_id = "primary";
    std::chrono::sys_seconds horizon_start;  ///< events ending before it are history, not listed
    google_event_options event_options;
    retry_policy retries;
    /// Google's batch endpoint; empty: https://<api_base's host>/batch/calendar/v3.
    std::string batch_url;
    /// Requests per batch. Google allows up to 1000 but has documented 50
    /// for Calendar; more gains little and risks the per-calendar limits.
    std::size_t batch_limit = 50;
    bool send_invitations = false;  ///< sendUpdates=all rather than none
};

class google_calendar : public calendar_service {
public:
    google_calendar(google_calendar_settings settings, access_token_source& tokens, http_client& http,
                    sleeper wait = real_sleeper());

    /// Keep the listing in `state` under `target`, so that later syncs ask
    /// Google only for what changed since (syncToken); without it every
    /// listing is a full one.
    void remember_listings(sync_state& state, std::string target) override;

    std::vector<remote_event> list_managed() override;
    std::size_t requests_made() const override { return http_.requests_made(); }
    /// Writes in batches; parts that hit rate limits or server errors are
    /// retried in the next round, with backoff.
    apply_result apply(const std::vector<write_op>& ops) override;

private:
    /// Sends with auth, retrying what Google says to retry; returns a 2xx
    /// response or throws api_error.
    http_response send(http_request request);
    std::string events_url() const;

    std::string api_path_prefix() const;
    /// Every page of a listing from `query`; the sync token of the last page.
    std::pair<std::vector<nlohmann::json>, std::string> fetch_pages(const std::string& query, bool need_sync_token);
    std::vector<remote_event> list_filtered();
    std::vector<remote_event> list_incrementally();

    google_calendar_settings settings_;
    access_token_source& tokens_;
    http_client& http_;
    sleeper wait_;
    std::mt19937_64 random_;
    /// The remembered listing, kept in step with what this client writes.
    listing_memory memory_;
    /// Records a successful write in the remembered listing.
    void note_written(const std::string& id, const std::optional<nlohmann::json>& event);
};

/// Google's error reason ("rateLimitExceeded") and message from an error
/// body; empty when the body has none.
std::pair<std::string, std::string> google_error_reason(const http_response& r);

}  // namespace cadenced::providers
