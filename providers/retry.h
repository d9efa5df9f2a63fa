#pragma once
// When to try a failed request again: exponential backoff with jitter,
// bounded, and the server's Retry-After honoured when it gives one.

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>

namespace cadenced::providers {

struct retry_policy {
    int max_attempts = 6;                          ///< the first try included
    std::chrono::milliseconds base_delay{500};     ///< before the first retry
    std::chrono::milliseconds max_delay{32'000};   ///< cap on one backoff step
    /// A Retry-After longer than this is not waited out within one sync:
    /// the target is deferred to the next cycle instead.
    std::chrono::milliseconds max_retry_after{120'000};
};

/// The wait before retry number `retry` (1 for the first retry): the
/// exponential step min(max_delay, base_delay * 2^(retry-1)), of which a
/// random half is waited ("equal jitter"), so that clients throttled
/// together do not come back together.
std::chrono::milliseconds backoff_delay(const retry_policy& policy, int retry, std::mt19937_64& random);

/// The wait a Retry-After value asks for: delta-seconds ("120") or an
/// HTTP-date; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value,
                                                           std::chrono::system_clock::time_point now);

/// How waiting is done: real sleep in production, recorded in tests.
using sleeper = std::function<void(std::chrono::milliseconds)>;
sleeper real_sleeper();

}  // namespace cadenced::providers
