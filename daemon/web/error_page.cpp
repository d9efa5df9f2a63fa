// Small pages for 4xx and 5xx answers.
#include "daemon/web/html_document.h"
#include "daemon/web/pages.h"
#include "daemon/web/style.h"
#include "schedule/agenda_render.h"

#include <string_view>

namespace cadenced::web {

namespace {

// Reason phrases of the statuses the daemon answers with; others get a
// generic word so the page never claims a wrong meaning.
std::string_view reason_of(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 413: return "Payload Too Large";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return status >= 500 ? "Server Error" : "Error";
    }
}

}  // namespace

std::string error_page(int status, const std::string& message) {
    const std::string code = std::to_string(status);
    const std::string_view reason = reason_of(status);
    std::string body = "<main class=\"error\">\n<p class=\"status\">" + code + "</p>\n<h1>";
    body += reason;
    body += "</h1>\n";
    if (!message.empty()) body += "<p>" + schedule::html_escape(message) + "</p>\n";
    body += "<a href=\"/\">&larr; Year at a glance</a>\n</main>\n";
    std::string css{base_css()};
    css += error_css();
    return html_document(code + " " + std::string{reason}, css, body);
}

}  // namespace cadenced::web
