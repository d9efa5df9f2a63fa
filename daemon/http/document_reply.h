#pragma once
// Serving one rendered document: conditional GET, gzip, HEAD.

#include "daemon/http/reply.h"
#include "daemon/site/site.h"

#include <memory>
#include <string>
#include <string_view>

namespace cadenced::http {

/// The ETag of the gzip variant: `etag` with "-gzip" inside the quotes. The
/// two bodies differ byte for byte, so one strong tag for both would tell a
/// cache they are interchangeable (RFC 9110 section 8.8.3).
std::string gzip_etag(std::string_view etag);

/// 200 or 304 for `doc`, which `owner` keeps alive (the snapshot holding
/// it). Picks the gzip body when the client accepts gzip and one exists;
/// evaluates If-None-Match against the ETag of the variant it picked. The
/// body is left out for HEAD and 304; Content-Length stays that of GET.
reply document_reply(const site::document& doc, const request& req, std::shared_ptr<const void> owner);

}  // namespace cadenced::http
