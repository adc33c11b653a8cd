// Consistency of a ruleset's data: ids unique, every reference known, parameters in range.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <range/v3/view/concat.hpp>
#include <range/v3/view/transform.hpp>

#include <samverkan/date.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/problem.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

namespace detail {

/// The bodies holding at least one ordinary seat in the forum: those a substitute may stand in for (QRM-2) and
/// the presidium is elected from (CMP-5). Refers to the forum's strings.
inline std::unordered_set<std::string_view> bodies_with_ordinary_seats(const forum& f) {
    std::unordered_set<std::string_view> out;
    for (const auto& s : f.seats)
        if (s.kind == seat_kind::ordinary) out.insert(s.body);
    return out;
}

inline source_mark sub_mark(const source_mark& m, const std::string& suffix) {
    return {m.line, m.column, m.key + suffix};
}

/// Where a rotation parameter was written: the `rotation` mapping's position, the key below it.
inline source_mark rotation_mark(const rotation_parameters& r, const std::string& suffix) {
    return {r.mark.line, r.mark.column, "rotation" + suffix};
}

/// What the rotation generator needs of its parameters to terminate and never divide by zero: numbers in
/// range, an anchor that is a real day the library handles, no empty pool, a first holder in a pool. The
/// rotation functions refuse a ruleset that breaks one of these (a ruleset built in code is not loaded, so
/// nothing else has checked it).
inline void check_rotation_basics(const rotation_parameters& r, std::vector<problem>& out) {
    if (r.term_years < 1)
        out.push_back({"ROT-1", "term_years must be 1 or more", rotation_mark(r, ".term_years")});
    else if (r.term_years > max_term_years)
        out.push_back(
            {"ROT-1", "term_years must be at most " + std::to_string(max_term_years), rotation_mark(r, ".term_years")});
    if (!r.anchor.ok() || r.anchor > max_date)
        out.push_back({"ROT-6", "anchor must be a calendar date no later than " + to_iso_string(max_date),
                       rotation_mark(r, ".anchor")});
    if (r.mandate_years < 1)
        out.push_back({"ROT-6", "mandate_years must be 1 or more", rotation_mark(r, ".mandate.years")});
    else if (r.mandate_years > max_mandate_years)
        out.push_back({"ROT-6", "mandate_years must be at most " + std::to_string(max_mandate_years),
                       rotation_mark(r, ".mandate.years")});
    if (r.first_election_year < min_election_year || r.first_election_year > max_election_year)
        out.push_back({"ROT-6",
                       "the first election year must be between " + std::to_string(min_election_year) + " and " +
                           std::to_string(max_election_year),
                       rotation_mark(r, ".mandate.first_election")});
    // ROT-2: the chair rotates between both sides, so each side needs at least one eligible body.
    for (const auto& [pool, name] : {std::pair{&r.municipal_pool, "municipal"}, std::pair{&r.region_pool, "region"}})
        if (pool->empty())
            out.push_back({"ROT-2",
                           std::string("the ") + name + " pool is empty; list at least one eligible body of that side",
                           rotation_mark(r, std::string(".pools.") + name)});
    const bool first_in_pool =
        std::find(r.municipal_pool.begin(), r.municipal_pool.end(), r.first_holder) != r.municipal_pool.end() ||
        std::find(r.region_pool.begin(), r.region_pool.end(), r.first_holder) != r.region_pool.end();
    if (!first_in_pool)
        out.push_back({"ROT-6", "first_holder '" + r.first_holder + "' is in neither rotation pool",
                       rotation_mark(r, ".first_holder")});
}

inline void check_unique_ids(const ruleset& rs, std::vector<problem>& out) {
    std::unordered_set<std::string_view> parties;
    for (const auto& p : rs.parties)
        if (!parties.insert(p.id).second) out.push_back({"", "duplicate party id '" + p.id + "'", p.mark});
    // Bodies and forums are the vertices of one graph: their ids share one namespace.
    std::unordered_set<std::string_view> vertices;
    for (const auto& b : rs.bodies)
        if (!vertices.insert(b.id).second) out.push_back({"", "duplicate id '" + b.id + "'", b.mark});
    for (const auto& f : rs.forums) {
        if (!vertices.insert(f.id).second) out.push_back({"", "duplicate id '" + f.id + "'", f.mark});
        std::unordered_set<std::string_view> seats;
        for (const auto& s : f.seats)
            if (!seats.insert(s.id).second)
                out.push_back({"", "duplicate seat id '" + s.id + "' in forum '" + f.id + "'", s.mark});
    }
}

inline void check_seats(const ruleset& rs, const forum& f, std::vector<problem>& out) {
    const auto with_ordinary = bodies_with_ordinary_seats(f);
    for (const auto& s : f.seats) {
        const body* b = rs.find_body(s.body);
        if (b == nullptr) {
            out.push_back({"CMP-1",
                           "seat '" + s.id + "' names unknown body '" + s.body + "'" +
                               detail::did_you_mean(s.body, rs.bodies | ranges::views::transform(&body::id)),
                           sub_mark(s.mark, ".body")});
            continue;
        }
        if (s.party != b->party || s.side != b->side)
            out.push_back({"CMP-1", "seat '" + s.id + "' disagrees with its body on party or side", s.mark});
        // QRM-2: a substitute serves in place of an ordinary member of the same body.
        if (s.kind == seat_kind::substitute && !with_ordinary.contains(s.body))
            out.push_back({"QRM-2",
                           "substitute seat '" + s.id + "' of body '" + s.body +
                               "' has no ordinary seat of that body in forum '" + f.id +
                               "' to stand in for; add one or remove the substitute",
                           s.mark});
    }
}

inline void check_relations(const ruleset& rs, std::vector<problem>& out) {
    const auto ids = ranges::views::concat(rs.bodies | ranges::views::transform(&body::id),
                                           rs.forums | ranges::views::transform(&forum::id));
    for (const auto& r : rs.relations) {
        // What each end names: a body, a forum (both, when an id is used twice) or neither.
        const bool from_body = rs.find_body(r.from) != nullptr, from_forum = rs.find_forum(r.from) != nullptr;
        const bool to_body = rs.find_body(r.to) != nullptr, to_forum = rs.find_forum(r.to) != nullptr;
        for (const auto& [end, known, key] :
             {std::tuple{&r.from, from_body || from_forum, ".from"}, std::tuple{&r.to, to_body || to_forum, ".to"}})
            if (!known)
                out.push_back({r.rule,
                               "relation names unknown forum or body '" + *end + "'" + detail::did_you_mean(*end, ids),
                               sub_mark(r.mark, key)});
        const bool needs_body = r.type == relation_type::adopts || r.type == relation_type::represented_in;
        if (needs_body && from_forum && !from_body)
            out.push_back({r.rule,
                           "'" + std::string(to_string(r.type)) + "' must start at a body, not forum '" + r.from + "'",
                           sub_mark(r.mark, ".from")});
        if (needs_body && to_body && !to_forum)
            out.push_back({r.rule,
                           "'" + std::string(to_string(r.type)) + "' must end at a forum, not body '" + r.to + "'",
                           sub_mark(r.mark, ".to")});
        // STR-9: a forum is anchored in a body, never the other way round.
        if (r.type == relation_type::anchors_in && from_body && !from_forum)
            out.push_back(
                {r.rule, "'anchors_in' must start at a forum, not body '" + r.from + "'", sub_mark(r.mark, ".from")});
        if (r.type == relation_type::anchors_in && to_forum && !to_body)
            out.push_back(
                {r.rule, "'anchors_in' must end at a body, not forum '" + r.to + "'", sub_mark(r.mark, ".to")});
    }
}

inline void check_parameters(const ruleset& rs, std::vector<problem>& out) {
    const auto& m = rs.meeting;
    const forum* meeting_forum = rs.find_forum(m.forum);
    if (meeting_forum == nullptr)
        out.push_back({"QRM-1", "meeting names unknown forum '" + m.forum + "'", sub_mark(m.mark, ".forum")});
    else if (meeting_forum->count(seat_kind::ordinary) == 0)
        out.push_back({"QRM-3", "meeting forum '" + m.forum + "' has no ordinary seats to count a quorum over",
                       sub_mark(m.mark, ".forum")});
    for (const auto& f : rs.forums) {
        const auto ordinary = f.count(seat_kind::ordinary);
        if (f.seats.empty()) continue;
        if (ordinary == 0) out.push_back({"QRM-3", "forum '" + f.id + "' has seats but no ordinary seat", f.mark});
        if (f.id == m.forum && m.quorum.kind == quorum_kind::count && m.quorum.count > ordinary)
            out.push_back({"QRM-3",
                           "quorum count " + std::to_string(m.quorum.count) + " exceeds the " +
                               std::to_string(ordinary) + " ordinary seats of forum '" + f.id + "'",
                           sub_mark(m.mark, ".quorum")});
    }
    if (m.quorum.kind == quorum_kind::count && m.quorum.count == 0)
        out.push_back({"QRM-3", "quorum count must be at least 1", sub_mark(m.mark, ".quorum")});
    if (m.max_referrals < 0)
        out.push_back({"CNS-3", "max_referrals must be 0 or more", sub_mark(m.mark, ".max_referrals")});
    if (m.in_force.kind == in_force_kind::count) {
        // CNS-5: a position that needs more adopting bodies than there are would never take effect.
        std::unordered_set<std::string_view> adopters;
        for (const auto& r : rs.relations)
            if (r.type == relation_type::adopts && r.to == m.forum) adopters.insert(r.from);
        if (m.in_force.count == 0)
            out.push_back({"CNS-5", "in_force_when count must be at least 1", sub_mark(m.mark, ".in_force_when")});
        else if (m.in_force.count > adopters.size())
            out.push_back({"CNS-5",
                           "in_force_when count " + std::to_string(m.in_force.count) + " exceeds the " +
                               std::to_string(adopters.size()) + " bodies that adopt the positions of forum '" +
                               m.forum + "'",
                           sub_mark(m.mark, ".in_force_when")});
    }
    if (m.meetings_per_termin < 1)
        out.push_back({"MTG-1", "meetings_per_termin must be 1 or more", sub_mark(m.mark, ".meetings_per_termin")});

    const auto& r = rs.rotation;
    const forum* rf = rs.find_forum(r.forum);
    if (rf == nullptr)
        out.push_back({"ROT-2", "rotation names unknown forum '" + r.forum + "'", rotation_mark(r, ".forum")});
    const auto seated = rf != nullptr ? bodies_with_ordinary_seats(*rf) : std::unordered_set<std::string_view>{};
    check_rotation_basics(r, out);
    auto check_pool = [&](const std::vector<std::string>& pool, side s, const char* name) {
        std::set<std::string, std::less<>> seen;
        for (std::size_t i = 0; i < pool.size(); ++i) {
            const auto key = std::string(".pools.") + name + "[" + std::to_string(i) + "]";
            const body* b = rs.find_body(pool[i]);
            if (!seen.insert(pool[i]).second)
                out.push_back(
                    {"ROT-3a", "'" + pool[i] + "' appears twice in the " + name + " pool", rotation_mark(r, key)});
            if (b == nullptr) {
                out.push_back({"ROT-2",
                               "rotation pool names unknown body '" + pool[i] + "'" +
                                   detail::did_you_mean(pool[i], rs.bodies | ranges::views::transform(&body::id)),
                               rotation_mark(r, key)});
            } else if (b->kind == body_kind::purchaser) {
                out.push_back(
                    {"ROT-2", "purchaser body '" + b->id + "' is not in the chair rotation", rotation_mark(r, key)});
            } else if (b->side != s) {
                out.push_back({"ROT-2", "body '" + b->id + "' is not on the " + name + " side", rotation_mark(r, key)});
            } else if (rf != nullptr && !seated.contains(b->id)) {
                out.push_back({"CMP-5", "body '" + b->id + "' has no ordinary seat in forum '" + r.forum + "'",
                               rotation_mark(r, key)});
            }
        }
    };
    check_pool(r.municipal_pool, side::municipal, "municipal");
    check_pool(r.region_pool, side::region, "region");

    // STR-3: the handlingsplan is decided by a forum of the structure.
    if (rs.action_plan && rs.find_forum(rs.action_plan->decided_by) == nullptr)
        out.push_back(
            {"STR-3",
             "the handlingsplan is decided by unknown forum '" + rs.action_plan->decided_by + "'" +
                 detail::did_you_mean(rs.action_plan->decided_by, rs.forums | ranges::views::transform(&forum::id)),
             {rs.action_plan->mark.line, rs.action_plan->mark.column, "plan.action_plan.decided_by"}});

    for (const auto& f : rs.forums) {
        for (std::size_t i = 0; i < f.offices.size(); ++i) {
            const auto& o = f.offices[i];
            if (rs.find_forum(o.forum) == nullptr)
                out.push_back({"ROT-5", "office names unknown forum '" + o.forum + "'",
                               sub_mark(f.mark, ".offices[" + std::to_string(i) + "]")});
            if (!o.appointed_by.empty() && rs.find_forum(o.appointed_by) == nullptr &&
                rs.find_body(o.appointed_by) == nullptr)
                out.push_back({o.rule.empty() ? "ROT-5" : o.rule,
                               "office " + o.forum + " " + std::string(to_string(o.role)) +
                                   " is appointed by unknown forum or body '" + o.appointed_by + "'",
                               sub_mark(f.mark, ".offices[" + std::to_string(i) + "].appointed_by")});
        }
        if (f.theme && f.theme->min_age && f.theme->max_age && *f.theme->min_age > *f.theme->max_age)
            out.push_back({"THM-3", "theme '" + f.id + "' has min_age above max_age", sub_mark(f.mark, ".theme")});
    }
}

}  // namespace detail

/// Every inconsistency in the ruleset's data (not the graph rules: see structure::validate).
[[nodiscard]] inline std::vector<problem> check_consistency(const ruleset& rs) {
    std::vector<problem> out;
    if (rs.valid_to && *rs.valid_to < rs.valid_from)
        out.push_back({"", "valid_to is before valid_from", {0, 0, "valid_to"}});
    detail::check_unique_ids(rs, out);
    for (const auto& b : rs.bodies) {
        const party* p = rs.find_party(b.party);
        if (p == nullptr)
            out.push_back({"",
                           "body '" + b.id + "' names unknown party '" + b.party + "'" +
                               detail::did_you_mean(b.party, rs.parties | ranges::views::transform(&party::id)),
                           detail::sub_mark(b.mark, ".party")});
        else if (p->side != b.side)
            out.push_back({"", "body '" + b.id + "' is not on its party's side", b.mark});
    }
    for (const auto& f : rs.forums) detail::check_seats(rs, f, out);
    detail::check_relations(rs, out);
    detail::check_parameters(rs, out);
    return out;
}

}  // namespace samverkan
