#include "providers/authorized_send.h"

#include <algorithm>

namespace cadenced::providers {

using namespace std::chrono;

http_response send_authorized(http_client& http, access_token_source& tokens, http_request request,
                              const retry_policy& policy, const sleeper& wait, std::mt19937_64& random,
                              const refusal_reader& read) {
    bool refreshed = false;
    std::string last_problem, last_code;
    long last_status = 0;
    for (int attempt = 1; attempt <= policy.max_attempts; ++attempt) {
        request.headers.erase(std::remove_if(request.headers.begin(), request.headers.end(),
                                             [](const auto& h) { return h.first == "Authorization"; }),
                              request.headers.end());
        request.headers.emplace_back("Authorization", "Bearer " + tokens.token(false));
        std::optional<milliseconds> server_wait;
        try {
            http_response response = http.perform(request);
            if (response.status >= 200 && response.status < 300) return response;
            const refusal r = read(response);
            last_status = response.status;
            last_code = r.code;
            last_problem = r.problem;
            if (response.status == 401 && !refreshed) {
                // An expired or revoked token: one fresh token, one retry.
                refreshed = true;
                tokens.token(true);
                --attempt;
                continue;
            }
            if (r.what == refusal::next::defer_target) throw api_error{r.problem, response.status, r.code, true};
            if (r.what == refusal::next::fail) throw api_error{r.problem, response.status, r.code, false};
            server_wait = parse_retry_after(response.header("retry-after"), system_clock::now());
        } catch (const transport_error& e) {
            if (http.cancelled()) throw api_error{"sync stopped", 0, "stopped", true};
            last_status = 0;
            last_code = "transport";
            last_problem = e.what();
        }
        if (attempt == policy.max_attempts) break;
        if (server_wait && *server_wait > policy.max_retry_after)
            throw api_error{last_problem + " (Retry-After longer than a sync waits)", last_status, last_code, true};
        wait(server_wait ? *server_wait : backoff_delay(policy, attempt, random));
    }
    throw api_error{last_problem + " (gave up after " + std::to_string(policy.max_attempts) + " attempts)", last_status,
                    last_code, true};
}

}  // namespace cadenced::providers
