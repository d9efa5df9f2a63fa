#include "daemon/http/accept_encoding.h"

#include <cstddef>
#include <optional>

namespace cadenced::http {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

/// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); we only
/// need to know whether it is above zero. nullopt when malformed.
std::optional<bool> qvalue_positive(std::string_view q) {
    if (q.empty() || (q[0] != '0' && q[0] != '1')) return std::nullopt;
    bool positive = q[0] == '1';
    if (q.size() == 1) return positive;
    if (q[1] != '.' || q.size() > 5) return std::nullopt;
    for (const char c : q.substr(2)) {
        if (c < '0' || c > '9') return std::nullopt;
        if (q[0] == '1' && c != '0') return std::nullopt;
        if (c != '0') positive = true;
    }
    return positive;
}

/// Whether one list member ("gzip;q=0.5") is acceptable; parameters other
/// than q are ignored.
bool member_acceptable(std::string_view params) {
    while (!params.empty()) {
        const auto semi = params.find(';');
        const auto param = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        const auto eq = param.find('=');
        if (eq == std::string_view::npos) continue;
        if (!equals_ignoring_case(trim(param.substr(0, eq)), "q")) continue;
        return qvalue_positive(trim(param.substr(eq + 1))).value_or(false);
    }
    return true;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    std::optional<bool> gzip;
    std::optional<bool> any;
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        const auto member = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);

        const auto semi = member.find(';');
        const auto coding = trim(member.substr(0, semi));
        const auto params = semi == std::string_view::npos ? std::string_view{} : member.substr(semi + 1);
        if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) {
            // Named more than once: any refusal wins, the cautious reading.
            gzip = gzip.value_or(true) && member_acceptable(params);
        } else if (coding == "*") {
            any = any.value_or(true) && member_acceptable(params);
        }
    }
    if (gzip) return *gzip;
    return any.value_or(false);
}

}  // namespace cadenced::http
