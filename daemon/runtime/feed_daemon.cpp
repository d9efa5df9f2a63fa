#include "daemon/runtime/feed_daemon.h"

#include "config/config.h"
#include "daemon/http/metrics.h"
#include "daemon/http/server.h"
#include "daemon/runtime/health_json.h"
#include "daemon/runtime/state_dir.h"
#include "daemon/runtime/sync_scheduler.h"
#include "daemon/service/listen_fds.h"
#include "daemon/service/logging.h"
#include "daemon/service/notifier.h"
#include "daemon/service/time_slice.h"
#include "daemon/site/build.h"
#include "daemon/store/revision_store.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

#include <algorithm>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cadenced::runtime {

namespace asio = boost::asio;
using namespace std::chrono;

namespace {

// How often the daemon looks at the config file and the date. Cheap (one
// stat(2)), and quick enough that an edit is live within seconds.
constexpr auto tick_interval = seconds{2};

// The time slice the serving threads ask for: the shortest the kernel
// grants. An answer takes 10-50 us of CPU; with the default slice (about
// 1.4 ms on two cores) a serving thread woken by a request waited for a
// busy neighbour's turn to end, and the request with it. Measured with the
// feed server benchmark's paced 200 case: p99 3.2-3.9 ms before, 2.0-2.7 ms
// after.
constexpr auto serving_time_slice = microseconds{100};

enum exit_status : int { exit_ok = 0, exit_io = 74, exit_config = 78 };

// What identifies a version of the config file on disk.
struct file_identity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    long long mtime_ns = 0;
    bool operator==(const file_identity&) const = default;
};

file_identity identify(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return {true, st.st_dev, st.st_ino, st.st_size,
            static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec};
}

sys_seconds now_seconds() { return floor<seconds>(system_clock::now()); }

std::string url_host(const asio::ip::address& address) {
    if (address.is_unspecified()) {
        char name[256] = {};
        if (::gethostname(name, sizeof name - 1) == 0 && name[0]) return name;
        return address.is_v6() ? "[::1]" : "127.0.0.1";
    }
    return address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
}

class feed_daemon : public site::source {
public:
    explicit feed_daemon(const daemon_options& options) : options_{options} {}

    int run() {
        log_ = service::logger("daemon");
        if (!load_first_config()) return exit_config;
        if (!open_store()) return exit_io;
        if (!listen()) return exit_io;
        // After listen(): links on the page name the real port (an
        // ephemeral one in tests).
        if (!rebuild("start")) return exit_config;
        sync_->configure(config_);

        server_->start();
        announce();
        watch_signals();
        schedule_tick();
        schedule_watchdog();
        notify_.ready(status_line());
        // The serving threads share one io_context, and with it every
        // connection: whichever thread is free takes the next ready one (see
        // http::connection_executor). The main thread runs the daemon's own
        // handlers (signals, timers).
        std::vector<std::thread> threads;
        for (unsigned i = 0; i < serving_threads_; ++i) {
            threads.emplace_back([this] {
                if (const auto ec = service::request_time_slice(serving_time_slice))
                    log_->debug("serving thread keeps its time slice: {}", ec.message());
                serving_io_->run();
            });
        }
        io_.run();
        for (auto& t : threads) t.join();
        sync_->stop();
        log_->info("stopped");
        return exit_ok;
    }

    std::shared_ptr<const site::snapshot> current() const override {
        std::lock_guard lock{mutex_};
        return snapshot_;
    }

