#include "providers/listing_memory.h"

namespace cadenced::providers {

void listing_memory::attach(sync_state& state, std::string target) {
    state_ = &state;
    target_ = std::move(target);
}

const sync_state::listing* listing_memory::open(const std::string& source) {
    source_ = source;
    listed_ = state_->remembered_listing(target_, source);
    unsaved_.clear();
    return current();
}

void listing_memory::apply(const std::map<std::string, std::optional<std::string>>& changes, const std::string& token) {
    state_->update_listing(target_, source_, changes, token);
    for (const auto& [id, text] : changes) {
        if (text) listed_->events[id] = *text;
        else listed_->events.erase(id);
    }
    listed_->token = token;
}

void listing_memory::replace(sync_state::listing full) {
    state_->remember_listing(target_, source_, full);
    listed_ = std::move(full);
}

void listing_memory::forget() {
    state_->forget_listing(target_);
    listed_.reset();
    unsaved_.clear();
}

const std::string* listing_memory::find(const std::string& id) const {
    if (!listed_) return nullptr;
    const auto it = listed_->events.find(id);
    return it == listed_->events.end() ? nullptr : &it->second;
}

void listing_memory::note(const std::string& id, std::optional<std::string> text) {
    if (!listed_ || id.empty()) return;
    if (text) listed_->events[id] = *text;
    else listed_->events.erase(id);
    unsaved_[id] = std::move(text);
}

void listing_memory::save() {
    if (!state_ || !listed_ || unsaved_.empty()) return;
    state_->update_listing(target_, source_, unsaved_, listed_->token);
    unsaved_.clear();
}

}  // namespace cadenced::providers
