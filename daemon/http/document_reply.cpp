#include "daemon/http/document_reply.h"

#include "daemon/http/accept_encoding.h"
#include "daemon/http/http_date.h"

#include <utility>

namespace cadenced::http {

std::string gzip_etag(std::string_view etag) {
    std::string tag{etag};
    if (!tag.empty() && tag.back() == '"') {
        tag.insert(tag.size() - 1, "-gzip");
    } else {
        tag += "-gzip";
    }
    return tag;
}

reply document_reply(const site::document& doc, const request& req, std::shared_ptr<const void> owner) {
    const bool gzip = !doc.gzip_body.empty() && accepts_gzip(req.accept_encoding);
    std::string etag = gzip ? gzip_etag(doc.etag) : doc.etag;

    reply r;
    // These go on the 304 as well: RFC 9110 section 15.4.5 asks for the
    // fields that would have guided caching on the 200.
    r.headers.emplace_back("Cache-Control", "max-age=" + std::to_string(doc.max_age.count()));
    // Always, even for a document without a gzip body: whether one exists
    // may change with the next snapshot, and caches key on this field.
    r.headers.emplace_back("Vary", "Accept-Encoding");

    if (not_modified(req.conditions, etag, doc.last_modified)) {
        r.status = 304;
        r.headers.emplace_back("ETag", std::move(etag));
        return r;
    }

    const std::string& body = gzip ? doc.gzip_body : doc.body;
    r.status = 200;
    r.headers.emplace_back("Content-Type", doc.content_type);
    if (gzip) r.headers.emplace_back("Content-Encoding", "gzip");
    r.headers.emplace_back("ETag", std::move(etag));
    r.headers.emplace_back("Last-Modified", format_http_date(doc.last_modified));
    r.content_length = body.size();
    if (!req.is_head()) {
        r.body = body;
        r.body_file = (gzip ? doc.gzip_file : doc.body_file).get();
    }
    r.owner = std::move(owner);
    return r;
}

}  // namespace cadenced::http
