#include "daemon/options.h"

#include <boost/program_options.hpp>

#include <charconv>
#include <sstream>

namespace cadenced::cli {

namespace po = boost::program_options;
using namespace std::chrono;

namespace {

bool parse_int(std::string_view text, int& out) {
    if (text.empty()) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

bool all_digits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

po::options_description describe() {
    po::options_description actions{"Actions (one at a time)"};
    actions.add_options()
        ("export", "write the schedule as iCalendar (stdout, or -o FILE)")
        ("list", "print the schedule as a table")
        ("check-config", "validate the config and exit")
        ("sync", "sync the [[sync]] targets once and exit")
        ("auth", po::value<std::string>()->value_name("PROVIDER"),
         "sign in once for a [[sync]] target's delegated access (microsoft: device code) and exit")
        ("print-default-config", "print the embedded default config (a starting point for your own)")
        ("version", "print the version")
        ("help,h", "print this help");
    po::options_description common{"Options"};
    common.add_options()
        ("config,c", po::value<std::string>()->value_name("FILE"),
         "config file (default: /etc/cadenced/cadenced.toml if it exists, else the embedded default)")
        ("feed", po::value<std::string>()->value_name("NAME"), "feed (audience) to export (default: all)")
        ("from", po::value<std::string>()->value_name("YYYY-MM-DD"), "first start date, inclusive")
        ("to", po::value<std::string>()->value_name("YYYY-MM-DD"), "last start date, inclusive")
        ("output,o", po::value<std::string>()->value_name("FILE"), "write to FILE atomically instead of stdout")
        ("now", po::value<std::string>()->value_name("TIME"),
         "pretend it is TIME (2027-02-01T09:00:00Z, 2027-02-01 or @EPOCH); default: SOURCE_DATE_EPOCH, else the clock");
    po::options_description sync{"Sync (--sync)"};
    sync.add_options()
        ("target", po::value<std::string>()->value_name("NAME"), "sync (or --auth) only this [[sync]] target")
        ("dry-run", "print what would be created, updated and deleted; write nothing")
        ("force", "sync even if it would delete more than the target's max_delete_percent");
    po::options_description daemon{"Daemon (no action flag)"};
    daemon.add_options()
        ("listen", po::value<std::string>()->value_name("ADDR:PORT"),
         "address to serve on (default: [server] listen, else 127.0.0.1:8470)")
        ("state-dir", po::value<std::string>()->value_name("DIR"),
         "state directory (default: $STATE_DIRECTORY, /var/lib/cadenced as root, else ~/.local/state/cadenced)")
        ("log-level", po::value<std::string>()->value_name("LEVEL"), "debug, info (default), warn or error");
    po::options_description all;
    all.add(actions).add(common).add(sync).add(daemon);
    return all;
}

std::string help_text(const po::options_description& desc) {
    std::ostringstream text;
    text << "Usage: cadenced [--config FILE] [--listen ADDR:PORT] [--state-dir DIR] [--log-level LEVEL]\n"
            "       cadenced --export [--config FILE] [--feed NAME] [--from DATE] [--to DATE] [-o FILE]\n"
            "       cadenced --list [--config FILE] [--feed NAME] [--from DATE] [--to DATE]\n"
            "       cadenced --check-config [--config FILE]\n"
            "       cadenced --sync [--config FILE] [--target NAME] [--dry-run] [--force] [--state-dir DIR]\n"
            "       cadenced --auth microsoft [--config FILE] [--target NAME] [--state-dir DIR]\n\n"
            "Builds an operating rhythm of leadership meetings and writes it as iCalendar.\n"
            "Without an action it runs as a daemon serving the feeds and a year page over HTTP\n"
            "(SIGHUP reloads the config, SIGTERM stops). Default range of --export and --list:\n"
            "the current fiscal year and the next one.\n\n"
         << desc
         << "\nExit status: 0 ok, 64 usage error, 69 a sync target failed, 74 I/O error,\n"
            "75 a sync target was deferred by the provider's limits, 78 config error.\n";
    return text.str();
}

}  // namespace

std::optional<year_month_day> parse_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!all_digits(std::string_view{text}.substr(0, 4)) || !parse_int(std::string_view{text}.substr(0, 4), y) ||
        !all_digits(std::string_view{text}.substr(5, 2)) || !parse_int(std::string_view{text}.substr(5, 2), m) ||
        !all_digits(std::string_view{text}.substr(8, 2)) || !parse_int(std::string_view{text}.substr(8, 2), d))
        return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

std::optional<sys_seconds> parse_instant(const std::string& text) {
    if (text.size() > 1 && text[0] == '@') {
        long long epoch = 0;
        auto body = std::string_view{text}.substr(1);
        if (!all_digits(body)) return std::nullopt;
        auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), epoch);
        if (ec != std::errc{} || end != body.data() + body.size()) return std::nullopt;
        return sys_seconds{seconds{epoch}};
    }
    if (auto d = parse_date(text)) return sys_seconds{sys_days{*d}};
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto d = parse_date(text.substr(0, 10));
    int h = 0, mi = 0, s = 0;
    if (!d || !all_digits(text.substr(11, 2)) || !parse_int(text.substr(11, 2), h) ||
        !all_digits(text.substr(14, 2)) || !parse_int(text.substr(14, 2), mi) ||
        !all_digits(text.substr(17, 2)) || !parse_int(text.substr(17, 2), s) || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    return sys_seconds{sys_days{*d}} + hours{h} + minutes{mi} + seconds{s};
}

