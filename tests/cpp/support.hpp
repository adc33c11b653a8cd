// Shared by the C++ tests: the 2026 ruleset's text and rulesets made from it by small edits.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <samverkan/load.hpp>

namespace samverkan::test {

/// The embedded goteborg-2026.yaml, as compiled into the library.
inline const std::string& text_2026() {
    static const std::string text(embedded_rulesets().back().text);
    return text;
}

/// How often `id` occurs in `ids`.
inline std::size_t count_of(const std::vector<std::string>& ids, std::string_view id) {
    return static_cast<std::size_t>(std::count(ids.begin(), ids.end(), id));
}

inline std::size_t occurrences(std::string_view text, std::string_view needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

/// goteborg-2026.yaml with each `from` (which must occur exactly once) replaced by its `to`.
inline std::string edited_all(const std::vector<std::pair<std::string, std::string>>& edits) {
    std::string text = text_2026();
    for (const auto& [from, to] : edits) {
        EXPECT_EQ(occurrences(text, from), 1u) << "the edit must match exactly once: '" << from << "'";
        const auto at = text.find(from);
        if (at != std::string::npos) text.replace(at, from.size(), to);
    }
    return text;
}

inline std::string edited(std::string_view from, std::string_view to) {
    return edited_all({{std::string(from), std::string(to)}});
}

/// The 2026 ruleset after the edits, loaded and checked.
inline ruleset_ptr with_all(const std::vector<std::pair<std::string, std::string>>& edits) {
    return load_from_string(edited_all(edits), "changed.yaml");
}

/// The 2026 ruleset with one edit, e.g. a changed parameter.
inline ruleset_ptr with(const std::string& from, const std::string& to) { return with_all({{from, to}}); }

}  // namespace samverkan::test
