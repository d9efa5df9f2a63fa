#include "daemon/http/status_reply.h"

#include <string>

namespace cadenced::http {

namespace {

struct status_text {
    const char* title;
    const char* message;
};

status_text describe(int status) {
    switch (status) {
    case 400: return {"Bad Request", "The request could not be understood."};
    case 404: return {"Not Found", "There is nothing at this address."};
    case 405: return {"Method Not Allowed", "Only GET and HEAD are served here."};
    case 413: return {"Content Too Large", "Requests to this server carry no body."};
    case 431: return {"Request Header Fields Too Large", "The request's header is larger than this server accepts."};
    case 500: return {"Internal Server Error", "Something went wrong while answering."};
    case 503: return {"Service Unavailable", "Nothing to serve yet; try again shortly."};
    default: return {"Error", "The request could not be answered."};
    }
}

std::string render_page(int status) {
    const auto text = describe(status);
    const auto code = std::to_string(status);
    std::string page;
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(code).append(" ").append(text.title)
        .append("</title><style>body{font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem;"
                "color:#222}h1{font-weight:600}a{color:#2456a6}</style></head>\n<body><h1>")
        .append(code).append(" ").append(text.title).append("</h1><p>").append(text.message)
        .append("</p><p><a href=\"/\">The operating rhythm</a></p></body></html>\n");
    return page;
}

/// Pages for every status we send, built once; the rest share one page.
const std::string& page_for(int status) {
    static const std::string p400 = render_page(400);
    static const std::string p404 = render_page(404);
    static const std::string p405 = render_page(405);
    static const std::string p413 = render_page(413);
    static const std::string p431 = render_page(431);
    static const std::string p500 = render_page(500);
    static const std::string p503 = render_page(503);
    static const std::string other = render_page(0);
    switch (status) {
    case 400: return p400;
    case 404: return p404;
    case 405: return p405;
    case 413: return p413;
    case 431: return p431;
    case 500: return p500;
    case 503: return p503;
    default: return other;
    }
}

}  // namespace

reply status_reply(int status, bool head) {
    const std::string& page = page_for(status);
    reply r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.headers.emplace_back("Cache-Control", "no-store");
    if (status == 405) r.headers.emplace_back("Allow", "GET, HEAD");
    r.content_length = page.size();
    if (!head) r.body = page;
    return r;
}

}  // namespace cadenced::http
