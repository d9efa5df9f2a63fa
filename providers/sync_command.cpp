#include "providers/sync_command.h"

#include "config/credential_path.h"
#include "providers/google_auth.h"
#include "providers/google_calendar.h"
#include "providers/graph_calendar.h"
#include "providers/http_client.h"
#include "providers/microsoft_auth.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace cadenced::providers {

std::filesystem::path refresh_token_file(const std::filesystem::path& state_dir, const std::string& target) {
    return state_dir / ("microsoft-" + target + ".refresh-token");
}

target_session::target_session(const config::sync_target& target, const std::filesystem::path& state_dir,
                               const std::atomic<bool>* cancel)
    : http_{std::chrono::seconds{target.timeout_seconds}} {
    http_.cancel_when(cancel);
    if (target.provider == "microsoft") {
        microsoft_app app = read_microsoft_app(config::credential_path(target.credentials));
        // An app acting on its own has no "me": it must name the mailbox.
        if (app.app_only() && target.user == "me")
            throw auth_error{"app-only access (the credentials have a client_secret) needs user = \"<mailbox>\" in [[sync]] " +
                             target.name};
        tokens_ = std::make_unique<microsoft_token_source>(std::move(app), target.token_url,
                                                           refresh_token_file(state_dir, target.name), http_);
    } else {
        tokens_ = std::make_unique<google_token_source>(
            read_google_credentials(config::credential_path(target.credentials)), target.token_url, target.subject, http_);
    }
}

namespace {

// The provider's client for `target`.
std::unique_ptr<calendar_service> make_calendar(const config::config& cfg, const config::sync_target& target,
                                                std::chrono::sys_seconds horizon_start, const retry_policy& retries,
                                                target_session& session, const sleeper& wait) {
    if (target.provider == "microsoft") {
        graph_calendar_settings settings;
        settings.api_base = target.api_base;
        settings.user = target.user;
        settings.calendar_id = target.calendar;
        settings.batch_url = target.batch_url;
        settings.horizon_start = horizon_start;
        settings.retries = retries;
        settings.send_invitations = target.send_invitations;
        return std::make_unique<graph_calendar>(settings, session.tokens(), session.http(), wait);
    }
    google_calendar_settings settings;
    settings.api_base = target.api_base;
    settings.calendar_id = target.calendar;
    settings.batch_url = target.batch_url;
    settings.horizon_start = horizon_start;
    settings.event_options.agenda_base_url = cfg.server.public_url;
    settings.retries = retries;
    settings.send_invitations = target.send_invitations;
    return std::make_unique<google_calendar>(settings, session.tokens(), session.http(), wait);
}

}  // namespace

sync_report sync_target(const config::config& cfg, const config::sync_target& target,
                        const std::vector<schedule::occurrence>& feed_events, std::chrono::sys_seconds horizon_start,
                        sync_state& state, const std::filesystem::path& state_dir, const sync_command_options& options,
                        std::chrono::sys_seconds now, target_session* session) {
    std::vector<desired_event> desired;
    desired.reserve(feed_events.size());
    for (const auto& o : feed_events) desired.push_back({&o, o.uid, schedule::fingerprint(o)});

    sync_run_settings run;
    run.target = target.name;
    run.policy = target.keep_human_edits ? human_edit_policy::keep : human_edit_policy::restore;
    run.max_delete_share = target.max_delete_percent / 100.0;
    run.dry_run = options.dry_run;
    run.force = options.force;

    try {
        std::unique_ptr<target_session> own;
        if (session == nullptr) {
            own = std::make_unique<target_session>(target, state_dir, options.cancel);
            session = own.get();
        }
        // Backoff waits in short steps, so that a cancel is seen at once.
        const std::atomic<bool>* cancel = options.cancel;
        sleeper wait = [cancel](std::chrono::milliseconds total) {
            const auto until = std::chrono::steady_clock::now() + total;
            while (std::chrono::steady_clock::now() < until && !(cancel && cancel->load()))
                std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(
                    std::chrono::milliseconds{100},
                    std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now())));
        };
        const auto calendar = make_calendar(cfg, target, horizon_start, options.retries, *session, wait);
        // A dry run changes nothing, the remembered listing included.
        if (!options.dry_run) calendar->remember_listings(state, target.name);
        return run_sync(*calendar, desired, state, run, now);
    } catch (const std::exception& e) {
        // Credentials unreadable, libcurl missing: the target cannot start.
        sync_report report;
        report.target = target.name;
        report.problem = e.what();
        return report;
    }
}

}  // namespace cadenced::providers
