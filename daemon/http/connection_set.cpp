#include "daemon/http/connection_set.h"

#include "daemon/http/session.h"

#include <vector>

namespace cadenced::http {

connection_set::connection_set(std::size_t max_connections, metrics& counters)
    : max_(max_connections), counters_(counters) {}

bool connection_set::add(const std::shared_ptr<session>& s) {
    const std::lock_guard lock(mutex_);
    if (closed_ || open_.size() >= max_) return false;
    open_.emplace(s.get(), s);
    counters_.set_connections(static_cast<long>(open_.size()));
    return true;
}

void connection_set::remove(const session* s) {
    const std::lock_guard lock(mutex_);
    if (open_.erase(s) == 0) return;
    counters_.set_connections(static_cast<long>(open_.size()));
}

void connection_set::close_all() {
    std::vector<std::shared_ptr<session>> live;
    {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        live.reserve(open_.size());
        for (const auto& entry : open_) {
            if (auto s = entry.second.lock()) live.push_back(std::move(s));
        }
    }
    // Outside the lock: dropping `live` may destroy a session, whose
    // destructor calls remove().
    for (const auto& s : live) s->close();
}

}  // namespace cadenced::http
