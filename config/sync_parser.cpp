#include "config/sync_parser.h"

#include "config/vocabulary.h"

#include <algorithm>
#include <map>

namespace cadenced::config::detail {

namespace {

std::string url(const table_reader& t, std::string_view key, std::string fallback) {
    auto value = t.string(key);
    if (!value) return fallback;
    if (!value->starts_with("http://") && !value->starts_with("https://"))
        t.fail(key, "must start with http:// or https://, got " + quote(*value));
    while (!value->empty() && value->back() == '/') value->pop_back();
    return *value;
}

}  // namespace

std::vector<sync_target> parse_sync(const table_reader& root, const std::vector<std::string>& feed_names) {
    std::vector<sync_target> targets;
    std::map<std::string, std::string> name_owner;
    const auto entries = tables_of(root, "sync", "[[sync]]");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const table_reader t{root.doc(), *entries[i], entry_scope(*entries[i], "sync", i, "name")};
        t.allow_only({"name", "provider", "feed", "calendar", "credentials", "subject", "user", "api_base", "token_url", "batch_url",
                      "on_human_edit", "send_invitations", "max_delete_percent", "timeout", "interval"});
        sync_target s;
        s.name = identifier(t.require("name"));
        if (auto [it, inserted] = name_owner.emplace(s.name, "sync[" + std::to_string(i + 1) + "]"); !inserted)
            t.fail("name", quote(s.name) + " is already used by " + it->second);
        if (auto provider = t.string("provider")) {
            if (*provider != "google" && *provider != "microsoft")
                t.fail("provider", "must be \"google\" or \"microsoft\", got " + quote(*provider));
            s.provider = *provider;
        } else {
            t.fail_here("needs provider = \"google\" or \"microsoft\"");
        }
        const bool microsoft = s.provider == "microsoft";
        if (microsoft) {
            s.calendar.clear();  // the mailbox's default calendar
            s.api_base = "https://graph.microsoft.com/v1.0";
        }
        if (auto feed = t.string("feed")) {
            if (std::find(feed_names.begin(), feed_names.end(), *feed) == feed_names.end()) {
                std::string known;
                for (const auto& n : feed_names) known += (known.empty() ? "" : ", ") + quote(n);
                t.fail("feed", "names no feed: " + quote(*feed) + "; feeds: " + known);
            }
            s.feed = *feed;
        }
        if (auto calendar = t.string("calendar")) {
            if (calendar->empty())
                t.fail("calendar", microsoft ? "must not be empty (leave it out for the mailbox's default calendar)"
                                             : "must not be empty (\"primary\" is the account's own calendar)");
            s.calendar = *calendar;
        }
        if (auto credentials = t.string("credentials")) {
            if (credentials->empty()) t.fail("credentials", "must name a credentials file");
            s.credentials = *credentials;
        } else if (microsoft) {
            t.fail_here("needs credentials = \"path/to/app.json\" (the app registration: tenant, client_id, and "
                        "client_secret for app-only access)");
        } else {
            t.fail_here("needs credentials = \"path/to/key.json\" (a service-account key or authorized_user file)");
        }
        if (auto subject = t.string("subject")) {
            if (microsoft) t.fail("subject", "is for Google service accounts; Microsoft targets name the mailbox with user");
            s.subject = *subject;
        }
        if (auto user = t.string("user")) {
            if (!microsoft) t.fail("user", "is for Microsoft targets; Google service accounts act for a user with subject");
            if (user->empty()) t.fail("user", "must name a mailbox (a user id or user@example.com), or be \"me\"");
            if (user->find('/') != std::string::npos || user->find('?') != std::string::npos)
                t.fail("user", "must be a user id or user principal name, got " + quote(*user));
            s.user = *user;
        } else if (microsoft) {
            s.user = "me";
        }
        s.api_base = url(t, "api_base", s.api_base);
        s.token_url = url(t, "token_url", "");
        s.batch_url = url(t, "batch_url", "");
        if (auto policy = t.string("on_human_edit")) {
            if (*policy != "restore" && *policy != "keep")
                t.fail("on_human_edit", "must be \"restore\" (the config wins) or \"keep\", got " + quote(*policy));
            s.keep_human_edits = *policy == "keep";
        }
        s.send_invitations = t.boolean("send_invitations").value_or(false);
        s.max_delete_percent = t.integer("max_delete_percent", 0, 100).value_or(s.max_delete_percent);
        s.timeout_seconds = t.integer("timeout", 1, 300).value_or(s.timeout_seconds);
        s.interval_minutes = t.integer("interval", 1, 1440).value_or(s.interval_minutes);
        targets.push_back(std::move(s));
    }
    return targets;
}

}  // namespace cadenced::config::detail
