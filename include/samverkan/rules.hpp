// The catalogue of rule ids: each rule's statement and the source text it rests on, and the wording
// of every kind of ruling step in Swedish and English.
// The explanations and the docs' rule reference both read it, so each text exists once.
#pragma once

#include <algorithm>
#include <span>
#include <string_view>

#include <samverkan/detail/rule_catalogue.hpp>
#include <samverkan/rule_info.hpp>

namespace samverkan {

/// Every rule of the specification, in the order of its sections.
[[nodiscard]] constexpr std::span<const rule_info> rules() noexcept { return detail::rule_catalogue; }

/// The rule with this id, or nullptr.
[[nodiscard]] constexpr const rule_info* find_rule(std::string_view id) noexcept {
    const auto all = rules();
    const auto it = std::find_if(all.begin(), all.end(), [id](const rule_info& r) { return r.id == id; });
    return it == all.end() ? nullptr : &*it;
}

/// The wording of every kind of ruling step, by rule id and kind.
[[nodiscard]] constexpr std::span<const step_wording> step_wordings() noexcept { return detail::step_catalogue; }

/// The wording of this kind of step of this rule, or nullptr.
[[nodiscard]] constexpr const step_wording* find_step_wording(std::string_view rule, std::string_view kind) noexcept {
    const auto all = step_wordings();
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const step_wording& w) { return w.rule == rule && w.kind == kind; });
    return it == all.end() ? nullptr : &*it;
}

/// How a fact value reads ("quorate=true", or a bare "true"), or nullptr when it reads as it is.
[[nodiscard]] constexpr const term_wording* find_term(std::string_view key) noexcept {
    const auto all = std::span<const term_wording>(detail::term_catalogue);
    const auto it = std::find_if(all.begin(), all.end(), [&](const term_wording& t) { return t.key == key; });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace samverkan
