// The real cadenced daemon on an ephemeral loopback port, driven over HTTP
// and with signals, as systemd and subscribed calendars would.
#include "daemon/service/time_slice.h"
#include "support/background_process.h"
#include "support/gzip_codec.h"
#include "support/http_client.h"
#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <filesystem>
#include <netinet/in.h>
#include <random>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace test_support;
using namespace std::chrono_literals;

namespace {

const std::string binary = CADENCED_BINARY;

// iCalendar folds long lines; text checks look at the unfolded content.
std::string unfold(std::string text) {
    for (auto pos = text.find("\r\n "); pos != std::string::npos; pos = text.find("\r\n ", pos)) text.erase(pos, 3);
    return text;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

// The daemon with its own config, state directory and log, on port 0.
class running_daemon {
public:
    explicit running_daemon(const std::string& config_text, const std::string& state = {})
        : state_dir_{state.empty() ? dir_.file("state") : state} {
        write_config(config_text);
        process_ = std::make_unique<background_process>(
            binary,
            std::vector<std::string>{"--config", config_path(), "--listen", "127.0.0.1:0", "--state-dir", state_dir_,
                                     "--log-level", "debug"},
            dir_.file("daemon.log"), std::map<std::string, std::string>{{"NOTIFY_SOCKET", "\x01unset"}});
        const auto m = process_->wait_for_log(std::regex{"serving page=(http://127\\.0\\.0\\.1:[0-9]+)/"}, 15s);
        if (m) base_ = (*m)[1];
    }

    bool up() const { return !base_.empty(); }
    const std::string& base() const { return base_; }
    std::string config_path() const { return dir_.file("cadenced.toml"); }
    void write_config(const std::string& text) const { dir_.write("cadenced.toml", text); }
    background_process& process() { return *process_; }
    std::string log() const { return process_->log(); }
    http_response get(const std::string& path, const std::vector<std::string>& headers = {}, bool head = false) const {
        return http_get(base_ + path, headers, head);
    }
    // Waits until the log holds `count` lines matching `pattern`.
    bool wait_for_count(const std::string& needle, std::size_t n, std::chrono::milliseconds timeout) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (count(log(), needle) >= n) return true;
            std::this_thread::sleep_for(20ms);
        }
        return false;
    }

private:
    temp_dir dir_;
    std::string state_dir_;
    std::unique_ptr<background_process> process_;
    std::string base_;
};

const std::string london = "timezone = \"Europe/London\"\n";

// Threads the process runs now, from /proc.
// The ids of the process's threads.
std::vector<pid_t> threads_of(pid_t pid) {
    std::vector<pid_t> tids;
    for (const auto& task : std::filesystem::directory_iterator{"/proc/" + std::to_string(pid) + "/task"})
        tids.push_back(static_cast<pid_t>(std::stol(task.path().filename().string())));
    return tids;
}

// How many of the process's threads run with the given time slice.
std::ptrdiff_t threads_with_slice(pid_t pid, std::chrono::nanoseconds slice) {
    const auto tids = threads_of(pid);
    return std::count_if(tids.begin(), tids.end(),
                         [&](pid_t tid) { return cadenced::service::time_slice(tid) == slice; });
}

}  // namespace

