#include "daemon/service/logging.h"

#include "scoped_env.h"
#include "support/run_process.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>

using cadenced::service::logger;
using cadenced::service::setup_logging;
using test_support::scoped_env;
using test_support::temp_dir;

namespace {

// Sends fd 2 to a file for the test's lifetime, as systemd connects a
// service's stderr to a journald stream.
class captured_stderr {
public:
    explicit captured_stderr(const std::string& path) : path_{path}, saved_{::dup(STDERR_FILENO)} {
        std::fflush(stderr);
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::dup2(fd, STDERR_FILENO) == STDERR_FILENO);
        ::close(fd);
    }
    ~captured_stderr() {
        std::fflush(stderr);
        ::dup2(saved_, STDERR_FILENO);
        ::close(saved_);
        // Later tests log to the real stderr again, in the terminal format.
        const scoped_env no_journal{"JOURNAL_STREAM", std::nullopt};
        setup_logging("info");
    }
    captured_stderr(const captured_stderr&) = delete;
    captured_stderr& operator=(const captured_stderr&) = delete;

    /// "dev:ino" of the captured stderr, the form of JOURNAL_STREAM.
    static std::string journal_stream() {
        struct stat st {};
        REQUIRE(::fstat(STDERR_FILENO, &st) == 0);
        return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    }

    std::string text() const { return test_support::read_file(path_); }

private:
    std::string path_;
    int saved_;
};

// True when `text` has the shape of `pattern`, where '#' stands for any
// digit: timestamps differ from run to run, everything else must match.
bool matches_shape(const std::string& text, const std::string& pattern) {
    if (text.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (pattern[i] == '#' ? !digit : text[i] != pattern[i]) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("logging: under journald each line is <priority>message", "[unit][service]") {
    const temp_dir dir;
    const captured_stderr err{dir.file("stderr")};
    const scoped_env journal{"JOURNAL_STREAM", captured_stderr::journal_stream()};
    setup_logging("debug");

    SECTION("error") {
        logger("test")->error("boom");
        CHECK(err.text() == "<3>boom\n");
    }
    SECTION("every level maps to its syslog priority") {
        auto log = logger("http");
        log->debug("request served status={}", 200);
        log->info("listening address={}", "127.0.0.1:8470");
        log->warn("slow client");
        log->error("boom");
        log->critical("cannot open store");
        CHECK(err.text() ==
              "<7>request served status=200\n"
              "<6>listening address=127.0.0.1:8470\n"
              "<4>slow client\n"
              "<3>boom\n"
              "<2>cannot open store\n");
    }
    SECTION("lines below the level are dropped") {
        setup_logging("warning");
        logger("store")->info("opened");
        logger("store")->warn("vacuum skipped");
        CHECK(err.text() == "<4>vacuum skipped\n");
    }
}

TEST_CASE("logging: elsewhere each line has a timestamp, level and subsystem", "[unit][service]") {
    const temp_dir dir;
    const captured_stderr err{dir.file("stderr")};
    const std::string line = "[####-##-## ##:##:##.###] [error] [test] boom\n";

    SECTION("no JOURNAL_STREAM") {
        const scoped_env journal{"JOURNAL_STREAM", std::nullopt};
        setup_logging("info");
        logger("test")->error("boom");
        CHECK(matches_shape(err.text(), line));
    }
    SECTION("JOURNAL_STREAM names another stream, inherited from a service's shell") {
        const scoped_env journal{"JOURNAL_STREAM", "1:1"};
        setup_logging("info");
        logger("test")->error("boom");
        CHECK(matches_shape(err.text(), line));
    }
}

TEST_CASE("logging: unknown level names the accepted ones", "[unit][service]") {
    CHECK_THROWS_WITH(setup_logging("verbose"),
                      "log level must be trace, debug, info, warning, error, critical or off, got \"verbose\"");
}
