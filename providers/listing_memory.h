#pragma once
// A calendar's listing as sync last saw it, kept in sync_state so that the
// next sync asks the provider only for what changed since (Google's
// syncToken, Graph's delta link). Both calendar clients keep it through
// this class, and in step with what they write: a later round reports a
// change by id, which must find the event here.

#include "providers/sync_state.h"

#include <map>
#include <optional>
#include <string>

namespace cadenced::providers {

class listing_memory {
public:
    /// Keeps the listing in `state` under `target`; until then nothing is
    /// remembered and every listing is a full one.
    void attach(sync_state& state, std::string target);
    bool attached() const { return state_ != nullptr; }

    /// Loads the listing remembered for `source` (a calendar: API base and
    /// id); nullptr when there is none, or it is another calendar's.
    const sync_state::listing* open(const std::string& source);
    /// Applies a round of changes (nullopt: forget that event) and its
    /// token, saved at once.
    void apply(const std::map<std::string, std::optional<std::string>>& changes, const std::string& token);
    /// Replaces the whole listing (after a full listing), saved at once.
    void replace(sync_state::listing full);
    /// Drops the listing: the next sync lists in full.
    void forget();
    /// The listing as open, or nullptr.
    const sync_state::listing* current() const { return listed_ ? &*listed_ : nullptr; }
    /// The event as remembered, or nullptr.
    const std::string* find(const std::string& id) const;

    /// Records a write (nullopt: the event is gone), saved by save().
    void note(const std::string& id, std::optional<std::string> text);
    /// Saves the notes, once per batch rather than per event. Notes lost to
    /// a crash come back with the provider's next round of changes.
    void save();

private:
    sync_state* state_ = nullptr;
    std::string target_;
    std::string source_;
    std::optional<sync_state::listing> listed_;
    std::map<std::string, std::optional<std::string>> unsaved_;
};

}  // namespace cadenced::providers
