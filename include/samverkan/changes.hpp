// Policy changes as data: a change to a ruleset's keys, a change file, the changed ruleset, the differences
// between two rulesets, and a timeline of versions with dated changes. Defined in the compiled part of the
// library (it needs yaml-cpp).
#pragma once

#include <algorithm>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/problem.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

/// One change to a ruleset, addressed by the file's own keys joined with dots (docs/policy-changes.md):
///  - `meeting.quorum` = `two_thirds` sets a key; `forums.lgs.description` reaches into a list item by its id;
///  - `bodies.nybody` = `{name: …, party: …, kind: …}` adds an item to a list whose items have ids;
///  - a path with no value removes the key or the item (`forums.politiskt_samrad.seats.ockero/ord`);
///  - `<list>+` appends an item (or each item of a list), `<list>-` removes the items equal to the value, an
///    item of a keyed list by its id, or a list item whose keys match every key given
///    (`rotation.pools.municipal-` = `ockero`, `relations-` = `{type: supports, from: x, to: y}`).
struct change {
    std::string path;
    std::optional<std::string> value;  ///< YAML (or JSON) text; none removes
    std::string where{};               ///< where it was written ("file:line:column"), for errors
};

/// A named set of changes, as a change file holds it (`samverkan_changes: 1`).
struct change_set {
    std::string name;  ///< an id, e.g. "quorum-two-thirds"
    std::string description;
    std::string rationale;
    std::optional<date> effective;  ///< from when the change applies; none: as the base
    std::string base;               ///< the id of the ruleset it changes, when the file names one
    std::vector<change> changes;
    std::string origin;  ///< the file it was read from
};

/// A change that cannot be applied: an unknown path, a value of the wrong kind, or a result that breaks the
/// rules. `problems()` lists every broken rule of the result, not only the first.
class change_error : public error {
public:
    change_error(const std::string& message, std::string path, std::vector<problem> problems = {})
        : error(format(message, path, problems)), path_(std::move(path)), problems_(std::move(problems)) {}

    /// The change path at fault, or "" when the fault is the result as a whole.
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }
    /// The rule ids the result breaks, each once, in the order first found.
    [[nodiscard]] std::vector<std::string> rules() const {
        std::vector<std::string> out;
        for (const auto& p : problems_)
            if (!p.rule.empty() && std::find(out.begin(), out.end(), p.rule) == out.end()) out.push_back(p.rule);
        return out;
    }

private:
    static std::string format(const std::string& message, const std::string& path, const std::vector<problem>& ps) {
        std::string out = path.empty() ? message : "change '" + path + "': " + message;
        for (const auto& p : ps) {
            out += "\n  " + (p.mark.key.empty() ? std::string() : "'" + p.mark.key + "': ") + p.message;
            if (!p.rule.empty()) out += " [" + p.rule + "]";
        }
        return out;
    }

    std::string path_;
    std::vector<problem> problems_;
};

/// The most changes one call applies; more are refused before any is applied.
inline constexpr std::size_t max_changes = 10000;

/// Reads a change file; throws ruleset_error naming file, line, column and key.
[[nodiscard]] change_set load_changes(const std::filesystem::path& file);
/// As load_changes(), from text; `origin` names it in errors.
[[nodiscard]] change_set changes_from_string(std::string_view yaml, const std::string& origin = "<string>");

/// The ruleset as a ruleset file: every key, defaults written out, relations one edge per item. Loading the text
/// gives an equal ruleset.
[[nodiscard]] std::string to_yaml(const ruleset& rs);

/// A new ruleset: `base` with `changes` applied in order, then checked as a loaded one is. `base` is untouched.
/// With `effective`, the result is in force from that day (which must lie within `base`'s validity, § 0). The
/// result's id is `<base id>/<name>` (name: "changed" when empty) unless a change sets `id`.
/// Throws change_error (unknown path, with the nearest valid paths; wrong value; every broken rule id) and
/// invalid_argument (an effective date outside base, too many changes); nothing is half-applied.
[[nodiscard]] ruleset_ptr with_changes(const ruleset& base, std::span<const change> changes,
                                       std::optional<date> effective = std::nullopt, std::string_view name = {});
/// As above, with the set's changes, effective date and name.
[[nodiscard]] ruleset_ptr with_changes(const ruleset& base, const change_set& set);

/// One difference between two rulesets.
struct difference {
    std::string path;     ///< e.g. "meeting.quorum", "forums.lgs.name", "relations"
    std::string section;  ///< version, sources, structure, seats, relations, themes, parameters, rotation pools, plan
    std::string kind;     ///< changed, added or removed
    std::optional<std::string> before;  ///< YAML flow text; none when added
    std::optional<std::string> after;   ///< none when removed
    std::string rule;                   ///< the rule id the key belongs to, where one does
};

/// Every difference between `a` and `b`, in the order of the schema: a key whose value differs, an item (with an
/// id) added or removed as a whole, an item of a list without ids (a relation, an office, an assumption) added
/// or removed. Keys left at their default compare equal to the default written out.
[[nodiscard]] std::vector<difference> diff(const ruleset& a, const ruleset& b);

/// The versions of the rules over time: the embedded rulesets, plus any dated changes. A version added from a
/// day cuts the one in force then so that it ends the day before.
class timeline {
public:
    /// The embedded versions.
    timeline();
    explicit timeline(std::vector<ruleset_ptr> versions);

    /// A timeline with `version` in force from its valid_from (the versions in force then end the day before).
    [[nodiscard]] timeline with_version(ruleset_ptr version) const;
    /// A timeline with `set` applied, from its effective date, to the version in force that day (or to the version
    /// named by `set.base`). Throws invalid_argument when the set has no effective date.
    [[nodiscard]] timeline with_changes(const change_set& set) const;
    /// The version in force on `day` (the one that started latest); throws no_ruleset_in_force.
    [[nodiscard]] ruleset_ptr in_force(date day) const;
    /// Ordered by valid_from.
    [[nodiscard]] const std::vector<ruleset_ptr>& versions() const noexcept { return versions_; }

private:
    std::vector<ruleset_ptr> versions_;
};

}  // namespace samverkan
