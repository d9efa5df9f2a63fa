#include "providers/sync_runner.h"

#include "providers/iso_text.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <chrono>

namespace cadenced::providers {

using namespace std::chrono;

namespace {

std::shared_ptr<spdlog::logger> log() {
    if (auto l = spdlog::get("sync")) return l;
    return spdlog::default_logger();
}

// "2027-02-02T10:00", or the date alone for an all-day event.
std::string local_start(const schedule::occurrence& o) {
    return o.all_day ? iso_date(floor<days>(o.start)) : iso_date_time(o.start).substr(0, 16);
}

const char* verb(action_kind k) {
    switch (k) {
        case action_kind::create: return "create";
        case action_kind::update: return "update";
        case action_kind::remove: return "delete";
    }
    return "?";
}

std::string describe(const sync_action& a) {
    if (a.desired) return local_start(*a.desired->occurrence) + " " + a.desired->occurrence->title;
    return a.remote->start + " " + a.remote->title;
}

}  // namespace

std::string summary_line(const sync_report& r) {
    std::string line = "sync target=" + r.target + (r.ok ? " ok" : r.deferred ? " deferred" : " failed") +
                       " created=" + std::to_string(r.created) + " updated=" + std::to_string(r.updated) +
                       " deleted=" + std::to_string(r.deleted) + " unchanged=" + std::to_string(r.unchanged) +
                       " kept_edits=" + std::to_string(r.kept_edits) +
                       " kept_deletions=" + std::to_string(r.kept_deletions) +
                       " rejected=" + std::to_string(r.rejected.size()) + " requests=" + std::to_string(r.requests);
    if (!r.problem.empty()) line += " problem=\"" + r.problem + "\"";
    return line;
}

sync_report run_sync(calendar_service& service, const std::vector<desired_event>& desired, sync_state& state,
                     const sync_run_settings& settings, sys_seconds now) {
    sync_report report;
    report.target = settings.target;
    const std::size_t requests_before = service.requests_made();
    auto finish = [&](bool ok, std::string problem, bool deferred = false) {
        report.ok = ok;
        report.deferred = deferred;
        report.problem = std::move(problem);
        report.requests = service.requests_made() - requests_before;
        if (!settings.dry_run) {
            try {
                state.record_run(settings.target, {now, ok ? "ok" : report.problem});
            } catch (const sync_state_error& e) {
                log()->warn("cannot record the sync run target={} error=\"{}\"", settings.target, e.what());
            }
        }
        return report;
    };

    try {
        auto remote = service.list_managed();
        if (!service.keeps_deleted_events()) {
            // Where deleted events vanish, an event cadenced wrote that is
            // no longer listed was deleted by someone: seen as cancelled,
            // with no id, so the plan keeps or restores the deletion.
            std::set<std::string> listed;
            for (const auto& r : remote) listed.insert(r.uid);
            for (const auto& uid : state.written_uids(settings.target))
                if (!listed.count(uid)) {
                    remote_event gone;
                    gone.uid = uid;
                    gone.cancelled = true;
                    remote.push_back(std::move(gone));
                }
        }
        const std::size_t written_before = state.written_count(settings.target);
        const bool any_live = std::any_of(remote.begin(), remote.end(), [](const remote_event& r) { return !r.cancelled; });
        if (!any_live && written_before > 0 && !desired.empty())
            return finish(false, "the calendar listed none of the " + std::to_string(written_before) +
                                     " events written to it before; refusing to take it for empty");

        const sync_plan plan = make_plan(desired, remote, state.deleted_by_people(settings.target), settings.policy);
        report.unchanged = plan.unchanged;
        report.kept_edits = plan.kept_edits;
        report.kept_deletions = plan.kept_deletions;
        for (const auto& a : plan.actions) report.plan_lines.push_back(std::string{verb(a.kind)} + " " + describe(a) + " (" + a.reason + ")");
        if (!settings.force)
            if (auto problem = mass_deletion_problem(plan, remote, settings.max_delete_share))
                return finish(false, *problem);
        if (settings.dry_run) return finish(true, "");

        for (const auto& uid : plan.newly_deleted_by_people) {
            log()->info("sync keeps a deletion made in the calendar target={} uid={}", settings.target, uid);
            state.remember_deleted_by_people(settings.target, uid, now);
        }
        std::vector<write_op> ops;
        ops.reserve(plan.actions.size());
        for (const auto& a : plan.actions) {
            if (a.reason == "restoring an edit" || a.reason == "restoring a deletion")
                log()->info("sync overwrites a change made in the calendar target={} event=\"{}\" was=\"{} {}\" reason=\"{}\"",
                            settings.target, describe(a), a.remote->start, a.remote->title, a.reason);
            ops.push_back({a.kind, a.desired, a.remote});
        }
        const apply_result applied = service.apply(ops);
        for (std::size_t i = 0; i < applied.outcomes.size(); ++i) {
            const sync_action& a = plan.actions[i];
            const write_outcome& outcome = applied.outcomes[i];
            if (!outcome.done && outcome.error.empty()) continue;  // not attempted: the run stopped
            if (!outcome.done) {
                // This event was refused; the others still went.
                const std::string what = describe(a) + ": " + outcome.error;
                log()->error("sync could not {} target={} event=\"{}\"", verb(a.kind), settings.target, what);
                report.rejected.push_back(what);
                continue;
            }
            switch (a.kind) {
                case action_kind::create: ++report.created; break;
                case action_kind::update: ++report.updated; break;
                case action_kind::remove: ++report.deleted; break;
            }
            if (a.kind == action_kind::remove) {
                if (a.reason != "duplicate") state.forget(settings.target, a.remote->uid);
            } else {
                state.record_written(settings.target, a.desired->uid, outcome.remote_id, a.desired->content_hash, now);
            }
        }
        if (applied.stopped) return finish(false, applied.stopped->what(), applied.stopped->defer_target());
        return finish(report.rejected.empty(), report.rejected.empty() ? "" : std::to_string(report.rejected.size()) + " events refused");
    } catch (const api_error& e) {
        return finish(false, e.what(), e.defer_target());
    } catch (const std::exception& e) {
        return finish(false, e.what());
    }
}

}  // namespace cadenced::providers
