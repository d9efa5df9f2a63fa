#include "providers/microsoft_auth.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace cadenced::providers {

using namespace std::chrono;
using nlohmann::json;

namespace {

// The first of `names` the file has, as non-empty text.
std::string field(const json& j, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const auto it = j.find(name);
        if (it != j.end() && it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
    }
    return {};
}

std::string require(const json& j, std::initializer_list<const char*> names, const std::string& path) {
    std::string value = field(j, names);
    if (value.empty()) throw auth_error{path + ": missing or empty \"" + *names.begin() + "\""};
    return value;
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

microsoft_app read_microsoft_app(const std::string& path) {
    const json j = read_credentials_file(path);
    microsoft_app app;
    app.tenant = require(j, {"tenant", "tenant_id"}, path);
    app.client_id = require(j, {"client_id", "appId"}, path);
    app.client_secret = field(j, {"client_secret", "password"});
    // The tenant goes into the token URL's path.
    for (const char c : app.tenant)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '_')
            throw auth_error{path + ": \"tenant\" must be a tenant id or domain (like contoso.onmicrosoft.com)"};
    return app;
}

std::string microsoft_token_url(const microsoft_app& app, const std::string& configured) {
    if (!configured.empty()) return configured;
    return "https://login.microsoftonline.com/" + app.tenant + "/oauth2/v2.0/token";
}

std::string microsoft_device_code_url(const std::string& token_url) {
    const std::string suffix = "/token";
    if (token_url.size() >= suffix.size() && token_url.compare(token_url.size() - suffix.size(), suffix.size(), suffix) == 0)
        return token_url.substr(0, token_url.size() - suffix.size()) + "/devicecode";
    return token_url + "/devicecode";
}

std::string read_refresh_token(const std::filesystem::path& file) {
    std::ifstream in{file};
    if (!in)
        throw auth_error{"no Microsoft sign-in stored at " + file.string() +
                         "; run cadenced --auth microsoft --target <name> once"};
    std::string token;
    std::getline(in, token);
    if (token.empty()) throw auth_error{file.string() + " is empty; run cadenced --auth microsoft --target <name> again"};
    return token;
}

void store_refresh_token(const std::filesystem::path& file, const std::string& token) {
    const std::string temp = file.string() + ".new";
    ::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw auth_error{"cannot write " + temp + ": " + errno_text()};
    const std::string line = token + "\n";
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = errno_text();
            ::close(fd);
            ::unlink(temp.c_str());
            throw auth_error{"cannot write " + temp + ": " + why};
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(temp.c_str(), file.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        throw auth_error{"cannot store the refresh token in " + file.string() + ": " + why};
    }
}

microsoft_token_source::microsoft_token_source(microsoft_app app, std::string token_url,
                                               std::filesystem::path refresh_token_file, http_client& http,
                                               std::function<system_clock::time_point()> clock)
    : app_{std::move(app)},
      token_url_{microsoft_token_url(app_, token_url)},
      refresh_token_file_{std::move(refresh_token_file)},
      http_{http},
      clock_{std::move(clock)} {}

std::string microsoft_token_source::token(bool force_refresh) {
    const auto now = clock_();
    if (!force_refresh && !cached_.empty() && now + minutes{1} < expires_at_) return cached_;
    if (app_.app_only()) {
        // Client credentials give no refresh token: each renewal asks anew.
        const token_answer answer =
            request_token(http_, token_url_,
                          form_encode({{"grant_type", "client_credentials"},
                                       {"client_id", app_.client_id},
                                       {"client_secret", app_.client_secret},
                                       {"scope", graph_app_scope}}));
        cached_ = answer.access_token;
        expires_at_ = now + answer.lifetime;
        return cached_;
    }
    const token_answer answer = request_token(http_, token_url_,
                                              form_encode({{"grant_type", "refresh_token"},
                                                           {"client_id", app_.client_id},
                                                           {"refresh_token", read_refresh_token(refresh_token_file_)},
                                                           {"scope", graph_delegated_scope}}));
    // The identity platform rotates refresh tokens: the new one replaces
    // the old before the access token is used.
    if (!answer.refresh_token.empty()) store_refresh_token(refresh_token_file_, answer.refresh_token);
    cached_ = answer.access_token;
    expires_at_ = now + answer.lifetime;
    return cached_;
}

void sign_in_with_device_code(const microsoft_app& app, const std::string& token_url,
                              const std::filesystem::path& refresh_token_file, http_client& http, std::ostream& out,
                              const sleeper& wait) {
    const std::string url = microsoft_token_url(app, token_url);
    const std::string code_url = microsoft_device_code_url(url);
    http_request request;
    request.method = "POST";
    request.url = code_url;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = form_encode({{"client_id", app.client_id}, {"scope", graph_delegated_scope}});
    http_response response;
    try {
        response = http.perform(request);
    } catch (const transport_error& e) {
        throw auth_error{"device code endpoint " + code_url + " unreachable: " + e.what()};
    }
    std::string device_code, user_code, verification_uri, message;
    long long interval = 5, expires_in = 900;
    try {
        const json body = json::parse(response.body);
        if (response.status != 200)
            throw auth_error{"device code endpoint " + code_url + " refused (HTTP " + std::to_string(response.status) +
                             ", " + body.value("error", std::string{"error"}) + ")"};
        device_code = body.at("device_code").get<std::string>();
        user_code = body.at("user_code").get<std::string>();
        verification_uri = body.at("verification_uri").get<std::string>();
        message = body.value("message", "");
        interval = std::max(1LL, body.value("interval", 5LL));
        expires_in = body.value("expires_in", 900LL);
    } catch (const json::exception&) {
        throw auth_error{"device code endpoint " + code_url + " answered HTTP " + std::to_string(response.status) +
                         " without a device code"};
    }
    out << (message.empty() ? "To sign in, open " + verification_uri + " and enter the code " + user_code : message)
        << "\n"
        << "Waiting for the sign-in (the code expires in " << expires_in / 60 << " minutes)...\n";
    out.flush();

    const std::string poll = form_encode({{"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                                          {"client_id", app.client_id},
                                          {"device_code", device_code}});
    // Counted rather than timed, so that a test's instant sleeper ends too.
    for (long long waited = 0; waited <= expires_in;) {
        wait(seconds{interval});
        waited += interval;
        try {
            const token_answer answer = request_token(http, url, poll);
            if (answer.refresh_token.empty())
                throw auth_error{"token endpoint " + url + " issued no refresh token (is offline_access granted?)"};
            store_refresh_token(refresh_token_file, answer.refresh_token);
            out << "Signed in; the refresh token is stored in " << refresh_token_file.string() << "\n";
            return;
        } catch (const auth_error& e) {
            if (e.oauth_code() == "authorization_pending") continue;
            if (e.oauth_code() == "slow_down") {
                interval += 5;  // RFC 8628 section 3.5
                continue;
            }
            if (e.oauth_code() == "authorization_declined") throw auth_error{"the sign-in was declined"};
            if (e.oauth_code() == "expired_token") throw auth_error{"the code expired before the sign-in; run again"};
            throw;
        }
    }
    throw auth_error{"the code expired before the sign-in; run again"};
}

}  // namespace cadenced::providers
