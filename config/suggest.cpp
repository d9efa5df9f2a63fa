#include "config/suggest.h"

#include <algorithm>

namespace cadenced::config::detail {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t max_edits(std::string_view word) {
    if (word.size() <= 3) return 1;
    if (word.size() <= 8) return 2;
    return 3;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Levenshtein distance that also counts swapping two neighbours as one
    // edit ("titel" -> "title"), the commonest typo in keys.
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::optional<std::string> best;
    const std::size_t limit = max_edits(word);
    std::size_t best_distance = limit + 1;
    for (auto candidate : candidates) {
        std::size_t d = edit_distance(word, candidate);
        // A word cut short ("replaced" for "replaced_by") is plausible however
        // many letters are missing; it ranks behind any closer match.
        if (word.size() >= 4 && d > limit && candidate.size() > word.size() &&
            edit_distance(word, candidate.substr(0, word.size())) == 0)
            d = limit;
        if (d < best_distance) {
            best_distance = d;
            best = std::string{candidate};
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    if (auto match = closest(word, candidates)) return "; did you mean \"" + *match + "\"?";
    return {};
}

}  // namespace cadenced::config::detail
