#include "clients.h"

#include <catch2/catch.hpp>
#include <curl/curl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace cadenced::http::test {

namespace {

std::string lower(std::string_view s) {
    std::string out{s};
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void curl_global() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        headers->clear();  // a new response (after a 100 Continue, say) starts over
        return size * count;
    }
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return size * count;
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    headers->emplace_back(std::string{line.substr(0, colon)}, std::string{value});
    return size * count;
}

}  // namespace

std::optional<std::string> http_response::header(std::string_view name) const {
    const auto wanted = lower(name);
    for (const auto& [n, v] : headers) {
        if (lower(n) == wanted) return v;
    }
    return std::nullopt;
}

std::vector<std::string> http_response::header_names() const {
    std::vector<std::string> names;
    for (const auto& h : headers) names.push_back(lower(h.first));
    std::sort(names.begin(), names.end());
    return names;
}

http_client::http_client() {
    curl_global();
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("curl_easy_init failed");
}

http_client::~http_client() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

http_response http_client::request(const std::string& url, const std::vector<std::string>& headers,
                                   const std::string& method) {
    auto* curl = static_cast<CURL*>(curl_);
    http_response response;
    curl_slist* list = nullptr;
    for (const auto& h : headers) list = curl_slist_append(list, h.c_str());

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROXY, "");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    if (method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);  // also undoes a previous NOBODY
    }
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method == "GET" || method == "HEAD" ? nullptr : method.c_str());

    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(list);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    INFO("curl: " << curl_easy_strerror(rc) << " for " << method << " " << url);
    REQUIRE(rc == CURLE_OK);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &response.new_connections);
    return response;
}

http_response fetch(const std::string& url, const std::vector<std::string>& headers, const std::string& method) {
    http_client client;
    return client.request(url, headers, method);
}

raw_connection::raw_connection(unsigned short port, int receive_buffer) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    if (receive_buffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        const int err = errno;
        ::close(fd_);
        throw std::runtime_error(std::string("connect() failed: ") + std::strerror(err));
    }
}

raw_connection::~raw_connection() {
    if (fd_ >= 0) ::close(fd_);
}

bool raw_connection::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void raw_connection::shutdown_write() { ::shutdown(fd_, SHUT_WR); }

long raw_connection::read_some(char* data, std::size_t size, std::chrono::milliseconds limit) {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(limit.count()));
    if (ready == 0) return -1;
    if (ready < 0) return 0;
    const auto n = ::recv(fd_, data, size, 0);
    return n < 0 ? 0 : static_cast<long>(n);
}

std::string raw_connection::read_until_close(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::string out = std::move(pending_);
    pending_.clear();
    char chunk[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        const long n = read_some(chunk, sizeof chunk, left);
        if (n <= 0) break;
        out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
}

std::string raw_connection::read_response(bool head_request, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::string data = std::move(pending_);
    pending_.clear();
    char chunk[4096];
    auto need_more = [&]() -> bool {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        const long n = read_some(chunk, sizeof chunk, left);
        if (n <= 0) return false;
        data.append(chunk, static_cast<std::size_t>(n));
        return true;
    };
    std::size_t header_end;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
        if (!need_more()) return {};
    }
    header_end += 4;
    std::size_t body_size = 0;
    const auto lowered = lower(std::string_view(data).substr(0, header_end));
    const auto at = lowered.find("\r\ncontent-length:");
    if (at != std::string::npos && !head_request) {
        body_size = std::stoul(lowered.substr(at + 17));
    }
    while (data.size() < header_end + body_size) {
        if (!need_more()) return {};
    }
    pending_ = data.substr(header_end + body_size);
    return data.substr(0, header_end + body_size);
}

std::string raw_connection::read_up_to(std::size_t n, std::chrono::milliseconds quiet) {
    std::string out = std::move(pending_);
    pending_.clear();
    if (out.size() > n) {
        pending_ = out.substr(n);
        out.resize(n);
    }
    char chunk[16384];
    while (out.size() < n) {
        const long got = read_some(chunk, std::min(sizeof chunk, n - out.size()), quiet);
        if (got <= 0) break;
        out.append(chunk, static_cast<std::size_t>(got));
    }
    return out;
}

void raw_connection::abort() {
    linger now{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &now, sizeof now);
    ::close(fd_);
    fd_ = -1;
}

bool raw_connection::closed_by_peer_within(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    char chunk[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        const long n = read_some(chunk, sizeof chunk, left);
        if (n == 0) return true;
        if (n < 0) return false;
    }
}

int status_of(std::string_view raw_response) {
    if (!raw_response.starts_with("HTTP/1.") || raw_response.size() < 12) return 0;
    int status = 0;
    for (std::size_t i = 9; i < 12; ++i) {
        const char c = raw_response[i];
        if (c < '0' || c > '9') return 0;
        status = status * 10 + (c - '0');
    }
    return status;
}

}  // namespace cadenced::http::test
