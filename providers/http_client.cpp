#include "providers/http_client.h"

#include "providers/curl_library.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace cadenced::providers {

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    const auto last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? std::string{} : text.substr(first, last - first + 1);
}

// One header line of the response; a status line (a new response after a
// redirect or a 100 Continue) starts the map afresh.
std::size_t take_header(char* data, std::size_t size, std::size_t count, void* target) {
    auto& headers = *static_cast<std::map<std::string, std::string>*>(target);
    const std::string line{data, size * count};
    if (line.rfind("HTTP/", 0) == 0) {
        headers.clear();
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) return size * count;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    headers[name] = trimmed(line.substr(colon + 1));
    return size * count;
}

int abort_if_cancelled(void* flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(flag);
    return cancel != nullptr && cancel->load() ? 1 : 0;
}

struct header_list_deleter {
    void operator()(curl_slist* list) const { curl_library::get().slist_free_all(list); }
};

}  // namespace

const std::string& http_response::header(const std::string& lower_case_name) const {
    static const std::string none;
    const auto it = headers.find(lower_case_name);
    return it == headers.end() ? none : it->second;
}

http_client::http_client(std::chrono::milliseconds timeout) : handle_{nullptr}, timeout_{timeout} {
    handle_ = curl_library::get().easy_init();
    if (handle_ == nullptr) throw transport_error{"libcurl could not start a session"};
}

http_client::~http_client() { curl_library::get().easy_cleanup(handle_); }

http_response http_client::perform(const http_request& request) {
    const auto& c = curl_library::get();
    CURL* curl = handle_;
    std::unique_ptr<curl_slist, header_list_deleter> headers;
    for (const auto& [name, value] : request.headers) {
        curl_slist* next = c.slist_append(headers.get(), (name + ": " + value).c_str());
        if (next == nullptr) throw transport_error{"out of memory building request headers"};
        static_cast<void>(headers.release());
        headers.reset(next);
    }
    // No "Expect: 100-continue" round trip before a body.
    curl_slist* next = c.slist_append(headers.get(), "Expect:");
    if (next != nullptr) {
        static_cast<void>(headers.release());
        headers.reset(next);
    }

    http_response response;
    // A reset keeps the session's open connections and DNS cache but none
    // of the previous request's options.
    c.easy_reset(curl);
    c.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    if (request.method == "GET") {
        c.easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
        c.easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else {
        c.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        if (!request.body.empty() || request.method != "DELETE") {
            c.easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
            c.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        }
    }
    c.easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    c.easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    c.easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    c.easy_setopt(curl, CURLOPT_HEADERFUNCTION, take_header);
    c.easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    c.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count()));
    c.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<long long>(timeout_.count(), 10'000)));
    c.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    c.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
    c.easy_setopt(curl, CURLOPT_USERAGENT, "cadenced");
    if (cancel_ != nullptr) {
        if (cancel_->load()) throw transport_error{"stopped"};
        c.easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, abort_if_cancelled);
        c.easy_setopt(curl, CURLOPT_XFERINFODATA, static_cast<const void*>(cancel_));
        c.easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    }

    ++requests_;
    const CURLcode rc = c.easy_perform(curl);
    if (rc != CURLE_OK) throw transport_error{c.easy_strerror(rc)};
    c.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::string http_client::escape(const std::string& text) {
    const auto& c = curl_library::get();
    char* escaped = c.easy_escape(nullptr, text.c_str(), static_cast<int>(text.size()));
    if (escaped == nullptr) throw transport_error{"out of memory escaping a URL part"};
    std::string out{escaped};
    c.free(escaped);
    return out;
}

}  // namespace cadenced::providers
