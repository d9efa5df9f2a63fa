#pragma once
// Access tokens for Microsoft Graph from the Microsoft identity platform
// (OAuth 2.0 v2 endpoints): app-only access with a client secret (client
// credentials grant), and delegated access for one person, signed in once
// with the device code flow (`cadenced --auth microsoft`), whose refresh
// token is kept in the state directory, readable by the service only.

#include "providers/http_client.h"
#include "providers/oauth.h"
#include "providers/retry.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace cadenced::providers {

/// The app registration, as a JSON file: "tenant", "client_id" and, for
/// app-only access, "client_secret". The names the Azure CLI prints
/// ("tenant", "appId", "password") are read too.
struct microsoft_app {
    std::string tenant;
    std::string client_id;
    std::string client_secret;  ///< empty: delegated access (device code)
    bool app_only() const { return !client_secret.empty(); }
};

/// Throws auth_error naming the file and the field, never a secret.
microsoft_app read_microsoft_app(const std::string& path);

/// `configured` when set, else the tenant's v2.0 token endpoint.
std::string microsoft_token_url(const microsoft_app& app, const std::string& configured);

/// The device code endpoint next to a token endpoint (".../token" ->
/// ".../devicecode").
std::string microsoft_device_code_url(const std::string& token_url);

inline constexpr const char* graph_app_scope = "https://graph.microsoft.com/.default";
/// Delegated: the calendars of the signed-in person, and a refresh token.
inline constexpr const char* graph_delegated_scope = "offline_access https://graph.microsoft.com/Calendars.ReadWrite";

/// Reads and writes the refresh token file (mode 0600, replaced
/// atomically, so that a crash never leaves half a token).
std::string read_refresh_token(const std::filesystem::path& file);
void store_refresh_token(const std::filesystem::path& file, const std::string& token);

class microsoft_token_source : public access_token_source {
public:
    /// `refresh_token_file` is used for delegated access only.
    microsoft_token_source(microsoft_app app, std::string token_url, std::filesystem::path refresh_token_file,
                           http_client& http,
                           std::function<std::chrono::system_clock::time_point()> clock = std::chrono::system_clock::now);

    std::string token(bool force_refresh) override;

private:
    microsoft_app app_;
    std::string token_url_;
    std::filesystem::path refresh_token_file_;
    http_client& http_;
    std::function<std::chrono::system_clock::time_point()> clock_;
    std::string cached_;
    std::chrono::system_clock::time_point expires_at_{};
};

/// The device code flow (RFC 8628): asks for a code, prints where to enter
/// it, polls until the person signed in (honouring the interval and
/// slow_down), and stores the refresh token in `refresh_token_file`.
/// Throws auth_error when declined, expired or refused.
void sign_in_with_device_code(const microsoft_app& app, const std::string& token_url,
                              const std::filesystem::path& refresh_token_file, http_client& http, std::ostream& out,
                              const sleeper& wait = real_sleeper());

}  // namespace cadenced::providers
