// Loading rulesets: from a YAML file, from text, and the embedded Göteborg versions.
// Defined in the compiled part of the library (it needs yaml-cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

/// A ruleset file compiled into the library.
struct embedded_ruleset {
    std::string_view name;  ///< file name, e.g. "goteborg-2026.yaml"
    std::string_view text;  ///< its YAML text
};

/// Files larger than this are refused before they are read.
inline constexpr std::uintmax_t max_ruleset_bytes = std::uintmax_t{10} * 1024U * 1024U;
/// Mappings and sequences nested deeper than this are refused while scanning, before the tree is built.
inline constexpr int max_ruleset_depth = 64;

/// The ruleset files compiled into the library, in file-name order.
[[nodiscard]] std::span<const embedded_ruleset> embedded_rulesets() noexcept;

/// Reads, checks and returns a ruleset; throws ruleset_error naming file, line, column, key and rule.
[[nodiscard]] ruleset_ptr load(const std::filesystem::path& file);

/// As load(), from YAML text; `origin` names it in errors.
[[nodiscard]] ruleset_ptr load_from_string(std::string_view yaml, const std::string& origin = "<string>");

/// Every embedded ruleset, parsed and checked once per process, ordered by valid_from.
[[nodiscard]] const std::vector<ruleset_ptr>& embedded_versions();

/// The embedded version in force on `on`; throws no_ruleset_in_force when there is none.
[[nodiscard]] ruleset_ptr load_default(date on);

/// The embedded version in force today.
[[nodiscard]] inline ruleset_ptr load_default() { return load_default(today()); }

}  // namespace samverkan
