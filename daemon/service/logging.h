#pragma once
// spdlog set-up. Under systemd (JOURNAL_STREAM names our stderr) each line
// carries its syslog priority as a "<N>" prefix and no timestamp, so
// `journalctl -p err` works; in a terminal lines carry a timestamp and level.

#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace cadenced::service {

/// Creates the named loggers (daemon, config, http, store, ...) on one
/// shared sink and sets the level ("debug", "info", ...).
void setup_logging(const std::string& level);

/// A logger by subsystem name; created on first use with the shared sink.
std::shared_ptr<spdlog::logger> logger(const std::string& subsystem);

}  // namespace cadenced::service
