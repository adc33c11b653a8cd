// The chair rotation (§ 6, ROT-1 … ROT-6): the proposed schedule of chair and vice chair years
// ahead, the term in force on a date, and the check of any schedule against the rules.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/body.hpp>
#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/detail/join.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/explanation.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/ruleset.hpp>

namespace samverkan {

/// One term of office of the samråd's chair and vice chair.
struct term {
    std::size_t index = 0;  ///< 0 for the term starting at the rotation's anchor
    date start{};
    date end{};  ///< inclusive
    side chair_side = side::municipal;
    std::string chair;       ///< body id
    std::string vice_chair;  ///< body id
    side vice_side = side::region;
    std::optional<side> lgs_chair_side;  ///< none when lgs_coordination is none (ROT-4)
    explanation why;
};

/// A row of a schedule to check: what a person or a file proposes.
struct schedule_row {
    date start{};
    date end{};
    std::string chair;
    std::string vice_chair;
    std::optional<side> lgs_chair_side;
};

/// How serious a finding of the rotation check is: ROT-1 … ROT-4 are errors; the fairness of ROT-3a
/// and a term straddling a mandate boundary (ROT-6) are warnings.
enum class severity : std::uint8_t { error, warning };

/// One finding of validate_rotation.
struct rotation_violation {
    std::string rule;
    std::size_t term_index = 0;  ///< the row it concerns
    samverkan::severity level = severity::error;
    std::string message;  ///< what is wrong and what would fix it
};

namespace detail {
template <>
struct enum_names<severity> {
    static constexpr std::array<std::string_view, 2> names{"error", "warning"};
};

/// `d` plus whole years; 29 February becomes 28 February in a common year.
inline date add_years(date d, int n) {
    date r = d + std::chrono::years{n};
    if (!r.ok()) r = r.year() / r.month() / std::chrono::last;
    return r;
}

inline date day_before(date d) { return date{std::chrono::sys_days{d} - std::chrono::days{1}}; }

/// ROT-6: the first day of each mandate period, from the first election onwards: 1 January after
/// an election year.
inline date mandate_start(const rotation_parameters& p, int period) {
    return std::chrono::year{p.first_election_year + 1 + period * p.mandate_years} / std::chrono::January / 1;
}

/// The first mandate boundary b with start < b ≤ end, if any.
inline std::optional<date> straddled_boundary(const rotation_parameters& p, date start, date end) {
    const int first = static_cast<int>(start.year()) - p.first_election_year - 1;
    for (int k = std::max(0, first / p.mandate_years - 1);; ++k) {
        const date b = mandate_start(p, k);
        if (b > end) return std::nullopt;
        if (b > start) return b;
    }
}

inline const std::vector<std::string>& pool(const rotation_parameters& p, side s) {
    return s == side::municipal ? p.municipal_pool : p.region_pool;
}

inline std::optional<side> lgs_side_for(lgs_coordination c, side chair) {
    switch (c) {
        case lgs_coordination::same_side:
            return chair;
        case lgs_coordination::opposite_side:
            return other(chair);
        case lgs_coordination::none:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace detail

/// ROT-1 … ROT-6: the proposed schedule of `count` terms from the rotation's anchor, or, with `from`,
/// the `count` terms starting with the one in force on that date. Pure: depends only on the ruleset.
/// Throws rule_violation (ROT-6) for a date before the first term.
[[nodiscard]] inline std::vector<term> rotation_schedule(const ruleset& rs, std::size_t count,
                                                          std::optional<date> from = std::nullopt) {
    const auto& p = rs.rotation;
    if (from && *from < p.anchor)
        throw rule_violation("ROT-6", to_iso_string(*from) + " is before the first term of the rotation, which starts " +
                                          to_iso_string(p.anchor));
    const body* first = rs.find_body(p.first_holder);
    const side first_side = first != nullptr ? first->side : side::municipal;
    const auto& first_pool = detail::pool(p, first_side);
    const auto first_at = static_cast<std::size_t>(
        std::find(first_pool.begin(), first_pool.end(), p.first_holder) - first_pool.begin());

    // ROT-3a: each side's pool is walked in order. When the vice chair moves up to the chair (vice_succeeds,
    // and the vice's side is the side of the next chair) one cursor per side serves both offices;
    // otherwise each office walks its own, so that each office passes through every member in turn.
    const bool succession = p.vice_succeeds && p.alternate_sides == p.vice_from_other_side;
    std::map<std::pair<side, office_role>, std::size_t> cursor;
    auto key = [&](side s, office_role o) { return std::pair{s, succession ? office_role::chair : o}; };
    auto take = [&](side s, office_role o, const std::string& avoid) {
        const auto& names = detail::pool(p, s);
        auto& c = cursor[key(s, o)];
        std::string pick = names[c++ % names.size()];
        if (pick == avoid && names.size() > 1) pick = names[c++ % names.size()];
        return pick;
    };
    cursor[key(first_side, office_role::chair)] = first_at + 1;

    std::vector<term> out;
    std::optional<term> previous;
    // Each term starts term_years after the previous one, as validate_rotation measures it.
    const std::size_t wanted_first = [&]() -> std::size_t {
        if (!from) return 0;
        std::size_t k = 0;
        for (date next = detail::add_years(p.anchor, p.term_years); next <= *from; next = detail::add_years(next, p.term_years))
            ++k;
        return k;
    }();
    date next_start = p.anchor;
    for (std::size_t k = 0; k < wanted_first + count; ++k) {
        term t;
        t.index = k;
        t.start = next_start;
        next_start = detail::add_years(t.start, p.term_years);
        t.end = detail::day_before(next_start);
        const bool keep_side = !p.alternate_sides;
        t.chair_side = k == 0 ? first_side : (keep_side ? previous->chair_side : other(previous->chair_side));
        t.vice_side = p.vice_from_other_side ? other(t.chair_side) : t.chair_side;

        std::string chair_why;
        if (k == 0) {
            t.chair = p.first_holder;
            chair_why = "the rotation's first holder " + t.chair + " (ROT-6 anchor " + to_iso_string(p.anchor) + ")";
        } else if (succession) {
            t.chair = previous->vice_chair;
            chair_why = "the previous vice chair " + t.chair + " succeeds (vice_succeeds)";
        } else {
            t.chair = take(t.chair_side, office_role::chair, {});
            chair_why = "next in the " + std::string(to_string(t.chair_side)) + " pool: " + t.chair;
        }
        t.vice_chair = take(t.vice_side, office_role::vice_chair, t.chair);
        t.lgs_chair_side = detail::lgs_side_for(p.lgs, t.chair_side);

        t.why.add("ROT-1", to_iso_string(t.start) + " – " + to_iso_string(t.end) + ": a term of " +
                               std::to_string(p.term_years) + " years");
        t.why.add("ROT-2", k == 0 ? "the first term goes to the side of the first holder: " + std::string(to_string(t.chair_side))
                           : p.alternate_sides ? "the side alternates: " + std::string(to_string(t.chair_side))
                                               : "the side does not alternate (alternate_sides false): " +
                                                     std::string(to_string(t.chair_side)));
        t.why.add("ROT-3a", "chair: " + chair_why);
        t.why.add("ROT-3", "vice chair from the " + std::string(p.vice_from_other_side ? "other" : "same") + " side (" +
                               std::string(to_string(t.vice_side)) + "): next in its pool, " + t.vice_chair);
        t.why.add("ROT-4", t.lgs_chair_side ? "the LGS chair comes from the " + std::string(to_string(*t.lgs_chair_side)) +
                                                  " side (lgs_coordination " + std::string(to_string(p.lgs)) + ")"
                                            : std::string("the LGS chair is not coordinated (lgs_coordination none)"));
        if (p.align_with_mandate) {
            const auto b = detail::straddled_boundary(p, t.start, t.end);
            t.why.add("ROT-6", b ? "the term straddles the mandate period starting " + to_iso_string(*b) + " (a warning)"
                                 : std::string("the term lies within one mandate period"));
        }
        previous = t;
        if (k >= wanted_first) out.push_back(std::move(t));
    }
    return out;
}

/// The term in force on `day`; throws rule_violation (ROT-6) before the first term.
[[nodiscard]] inline term term_on(const ruleset& rs, date day) { return rotation_schedule(rs, 1, day).front(); }

/// The first term not over by `from` (the one in force, or a later one) in which `body_id` holds the chair. Throws
/// rule_violation (ROT-2) for a body outside the rotation, unknown_id for an unknown body.
[[nodiscard]] inline term next_chair_term(const ruleset& rs, std::string_view body_id, date from) {
    const body& b = rs.body_by_id(body_id);
    const auto& names = detail::pool(rs.rotation, b.side);
    if (std::find(names.begin(), names.end(), b.id) == names.end())
        throw rule_violation("ROT-2", "'" + b.id + "' is not in the chair rotation" +
                                          (b.kind == body_kind::purchaser ? " (purchaser bodies never hold the chair)" : ""));
    const date start = std::max(from, rs.rotation.anchor);
    // Every eligible body chairs within two passes of both pools.
    const auto horizon = 2 * (rs.rotation.municipal_pool.size() + rs.rotation.region_pool.size()) + 2;
    for (const auto& t : rotation_schedule(rs, horizon, start))
        if (t.chair == b.id) return t;
    throw rule_violation("ROT-2", "'" + b.id + "' never holds the chair under this ruleset's rotation parameters");
}

/// ROT-1 … ROT-6: everything wrong with a schedule, in row order. A row naming a body the ruleset does
/// not know raises rule_violation (ROT-2); everything else becomes a finding.
[[nodiscard]] inline std::vector<rotation_violation> validate_rotation(const ruleset& rs, std::span<const schedule_row> rows) {
    const auto& p = rs.rotation;
    std::vector<rotation_violation> out;
    auto add = [&](const char* rule, std::size_t i, severity s, std::string message) {
        out.push_back({rule, i, s, "term " + std::to_string(i) + " (" + to_iso_string(rows[i].start) + " – " +
                                       to_iso_string(rows[i].end) + "): " + std::move(message)});
    };
    const forum* f = rs.find_forum(p.forum);
    auto eligible = [&](const std::string& id, std::size_t i, const char* office) -> const body* {
        const body* known = rs.find_body(id);
        if (known == nullptr)
            throw rule_violation("ROT-2", "term " + std::to_string(i) + ": the " + office + " '" + id +
                                              "' is not a body of ruleset " + rs.id +
                                              detail::did_you_mean(id, rs.bodies | ranges::views::transform(&body::id)));
        const body& b = *known;
        if (b.kind == body_kind::purchaser) {
            add("ROT-2", i, severity::error,
                "the " + std::string(office) + " " + id + " is a purchaser body, which is not in the rotation; choose a " +
                    "provider board or a municipality");
            return nullptr;
        }
        const bool seated = f != nullptr && std::any_of(f->seats.begin(), f->seats.end(), [&](const seat& s) {
                                return s.body == id && s.kind == seat_kind::ordinary;
                            });
        if (!seated) {
            add("ROT-2", i, severity::error,
                "the " + std::string(office) + " " + id + " holds no ordinary seat in " + p.forum +
                    " (CMP-5: the presidium is elected from among the members); choose a body with an ordinary seat");
            return nullptr;
        }
        const auto& names = detail::pool(p, b.side);
        if (std::find(names.begin(), names.end(), id) == names.end()) {
            add("ROT-2", i, severity::error,
                "the " + std::string(office) + " " + id + " is not in the rotation's " + std::string(to_string(b.side)) +
                    " pool; choose one of " + detail::join_ids(names));
            return nullptr;
        }
        return &b;
    };
    // ROT-3a fairness, per side and office: the holders since every eligible member last held it.
    std::map<std::pair<side, office_role>, std::set<std::string>> held;
    auto fairness = [&](const body* b, office_role o, std::size_t i) {
        if (b == nullptr) return;
        const auto& names = detail::pool(p, b->side);
        if (std::find(names.begin(), names.end(), b->id) == names.end()) return;
        auto& set = held[{b->side, o}];
        if (set.contains(b->id)) {
            std::vector<std::string> waiting;
            for (const auto& n : names)
                if (!set.contains(n)) waiting.push_back(n);
            add("ROT-3a", i, severity::warning,
                b->id + " holds the " + std::string(o == office_role::chair ? "chair" : "vice chair") + " again before " +
                    detail::join_ids(waiting) + (waiting.size() == 1 ? " has" : " have") + " held it; give it to " +
                    waiting.front());
            set.clear();
        }
        set.insert(b->id);
        if (set.size() == names.size()) set.clear();
    };

    const body* previous_chair = nullptr;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        // ROT-1: two-year terms, one after the other.
        if (r.end < r.start) {
            add("ROT-1", i, severity::error,
                "the term ends before it starts; a term starting then should end " +
                    to_iso_string(detail::day_before(detail::add_years(r.start, p.term_years))));
        } else if (detail::day_before(detail::add_years(r.start, p.term_years)) != r.end) {
            add("ROT-1", i, severity::error,
                "a term lasts " + std::to_string(p.term_years) + " years: it should end " +
                    to_iso_string(detail::day_before(detail::add_years(r.start, p.term_years))));
        }
        if (i > 0) {
            const date expected = date{std::chrono::sys_days{rows[i - 1].end} + std::chrono::days{1}};
            if (r.start > expected)
                add("ROT-1", i, severity::error,
                    "a gap: nobody holds the chair from " + to_iso_string(expected) + "; start the term then");
            else if (r.start < expected)
                add("ROT-1", i, severity::error,
                    "overlaps the previous term, which ends " + to_iso_string(rows[i - 1].end) + "; start the term " +
                        to_iso_string(expected));
        }
        // ROT-6: within one mandate period.
        if (p.align_with_mandate && r.start <= r.end)
            if (const auto b = detail::straddled_boundary(p, r.start, r.end))
                add("ROT-6", i, severity::warning,
                    "straddles the start of the mandate period on " + to_iso_string(*b) +
                        "; align the terms with the mandate periods");

        const body* chair = eligible(r.chair, i, "chair");
        const body* vice = eligible(r.vice_chair, i, "vice chair");
        // ROT-2: the side alternates.
        if (chair != nullptr && previous_chair != nullptr && p.alternate_sides && chair->side == previous_chair->side)
            add("ROT-2", i, severity::error,
                "the chair stays on the " + std::string(to_string(chair->side)) + " side twice in a row; it should pass to the " +
                    std::string(to_string(other(chair->side))) + " side");
        // ROT-3: the vice chair from the other side.
        if (chair != nullptr && vice != nullptr) {
            if (chair->id == vice->id)
                add("ROT-3", i, severity::error,
                    "the same body holds both offices; choose a vice chair from the " +
                        std::string(to_string(p.vice_from_other_side ? other(chair->side) : chair->side)) + " side");
            else if (p.vice_from_other_side && chair->side == vice->side)
                add("ROT-3", i, severity::error,
                    "the vice chair " + vice->id + " is on the chair's side; choose one from the " +
                        std::string(to_string(other(chair->side))) + " side");
        }
        // ROT-4: coordination with the LGS chair.
        if (chair != nullptr && r.lgs_chair_side) {
            const auto want = detail::lgs_side_for(p.lgs, chair->side);
            if (want && *want != *r.lgs_chair_side)
                add("ROT-4", i, severity::error,
                    "the LGS chair should come from the " + std::string(to_string(*want)) + " side (lgs_coordination " +
                        std::string(to_string(p.lgs)) + "), not the " + std::string(to_string(*r.lgs_chair_side)));
        }
        fairness(chair, office_role::chair, i);
        fairness(vice, office_role::vice_chair, i);
        previous_chair = chair;
    }
    return out;
}

}  // namespace samverkan
