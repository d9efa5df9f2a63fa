#pragma once
// Access tokens for the Google Calendar API, from the two credential files
// Google's own tools write: a service-account key (JWT bearer grant, RFC
// 7523, optionally acting for a user through domain-wide delegation) and an
// "authorized_user" file (client id, secret and refresh token, RFC 6749
// section 6). Tokens are cached and renewed a minute before they expire.

#include "providers/http_client.h"
#include "providers/oauth.h"
#include "providers/retry.h"

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>

namespace cadenced::providers {

struct google_credentials {
    enum class kind { service_account, authorized_user };
    kind type = kind::authorized_user;
    std::string token_uri;  ///< from the file; may be empty
    // service_account
    std::string client_email;
    std::string private_key;  ///< PEM
    // authorized_user
    std::string client_id;
    std::string client_secret;
    std::string refresh_token;
};

/// Reads a credentials file (JSON, "type" service_account or
/// authorized_user). Throws auth_error.
google_credentials read_google_credentials(const std::string& path);

class google_token_source : public access_token_source {
public:
    /// `token_url` overrides the file's token_uri (which overrides Google's
    /// endpoint); `subject` is the user a service account acts for.
    google_token_source(google_credentials credentials, std::string token_url, std::string subject,
                        http_client& http, std::function<std::chrono::system_clock::time_point()> clock =
                                               std::chrono::system_clock::now);

    std::string token(bool force_refresh) override;

    static constexpr const char* default_token_url = "https://oauth2.googleapis.com/token";
    static constexpr const char* calendar_scope = "https://www.googleapis.com/auth/calendar";

private:
    std::string request_body(std::chrono::system_clock::time_point now) const;

    google_credentials credentials_;
    std::string token_url_;
    std::string subject_;
    http_client& http_;
    std::function<std::chrono::system_clock::time_point()> clock_;
    std::string cached_;
    std::chrono::system_clock::time_point expires_at_{};
};

}  // namespace cadenced::providers
