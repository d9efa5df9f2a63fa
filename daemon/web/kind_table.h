#pragma once
// The meeting kinds present on a page, each with a CSS class carrying its
// colour. Classes are numbered ("k1", "k2", ...) rather than named after
// the meeting id, because an id is not necessarily a valid class name.

#include "schedule/occurrence.h"

#include <string>
#include <string_view>
#include <vector>

namespace cadenced::web {

struct kind_entry {
    std::string meeting_id;
    std::string label;      ///< short title of its first occurrence, for the legend
    std::string css_class;  ///< "k1"
    std::string_view colour;
    bool all_day = false;   ///< drawn as a deadline (tinted) rather than a meeting
};

class kind_table {
public:
    /// Kinds of `occurrences` in order of first appearance; busy blocks are
    /// left out, since they show no kind.
    explicit kind_table(const std::vector<const schedule::occurrence*>& occurrences);

    /// The entry for `meeting_id`, or nullptr if no occurrence has it.
    const kind_entry* find(std::string_view meeting_id) const;
    const std::vector<kind_entry>& entries() const { return entries_; }

    /// ".k1{--k:#4338ca}" and so on, one rule a line.
    std::string css() const;

private:
    std::vector<kind_entry> entries_;
};

}  // namespace cadenced::web