TEST_CASE("daemon: serves the feeds, the page, health and metrics", "[system][daemon]") {
    running_daemon d{london};
    REQUIRE(d.up());

    auto all = d.get("/feeds/all.ics");
    REQUIRE(all.status == 200);
    CHECK(all.headers["content-type"] == "text/calendar; charset=utf-8");
    CHECK(all.headers["etag"].size() == 34);
    CHECK(!all.headers["last-modified"].empty());
    CHECK(all.headers["cache-control"] == "max-age=43200");
    CHECK(all.body.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    // This and next fiscal year: 80 events, give or take the agenda deadline
    // of the first call, which depends on today's date.
    CHECK(count(all.body, "BEGIN:VEVENT\r\n") >= 79);
    CHECK(count(all.body, "SEQUENCE:0\r\n") == count(all.body, "BEGIN:VEVENT\r\n"));

    auto head = d.get("/feeds/all.ics", {}, true);
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.headers["etag"] == all.headers["etag"]);

    auto again = d.get("/feeds/all.ics", {"If-None-Match: " + all.headers["etag"]});
    CHECK(again.status == 304);
    CHECK(again.body.empty());

    auto zipped = d.get("/feeds/all.ics", {"Accept-Encoding: gzip"});
    CHECK(zipped.status == 200);
    CHECK(zipped.headers["content-encoding"] == "gzip");
    CHECK(gzip_decompress(zipped.body) == all.body);

    auto company = d.get("/feeds/company.ics");
    CHECK(company.status == 200);
    CHECK(count(company.body, "SUMMARY:Busy\r\n") == count(all.body, "X-CADENCED-KIND:offsite\r\n"));
    CHECK(unfold(company.body).find("Nothing, Nobody, Never") == std::string::npos);
    CHECK(unfold(all.body).find("Nothing\\, Nobody\\, Never") != std::string::npos);

    CHECK(d.get("/feeds/board.ics").status == 404);
    auto page = d.get("/");
    CHECK(page.status == 200);
    CHECK(page.headers["content-type"] == "text/html; charset=utf-8");
    CHECK(page.body.find(d.base() + "/feeds/company.ics") != std::string::npos);

    auto health = d.get("/healthz");
    CHECK(health.status == 200);
    CHECK(health.body.find("\"status\":\"ok\"") != std::string::npos);
    auto metrics = d.get("/metrics");
    CHECK(metrics.status == 200);
    CHECK(metrics.body.find("cadenced_http_requests_total{route=\"feed\",status=\"200\"}") != std::string::npos);

    d.process().signal(SIGTERM);
    CHECK(d.process().wait_exit(10s) == 0);
}

TEST_CASE("daemon: a private feed answers only with its token", "[system][daemon]") {
    running_daemon d{london + "[[feeds]]\nname = \"elt\"\ntoken = \"elt-secret-0123456789\"\n"
                              "[[feeds]]\nname = \"company\"\nconfidential = \"busy\"\n"};
    REQUIRE(d.up());
    CHECK(d.get("/feeds/elt.ics").status == 404);
    CHECK(d.get("/feeds/elt.ics?token=wrong-secret-0123456789").status == 404);
    auto ok = d.get("/feeds/elt.ics?token=elt-secret-0123456789");
    CHECK(ok.status == 200);
    CHECK(unfold(ok.body).find("Nothing\\, Nobody\\, Never") != std::string::npos);
    // The token never reaches the log.
    CHECK(d.log().find("elt-secret-0123456789") == std::string::npos);
    // The page lists only the public feed.
    auto page = d.get("/");
    CHECK(page.body.find("/feeds/company.ics") != std::string::npos);
    CHECK(page.body.find("/feeds/elt.ics") == std::string::npos);
}

