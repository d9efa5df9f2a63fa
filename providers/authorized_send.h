#pragma once
// One API request with a bearer token, sent until it succeeds or must not
// be tried again: both providers' clients send through it, each telling
// how to read its refusals (Google's reasons, Graph's codes).

#include "providers/calendar_service.h"
#include "providers/http_client.h"
#include "providers/oauth.h"
#include "providers/retry.h"

#include <functional>
#include <random>
#include <string>

namespace cadenced::providers {

/// What a provider says about a refused request.
struct refusal {
    enum class next { retry, fail, defer_target };
    next what = next::fail;
    std::string code;     ///< the provider's reason or error code
    std::string problem;  ///< "HTTP 429 rateLimitExceeded: ..." for messages
};
using refusal_reader = std::function<refusal(const http_response&)>;

/// Sends `request` with a fresh Authorization header each attempt: a 401
/// gets one new token and one more try; what `read` calls retryable is
/// tried again after the Retry-After or a backoff, up to the policy's
/// attempts; transport failures likewise. Returns a 2xx response or throws
/// api_error (defer_target when the target should wait for the next cycle).
http_response send_authorized(http_client& http, access_token_source& tokens, http_request request,
                              const retry_policy& policy, const sleeper& wait, std::mt19937_64& random,
                              const refusal_reader& read);

}  // namespace cadenced::providers
