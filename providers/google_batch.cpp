#include "providers/google_batch.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace cadenced::providers {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string{text.substr(first, last - first + 1)};
}

// Splits "headers CRLF CRLF rest"; the headers into the map.
std::string_view take_headers(std::string_view text, std::map<std::string, std::string>& headers) {
    const auto end = text.find("\r\n\r\n");
    const std::string_view head = text.substr(0, end);
    std::size_t at = 0;
    while (at < head.size()) {
        auto line_end = head.find("\r\n", at);
        if (line_end == std::string_view::npos) line_end = head.size();
        const auto line = head.substr(at, line_end - at);
        if (const auto colon = line.find(':'); colon != std::string_view::npos)
            headers[lower(std::string{line.substr(0, colon)})] = trimmed(line.substr(colon + 1));
        at = line_end + 2;
    }
    return end == std::string_view::npos ? std::string_view{} : text.substr(end + 4);
}

std::string boundary_of(std::string_view content_type) {
    const auto at = lower(std::string{content_type}).find("boundary=");
    if (at == std::string::npos) throw std::runtime_error{"the batch answer has no multipart boundary"};
    std::string boundary{content_type.substr(at + 9)};
    if (const auto semicolon = boundary.find(';'); semicolon != std::string::npos) boundary.resize(semicolon);
    boundary = trimmed(boundary);
    if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
        boundary = boundary.substr(1, boundary.size() - 2);
    if (boundary.empty()) throw std::runtime_error{"the batch answer has an empty multipart boundary"};
    return boundary;
}

}  // namespace

std::string batch_request_body(const std::vector<batch_part>& parts, std::string_view boundary) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& p = parts[i];
        out += "--";
        out += boundary;
        out += "\r\nContent-Type: application/http\r\nContent-ID: <item-" + std::to_string(i) + ">\r\n\r\n";
        out += p.method + " " + p.target + " HTTP/1.1\r\n";
        for (const auto& [name, value] : p.headers) out += name + ": " + value + "\r\n";
        if (!p.body.empty()) out += "Content-Length: " + std::to_string(p.body.size()) + "\r\n";
        out += "\r\n";
        out += p.body;
        out += "\r\n";
    }
    out += "--";
    out += boundary;
    out += "--\r\n";
    return out;
}

std::map<std::size_t, batch_answer> parse_batch_response(std::string_view content_type, std::string_view body) {
    const std::string delimiter = "--" + boundary_of(content_type);
    std::map<std::size_t, batch_answer> answers;
    auto at = body.find(delimiter);
    while (at != std::string_view::npos) {
        std::string_view part = body.substr(at + delimiter.size());
        if (part.starts_with("--")) break;  // the closing delimiter
        const auto next = part.find(delimiter);
        part = part.substr(0, next);
        at = next == std::string_view::npos ? next : at + delimiter.size() + next;

        std::map<std::string, std::string> outer;
        std::string_view http = take_headers(part.substr(part.find_first_not_of("\r\n") == std::string_view::npos
                                                              ? part.size()
                                                              : part.find_first_not_of("\r\n")),
                                             outer);
        // <response-item-12>
        const std::string id = outer["content-id"];
        const auto dash = id.rfind('-');
        std::size_t index = 0;
        if (dash == std::string::npos ||
            std::from_chars(id.data() + dash + 1, id.data() + id.size() - (id.ends_with(">") ? 1 : 0), index).ec != std::errc{})
            throw std::runtime_error{"a batch answer part has no item Content-ID"};

        batch_answer answer;
        const auto status_end = http.find("\r\n");
        const std::string_view status_line = http.substr(0, status_end);  // HTTP/1.1 200 OK
        const auto space = status_line.find(' ');
        if (!status_line.starts_with("HTTP/") || space == std::string_view::npos ||
            std::from_chars(status_line.data() + space + 1, status_line.data() + status_line.size(), answer.status).ec !=
                std::errc{})
            throw std::runtime_error{"a batch answer part has no HTTP status line"};
        std::string_view rest = status_end == std::string_view::npos ? std::string_view{} : http.substr(status_end + 2);
        // A part without headers starts its body right after the status line's CRLF CRLF.
        if (rest.starts_with("\r\n")) {
            rest.remove_prefix(2);
        } else {
            rest = take_headers(rest, answer.headers);
        }
        answer.body = trimmed(rest);
        answers[index] = std::move(answer);
    }
    return answers;
}

}  // namespace cadenced::providers
