#pragma once
// Config -> everything the daemon serves, rendered once.

#include "config/config.h"
#include "daemon/site/site.h"
#include "daemon/store/revision_store.h"
#include "ical/writer.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace cadenced::site {

struct build_inputs {
    const config::config& cfg;
    std::chrono::sys_seconds now;
    /// Remembers revisions across builds and restarts; null to leave every
    /// occurrence at SEQUENCE 0 stamped `now`.
    store::revision_store* revisions = nullptr;
    /// Scheme, host and port that links on the page start with, e.g.
    /// "http://127.0.0.1:8470" (no trailing slash).
    std::string base_url;
    /// The snapshot being replaced: a document whose bytes did not change
    /// keeps its Last-Modified, so clients' conditional GETs stay valid.
    std::shared_ptr<const snapshot> previous;
    /// Where large bodies are kept as unnamed files for sendfile (the state
    /// directory); empty for memfds (see body_file.h).
    std::filesystem::path body_file_dir;
};

/// The feeds of cfg over the current and next fiscal year (as of `now` in
/// the rhythm's zone), the year page for the current fiscal year, and an
/// agenda page per occurrence. Throws what generation and the store throw.
std::shared_ptr<const snapshot> build_site(const build_inputs& in);

/// The calendar-level fields of feed `f`'s ICS: its title (else the
/// calendar's name), description, zone, refresh interval, and `now` as the
/// stamp of unrevised events. Shared by the daemon and `--export`.
ical::calendar_info calendar_info_for(const config::config& cfg, const schedule::feed& f, std::chrono::sys_seconds now);

/// A strong ETag for `body`: a quoted 32-digit hex digest.
std::string entity_tag(std::string_view body);

/// The date `now` falls on in `zone`.
std::chrono::year_month_day today_in(const std::string& zone, std::chrono::sys_seconds now);

}  // namespace cadenced::site
