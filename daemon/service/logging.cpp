#include "daemon/service/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace cadenced::service {

namespace {

// Subsystems that get a logger up front, so a level set at start-up covers
// them before their first line.
constexpr const char* subsystems[] = {"daemon", "config", "schedule", "ical", "http", "store", "sync", "google", "microsoft"};

// One sink shared by every logger, so lines from different subsystems and
// threads never interleave mid-line. Guarded by g_logging_mutex; swapped
// only by setup_logging.
std::mutex g_logging_mutex;
std::shared_ptr<spdlog::sinks::sink> g_sink;

// True when stderr is the stream journald gave us: JOURNAL_STREAM holds
// "dev:ino" of that stream (systemd.exec(5)). Comparing with our own stderr
// keeps a terminal or a redirect started from a service's shell plain.
bool stderr_is_journal() {
    const char* value = std::getenv("JOURNAL_STREAM");
    if (value == nullptr) return false;
    unsigned long long dev = 0;
    unsigned long long ino = 0;
    if (std::sscanf(value, "%llu:%llu", &dev, &ino) != 2) return false;
    struct stat st {};
    if (fstat(STDERR_FILENO, &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == dev && static_cast<unsigned long long>(st.st_ino) == ino;
}

// Writes the "<N>" prefix journald reads as the syslog priority of a line
// (sd-daemon(3)), so `journalctl -p err` can filter on it.
class syslog_priority_flag final : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
        const std::string_view prefix = priority_prefix(msg.level);
        dest.append(prefix.data(), prefix.data() + prefix.size());
    }

    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<syslog_priority_flag>(); }

private:
    static std::string_view priority_prefix(spdlog::level::level_enum level) {
        switch (level) {
        case spdlog::level::trace:
        case spdlog::level::debug: return "<7>";
        case spdlog::level::info: return "<6>";
        case spdlog::level::warn: return "<4>";
        case spdlog::level::err: return "<3>";
        case spdlog::level::critical: return "<2>";
        default: return "<6>";
        }
    }
};

std::unique_ptr<spdlog::formatter> make_formatter(bool journal) {
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    if (journal) {
        // journald stamps each line itself; a second timestamp is noise.
        formatter->add_flag<syslog_priority_flag>('*').set_pattern("%*%v");
    } else {
        formatter->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%^%l%$] [%n] %v");
    }
    return formatter;
}

std::shared_ptr<spdlog::sinks::sink> make_sink(bool journal) {
    // Colour only makes sense for a person at a terminal; the colour sink
    // drops it by itself when stderr is not a tty.
    if (journal) return std::make_shared<spdlog::sinks::stderr_sink_mt>();
    return std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
}

// Installs a fresh sink for the current stderr and formatter on every
// registered logger. Caller holds g_logging_mutex.
void install_sink() {
    const bool journal = stderr_is_journal();
    g_sink = make_sink(journal);
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& existing) { existing->sinks() = {g_sink}; });
    // Sets the formatter on every registered logger's sinks (ours) and is
    // cloned into loggers registered later.
    spdlog::set_formatter(make_formatter(journal));
}

std::shared_ptr<spdlog::logger> logger_locked(const std::string& subsystem) {
    if (auto existing = spdlog::get(subsystem)) return existing;
    if (!g_sink) install_sink();
    auto created = std::make_shared<spdlog::logger>(subsystem, g_sink);
    // Takes the registry's formatter, level and flush level, then registers.
    spdlog::initialize_logger(created);
    return created;
}

spdlog::level::level_enum parse_level(const std::string& level) {
    const std::pair<const char*, spdlog::level::level_enum> known[] = {
        {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},
        {"info", spdlog::level::info},   {"warning", spdlog::level::warn},
        {"warn", spdlog::level::warn},   {"error", spdlog::level::err},
        {"critical", spdlog::level::critical}, {"off", spdlog::level::off},
    };
    for (const auto& [name, value] : known)
        if (level == name) return value;
    throw std::runtime_error("log level must be trace, debug, info, warning, error, critical or off, got \"" +
                             level + "\"");
}

}  // namespace

void setup_logging(const std::string& level) {
    const auto parsed = parse_level(level);
    const std::lock_guard lock{g_logging_mutex};
    install_sink();
    spdlog::set_level(parsed);
    for (const char* name : subsystems) logger_locked(name);
    // Library code that logs through spdlog's free functions lands in the
    // daemon's logger rather than in spdlog's own default format.
    spdlog::set_default_logger(spdlog::get("daemon"));
}

std::shared_ptr<spdlog::logger> logger(const std::string& subsystem) {
    const std::lock_guard lock{g_logging_mutex};
    return logger_locked(subsystem);
}

}  // namespace cadenced::service
