// A ruleset: one version of the governance rules as data, valid from a date.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <range/v3/view/transform.hpp>

#include <samverkan/body.hpp>
#include <samverkan/date.hpp>
#include <samverkan/detail/id_index.hpp>
#include <samverkan/detail/nearest.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/relation.hpp>
#include <samverkan/seat.hpp>

namespace samverkan {

/// A source document the ruleset is built from.
struct source_document {
    std::string id;    ///< short id used in citations, e.g. "003"
    std::string file;  ///< seed file name, e.g. "003_324ab1002b074ef9.txt"
    std::string title;
};

/// A choice the ruleset makes where the sources are silent, stated so a reader can find it.
struct assumption {
    std::string key;   ///< the key it concerns, e.g. "valid_from"
    std::string rule;  ///< the rule id, if any
    std::string note;
};

/// A named item of a plan: a focus area (PLN-1) or a group to consider specially (PLN-3).
struct plan_item {
    std::string id;
    std::string name;
    source_mark mark;
};

/// The övergripande handlingsplan (STR-3): the forum that decides it and follows it up yearly.
struct action_plan {
    std::string decided_by;  ///< forum id, e.g. "lgs"
    source_mark mark;
};

/// The forums that structure checks are measured against.
struct forum_roles {
    std::string samrad = "politiskt_samrad";  ///< every represented body must reach it (STR-7)
    std::string lgs = "lgs";                  ///< every operational forum must reach it (STR-4)
};

/// One version of the rules. Immutable once loaded; share it as `std::shared_ptr<const ruleset>` (freeze()).
struct ruleset {
    std::string id;
    std::string name;
    date valid_from{};
    std::optional<date> valid_to;  ///< inclusive; none: in force until replaced
    std::string origin;            ///< the file it was read from, or "<id>.yaml (embedded)"
    std::vector<source_document> sources;
    std::vector<assumption> assumptions;
    std::vector<party> parties;
    std::vector<body> bodies;
    std::vector<forum> forums;
    std::vector<relation> relations;  ///< as written; represented_in edges come from the seats
    forum_roles roles;
    meeting_parameters meeting;
    rotation_parameters rotation;
    std::optional<std::pair<date, date>> plan_period;  ///< the samverkansplan's period, if any
    std::vector<plan_item> focus_areas;                // PLN-1
    std::vector<plan_item> equity_groups;              // PLN-3
    /// STR-3: who decides the handlingsplan and follows it up; none when the sources name no handlingsplan (2016).
    std::optional<samverkan::action_plan> action_plan;

    /// Whether this version is in force on `day` (valid_from ≤ day ≤ valid_to).
    [[nodiscard]] bool in_force_on(date day) const noexcept {
        return valid_from <= day && (!valid_to || day <= *valid_to);
    }

    [[nodiscard]] const forum* find_forum(std::string_view forum_id) const noexcept {
        return find(forums, index_.forums, forum_id);
    }
    [[nodiscard]] const body* find_body(std::string_view body_id) const noexcept {
        return find(bodies, index_.bodies, body_id);
    }
    [[nodiscard]] const party* find_party(std::string_view party_id) const noexcept {
        return find(parties, index_.parties, party_id);
    }

    /// The forum with this id; throws unknown_id (with the nearest known id) otherwise.
    [[nodiscard]] const forum& forum_by_id(std::string_view forum_id) const {
        return get(forums, index_.forums, forum_id, "forum");
    }
    /// The body with this id; throws unknown_id otherwise.
    [[nodiscard]] const body& body_by_id(std::string_view body_id) const {
        return get(bodies, index_.bodies, body_id, "body");
    }

    /// The seats of a forum, indexed 0…n-1.
    [[nodiscard]] std::span<const seat> seats(std::string_view forum_id) const { return forum_by_id(forum_id).seats; }

private:
    friend std::shared_ptr<const ruleset> freeze(ruleset rules);

    /// Through the index once frozen (it then holds every id of a non-empty list), else by scanning.
    template <class T>
    static const T* find(const std::vector<T>& items, const detail::id_positions& index,
                         std::string_view item_id) noexcept {
        if (!index.empty()) return index.find_in(items, item_id);
        const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == item_id; });
        return it == items.end() ? nullptr : &*it;
    }

    template <class T>
    static const T& get(const std::vector<T>& items, const detail::id_positions& index, std::string_view item_id,
                        const char* what) {
        if (const T* found = find(items, index, item_id)) return *found;
        throw unknown_id(what, std::string(item_id),
                         detail::did_you_mean(item_id, items | ranges::views::transform(&T::id)));
    }

    detail::ruleset_index index_;
};

/// Shares a finished ruleset: indexes the ids of its parties, bodies and forums, so that a look-up by id takes
/// constant time, and makes it immutable. The loader returns rulesets frozen; a ruleset built or edited in code
/// (a copy of a frozen one too) looks up by scanning until it is frozen.
[[nodiscard]] inline std::shared_ptr<const ruleset> freeze(ruleset rules) {
    auto frozen = std::make_shared<ruleset>(std::move(rules));
    frozen->index_.parties = detail::id_positions(frozen->parties);
    frozen->index_.bodies = detail::id_positions(frozen->bodies);
    frozen->index_.forums = detail::id_positions(frozen->forums);
    return frozen;
}

/// Shared, immutable handle to a ruleset.
using ruleset_ptr = std::shared_ptr<const ruleset>;

}  // namespace samverkan