    std::pair<std::string, bool> health() const override {
        std::lock_guard lock{mutex_};
        health_report report;
        report.config_path = config_->source;
        report.config_loaded_at = config_loaded_at_;
        report.generated_at = snapshot_ ? snapshot_->generated_at : sys_seconds{};
        report.last_error = last_error_;
        report.degraded = !last_error_.empty();
        report.occurrences = snapshot_ ? snapshot_->agendas.size() : 0;
        for (const auto& [name, feed] : snapshot_->feeds) report.feeds.push_back(name);
        if (sync_) {
            for (const auto& s : sync_->status()) {
                sync_health h;
                h.target = s.target;
                h.last_run = s.last_run;
                h.next_run = s.next_run;
                h.result = !s.last_run ? "pending" : s.ok ? "ok" : s.deferred ? "deferred" : "failed";
                h.problem = s.problem;
                h.degraded = s.degraded();
                const auto& r = s.last_report;
                h.created = r.created;
                h.updated = r.updated;
                h.deleted = r.deleted;
                h.unchanged = r.unchanged;
                h.rejected = r.rejected.size();
                h.requests = r.requests;
                report.degraded = report.degraded || h.degraded;
                report.sync.push_back(std::move(h));
            }
        }
        return {health_json(report), !report.degraded};
    }

private:
    // The config named by --config, else the default path if it exists,
    // else the embedded default (watched for appearing: no).
    std::optional<std::string> config_file() const {
        if (options_.config_path) return options_.config_path;
        if (identify(options_.default_config_path).exists) return options_.default_config_path;
        return std::nullopt;
    }

    config::config load_config() const {
        const auto path = config_file();
        return path ? config::load_file(*path) : config::load_default();
    }

    bool load_first_config() {
        try {
            auto loaded = load_config();
            watched_ = config_file();
            if (watched_) watched_identity_ = identify(*watched_);
            std::lock_guard lock{mutex_};
            config_ = std::make_shared<const config::config>(std::move(loaded));
            config_loaded_at_ = now_seconds();
            return true;
        } catch (const config::config_error& e) {
            log_->error("config rejected: {}", e.what());
            return false;
        }
    }

    bool open_store() {
        try {
            const auto dir = choose_state_dir(options_.state_dir, options_.getenv, ::geteuid() == 0);
            ensure_state_dir(dir);
            store_ = std::make_unique<store::revision_store>(dir / "state.sqlite");
            state_dir_ = dir;
            log_->info("state database opened path={}", store_->path().string());
            sync_ = std::make_unique<sync_scheduler>(dir / "sync.sqlite", service::logger("sync"),
                                                     [this](const providers::sync_report& r) {
                                                         metrics_.count_sync(r.target,
                                                                             r.ok ? "ok" : r.deferred ? "deferred" : "failed",
                                                                             r.created, r.updated, r.deleted, r.requests);
                                                     });
            return true;
        } catch (const std::exception& e) {
            log_->error("cannot open the state: {}", e.what());
            return false;
        }
    }

    // Renders a new snapshot from the current config; false if it failed
    // (the previous snapshot, if any, stays).
    bool rebuild(const char* why) {
        std::shared_ptr<const config::config> cfg;
        std::shared_ptr<const site::snapshot> previous;
        {
            std::lock_guard lock{mutex_};
            cfg = config_;
            previous = snapshot_;
        }
        try {
            const auto now = now_seconds();
            auto next = site::build_site({*cfg, now, store_.get(), base_url(*cfg), previous, state_dir_});
            built_for_ = site::today_in(cfg->rhythm.timezone, now);
            {
                std::lock_guard lock{mutex_};
                snapshot_ = std::move(next);
            }
            metrics_.count_regeneration();
            log_->info("schedule generated reason={} occurrences={} feeds={}", why, current()->agendas.size(),
                       current()->feeds.size());
            // A build allocates several times the snapshot's size in
            // temporaries; handing the freed pages back keeps the idle
            // daemon at the size of what it serves, not of its last build.
            previous.reset();
            ::malloc_trim(0);
            return true;
        } catch (const std::exception& e) {
            log_->error("schedule generation failed reason={}: {}", why, e.what());
            return false;
        }
    }

    std::string base_url(const config::config& cfg) const {
        if (!cfg.server.public_url.empty()) return cfg.server.public_url;
        if (!server_) return "http://" + cfg.server.listen_address + ":" + std::to_string(cfg.server.listen_port);
        const auto ep = server_->local_endpoint();
        return "http://" + url_host(ep.address()) + ":" + std::to_string(ep.port());
    }