options parse_options(int argc, const char* const* argv) {
    const auto desc = describe();
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(desc).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw usage_error(std::string{e.what()} + "; see cadenced --help");
    }

    options opts;
    const std::pair<const char*, action> actions[] = {
        {"export", action::export_ics},       {"list", action::list},
        {"check-config", action::check_config}, {"print-default-config", action::print_default_config},
        {"sync", action::sync},               {"auth", action::auth},
        {"version", action::version},         {"help", action::help},
    };
    for (const auto& [name, what] : actions) {
        if (!vm.count(name)) continue;
        if (opts.what != action::daemon)
            throw usage_error(
                "choose one action: --export, --list, --check-config, --sync, --auth, --print-default-config, --version or "
                "--help");
        opts.what = what;
    }
    // Laid out only when asked for: formatting every option's description
    // is a good part of reading the command line.
    if (opts.what == action::help) opts.help_text = help_text(desc);
    if (opts.what == action::auth) {
        opts.auth_provider = vm["auth"].as<std::string>();
        if (opts.auth_provider != "microsoft")
            throw usage_error("--auth takes microsoft (Google targets use a credentials file), got \"" + opts.auth_provider +
                              "\"");
    }
    if (vm.count("config")) opts.config_path = vm["config"].as<std::string>();
    if (vm.count("feed")) opts.feed = vm["feed"].as<std::string>();
    if (vm.count("output")) opts.output_path = vm["output"].as<std::string>();
    for (const auto* key : {"from", "to"}) {
        if (!vm.count(key)) continue;
        const auto text = vm[key].as<std::string>();
        auto d = parse_date(text);
        if (!d) throw usage_error(std::string{"--"} + key + " must be a date YYYY-MM-DD, got \"" + text + "\"");
        (std::string_view{key} == "from" ? opts.from : opts.to) = d;
    }
    if (opts.from && opts.to && *opts.to < *opts.from) throw usage_error("--to is before --from");
    if (vm.count("now")) {
        const auto text = vm["now"].as<std::string>();
        opts.now = parse_instant(text);
        if (!opts.now)
            throw usage_error("--now must be YYYY-MM-DDTHH:MM:SSZ, YYYY-MM-DD or @EPOCH, got \"" + text + "\"");
    }
    const bool range_action = opts.what == action::export_ics || opts.what == action::list;
    if (!range_action && (vm.count("feed") || vm.count("from") || vm.count("to")))
        throw usage_error("--feed, --from and --to go with --export or --list");
    if (opts.what != action::export_ics && opts.output_path) throw usage_error("-o goes with --export");
    if (vm.count("listen")) opts.listen = vm["listen"].as<std::string>();
    if (vm.count("state-dir")) opts.state_dir = vm["state-dir"].as<std::string>();
    if (vm.count("log-level")) {
        opts.log_level = vm["log-level"].as<std::string>();
        if (opts.log_level != "debug" && opts.log_level != "info" && opts.log_level != "warn" && opts.log_level != "error")
            throw usage_error("--log-level must be debug, info, warn or error, got \"" + opts.log_level + "\"");
    }
    if (vm.count("target")) opts.target = vm["target"].as<std::string>();
    opts.dry_run = vm.count("dry-run") > 0;
    opts.force = vm.count("force") > 0;
    if (opts.what != action::sync && (opts.dry_run || opts.force))
        throw usage_error("--dry-run and --force go with --sync");
    if (opts.what != action::sync && opts.what != action::auth && opts.target)
        throw usage_error("--target goes with --sync or --auth");
    if (opts.what != action::daemon && opts.what != action::sync && opts.what != action::auth && opts.state_dir)
        throw usage_error("--state-dir goes with the daemon (no action flag), --sync or --auth");
    if (opts.what != action::daemon && (opts.listen || vm.count("log-level")))
        throw usage_error("--listen and --log-level go with the daemon (no action flag)");
    return opts;
}

}  // namespace cadenced::cli