TEST_CASE("daemon: SIGHUP reloads a changed config, a broken one keeps the last good schedule", "[system][daemon]") {
    running_daemon d{london};
    REQUIRE(d.up());
    auto before = d.get("/feeds/all.ics");
    REQUIRE(before.status == 200);

    // Move the cadence call to 14:00: its occurrences change, nothing else.
    const std::string later_call = london +
        "[[meetings]]\nid = \"cadence-call\"\ntitle = \"Quarterly cadence call {period}\"\n"
        "when = { rule = \"nth-weekday\", weekday = \"tuesday\", nth = 1, months = [1] }\nstart = \"14:00\"\nduration = 120\n"
        "[[meetings]]\nid = \"monthly-meeting\"\ntitle = \"Monthly meeting\"\n"
        "when = { rule = \"nth-weekday\", weekday = \"tuesday\", nth = 1, months = [2, 3] }\n";
    const std::string keep_monthly = london +
        "[[meetings]]\nid = \"cadence-call\"\ntitle = \"Quarterly cadence call {period}\"\n"
        "when = { rule = \"nth-weekday\", weekday = \"tuesday\", nth = 1, months = [1] }\nstart = \"10:00\"\nduration = 120\n"
        "[[meetings]]\nid = \"monthly-meeting\"\ntitle = \"Monthly meeting\"\n"
        "when = { rule = \"nth-weekday\", weekday = \"tuesday\", nth = 1, months = [2, 3] }\n";
    d.write_config(keep_monthly);
    d.process().signal(SIGHUP);
    REQUIRE(d.wait_for_count("schedule generated reason=reload", 1, 10s));
    auto first = d.get("/feeds/all.ics");
    CHECK(first.headers["etag"] != before.headers["etag"]);
    CHECK(count(first.body, "X-CADENCED-KIND:offsite") == 0);
    // The calls and the month-2 monthly meetings lost their agendas and
    // descriptions: new revisions. The month-3 monthly meetings, folded into
    // the offsite until now, are new occurrences.
    CHECK(count(first.body, "BEGIN:VEVENT\r\n") == 24);
    CHECK(count(first.body, "SEQUENCE:1\r\n") == 16);
    CHECK(count(first.body, "SEQUENCE:0\r\n") == 8);

    d.write_config(later_call);
    d.process().signal(SIGHUP);
    REQUIRE(d.wait_for_count("schedule generated reason=reload", 2, 10s));
    auto moved = d.get("/feeds/all.ics");
    const auto calls = count(moved.body, "X-CADENCED-KIND:cadence-call");
    CHECK(calls == 8);
    // The moved calls went to SEQUENCE 2; the monthly meetings kept theirs.
    CHECK(count(moved.body, "SEQUENCE:2\r\n") == calls);
    CHECK(count(moved.body, "SEQUENCE:1\r\n") == 8);
    CHECK(count(moved.body, "SEQUENCE:0\r\n") == 8);
    CHECK(count(moved.body, "T140000\r\n") == calls);

    // A broken config: rejected with its position, the old schedule served.
    d.write_config(london + "[[meetings]]\nid = \"x\"\ntitle = \"X\"\nwhen = { rule = \"nth-weekday\", nth = 9 }\n");
    d.process().signal(SIGHUP);
    REQUIRE(d.process().wait_for_log(std::regex{"config rejected, still serving the last good schedule: .*cadenced\\.toml:5:"}, 10s));
    auto still = d.get("/feeds/all.ics");
    CHECK(still.status == 200);
    CHECK(still.headers["etag"] == moved.headers["etag"]);
    auto health = d.get("/healthz");
    CHECK(health.status == 503);
    CHECK(health.body.find("\"status\":\"degraded\"") != std::string::npos);
    CHECK(health.body.find("cadenced.toml:5:") != std::string::npos);
    CHECK(d.get("/metrics").body.find("cadenced_reload_failures_total 1") != std::string::npos);

    // Fixing the file on disk is noticed without a signal.
    d.write_config(later_call + "# fixed\n");
    REQUIRE(d.wait_for_count("config file changed", 1, 15s));
    REQUIRE(d.wait_for_count("schedule generated reason=reload", 3, 10s));
    CHECK(d.get("/healthz").status == 200);
}

TEST_CASE("daemon: [server] threads sets how many threads serve HTTP", "[system][daemon]") {
    running_daemon one{london + "[server]\nthreads = 1\n"};
    running_daemon three{london + "[server]\nthreads = 3\n"};
    REQUIRE(one.up());
    REQUIRE(three.up());
    CHECK(one.log().find(" threads=1\n") != std::string::npos);
    CHECK(three.log().find(" threads=3\n") != std::string::npos);
    // Every connection is answered on one of them, whichever is free.
    for (int i = 0; i < 6; ++i) CHECK(three.get("/feeds/all.ics").status == 200);
    CHECK(one.get("/feeds/all.ics").status == 200);
    // Same config otherwise, so the same other threads.
    CHECK(threads_of(three.process().pid()).size() == threads_of(one.process().pid()).size() + 2);
    // Each serving thread, and only they, asked for a short time slice
    // (kernels that have none report none).
    if (cadenced::service::time_slice()) {
        CHECK(threads_with_slice(one.process().pid(), 100us) == 1);
        CHECK(threads_with_slice(three.process().pid(), 100us) == 3);
    }

    // A running daemon keeps its threads; a changed count waits for a restart.
    three.write_config(london + "[server]\nthreads = 2\n");
    three.process().signal(SIGHUP);
    REQUIRE(three.process().wait_for_log(std::regex{"server\\.threads changed in the config; it takes effect at the next restart"}, 10s));
    CHECK(three.get("/feeds/all.ics").status == 200);
}

