// The catalogue of rule ids: each rule's statement and the source text it rests on.
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

}  // namespace samverkan
