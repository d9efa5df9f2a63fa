#include "providers/google_auth.h"

#include "providers/jwt.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace cadenced::providers {

using namespace std::chrono;
using nlohmann::json;

namespace {

std::string text_field(const json& j, const char* name, const std::string& path) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty())
        throw auth_error{path + ": missing or empty \"" + name + "\""};
    return it->get<std::string>();
}

std::string optional_text(const json& j, const char* name) {
    const auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

google_credentials read_google_credentials(const std::string& path) {
    const json j = read_credentials_file(path);
    const std::string type = optional_text(j, "type");
    google_credentials c;
    c.token_uri = optional_text(j, "token_uri");
    if (type == "service_account") {
        c.type = google_credentials::kind::service_account;
        c.client_email = text_field(j, "client_email", path);
        c.private_key = text_field(j, "private_key", path);
    } else if (type == "authorized_user") {
        c.type = google_credentials::kind::authorized_user;
        c.client_id = text_field(j, "client_id", path);
        c.client_secret = text_field(j, "client_secret", path);
        c.refresh_token = text_field(j, "refresh_token", path);
    } else {
        throw auth_error{path + ": \"type\" must be \"service_account\" or \"authorized_user\""};
    }
    return c;
}

google_token_source::google_token_source(google_credentials credentials, std::string token_url, std::string subject,
                                         http_client& http, std::function<system_clock::time_point()> clock)
    : credentials_{std::move(credentials)},
      token_url_{std::move(token_url)},
      subject_{std::move(subject)},
      http_{http},
      clock_{std::move(clock)} {
    if (token_url_.empty()) token_url_ = credentials_.token_uri.empty() ? default_token_url : credentials_.token_uri;
}

std::string google_token_source::request_body(system_clock::time_point now) const {
    if (credentials_.type == google_credentials::kind::authorized_user) {
        return form_encode({{"grant_type", "refresh_token"},
                            {"client_id", credentials_.client_id},
                            {"client_secret", credentials_.client_secret},
                            {"refresh_token", credentials_.refresh_token}});
    }
    const auto issued = duration_cast<seconds>(now.time_since_epoch()).count();
    json claims = {{"iss", credentials_.client_email},
                   {"scope", calendar_scope},
                   {"aud", token_url_},
                   {"iat", issued},
                   {"exp", issued + 3600}};
    if (!subject_.empty()) claims["sub"] = subject_;
    std::string assertion;
    try {
        assertion = sign_rs256_jwt(claims.dump(), credentials_.private_key);
    } catch (const key_error& e) {
        throw auth_error{std::string{"service account "} + credentials_.client_email + ": " + e.what()};
    }
    return form_encode({{"grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"}, {"assertion", assertion}});
}

std::string google_token_source::token(bool force_refresh) {
    const auto now = clock_();
    if (!force_refresh && !cached_.empty() && now + minutes{1} < expires_at_) return cached_;

    const token_answer answer = request_token(http_, token_url_, request_body(now));
    cached_ = answer.access_token;
    expires_at_ = now + answer.lifetime;
    return cached_;
}

}  // namespace cadenced::providers
