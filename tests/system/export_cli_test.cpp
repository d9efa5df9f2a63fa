// The real cadenced binary: exit codes, messages, output files.
#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

using test_support::run_process;
using test_support::temp_dir;

namespace {

const std::string binary = CADENCED_BINARY;

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

// A config pinned to one zone, so results do not depend on the machine.
struct pinned_config {
    temp_dir dir;
    std::string path = dir.file("cadenced.toml");
    explicit pinned_config(const std::string& text = "timezone = \"America/New_York\"\n") { dir.write("cadenced.toml", text); }
};

}  // namespace

TEST_CASE("cli: --version and --help", "[system][cli]") {
    auto v = run_process(binary, {"--version"});
    CHECK(v.exit_code == 0);
    CHECK(std::regex_match(v.out, std::regex{"cadenced [0-9]+\\.[0-9]+\\.[0-9]+\n"}));
    auto h = run_process(binary, {"--help"});
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("--export") != std::string::npos);
    CHECK(h.out.find("--check-config") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 64 with one line", "[system][cli]") {
    auto bogus = run_process(binary, {"--bogus"});
    CHECK(bogus.exit_code == 64);
    CHECK(bogus.err == "cadenced: unrecognised option '--bogus'; see cadenced --help\n");
    auto two = run_process(binary, {"--export", "--list"});
    CHECK(two.exit_code == 64);
    CHECK(two.err == "cadenced: choose one action: --export, --list, --check-config, --sync, --auth, --print-default-config, --version "
                      "or --help\n");
    auto bad_date = run_process(binary, {"--export", "--from", "2027-02-30"});
    CHECK(bad_date.exit_code == 64);
    CHECK(bad_date.err == "cadenced: --from must be a date YYYY-MM-DD, got \"2027-02-30\"\n");
    pinned_config cfg;
    auto bad_feed = run_process(binary, {"--export", "--config", cfg.path, "--feed", "board"});
    CHECK(bad_feed.exit_code == 64);
    CHECK(bad_feed.err == "cadenced: unknown feed \"board\"; configured feeds: all, company\n");
    CHECK(bad_feed.out.empty());
}

TEST_CASE("cli: config errors exit 78 with file:line:column", "[system][cli]") {
    pinned_config cfg{"timezone = \"Mars/Olympus\"\n"};
    auto r = run_process(binary, {"--export", "--config", cfg.path});
    CHECK(r.exit_code == 78);
    CHECK(r.err.rfind("cadenced: " + cfg.path + ":1:12: ", 0) == 0);
    CHECK(r.out.empty());
    auto missing = run_process(binary, {"--check-config", "--config", cfg.dir.file("nope.toml")});
    CHECK(missing.exit_code == 78);
    CHECK(missing.err.find("nope.toml") != std::string::npos);
}

TEST_CASE("cli: --check-config reports what it loaded", "[system][cli]") {
    pinned_config cfg;
    auto r = run_process(binary, {"--check-config", "--config", cfg.path});
    CHECK(r.exit_code == 0);
    CHECK(r.out == cfg.path + ": ok: 7 meetings, 2 feeds, time zone America/New_York\n");
}

TEST_CASE("cli: --check-config warns about sync credentials it cannot use", "[system][cli]") {
    pinned_config cfg{"timezone = \"America/New_York\"\n"
                      "[[sync]]\nname = \"usable\"\nprovider = \"google\"\ncredentials = \"good.json\"\n"
                      "[[sync]]\nname = \"missing\"\nprovider = \"google\"\ncredentials = \"absent.json\"\n"
                      "[[sync]]\nname = \"broken\"\nprovider = \"google\"\ncredentials = \"bad.json\"\n"};
    cfg.dir.write("good.json", R"({"type":"authorized_user","client_id":"i","client_secret":"s","refresh_token":"r"})");
    cfg.dir.write("bad.json", R"({"type":"authorized_user","client_id":"i","refresh_token":"r"})");
    auto r = run_process(binary, {"--check-config", "--config", cfg.path}, {{"CREDENTIALS_DIRECTORY", cfg.dir.path()}});
    CHECK(r.exit_code == 0);  // the feeds are fine; only those targets cannot sync
    CHECK(r.out == cfg.path + ": ok: 7 meetings, 2 feeds, time zone America/New_York, 3 sync targets\n");
    CHECK(r.err == "cadenced: warning: sync target missing: cannot read the credentials file " + cfg.dir.file("absent.json") +
                       "\ncadenced: warning: sync target broken: " + cfg.dir.file("bad.json") +
                       ": missing or empty \"client_secret\"\n");
}

