#pragma once
// [[sync]]: the provider calendars kept in line with a feed.

#include <string>
#include <vector>

namespace cadenced::config {

/// One calendar that sync keeps in line with a feed.
struct sync_target {
    std::string name;                ///< identifier; the state's key
    std::string provider = "google";
    std::string feed = "all";        ///< whose events it holds
    std::string calendar = "primary";  ///< Google calendarId
    /// The credentials file: a service-account key or an authorized_user
    /// file. A relative path names a systemd credential
    /// ($CREDENTIALS_DIRECTORY), as token_file does.
    std::string credentials;
    std::string subject;  ///< service account: the user it acts for (domain-wide delegation)
    std::string api_base = "https://www.googleapis.com/calendar/v3";
    std::string token_url;  ///< empty: the credentials file's token_uri, else Google's
    std::string batch_url;  ///< empty: https://<api_base's host>/batch/calendar/v3
    bool keep_human_edits = false;  ///< on_human_edit = "keep"
    int max_delete_percent = 20;    ///< the mass-deletion guard
    int timeout_seconds = 30;       ///< per HTTP request
    int interval_minutes = 15;      ///< the daemon syncs this often
};

}  // namespace cadenced::config
