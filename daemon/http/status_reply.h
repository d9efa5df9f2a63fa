#pragma once
// Answers that carry only a status: a small HTML page saying what happened.

#include "daemon/http/reply.h"

namespace cadenced::http {

/// A reply for `status` (400, 404, 405, 413, 431, 500 or 503; any other
/// gets a generic page) with a static HTML body, Cache-Control: no-store,
/// and for 405 the Allow field. The body is left out for HEAD. Deliberately
/// free of request details: a 404 for a wrong feed token must be byte-for-
/// byte the 404 for a feed that does not exist.
reply status_reply(int status, bool head);

}  // namespace cadenced::http