TEST_CASE("cli: default export covers this fiscal year and the next", "[system][cli][export]") {
    pinned_config cfg;
    // 23 November 2026 is in FY2027 (Feb 2026 - Jan 2027): the export covers
    // 1 Feb 2026 - 31 Jan 2028, 40 events a year; the Q1 FY2027 agenda
    // deadline (29 Jan 2026) is before it, the Q1 FY2029 one (27 Jan 2028)
    // inside it.
    auto r = run_process(binary, {"--export", "--config", cfg.path, "--now", "2026-11-23T12:00:00Z"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(count(r.out, "BEGIN:VEVENT\r\n") == 80);
    CHECK(count(r.out, "UID:cadence-call-FY2027-Q1@cadenced\r\n") == 1);
    CHECK(count(r.out, "UID:cadence-call-FY2028-Q4@cadenced\r\n") == 1);
    CHECK(count(r.out, "UID:cadence-agenda-due-FY2029-Q1@cadenced\r\n") == 1);
    CHECK(count(r.out, "UID:cadence-agenda-due-FY2027-Q1@cadenced\r\n") == 0);
    CHECK(count(r.out, "DTSTAMP:20261123T120000Z\r\n") == 80);
    CHECK(count(r.out, "DTSTART;TZID=America/New_York:20270202T100000\r\n") == 1);
}

TEST_CASE("cli: the same SOURCE_DATE_EPOCH gives the same bytes", "[system][cli][export]") {
    pinned_config cfg;
    const std::map<std::string, std::string> env{{"SOURCE_DATE_EPOCH", "1795000000"}};
    auto a = run_process(binary, {"--export", "--config", cfg.path}, env);
    auto b = run_process(binary, {"--export", "--config", cfg.path}, env);
    REQUIRE(a.exit_code == 0);
    CHECK(a.out == b.out);
    CHECK(count(a.out, "DTSTAMP:20261118T110640Z\r\n") > 0);
    auto bad = run_process(binary, {"--export", "--config", cfg.path}, {{"SOURCE_DATE_EPOCH", "soon"}});
    CHECK(bad.exit_code == 64);
    CHECK(bad.err == "cadenced: SOURCE_DATE_EPOCH must be seconds since 1970, got \"soon\"\n");
}

TEST_CASE("cli: the embedded default runs with no config at all", "[system][cli][export]") {
    auto r = run_process(binary, {"--export", "--now", "2026-11-23"}, {{"TZ", "Europe/London"}});
    REQUIRE(r.exit_code == 0);
    CHECK(count(r.out, "BEGIN:VEVENT\r\n") == 80);
    CHECK(count(r.out, "X-WR-TIMEZONE:Europe/London\r\n") == 1);
}

TEST_CASE("cli: --from and --to select event starts inclusively", "[system][cli][export]") {
    pinned_config cfg;
    auto r = run_process(binary, {"--export", "--config", cfg.path, "--from", "2027-03-16", "--to", "2027-03-19"});
    REQUIRE(r.exit_code == 0);
    CHECK(count(r.out, "BEGIN:VEVENT\r\n") == 4);
    CHECK(count(r.out, "X-CADENCED-KIND:offsite\r\n") == 4);
    auto company = run_process(binary, {"--export", "--config", cfg.path, "--feed", "company", "--from", "2027-03-16",
                                        "--to", "2027-03-19"});
    REQUIRE(company.exit_code == 0);
    CHECK(count(company.out, "SUMMARY:Busy\r\n") == 4);
    // Unfolded, the full feed holds the offsite's confidentiality rules and
    // the company feed does not.
    auto unfold = [](std::string text) {
        for (auto pos = text.find("\r\n "); pos != std::string::npos; pos = text.find("\r\n ", pos)) text.erase(pos, 3);
        return text;
    };
    CHECK(unfold(r.out).find("Nothing\\, Nobody\\, Never") != std::string::npos);
    CHECK(unfold(company.out).find("Nobody") == std::string::npos);
}

TEST_CASE("cli: -o writes atomically and a failed write leaves nothing behind", "[system][cli][export]") {
    pinned_config cfg;
    const std::string target = cfg.dir.file("rhythm.ics");
    auto stdout_run = run_process(binary, {"--export", "--config", cfg.path, "--now", "@1795000000"});
    auto file_run = run_process(binary, {"--export", "--config", cfg.path, "--now", "@1795000000", "-o", target});
    REQUIRE(file_run.exit_code == 0);
    CHECK(file_run.out.empty());
    CHECK(test_support::read_file(target) == stdout_run.out);

    // Renaming over a directory fails after the temp file is written.
    const std::string dir_target = cfg.dir.file("taken");
    std::filesystem::create_directory(dir_target);
    auto failed = run_process(binary, {"--export", "--config", cfg.path, "-o", dir_target});
    CHECK(failed.exit_code == 74);
    CHECK(failed.err == "cadenced: cannot write " + dir_target + ": Is a directory\n");
    CHECK(std::filesystem::is_directory(dir_target));
    auto missing_dir = run_process(binary, {"--export", "--config", cfg.path, "-o", cfg.dir.file("no/such.ics")});
    CHECK(missing_dir.exit_code == 74);
    CHECK(missing_dir.err == "cadenced: cannot write " + cfg.dir.file("no/such.ics") + ": No such file or directory\n");
    std::size_t leftovers = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cfg.dir.path()))
        if (entry.path().filename().string().rfind(".", 0) == 0) ++leftovers;
    CHECK(leftovers == 0);
}