    bool listen() {
        try {
            serving_threads_ = io_threads(config_->server);
            serving_io_ = std::make_unique<asio::io_context>(static_cast<int>(serving_threads_));
            // Until stop(), run() must not return in a moment with nothing
            // to wait for (between an accept failing and its retry, say).
            serving_work_.emplace(serving_io_->get_executor());
            // One listening socket: systemd's (socket activation: the unit
            // decides the address) or our own.
            asio::ip::tcp::acceptor acceptor{*serving_io_};
            if (const auto inherited = service::inherited_listen_sockets(); !inherited.empty()) {
                acceptor.assign(local_protocol(inherited.front()), inherited.front());
            } else {
                auto [address, port] = listen_address();
                const asio::ip::tcp::endpoint ep{asio::ip::make_address(address), port};
                acceptor.open(ep.protocol());
                acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
                acceptor.bind(ep);
                acceptor.listen(asio::socket_base::max_listen_connections);
            }
            server_ = std::make_unique<http::server>(*serving_io_, std::move(acceptor), *this, metrics_);
            const auto bound = server_->local_endpoint();
            log_->info("listening address={} port={} threads={}", bound.address().to_string(), bound.port(),
                       serving_threads_);
            return true;
        } catch (const std::exception& e) {
            log_->error("cannot listen on {}: {}", describe_listen(), e.what());
            return false;
        }
    }

    static asio::ip::tcp local_protocol(int fd) {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        return addr.ss_family == AF_INET6 ? asio::ip::tcp::v6() : asio::ip::tcp::v4();
    }

    std::pair<std::string, unsigned short> listen_address() const {
        if (options_.listen) {
            auto parsed = config::parse_listen(*options_.listen, true);
            if (!parsed) throw std::runtime_error("--listen must be ADDRESS:PORT with an IP address");
            return *parsed;
        }
        return {config_->server.listen_address, config_->server.listen_port};
    }

    std::string describe_listen() const {
        if (options_.listen) return *options_.listen;
        return config_->server.listen_address + ":" + std::to_string(config_->server.listen_port);
    }

    void announce() {
        const auto snap = current();
        const std::string base = base_url(*config_);
        log_->info("serving page={}/", base);
        for (const auto& [name, feed] : snap->feeds)
            log_->info("serving feed={} url={}/feeds/{}.ics{}", name, base, name, feed.token ? "?token=..." : "");
        // Someone who started it by hand (make run) gets the links plainly.
        if (::isatty(STDOUT_FILENO)) {
            std::printf("\ncadenced is running. Open the year at a glance:\n  %s/\n\nSubscribe a calendar to a feed:\n",
                        base.c_str());
            for (const auto& [name, feed] : snap->feeds)
                std::printf("  %-10s %s/feeds/%s.ics%s\n", name.c_str(), base.c_str(), name.c_str(),
                            feed.token ? "?token=<secret>" : "");
            std::printf("\nStop with Ctrl-C. Reload the config with: kill -HUP %d\n\n", static_cast<int>(::getpid()));
            std::fflush(stdout);
        }
    }

    std::string status_line() const {
        std::lock_guard lock{mutex_};
        if (!last_error_.empty()) return "Degraded: last config rejected; serving the previous schedule";
        return "Serving " + std::to_string(snapshot_->feeds.size()) + " feeds, " +
               std::to_string(snapshot_->agendas.size()) + " occurrences";
    }

