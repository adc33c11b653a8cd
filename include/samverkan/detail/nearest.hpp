// "Did you mean …?": the closest known name to a misspelt one.
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::detail {

/// Levenshtein distance between two short strings.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// The candidate nearest to `word` if it is close enough to be a likely typo, else "".
template <class Range>
std::string nearest(std::string_view word, const Range& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::string_view candidate{c};
        const std::size_t d = edit_distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(candidate);
        }
    }
    return best;
}

/// " (did you mean 'x'?)" or "", to append to a message.
template <class Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
    const std::string n = nearest(word, candidates);
    return n.empty() ? std::string() : " (did you mean '" + n + "'?)";
}

}  // namespace samverkan::detail
