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
#include <unordered_set>
#include <utility>
#include <vector>

#include <samverkan/body.hpp>
#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/detail/join.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/explanation.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/ruleset_check.hpp>

namespace samverkan {

/// The most terms one schedule may hold. Ten thousand terms of even one year span every year the library
/// handles (0 … 9999), so a larger count is a mistake: it is refused before any work.
inline constexpr std::size_t max_rotation_terms = 10'000;

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

/// Whether a term may start on `start` when terms follow the mandate periods: on 1 January, a whole number of
/// terms after a mandate period's start. Always true when terms cannot divide a mandate period evenly.
inline bool aligned_term_start(const rotation_parameters& p, date start) {
    if (p.term_years <= 0 || p.mandate_years % p.term_years != 0) return true;
    if (start.month() != std::chrono::January || start.day() != std::chrono::day{1}) return false;
    const int offset = static_cast<int>(start.year()) - p.first_election_year - 1;
    return ((offset % p.term_years) + p.term_years) % p.term_years == 0;
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

/// Refuses rotation parameters the generator cannot work with (an empty pool, a term of no years), naming
/// the key and the rule. A loaded ruleset never fails here; one built in code may.
inline void require_workable_rotation(const ruleset& rs) {
    std::vector<problem> found;
    check_rotation_basics(rs.rotation, found);
    if (found.empty()) return;
    const auto& p = found.front();
    throw ruleset_error(p.message, ruleset_location(rs.origin, p.mark.line, p.mark.column, p.mark.key, p.rule));
}

/// Refuses a date argument that is not a calendar day or lies after max_date.
inline void require_handled_date(date d, const std::string& what) {
    if (!d.ok()) throw invalid_argument(what + ": not a calendar date");
    if (d > max_date)
        throw invalid_argument(what + ": " + to_iso_string(d) + " is after " + to_iso_string(max_date) +
                               ", the last date samverkan handles");
}

/// A term's place in the rotation: its index from the anchor and its first day.
struct term_slot {
    std::size_t index = 0;
    date start{};
};

/// ROT-1: the term in force on `day` (anchor ≤ day ≤ max_date); each term starts term_years after the
/// previous one, as validate_rotation measures it. At most (9999 - anchor year) / term_years steps.
inline term_slot term_in_force(const rotation_parameters& p, date day) {
    term_slot slot{0, p.anchor};
    for (date next = add_years(slot.start, p.term_years); next <= day; next = add_years(next, p.term_years)) {
        ++slot.index;
        slot.start = next;
    }
    return slot;
}

/// How many of `limit` consecutive terms, the first starting on `start`, end by max_date; and the start of
/// the first that does not (or of the term after the last).
inline std::pair<std::size_t, date> terms_ending_by_max_date(const rotation_parameters& p, date start,
                                                             std::size_t limit) {
    std::size_t n = 0;
    for (; n < limit; ++n) {
        const date next = add_years(start, p.term_years);
        if (day_before(next) > max_date) break;
        start = next;
    }
    return {n, start};
}

/// Refuses `count` terms from `first` when one of them would end after max_date, saying how many fit.
inline void require_terms_end_by_max_date(const rotation_parameters& p, term_slot first, std::size_t count) {
    const auto [fit, late_start] = terms_ending_by_max_date(p, first.start, count);
    if (fit == count) return;
    const std::string late = "term " + std::to_string(first.index + fit) + " (" + to_iso_string(late_start) + " – " +
                             to_iso_string(day_before(add_years(late_start, p.term_years))) + ") ends after " +
                             to_iso_string(max_date) + ", the last date samverkan handles";
    throw invalid_argument(fit == 0 ? late
                                    : "terms: " + std::to_string(count) + " terms from " + to_iso_string(first.start) +
                                          " run too far: " + late + "; at most " + std::to_string(fit) + " fit");
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
/// Throws invalid_argument for more than max_rotation_terms terms or a term ending after max_date (both
/// before any work), rule_violation (ROT-6) for a date before the first term, and ruleset_error for
/// rotation parameters it cannot work with (check_rotation_basics).
[[nodiscard]] inline std::vector<term> rotation_schedule(const ruleset& rs, std::size_t count,
                                                         std::optional<date> from = std::nullopt) {
    if (count > max_rotation_terms)
        throw invalid_argument("terms: " + std::to_string(count) + " is more than a schedule may hold (" +
                               std::to_string(max_rotation_terms) + ", max_rotation_terms)");
    detail::require_workable_rotation(rs);
    const auto& p = rs.rotation;
    if (from) detail::require_handled_date(*from, "start");
    if (from && *from < p.anchor)
        throw rule_violation("ROT-6", to_iso_string(*from) +
                                          " is before the first term of the rotation, which starts " +
                                          to_iso_string(p.anchor));
    const detail::term_slot first_wanted = from ? detail::term_in_force(p, *from) : detail::term_slot{0, p.anchor};
    detail::require_terms_end_by_max_date(p, first_wanted, count);
    const std::size_t wanted_first = first_wanted.index;

    const body* first = rs.find_body(p.first_holder);
    const side first_side = first != nullptr ? first->side : side::municipal;
    const auto& first_pool = detail::pool(p, first_side);
    const auto first_at =
        static_cast<std::size_t>(std::find(first_pool.begin(), first_pool.end(), p.first_holder) - first_pool.begin());

    // ROT-3a: each side's pool is walked in order. When the vice chair moves up to the chair (vice_succeeds,
    // and the vice's side is the side of the next chair) one cursor per side serves both offices;
    // otherwise each office walks its own, so that each office passes through every member in turn.
    // require_workable_rotation has made sure no pool is empty.
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
    out.reserve(count);
    std::optional<term> previous;
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
        if (k < wanted_first) {  // only walked through: its successor needs its holders, nobody its explanation
            previous = std::move(t);
            continue;
        }

        t.why.add("ROT-1", to_iso_string(t.start) + " – " + to_iso_string(t.end) + ": a term of " +
                               std::to_string(p.term_years) + " years");
        t.why.add("ROT-2", k == 0              ? "the first term goes to the side of the first holder: " +
                                                     std::string(to_string(t.chair_side))
                           : p.alternate_sides ? "the side alternates: " + std::string(to_string(t.chair_side))
                                               : "the side does not alternate (alternate_sides false): " +
                                                     std::string(to_string(t.chair_side)));
        t.why.add("ROT-3a", "chair: " + chair_why);
        t.why.add("ROT-3", "vice chair from the " + std::string(p.vice_from_other_side ? "other" : "same") + " side (" +
                               std::string(to_string(t.vice_side)) + "): next in its pool, " + t.vice_chair);
        t.why.add("ROT-4", t.lgs_chair_side
                               ? "the LGS chair comes from the " + std::string(to_string(*t.lgs_chair_side)) +
                                     " side (lgs_coordination " + std::string(to_string(p.lgs)) + ")"
                               : std::string("the LGS chair is not coordinated (lgs_coordination none)"));
        if (p.align_with_mandate) {
            const auto b = detail::straddled_boundary(p, t.start, t.end);
            t.why.add("ROT-6",
                      b ? "the term straddles the mandate period starting " + to_iso_string(*b) + " (a warning)"
                        : std::string("the term lies within one mandate period"));
        }
        previous = t;
        out.push_back(std::move(t));
    }
    return out;
}

/// The term in force on `day`; throws rule_violation (ROT-6) before the first term, invalid_argument when
/// that term ends after max_date.
[[nodiscard]] inline term term_on(const ruleset& rs, date day) { return rotation_schedule(rs, 1, day).front(); }

/// The first term not over by `from` (the one in force, or a later one) in which `body_id` holds the chair. Throws
/// rule_violation (ROT-2) for a body outside the rotation, unknown_id for an unknown body, invalid_argument when
/// the body's next chair would come only in a term ending after max_date.
[[nodiscard]] inline term next_chair_term(const ruleset& rs, std::string_view body_id, date from) {
    detail::require_workable_rotation(rs);
    const body& b = rs.body_by_id(body_id);
    const auto& p = rs.rotation;
    const auto& names = detail::pool(p, b.side);
    if (std::find(names.begin(), names.end(), b.id) == names.end())
        throw rule_violation("ROT-2",
                             "'" + b.id + "' is not in the chair rotation" +
                                 (b.kind == body_kind::purchaser ? " (purchaser bodies never hold the chair)" : ""));
    detail::require_handled_date(from, "after");
    const date start = std::max(from, p.anchor);
    // Every eligible body chairs within two passes of both pools; look no further than max_date, nor further
    // than one schedule may reach.
    const auto horizon = 2 * (p.municipal_pool.size() + p.region_pool.size()) + 2;
    const auto looked = std::min(horizon, max_rotation_terms);
    const auto first = detail::term_in_force(p, start);
    const auto fit = detail::terms_ending_by_max_date(p, first.start, looked).first;
    // With no term to fit, asking for one lets rotation_schedule say which term runs past max_date.
    for (const auto& t : rotation_schedule(rs, std::max<std::size_t>(fit, 1), start))
        if (t.chair == b.id) return t;
    if (fit < looked)
        throw invalid_argument("'" + b.id + "' does not hold the chair in any term between " +
                               to_iso_string(first.start) + " and " + to_iso_string(max_date) +
                               ", the last date samverkan handles");
    if (looked < horizon)
        throw invalid_argument("'" + b.id + "' does not hold the chair in the " + std::to_string(looked) +
                               " terms from " + to_iso_string(first.start) + " (max_rotation_terms)");
    throw rule_violation("ROT-2", "'" + b.id + "' never holds the chair under this ruleset's rotation parameters");
}

/// ROT-1 … ROT-6: everything wrong with a schedule, in row order. A row naming a body the ruleset does
/// not know raises rule_violation (ROT-2); a date that is not a calendar day or lies after max_date raises
/// invalid_argument before any row is looked at; everything else becomes a finding.
[[nodiscard]] inline std::vector<rotation_violation> validate_rotation(const ruleset& rs,
                                                                       std::span<const schedule_row> rows) {
    detail::require_workable_rotation(rs);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        detail::require_handled_date(rows[i].start, "term " + std::to_string(i) + ": start");
        detail::require_handled_date(rows[i].end, "term " + std::to_string(i) + ": end");
    }
    const auto& p = rs.rotation;
    std::vector<rotation_violation> out;
    auto add = [&](const char* rule, std::size_t i, severity s, std::string message) {
        out.push_back({rule, i, s,
                       "term " + std::to_string(i) + " (" + to_iso_string(rows[i].start) + " – " +
                           to_iso_string(rows[i].end) + "): " + std::move(message)});
    };
    const forum* f = rs.find_forum(p.forum);
    const auto seated = f != nullptr ? detail::bodies_with_ordinary_seats(*f) : std::unordered_set<std::string_view>{};
    const std::unordered_set<std::string_view> municipal_pool(p.municipal_pool.begin(), p.municipal_pool.end());
    const std::unordered_set<std::string_view> region_pool(p.region_pool.begin(), p.region_pool.end());
    auto in_pool = [&](const body& b) {
        return (b.side == side::municipal ? municipal_pool : region_pool).contains(b.id);
    };
    auto eligible = [&](const std::string& id, std::size_t i, const char* office) -> const body* {
        const body* known = rs.find_body(id);
        if (known == nullptr)
            throw rule_violation(
                "ROT-2", "term " + std::to_string(i) + ": the " + office + " '" + id + "' is not a body of ruleset " +
                             rs.id + detail::did_you_mean(id, rs.bodies | ranges::views::transform(&body::id)));
        const body& b = *known;
        if (b.kind == body_kind::purchaser) {
            add("ROT-2", i, severity::error,
                "the " + std::string(office) + " " + id +
                    " is a purchaser body, which is not in the rotation; choose a " +
                    "provider board or a municipality");
            return nullptr;
        }
        if (!seated.contains(id)) {
            add("ROT-2", i, severity::error,
                "the " + std::string(office) + " " + id + " holds no ordinary seat in " + p.forum +
                    " (CMP-5: the presidium is elected from among the members); choose a body with an ordinary seat");
            return nullptr;
        }
        if (!in_pool(b)) {
            add("ROT-2", i, severity::error,
                "the " + std::string(office) + " " + id + " is not in the rotation's " +
                    std::string(to_string(b.side)) + " pool; choose one of " +
                    detail::join_ids(detail::pool(p, b.side)));
            return nullptr;
        }
        return &b;
    };
    // ROT-3a fairness, per side and office: the holders since every eligible member last held it.
    std::map<std::pair<side, office_role>, std::set<std::string>> held;
    auto fairness = [&](const body* b, office_role o, std::size_t i) {
        if (b == nullptr || !in_pool(*b)) return;
        const auto& names = detail::pool(p, b->side);
        auto& set = held[{b->side, o}];
        if (set.contains(b->id)) {
            std::vector<std::string> waiting;
            for (const auto& n : names)
                if (!set.contains(n)) waiting.push_back(n);
            add("ROT-3a", i, severity::warning,
                b->id + " holds the " + std::string(o == office_role::chair ? "chair" : "vice chair") +
                    " again before " + detail::join_ids(waiting) + (waiting.size() == 1 ? " has" : " have") +
                    " held it; give it to " + waiting.front());
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
        bool starts_where_the_last_ended = true;
        if (i > 0) {
            const date expected = date{std::chrono::sys_days{rows[i - 1].end} + std::chrono::days{1}};
            starts_where_the_last_ended = r.start == expected;
            if (r.start > expected)
                add("ROT-1", i, severity::error,
                    "a gap: nobody holds the chair from " + to_iso_string(expected) + "; start the term then");
            else if (r.start < expected)
                add("ROT-1", i, severity::error,
                    "overlaps the previous term, which ends " + to_iso_string(rows[i - 1].end) + "; start the term " +
                        to_iso_string(expected));
        }
        // ROT-6: within one mandate period.
        if (p.align_with_mandate && r.start <= r.end) {
            if (const auto b = detail::straddled_boundary(p, r.start, r.end))
                add("ROT-6", i, severity::warning,
                    "straddles the start of the mandate period on " + to_iso_string(*b) +
                        "; align the terms with the mandate periods");
            // Out of step; a start after a gap or an overlap is ROT-1's finding alone.
            else if (starts_where_the_last_ended && !detail::aligned_term_start(p, r.start))
                add("ROT-6", i, severity::warning,
                    "starts out of step with the mandate period: each mandate period holds " +
                        std::to_string(p.mandate_years / p.term_years) + " terms, starting on 1 January " +
                        std::to_string(p.term_years) + " years apart from the mandate's start");
        }

        const body* chair = eligible(r.chair, i, "chair");
        const body* vice = eligible(r.vice_chair, i, "vice chair");
        // ROT-2: the side alternates.
        if (chair != nullptr && previous_chair != nullptr && p.alternate_sides && chair->side == previous_chair->side)
            add("ROT-2", i, severity::error,
                "the chair stays on the " + std::string(to_string(chair->side)) +
                    " side twice in a row; it should pass to the " + std::string(to_string(other(chair->side))) +
                    " side");
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
