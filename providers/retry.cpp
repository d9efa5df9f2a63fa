#include "providers/retry.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <thread>

namespace cadenced::providers {

using namespace std::chrono;

milliseconds backoff_delay(const retry_policy& policy, int retry, std::mt19937_64& random) {
    const int doublings = std::clamp(retry - 1, 0, 30);
    const auto step = std::min<long long>(policy.max_delay.count(), policy.base_delay.count() << doublings);
    std::uniform_int_distribution<long long> half{0, step / 2};
    return milliseconds{step - step / 2 + half(random)};
}

std::optional<milliseconds> parse_retry_after(const std::string& value, system_clock::time_point now) {
    if (value.empty()) return std::nullopt;
    long long seconds_to_wait = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds_to_wait);
    if (ec == std::errc{} && end == value.data() + value.size()) {
        if (seconds_to_wait < 0) return std::nullopt;
        return duration_cast<milliseconds>(seconds{seconds_to_wait});
    }
    // IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT", the form servers send.
    std::tm tm{};
    const char* parsed = ::strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (parsed == nullptr || *parsed != '\0') return std::nullopt;
    const auto at = system_clock::from_time_t(::timegm(&tm));
    return std::max(milliseconds{0}, duration_cast<milliseconds>(at - now));
}

sleeper real_sleeper() {
    return [](milliseconds wait) { std::this_thread::sleep_for(wait); };
}

}  // namespace cadenced::providers
