#pragma once
// What every connection of one server shares: where to get documents, where
// to count, the limits, the log, and the set of open connections.

#include "daemon/http/connection_set.h"
#include "daemon/http/metrics.h"
#include "daemon/http/server.h"
#include "daemon/site/site.h"

#include <spdlog/logger.h>

#include <memory>

namespace cadenced::http {

struct session_context {
    session_context(const site::source& source_in, metrics& counters_in, server_limits limits_in,
                    std::shared_ptr<spdlog::logger> log_in)
        : source(source_in), counters(counters_in), limits(limits_in), log(std::move(log_in)),
          connections(limits_in.max_connections, counters_in) {}

    const site::source& source;
    metrics& counters;
    const server_limits limits;
    const std::shared_ptr<spdlog::logger> log;  ///< never null
    connection_set connections;
};

}  // namespace cadenced::http
