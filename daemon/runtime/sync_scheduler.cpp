#include "daemon/runtime/sync_scheduler.h"

#include "daemon/site/build.h"
#include "providers/sync_command.h"
#include "schedule/feed.h"
#include "schedule/schedule.h"

namespace cadenced::runtime {

using namespace std::chrono;

sync_scheduler::sync_scheduler(std::filesystem::path state_file, std::shared_ptr<spdlog::logger> log,
                               std::function<void(const providers::sync_report&)> on_report)
    : state_file_{std::move(state_file)}, log_{std::move(log)}, on_report_{std::move(on_report)},
      thread_{[this] { run(); }} {}

sync_scheduler::~sync_scheduler() { stop(); }

void sync_scheduler::request_stop() {
    cancel_ = true;
    {
        std::lock_guard lock{mutex_};
        stopping_ = true;
    }
    wake_.notify_all();
}

void sync_scheduler::stop() {
    request_stop();
    if (thread_.joinable()) thread_.join();
}

void sync_scheduler::configure(std::shared_ptr<const config::config> cfg) {
    {
        std::lock_guard lock{mutex_};
        config_ = std::move(cfg);
        reconfigured_ = true;
    }
    wake_.notify_all();
}

std::vector<sync_status> sync_scheduler::status() const {
    std::lock_guard lock{mutex_};
    std::vector<sync_status> out;
    for (const auto& [name, s] : status_) out.push_back(s);
    return out;
}

seconds sync_scheduler::next_interval(const config::sync_target& target) {
    // Up to a tenth either way.
    const auto interval = duration_cast<seconds>(minutes{target.interval_minutes});
    std::uniform_int_distribution<long long> jitter{-interval.count() / 10, interval.count() / 10};
    return interval + seconds{jitter(random_)};
}

void sync_scheduler::sync_one(const config::config& cfg, const config::sync_target& target) {
    const auto now = floor<seconds>(system_clock::now());
    providers::sync_report report;
    try {
        providers::sync_state state{state_file_};
        const auto& rhythm = cfg.rhythm;
        const auto range = schedule::default_range(rhythm.fiscal, site::today_in(rhythm.timezone, now));
        const auto events = schedule::apply_feed(schedule::generate(rhythm, range), *cfg.find_feed(target.feed));
        providers::sync_command_options options;
        options.cancel = &cancel_;
        auto& session = sessions_[target.name];
        if (!session) session = std::make_unique<providers::target_session>(target, state_file_.parent_path(), &cancel_);
        report = providers::sync_target(cfg, target, events, sys_days{range.from} - days{1}, state, state_file_.parent_path(), options, now,
                                        session.get());
    } catch (const std::exception& e) {
        report.target = target.name;
        report.problem = e.what();
    }
    if (report.ok) log_->info("{}", providers::summary_line(report));
    else log_->error("{}", providers::summary_line(report));
    if (on_report_) on_report_(report);
    // Credentials may have been rotated, a connection gone bad: start afresh.
    if (!report.ok) sessions_.erase(target.name);

    std::lock_guard lock{mutex_};
    auto& s = status_[target.name];
    s.target = target.name;
    s.last_run = now;
    s.ok = report.ok;
    s.deferred = report.deferred;
    s.problem = report.problem;
    s.failures_in_a_row = report.ok ? 0 : s.failures_in_a_row + 1;
    s.last_report = report;
    // A failed or deferred target is tried again next cycle, not sooner:
    // the provider's limits need the time to recover.
    s.next_run = floor<seconds>(system_clock::now()) + next_interval(target);
}

void sync_scheduler::run() {
    std::unique_lock lock{mutex_};
    while (!stopping_) {
        if (reconfigured_) {
            reconfigured_ = false;
            sessions_.clear();
            std::map<std::string, sync_status> kept;
            const auto now = floor<seconds>(system_clock::now());
            for (const auto& t : config_ ? config_->sync : std::vector<config::sync_target>{}) {
                auto s = status_.count(t.name) ? status_[t.name] : sync_status{};
                s.target = t.name;
                s.next_run = now;  // a changed config is synced right away
                kept[t.name] = s;
            }
            status_ = std::move(kept);
        }
        const auto cfg = config_;
        std::optional<sys_seconds> earliest;
        std::string due;
        const auto now = floor<seconds>(system_clock::now());
        for (const auto& [name, s] : status_) {
            if (!earliest || s.next_run < *earliest) earliest = s.next_run;
            if (due.empty() && s.next_run <= now) due = name;
        }
        if (!due.empty() && cfg) {
            const config::sync_target* target = nullptr;
            for (const auto& t : cfg->sync)
                if (t.name == due) target = &t;
            lock.unlock();
            if (target) sync_one(*cfg, *target);
            lock.lock();
            continue;
        }
        if (earliest) {
            wake_.wait_until(lock, system_clock::time_point{*earliest},
                             [this] { return stopping_ || reconfigured_; });
        } else {
            wake_.wait(lock, [this] { return stopping_ || reconfigured_; });
        }
    }
}

}  // namespace cadenced::runtime
