#pragma once
// What the OAuth 2.0 token sources of both providers share: the source
// interface the calendar clients ask, the error for unusable credentials,
// and one token request (RFC 6749 section 5) with its answer and errors.

#include "providers/http_client.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cadenced::providers {

/// Credentials that cannot be used: an unreadable or malformed file, or a
/// token endpoint refusing them. Messages name files and fields, never
/// secrets.
class auth_error : public std::runtime_error {
public:
    explicit auth_error(const std::string& message, std::string oauth_code = {})
        : std::runtime_error{message}, oauth_code_{std::move(oauth_code)} {}
    /// The endpoint's "error" ("invalid_grant", "authorization_pending"),
    /// when it answered with one.
    const std::string& oauth_code() const { return oauth_code_; }

private:
    std::string oauth_code_;
};

/// Where the access token comes from; the calendar client asks for one per
/// request and for a fresh one after a 401.
class access_token_source {
public:
    virtual ~access_token_source() = default;
    virtual std::string token(bool force_refresh) = 0;
};

/// A credentials file's JSON object. Throws auth_error naming the file,
/// never quoting it (it holds secrets).
nlohmann::json read_credentials_file(const std::string& path);

/// "a=b&c=d" with every value percent-encoded
/// (application/x-www-form-urlencoded).
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

struct token_answer {
    std::string access_token;
    std::string refresh_token;  ///< when the endpoint issued (or rotated) one
    std::chrono::seconds lifetime{3600};
};

/// POSTs `form` to the token endpoint `url`. Throws auth_error naming the
/// endpoint and its OAuth error (never the form, which holds secrets).
token_answer request_token(http_client& http, const std::string& url, const std::string& form);

}  // namespace cadenced::providers
