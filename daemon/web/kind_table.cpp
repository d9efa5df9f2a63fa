#include "daemon/web/kind_table.h"

#include "daemon/web/kind_colours.h"
#include "daemon/web/labels.h"

namespace cadenced::web {

kind_table::kind_table(const std::vector<const schedule::occurrence*>& occurrences) {
    for (const auto* o : occurrences) {
        if (is_busy_block(*o) || find(o->meeting_id) != nullptr) continue;
        entries_.push_back(kind_entry{o->meeting_id, short_title(*o), "k" + std::to_string(entries_.size() + 1),
                                      kind_colour(o->meeting_id), o->all_day});
    }
}

const kind_entry* kind_table::find(std::string_view meeting_id) const {
    // A page has a handful of kinds; a linear scan beats building an index.
    for (const auto& e : entries_)
        if (e.meeting_id == meeting_id) return &e;
    return nullptr;
}

std::string kind_table::css() const {
    std::string out;
    for (const auto& e : entries_) {
        out += '.';
        out += e.css_class;
        out += "{--k:";
        out += e.colour;
        out += "}\n";
    }
    return out;
}

}  // namespace cadenced::web
