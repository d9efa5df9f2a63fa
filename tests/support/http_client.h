#pragma once
// A small libcurl client for tests: one request, status, headers and body.

#include <map>
#include <string>
#include <vector>

namespace test_support {

struct http_response {
    long status = 0;
    std::map<std::string, std::string> headers;  ///< names lower-cased
    std::string body;
    std::string error;  ///< curl's message when the request failed
};

/// GET (or HEAD with `head`) `url` with extra request headers ("Name: value").
/// Bodies are not decoded: gzip stays gzip. Times out after 10 s.
http_response http_get(const std::string& url, const std::vector<std::string>& request_headers = {}, bool head = false);

/// Any method, with `body` sent as is (POST, PUT, PATCH, DELETE).
http_response http_send(const std::string& method, const std::string& url, const std::string& body = {},
                        const std::vector<std::string>& request_headers = {});

}  // namespace test_support
