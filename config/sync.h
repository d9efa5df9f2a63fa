#pragma once
// [[sync]]: the provider calendars kept in line with a feed.

#include <string>
#include <vector>

namespace cadenced::config {

/// One calendar that sync keeps in line with a feed.
struct sync_target {
    std::string name;                ///< identifier; the state's key
    std::string provider = "google";  ///< "google" or "microsoft"
    std::string feed = "all";        ///< whose events it holds
    /// Google: the calendarId ("primary" by default). Microsoft: a calendar
    /// id of the mailbox; empty for its default calendar.
    std::string calendar = "primary";
    /// The credentials file. Google: a service-account key or an
    /// authorized_user file. Microsoft: the app registration (tenant,
    /// client id, and a client secret for app-only access). A relative path
    /// names a systemd credential ($CREDENTIALS_DIRECTORY), as token_file
    /// does.
    std::string credentials;
    std::string subject;  ///< Google service account: the user it acts for (domain-wide delegation)
    /// Microsoft: the mailbox (user id or user principal name); "me" is the
    /// signed-in user of delegated access (`cadenced --auth microsoft`).
    std::string user;
    std::string api_base = "https://www.googleapis.com/calendar/v3";
    /// Empty: Google: the credentials file's token_uri, else Google's;
    /// Microsoft: https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.
    std::string token_url;
    /// Empty: Google: https://<api_base's host>/batch/calendar/v3;
    /// Microsoft: <api_base>/$batch.
    std::string batch_url;
    bool keep_human_edits = false;  ///< on_human_edit = "keep"
    /// Mail attendees an invitation: Google sendUpdates=all instead of
    /// none; Microsoft adds the attendees to its events (Graph then mails
    /// them and has no switch to stop it), which are left out otherwise.
    bool send_invitations = false;
    int max_delete_percent = 20;    ///< the mass-deletion guard
    int timeout_seconds = 30;       ///< per HTTP request
    int interval_minutes = 15;      ///< the daemon syncs this often

    bool operator==(const sync_target&) const = default;
};

}  // namespace cadenced::config
