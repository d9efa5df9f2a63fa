#include "daemon/cli.h"

#include "config/config.h"
#include "config/credential_path.h"
#include "daemon/atomic_file.h"
#include "daemon/list_table.h"
#include "daemon/options.h"
#include "daemon/runtime/feed_daemon.h"
#include "daemon/site/build.h"
#include "ical/writer.h"
#include "providers/google_auth.h"
#include "providers/microsoft_auth.h"
#include "providers/sync_command.h"
#include "daemon/runtime/state_dir.h"
#include "daemon/service/logging.h"
#include "schedule/feed.h"
#include "schedule/schedule.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#ifndef CADENCED_VERSION
#define CADENCED_VERSION "unknown"
#endif

namespace cadenced::cli {

using namespace std::chrono;

environment environment::from_process() {
    environment env;
    env.getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        if (!v) return std::nullopt;
        return std::string{v};
    };
    env.now = [] { return floor<seconds>(system_clock::now()); };
    return env;
}

namespace {

config::config load_config(const options& opts, const environment& env) {
    if (opts.config_path) return config::load_file(*opts.config_path);
    std::error_code ec;
    if (std::filesystem::exists(env.default_config_path, ec)) return config::load_file(env.default_config_path);
    return config::load_default();
}

// The export's "now": --now, else SOURCE_DATE_EPOCH (reproducible builds'
// convention), else the clock.
sys_seconds resolve_now(const options& opts, const environment& env) {
    if (opts.now) return *opts.now;
    if (auto epoch = env.getenv("SOURCE_DATE_EPOCH"); epoch && !epoch->empty()) {
        auto parsed = parse_instant("@" + *epoch);
        if (!parsed) throw usage_error("SOURCE_DATE_EPOCH must be seconds since 1970, got \"" + *epoch + "\"");
        return *parsed;
    }
    return env.now();
}

const schedule::feed& find_feed(const config::config& cfg, const std::string& name) {
    if (const auto* f = cfg.find_feed(name)) return *f;
    std::string known;
    for (const auto& f : cfg.feeds) known += (known.empty() ? "" : ", ") + f.name;
    throw usage_error("unknown feed \"" + name + "\"; configured feeds: " + known);
}

std::vector<schedule::occurrence> selected_events(const options& opts, const config::config& cfg, sys_seconds now) {
    const auto& rhythm = cfg.rhythm;
    schedule::date_range range = schedule::default_range(rhythm.fiscal, site::today_in(rhythm.timezone, now));
    if (opts.from) range.from = *opts.from;
    if (opts.to) range.to = *opts.to;
    const auto& feed = find_feed(cfg, opts.feed);
    return schedule::apply_feed(schedule::generate(rhythm, range), feed);
}

int export_calendar(const options& opts, const config::config& cfg, sys_seconds now, std::ostream& out) {
    const auto events = selected_events(opts, cfg, now);
    const auto& feed = *cfg.find_feed(opts.feed);
    const ical::calendar_info info = site::calendar_info_for(cfg, feed, now);
    const std::string ics = ical::write_calendar(info, events);
    if (opts.output_path) {
        write_file_atomically(*opts.output_path, ics);
        return exit_ok;
    }
    out << ics;
    out.flush();
    if (!out) throw io_error("cannot write to standard output");
    return exit_ok;
}

// --sync: every target (or --target), one after the other; a summary line
// each, and the plan too with --dry-run.
int sync_once(const options& opts, const config::config& cfg, sys_seconds now, const environment& env,
              std::ostream& out) {
    if (cfg.sync.empty()) throw usage_error(cfg.source + " has no [[sync]] targets");
    std::vector<const config::sync_target*> targets;
    for (const auto& t : cfg.sync)
        if (!opts.target || t.name == *opts.target) targets.push_back(&t);
    if (targets.empty()) {
        std::string known;
        for (const auto& t : cfg.sync) known += (known.empty() ? "" : ", ") + t.name;
        throw usage_error("unknown sync target \"" + *opts.target + "\"; configured: " + known);
    }
    // Progress and problems go to stderr (the journal under systemd), the
    // summaries to stdout.
    service::setup_logging("info");
    const auto dir = runtime::choose_state_dir(opts.state_dir, env.getenv, ::geteuid() == 0);
    runtime::ensure_state_dir(dir);
    providers::sync_state state{dir / "sync.sqlite"};

    const auto& rhythm = cfg.rhythm;
    const auto range = schedule::default_range(rhythm.fiscal, site::today_in(rhythm.timezone, now));
    const auto all = schedule::generate(rhythm, range);
    // A day early: events that started on the range's first day in a zone
    // east of UTC end after this instant and are listed.
    const sys_seconds horizon_start = sys_days{range.from} - days{1};
    providers::sync_command_options sync_options;
    sync_options.dry_run = opts.dry_run;
    sync_options.force = opts.force;

    int status = exit_ok;
    for (const auto* target : targets) {
        const auto events = schedule::apply_feed(all, *cfg.find_feed(target->feed));
        const auto report = providers::sync_target(cfg, *target, events, horizon_start, state, dir, sync_options, now);
        if (opts.dry_run)
            for (const auto& line : report.plan_lines) out << target->name << ": " << line << "\n";
        for (const auto& rejected : report.rejected) out << target->name << ": refused: " << rejected << "\n";
        out << providers::summary_line(report) << (opts.dry_run ? " (dry run)" : "") << "\n";
        if (!report.ok) status = std::max<int>(status, report.deferred ? exit_tempfail : exit_unavailable);
    }
    out.flush();
    return status;
}

// --auth microsoft: the device code sign-in for a target's delegated
// access; its refresh token goes to the state directory.
int sign_in(const options& opts, const config::config& cfg, const environment& env, std::ostream& out) {
    std::vector<const config::sync_target*> candidates;
    for (const auto& t : cfg.sync)
        if (t.provider == "microsoft" && (!opts.target || t.name == *opts.target)) candidates.push_back(&t);
    if (candidates.empty())
        throw usage_error(opts.target ? "no Microsoft [[sync]] target named \"" + *opts.target + "\" in " + cfg.source
                                      : cfg.source + " has no [[sync]] target with provider = \"microsoft\"");
    if (candidates.size() > 1) {
        std::string names;
        for (const auto* t : candidates) names += (names.empty() ? "" : ", ") + t->name;
        throw usage_error("several Microsoft targets (" + names + "); choose one with --target");
    }
    const config::sync_target& target = *candidates.front();
    const auto app = providers::read_microsoft_app(config::credential_path(target.credentials));
    if (app.app_only())
        throw usage_error("sync target " + target.name + " uses app-only access (its credentials have a client_secret); "
                          "no sign-in is needed");
    const auto dir = runtime::choose_state_dir(opts.state_dir, env.getenv, ::geteuid() == 0);
    runtime::ensure_state_dir(dir);
    providers::http_client http{std::chrono::seconds{target.timeout_seconds}};
    providers::sign_in_with_device_code(app, target.token_url, providers::refresh_token_file(dir, target.name), http, out);
    return exit_ok;
}

// The config is valid; sync credentials are checked too, as warnings: a
// missing key stops only that target's sync, never the feeds (the unit runs
// --check-config before the daemon starts).
int check_config(const config::config& cfg, std::ostream& out, std::ostream& err) {
    out << cfg.source << ": ok: " << cfg.rhythm.meetings.size() << " meetings, " << cfg.feeds.size()
        << " feeds, time zone " << cfg.rhythm.timezone;
    if (!cfg.sync.empty()) out << ", " << cfg.sync.size() << " sync target" << (cfg.sync.size() == 1 ? "" : "s");
    out << "\n";
    for (const auto& target : cfg.sync) {
        try {
            if (target.provider == "microsoft") {
                const auto app = providers::read_microsoft_app(config::credential_path(target.credentials));
                if (app.app_only() && target.user == "me")
                    throw providers::auth_error{"app-only access (the credentials have a client_secret) needs user = "
                                                "\"<mailbox>\""};
            } else {
                providers::read_google_credentials(config::credential_path(target.credentials));
            }
        } catch (const providers::auth_error& e) {
            err << "cadenced: warning: sync target " << target.name << ": " << e.what() << "\n";
        }
    }
    return exit_ok;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const environment& env) {
    try {
        const options opts = parse_options(argc, argv);
        switch (opts.what) {
            case action::help: out << opts.help_text; return exit_ok;
            case action::version: out << "cadenced " CADENCED_VERSION "\n"; return exit_ok;
            case action::print_default_config: out << config::embedded_default_toml(); return exit_ok;
            case action::daemon: {
                runtime::daemon_options d;
                d.config_path = opts.config_path;
                d.default_config_path = env.default_config_path;
                d.listen = opts.listen;
                d.state_dir = opts.state_dir;
                d.log_level = opts.log_level;
                d.getenv = env.getenv;
                return runtime::run_daemon(d);
            }
            default: break;
        }
        const config::config cfg = load_config(opts, env);
        if (opts.what == action::check_config) return check_config(cfg, out, err);
        const sys_seconds now = resolve_now(opts, env);
        if (opts.what == action::sync) return sync_once(opts, cfg, now, env, out);
        if (opts.what == action::auth) return sign_in(opts, cfg, env, out);
        if (opts.what == action::list) {
            out << list_table(selected_events(opts, cfg, now));
            return exit_ok;
        }
        return export_calendar(opts, cfg, now, out);
    } catch (const usage_error& e) {
        err << "cadenced: " << e.what() << "\n";
        return exit_usage;
    } catch (const config::config_error& e) {
        err << "cadenced: " << e.what() << "\n";
        return exit_config;
    } catch (const schedule::rhythm_error& e) {
        err << "cadenced: config: " << e.what() << "\n";
        return exit_config;
    } catch (const io_error& e) {
        err << "cadenced: " << e.what() << "\n";
        return exit_io;
    } catch (const providers::auth_error& e) {
        // --auth: the sign-in was refused, declined or timed out.
        err << "cadenced: " << e.what() << "\n";
        return exit_unavailable;
    }
}

}  // namespace cadenced::cli