TEST_CASE("cli: -o into a device or through a symlink keeps what is there", "[system][cli][export]") {
    pinned_config cfg;
    auto to_null = run_process(binary, {"--export", "--config", cfg.path, "-o", "/dev/null"});
    CHECK(to_null.exit_code == 0);
    CHECK(std::filesystem::is_character_file("/dev/null"));

    const std::string real = cfg.dir.file("real.ics"), link = cfg.dir.file("link.ics");
    cfg.dir.write("real.ics", "old");
    std::filesystem::create_symlink(real, link);
    auto through = run_process(binary, {"--export", "--config", cfg.path, "-o", link});
    CHECK(through.exit_code == 0);
    CHECK(std::filesystem::is_symlink(link));
    CHECK(test_support::read_file(real).rfind("BEGIN:VCALENDAR", 0) == 0);
}

TEST_CASE("cli: --list prints an aligned table", "[system][cli][list]") {
    pinned_config cfg;
    auto r = run_process(binary, {"--list", "--config", cfg.path, "--from", "2027-01-28", "--to", "2027-02-03"});
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto nl = r.out.find('\n'); nl != std::string::npos; start = nl + 1, nl = r.out.find('\n', start))
        lines.push_back(r.out.substr(start, nl - start));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "DATE            TIME         ZONE              MEETING                            QUARTER");
    CHECK(lines[1] == "Thu 2027-01-28  all day      America/New_York  Cadence call agenda due Q1 FY2028  Q1 FY2028");
    CHECK(lines[2] == "Tue 2027-02-02  10:00-12:05  America/New_York  Quarterly cadence call Q1 FY2028   Q1 FY2028");
    CHECK(lines[3] == "Wed 2027-02-03  all day      America/New_York  Cadence call follow-up Q1 FY2028   Q1 FY2028");
}
