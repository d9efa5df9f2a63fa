#include "schedule/rhythm.h"

#include <algorithm>

namespace cadenced::schedule {

const series* rhythm::find(std::string_view id) const {
    auto it = std::find_if(meetings.begin(), meetings.end(), [&](const series& s) { return s.id == id; });
    return it == meetings.end() ? nullptr : &*it;
}

const person* rhythm::find_person(std::string_view role) const {
    auto it = std::find_if(people.begin(), people.end(), [&](const person& p) { return p.role == role; });
    return it == people.end() ? nullptr : &*it;
}

}  // namespace cadenced::schedule
