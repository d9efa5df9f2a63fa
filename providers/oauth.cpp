#include "providers/oauth.h"

#include <fstream>
#include <sstream>

namespace cadenced::providers {

using nlohmann::json;

namespace {

// The OAuth error of a refused request, "invalid_grant: AADSTS70000 ...",
// and its code alone.
std::pair<std::string, std::string> oauth_error(const http_response& r) {
    try {
        const json body = json::parse(r.body);
        std::string code = body.value("error", std::string{});
        std::string what = code.empty() ? "error" : code;
        if (body.contains("error_description") && body["error_description"].is_string()) {
            // Microsoft's descriptions run on with trace and correlation
            // ids over several lines: the first line says what matters.
            std::string description = body["error_description"].get<std::string>();
            description = description.substr(0, description.find_first_of("\r\n"));
            what += ": " + description;
        }
        return {what, code};
    } catch (const json::exception&) {
        return {"HTTP " + std::to_string(r.status), {}};
    }
}

}  // namespace

nlohmann::json read_credentials_file(const std::string& path) {
    std::ifstream in{path};
    if (!in) throw auth_error{"cannot read the credentials file " + path};
    std::stringstream text;
    text << in.rdbuf();
    json j;
    try {
        j = json::parse(text.str());
    } catch (const json::exception&) {
        // The parser's message may quote the file's content: not repeated.
        throw auth_error{path + ": not a JSON credentials file"};
    }
    if (!j.is_object()) throw auth_error{path + ": not a JSON credentials file"};
    return j;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += http_client::escape(name);
        out += '=';
        out += http_client::escape(value);
    }
    return out;
}

token_answer request_token(http_client& http, const std::string& url, const std::string& form) {
    http_request request;
    request.method = "POST";
    request.url = url;
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    request.body = form;
    http_response response;
    try {
        response = http.perform(request);
    } catch (const transport_error& e) {
        throw auth_error{"token endpoint " + url + " unreachable: " + e.what()};
    }
    if (response.status != 200) {
        const auto [what, code] = oauth_error(response);
        throw auth_error{"token endpoint " + url + " refused the credentials (HTTP " + std::to_string(response.status) +
                             ", " + what + ")",
                         code};
    }
    token_answer answer;
    try {
        const json body = json::parse(response.body);
        answer.access_token = body.at("access_token").get<std::string>();
        if (body.contains("refresh_token") && body["refresh_token"].is_string())
            answer.refresh_token = body["refresh_token"].get<std::string>();
        answer.lifetime = std::chrono::seconds{body.value("expires_in", 3600LL)};
    } catch (const json::exception&) {
        throw auth_error{"token endpoint " + url + " sent no access_token"};
    }
    if (answer.access_token.empty()) throw auth_error{"token endpoint " + url + " sent an empty access_token"};
    return answer;
}

}  // namespace cadenced::providers