    void watch_signals() {
        signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
            if (ec) return;
            if (signal == SIGHUP) {
                log_->info("reload requested signal=HUP");
                reload();
                watch_signals();
                return;
            }
            log_->info("stopping signal={}", signal == SIGTERM ? "TERM" : "INT");
            notify_.stopping();
            stop();
        });
    }

    void stop() {
        if (sync_) sync_->request_stop();
        if (server_) server_->stop();
        serving_work_.reset();
        signals_.cancel();
        tick_.cancel();
        watchdog_.cancel();
    }

    void reload() {
        notify_.reloading();
        try {
            auto loaded = load_config();
            if (!options_.listen && (loaded.server.listen_address != config_->server.listen_address ||
                                     loaded.server.listen_port != config_->server.listen_port))
                log_->warn("the listening address changed in the config; it takes effect at the next restart");
            if (loaded.server.threads != config_->server.threads)
                log_->warn("server.threads changed in the config; it takes effect at the next restart");
            {
                std::lock_guard lock{mutex_};
                config_ = std::make_shared<const config::config>(std::move(loaded));
                config_loaded_at_ = now_seconds();
                last_error_.clear();
            }
            if (!rebuild("reload")) {
                std::lock_guard lock{mutex_};
                last_error_ = "schedule generation failed after reload";
            } else {
                sync_->configure(config_);
            }
        } catch (const config::config_error& e) {
            metrics_.count_reload_failure();
            log_->error("config rejected, still serving the last good schedule: {}", e.what());
            std::lock_guard lock{mutex_};
            last_error_ = e.what();
        }
        notify_.ready(status_line());
    }

    void schedule_tick() {
        tick_.expires_after(tick_interval);
        tick_.async_wait([this](const boost::system::error_code& ec) {
            if (ec) return;
            on_tick();
            schedule_tick();
        });
    }

    void on_tick() {
        if (watched_) {
            const auto now_identity = identify(*watched_);
            if (!(now_identity == watched_identity_)) {
                watched_identity_ = now_identity;
                if (now_identity.exists) {
                    log_->info("config file changed path={}", *watched_);
                    reload();
                    return;
                }
                log_->warn("config file disappeared path={}; keeping the loaded config", *watched_);
            }
        }
        // A new day moves the page's "today" and, at a fiscal year's turn,
        // the range the feeds cover.
        if (site::today_in(config_->rhythm.timezone, now_seconds()) != built_for_) rebuild("new day");
    }

    void schedule_watchdog() {
        const auto interval = notify_.watchdog_interval();
        if (!interval) return;
        watchdog_.expires_after(*interval);
        watchdog_.async_wait([this](const boost::system::error_code& ec) {
            if (ec) return;
            notify_.watchdog();
            schedule_watchdog();
        });
    }

    static unsigned io_threads(const config::server_settings& server) {
        if (server.threads > 0) return server.threads;
        return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    }

    daemon_options options_;
    asio::io_context io_;
    asio::strand<asio::io_context::executor_type> strand_{asio::make_strand(io_)};
    asio::signal_set signals_{strand_, SIGINT, SIGTERM, SIGHUP};
    asio::steady_timer tick_{strand_};
    asio::steady_timer watchdog_{strand_};
    service::notifier notify_;
    http::metrics metrics_;
    std::shared_ptr<spdlog::logger> log_;
    std::unique_ptr<store::revision_store> store_;
    /// Also where the feeds' bodies are kept as unnamed files for sendfile;
    /// empty (memfds) until the state directory is open.
    std::filesystem::path state_dir_;
    std::unique_ptr<sync_scheduler> sync_;  ///< provider sync, on its own thread
    std::optional<std::string> watched_;
    file_identity watched_identity_;
    std::chrono::year_month_day built_for_;

    mutable std::mutex mutex_;  // guards the four below, read by HTTP handlers
    std::shared_ptr<const config::config> config_;
    std::shared_ptr<const site::snapshot> snapshot_;
    sys_seconds config_loaded_at_;
    std::string last_error_;

    // Declared last so that the servers go first, while the rest they use
    // still exists.
    unsigned serving_threads_ = 1;
    std::unique_ptr<asio::io_context> serving_io_;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> serving_work_;
    /// After serving_io_: destroyed (and stopped) before it.
    std::unique_ptr<http::server> server_;
};

}  // namespace

int run_daemon(const daemon_options& options) {
    service::setup_logging(options.log_level);
    feed_daemon daemon{options};
    return daemon.run();
}

}  // namespace cadenced::runtime
