#pragma once
// The open connections of one server: admitted up to the cap, counted for
// the gauge, and all closed on stop.

#include "daemon/http/metrics.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace cadenced::http {

class session;

/// Thread-safe: the acceptor adds, sessions remove themselves from whichever
/// thread drops their last reference, and stop() may come from any thread.
class connection_set {
public:
    connection_set(std::size_t max_connections, metrics& counters);

    /// Admits `s`; false (and `s` not remembered) when max_connections are
    /// already open or close_all() has run, and the caller drops it.
    bool add(const std::shared_ptr<session>& s);
    /// Forgets `s`, from its destructor; a session never admitted is ignored.
    void remove(const session* s);
    /// Admits nothing more and asks every open connection to close.
    void close_all();

private:
    mutable std::mutex mutex_;
    // Weak: the set must not keep a finished connection alive.
    std::unordered_map<const session*, std::weak_ptr<session>> open_;
    std::size_t max_;
    metrics& counters_;
    bool closed_ = false;
};

}  // namespace cadenced::http
