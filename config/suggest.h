#pragma once
// "Did you mean ...?" for misspelt keys, enum values, meeting ids and zones.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadenced::config::detail {

/// Levenshtein distance between `a` and `b` with adjacent transpositions
/// counted as one edit, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible
/// typo: at most 1 edit for words of up to 3 characters, 2 up to 8, else 3;
/// or `word` (4 characters or more) is the start of the candidate.
/// On a tie the earlier candidate wins, so callers list the likelier first.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string_view>& candidates);

/// "; did you mean \"x\"?" when `closest` finds one, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace cadenced::config::detail
