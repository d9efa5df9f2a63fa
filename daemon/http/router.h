#pragma once
// Maps a request to its reply: which route, which document, who may see it.

#include "daemon/http/metrics.h"
#include "daemon/http/reply.h"
#include "daemon/site/site.h"

namespace cadenced::http {

/// The reply to `req` (whose method the router checks: GET and HEAD only).
/// 400 for a target that is not a valid path, 404 for anything unknown and
/// for a protected feed or agenda without the right token (the same 404 in
/// every case), 503 when the source has no snapshot. Reads the snapshot once,
/// so a reload during the request cannot mix two generations.
reply route_request(const request& req, const site::source& source, const metrics& counters);

}  // namespace cadenced::http
