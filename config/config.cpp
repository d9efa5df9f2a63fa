#include "config/config.h"

#include "config/document.h"
#include "config/feeds.h"
#include "config/meeting_parser.h"
#include "config/people.h"
#include "config/server.h"
#include "config/comment_lines.h"
#include "config/sync_parser.h"
#include "config/settings.h"
#include "config/timezone.h"
#include "config/validate.h"

#include "schedule/schedule.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

namespace cadenced::config {

namespace {

// The embedded default as the parser reads it: without its comment lines
// (made once per process; positions are unchanged).
std::string_view default_for_parsing() {
    static const std::string text = detail::without_comment_lines(embedded_default_toml());
    return text;
}

constexpr std::string_view embedded_source = "<embedded default>";

std::string position_prefix(const std::string& source, int line, int column) {
    if (line <= 0) return source + ": ";
    return source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::vector<schedule::series> series_of(const std::vector<detail::parsed_meeting>& meetings) {
    std::vector<schedule::series> out;
    out.reserve(meetings.size());
    for (const auto& m : meetings) out.push_back(m.series);
    return out;
}

// The core's default feeds, titled after the calendar, so that renaming the
// calendar renames them: "Operating rhythm (company)" -> "<name> (company)".
std::vector<schedule::feed> default_feeds_named(const std::string& name) {
    const std::string default_name = calendar_settings{}.name;
    auto feeds = schedule::default_feeds();
    for (auto& f : feeds)
        if (f.title.starts_with(default_name)) f.title = name + f.title.substr(default_name.size());
    return feeds;
}

config build(const detail::document& user, const zone_fallback& zones) {
    using namespace detail;
    const table_reader root{user, user.root(), scope{}};
    root.allow_only({"timezone", "fiscal_year", "calendar", "holidays", "people", "meetings", "feeds", "server", "sync"});

    config c;
    c.source = user.source();
    c.rhythm.timezone = zone_name(root, "timezone").value_or(zones.resolve());
    c.rhythm.fiscal = parse_fiscal_year(root);
    c.calendar = parse_calendar(root);
    c.server = parse_server(root);
    c.rhythm.uid_domain = c.calendar.uid_domain;
    parse_holidays(root, c.rhythm);

    // Without [[meetings]] the default rhythm applies, and without [[people]]
    // the default roles; each section replaces the default as a whole.
    std::unique_ptr<document> fallback;
    if (!root.has("meetings") || !root.has("people"))
        fallback = std::make_unique<document>(default_for_parsing(), std::string{embedded_source});
    const auto section = [&](std::string_view key) {
        return root.has(key) ? root : table_reader{*fallback, fallback->root(), scope{}};
    };
    c.rhythm.people = parse_people(section("people"));
    const auto meetings = parse_meetings(section("meetings"));
    c.rhythm.meetings = series_of(meetings);

    const auto feeds = parse_feeds(root);
    if (root.has("feeds")) {
        for (const auto& f : feeds) {
            c.feeds.push_back(f.feed);
            if (f.token) c.feed_tokens[f.feed.name] = *f.token;
        }
    } else {
        c.feeds = default_feeds_named(c.calendar.name);
    }

    validate(user, c.rhythm, meetings, feeds);
    std::vector<std::string> feed_names;
    for (const auto& f : c.feeds) feed_names.push_back(f.name);
    c.sync = parse_sync(root, feed_names);
    // The core's own checks should never fire after the ones above; if one
    // does, refuse the config rather than generate from it.
    if (const auto problems = schedule::check(c.rhythm); !problems.empty())
        throw config_error(c.source, 0, 0, problems.front());
    return c;
}

}  // namespace

config_error::config_error(std::string source, int line, int column, const std::string& message)
    : std::runtime_error(position_prefix(source, line, column) + message),
      source_{std::move(source)},
      line_{line},
      column_{column},
      message_{message} {}

const schedule::feed* config::find_feed(std::string_view name) const {
    for (const auto& f : feeds)
        if (f.name == name) return &f;
    return nullptr;
}

config load_string(std::string_view text, std::string source, const zone_fallback& zones) {
    const detail::document doc{text, std::move(source)};
    return build(doc, zones);
}

config load_file(const std::filesystem::path& path, const zone_fallback& zones) {
    const auto fail = [&](int error) -> config_error {
        return config_error(path.string(), 0, 0, "cannot read config: " + std::generic_category().message(error));
    };
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{std::fopen(path.c_str(), "rb"), &std::fclose};
    if (!file) throw fail(errno);
    std::string text;
    char buffer[8192];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
    // Reading a directory opens fine and fails here, with EISDIR.
    if (std::ferror(file.get())) throw fail(errno);
    return load_string(text, path.string(), zones);
}

config parse_default(const zone_fallback& zones) {
    return load_string(default_for_parsing(), std::string{embedded_source}, zones);
}

}  // namespace cadenced::config