TEST_CASE("daemon: revisions survive a restart", "[system][daemon]") {
    temp_dir state;
    std::string etag;
    {
        running_daemon d{london, state.file("s")};
        REQUIRE(d.up());
        etag = d.get("/feeds/all.ics").headers["etag"];
        d.process().signal(SIGTERM);
        REQUIRE(d.process().wait_exit(10s) == 0);
    }
    running_daemon again{london, state.file("s")};
    REQUIRE(again.up());
    // Same content, same revisions, so the same bytes: clients get their 304.
    CHECK(again.get("/feeds/all.ics", {"If-None-Match: " + etag}).status == 304);
}

TEST_CASE("daemon: start-up failures exit with a clear reason", "[system][daemon]") {
    temp_dir dir;
    dir.write("bad.toml", "timezone = \"Mars/Olympus\"\n");
    auto bad = run_process(binary, {"--config", dir.file("bad.toml"), "--listen", "127.0.0.1:0", "--state-dir",
                                    dir.file("state")});
    CHECK(bad.exit_code == 78);
    CHECK(bad.err.find(dir.file("bad.toml") + ":1:12: unknown time zone") != std::string::npos);

    // The port is taken.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd, 1) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    const std::string taken = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
    dir.write("ok.toml", london);
    auto busy = run_process(binary, {"--config", dir.file("ok.toml"), "--listen", taken, "--state-dir", dir.file("state")});
    ::close(fd);
    CHECK(busy.exit_code == 74);
    CHECK(busy.err.find("cannot listen on " + taken) != std::string::npos);
}

TEST_CASE("daemon: thousands of malformed requests do not bring it down", "[system][daemon]") {
    running_daemon d{london};
    REQUIRE(d.up());
    const auto port = static_cast<unsigned short>(std::stoi(d.base().substr(d.base().rfind(':') + 1)));
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 rng{seed};
    const std::vector<std::string> pieces{"GET ", "POST ", "HEAD ", "/feeds/", "all.ics", "?token=", "%00", "%zz",
                                          " HTTP/1.1\r\n", " HTTP/9.9\r\n", "Host: x\r\n", "Content-Length: 5\r\n",
                                          "Transfer-Encoding: chunked\r\n", "\r\n", "\n", ":", std::string(300, 'A'),
                                          "If-None-Match: \"\r\n", "Accept-Encoding: gzip;q=abc\r\n", "\x01\xff"};
    for (int i = 0; i < 2000; ++i) {
        std::string request;
        const int n = static_cast<int>(rng() % 12);
        for (int k = 0; k < n; ++k) request += pieces[rng() % pieces.size()];
        if (rng() % 4 == 0) request += "\r\n\r\n";
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        timeval tv{0, 200000};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
            ::shutdown(fd, SHUT_WR);
            char buf[512];
            while (::recv(fd, buf, sizeof buf, 0) > 0) {
            }
        }
        ::close(fd);
    }
    CHECK(d.get("/feeds/all.ics").status == 200);
    CHECK(d.get("/healthz").status == 200);
}

TEST_CASE("daemon: serves on a socket passed by systemd socket activation", "[system][daemon][systemd]") {
    const std::string activate = "/usr/bin/systemd-socket-activate";
    if (::access(activate.c_str(), X_OK) != 0) {
        WARN("skipped: " << activate << " is not installed");
        return;
    }
    // A port that was free a moment ago.
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(probe, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(probe, reinterpret_cast<sockaddr*>(&addr), &len);
    const std::string port = std::to_string(ntohs(addr.sin_port));
    ::close(probe);

    temp_dir dir;
    dir.write("cadenced.toml", london);
    // --listen names another port: the inherited socket must win.
    background_process p{activate,
                         {"-l", "127.0.0.1:" + port, binary, "--config", dir.file("cadenced.toml"), "--listen",
                          "127.0.0.1:1", "--state-dir", dir.file("state")},
                         dir.file("log"), {{"NOTIFY_SOCKET", "\x01unset"}}};
    REQUIRE(p.wait_for_log(std::regex{"Listening on"}, 10s));
    // The first connection starts cadenced, which answers it.
    auto health = http_get("http://127.0.0.1:" + port + "/healthz");
    CHECK(health.status == 200);
    CHECK(http_get("http://127.0.0.1:" + port + "/feeds/all.ics").status == 200);
    p.signal(SIGTERM);
    CHECK(p.wait_exit(10s).has_value());
}
