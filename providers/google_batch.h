#pragma once
// Google's batch format (multipart/mixed, one HTTP request per part, at most
// 50 per batch by cadenced's choice): building the request body and reading
// the answers back. No I/O here.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::providers {

struct batch_part {
    std::string method;  ///< "POST", "PUT", "DELETE"
    std::string target;  ///< path and query, no scheme or host
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct batch_answer {
    long status = 0;
    std::map<std::string, std::string> headers;  ///< names in lower case
    std::string body;
};

/// The body of a batch request with `boundary`; part i has Content-ID
/// <item-i> (0-based).
std::string batch_request_body(const std::vector<batch_part>& parts, std::string_view boundary);

/// The answers of a batch response, by part index (from Content-ID
/// <response-item-i>); `content_type` carries the boundary. Throws
/// std::runtime_error for a body that is not a multipart answer.
std::map<std::size_t, batch_answer> parse_batch_response(std::string_view content_type, std::string_view body);

}  // namespace cadenced::providers
