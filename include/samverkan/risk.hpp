// Attendance risk: how likely an item of a forum is quorate (beslutförhet, QRM-3) when each seat is present
// independently with a known probability. Exact, by dynamic programming over the groups of seats that
// substitution ties together (QRM-2). The groups are read from the compiled forum's masks; a group whose
// served count has no closed form is enumerated through decide_item, so every figure is the kernel's.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/errors.hpp>
#include <samverkan/kernel.hpp>
#include <samverkan/seat_mask.hpp>

namespace samverkan {

/// The most seats of uncertain attendance (a probability strictly between 0 and 1) in one group of seats
/// that quorum_probability enumerates: 2^24 attendance patterns. A larger group is refused.
inline constexpr std::size_t max_enumerated_seats = 24;

/// The chance that an item is quorate and the distribution of the ordinary seats served (QRM-2, QRM-3).
struct attendance_risk {
    double quorate = 0.0;              ///< P(quorate): served >= threshold, and both sides serve if asked
    std::vector<double> distribution;  ///< P(served == k) for k = 0 … the forum's ordinary seats

    /// The expected number of ordinary seats served.
    [[nodiscard]] double expected_served() const noexcept {
        double sum = 0.0;
        for (std::size_t k = 0; k < distribution.size(); ++k) sum += static_cast<double>(k) * distribution[k];
        return sum;
    }
};

namespace detail {

/// Which sides serve, as bits, for quorum both_sides_present (QRM-3).
inline constexpr std::uint8_t municipal_bit = 1, region_bit = 2, both_bits = 3;

/// A forum's substitution groups (QRM-2): each ordinary seat together with every substitute that may serve
/// for it (own_substitutes or scope_substitutes), joined where they share a substitute. Under same_body a
/// group is a body, under same_party a party and under same_side a side. Every ordinary seat is in exactly
/// one group; a substitute in none never serves. Stored as seat lists of fixed capacity, so finding them
/// allocates nothing.
struct substitution_groups {
    std::size_t count = 0;                           ///< the number of groups, in the order of their lowest seat
    std::array<std::uint16_t, max_seats> seat;       ///< the members, group by group, each in seat order
    std::array<std::uint16_t, max_seats + 1> begin;  ///< group g is seat[begin[g] … begin[g + 1])
    std::array<std::uint16_t, max_seats> ordinary;   ///< its first ordinary[g] members are its ordinary seats
    std::array<bool, max_seats> closed;              ///< its served count has the closed form (see below)
    std::array<std::uint8_t, max_seats> side;        ///< its side's bit when it lies on one side, else 0

    [[nodiscard]] std::span<const std::uint16_t> members(std::size_t g) const noexcept {
        return {seat.data() + begin[g], seat.data() + begin[g + 1]};
    }
    [[nodiscard]] std::span<const std::uint16_t> ordinary_seats(std::size_t g) const noexcept {
        return members(g).first(ordinary[g]);
    }
    [[nodiscard]] std::span<const std::uint16_t> substitutes(std::size_t g) const noexcept {
        return members(g).subspan(ordinary[g]);
    }
};

/// The substitution groups of a compiled forum.
///
/// `closed` marks a group that serves exactly min(#ordinary, #ordinary present + #substitutes present)
/// seats in an item decided from an empty assignment. decide_item puts present ordinary members in their
/// seats, then fills vacant seats with free substitutes of their own body and then with free substitutes in
/// scope (QRM-2). When every substitute of the group is in scope for every ordinary seat of it, that last
/// step leaves a seat vacant only when no substitute of the group is free, whichever went where first. Every
/// group a ruleset gives has this form; a compiled_forum changed by hand may have groups that do not.
[[nodiscard]] inline substitution_groups find_substitution_groups(const compiled_forum& cf) noexcept {
    std::array<std::uint16_t, max_seats> parent, label, next_ordinary, next_substitute;
    for (std::size_t i = 0; i < cf.seats; ++i) {
        parent[i] = static_cast<std::uint16_t>(i);
        label[i] = no_seat;
    }
    auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    const seat_mask substitutes = cf.substitute & cf.all;
    seat_mask reached;
    (cf.ordinary & cf.all).for_each([&](std::size_t o) {
        const seat_mask may_serve = (cf.own_substitutes[o] | cf.scope_substitutes[o]) & substitutes;
        reached |= may_serve;
        may_serve.for_each([&](std::size_t s) {
            const auto a = root(o), b = root(s);
            if (a != b) parent[std::max(a, b)] = static_cast<std::uint16_t>(std::min(a, b));
        });
    });

    // Number the groups in the order of their lowest seat and count their members, then place them.
    substitution_groups out;
    std::array<std::uint16_t, max_seats> substitute_count;
    for (std::size_t i = 0; i < cf.seats; ++i) {
        const bool ordinary = cf.ordinary.test(i);
        if (!ordinary && !reached.test(i)) continue;
        auto& g = label[root(i)];
        if (g == no_seat) {
            g = static_cast<std::uint16_t>(out.count++);
            out.ordinary[g] = 0;
            substitute_count[g] = 0;
        }
        ++(ordinary ? out.ordinary[g] : substitute_count[g]);
    }
    out.begin[0] = 0;
    for (std::size_t g = 0; g < out.count; ++g) {
        out.begin[g + 1] = static_cast<std::uint16_t>(out.begin[g] + out.ordinary[g] + substitute_count[g]);
        next_ordinary[g] = out.begin[g];
        next_substitute[g] = static_cast<std::uint16_t>(out.begin[g] + out.ordinary[g]);
    }
    for (std::size_t i = 0; i < cf.seats; ++i) {
        const bool ordinary = cf.ordinary.test(i);
        if (!ordinary && !reached.test(i)) continue;
        const auto g = label[root(i)];
        out.seat[(ordinary ? next_ordinary[g] : next_substitute[g])++] = static_cast<std::uint16_t>(i);
    }

    for (std::size_t g = 0; g < out.count; ++g) {
        bool closed = true, municipal = true, region = true;
        for (const auto o : out.ordinary_seats(g))
            for (const auto s : out.substitutes(g)) closed = closed && cf.scope_substitutes[o].test(s);
        for (const auto i : out.members(g)) {
            municipal = municipal && cf.municipal.test(i);
            region = region && cf.region.test(i);
        }
        out.closed[g] = closed;
        out.side[g] = municipal ? municipal_bit : region ? region_bit : std::uint8_t{0};
    }
    return out;
}

/// P(count == k) of the seats present (seat i with probability p[i]), counts of `cap` or more lumped at cap.
inline void count_distribution(std::span<const std::uint16_t> seats, std::span<const double> p, std::size_t cap,
                               std::span<double> out) noexcept {
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(cap + 1), 0.0);
    out[0] = 1.0;
    std::size_t top = 0;  // the highest count reached so far
    for (const auto i : seats) {
        const double q = p[i];
        top = std::min(top + 1, cap);
        double below = 0.0;  // out[k - 1] before this seat
        for (std::size_t k = 0; k < top; ++k) {
            const double here = out[k];
            out[k] = here * (1.0 - q) + below * q;
            below = here;
        }
        out[top] += below * q;  // at cap the count stays at cap
    }
}

/// Adds a group whose served count has the distribution `group` (0 … seats) and who serve on `side` (0 when
/// sides are not tracked) to the distribution so far: next[(k + j) · flags + (f | side if j > 0)] gains
/// dist[k · flags + f] · group[j]. Loops over k innermost, so that they vectorise.
inline void add_group(std::span<const double> dist, std::size_t top, std::span<const double> group, std::size_t seats,
                      std::size_t flags, std::size_t side, std::span<double> next) noexcept {
    const std::size_t n = flags * (top + 1);
    const double* from = dist.data();
    double* to = next.data();
    if (seats == 1 && side == 0) {  // the common case, in one pass
        const double none = group[0], one = group[1];
        for (std::size_t x = 0; x < flags; ++x) to[x] = from[x] * none;
        for (std::size_t x = flags; x < n; ++x) to[x] = from[x] * none + from[x - flags] * one;
        for (std::size_t x = n; x < n + flags; ++x) to[x] = from[x - flags] * one;
        return;
    }
    std::fill(to, to + n + flags * seats, 0.0);
    for (std::size_t j = 0; j <= seats; ++j, to += flags) {
        const double weight = group[j];
        if (j == 0 || side == 0) {
            for (std::size_t x = 0; x < n; ++x) to[x] += from[x] * weight;
        } else {
            // Sides f and f | side both land on f | side: for side 1, {0, 1} -> 1 and {2, 3} -> 3.
            const std::size_t other = both_bits ^ side;  // the bit that stays as it was
            for (std::size_t k = 0; k < n; k += 4) {
                to[k + side] += (from[k] + from[k + side]) * weight;
                to[k + both_bits] += (from[k + other] + from[k + both_bits]) * weight;
            }
        }
    }
}

/// P(group g serves j seats, sides f serving) at out[j · flags + f], by every attendance pattern of the
/// group's uncertain seats, each decided by decide_item (QRM-2, QRM-3).
inline void enumerate_group(const compiled_forum& cf, const substitution_groups& groups, std::size_t g,
                            std::span<const double> p, std::size_t flags, std::span<double> out) {
    seat_mask sure;
    std::vector<std::uint16_t> uncertain;
    for (const auto i : groups.members(g)) {
        if (p[i] >= 1.0)
            sure.set(i);
        else if (p[i] > 0.0)
            uncertain.push_back(i);
    }
    const std::size_t n = uncertain.size();
    // The probability of a pattern as the product of two tables (low and high half of its bits), exact
    // to a few ulp without 2^n entries of storage.
    const std::size_t n_low = n / 2, n_high = n - n_low;
    auto table = [&](std::size_t first, std::size_t count) {
        std::vector<double> t(std::size_t{1} << count, 1.0);
        for (std::size_t m = 0; m < t.size(); ++m)
            for (std::size_t b = 0; b < count; ++b) {
                const double q = p[uncertain[first + b]];
                t[m] *= (m >> b) & 1U ? q : 1.0 - q;
            }
        return t;
    };
    const auto low = table(0, n_low), high = table(n_low, n_high);
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(flags * (groups.ordinary[g] + 1)), 0.0);
    const presiding_order nobody_presides;
    const auto empty = empty_assignment();
    item_masks in;
    for (std::size_t pattern = 0; pattern < (std::size_t{1} << n); ++pattern) {
        in.present = sure;
        for (std::size_t b = 0; b < n; ++b)
            if ((pattern >> b) & 1U) in.present.set(uncertain[b]);
        const item_ruling r = decide_item(cf, nobody_presides, in, empty);
        const std::size_t f =
            flags == 1 ? 0 : (r.municipal_serves ? municipal_bit : 0) | (r.region_serves ? region_bit : 0);
        out[r.served * flags + f] += low[pattern & ((std::size_t{1} << n_low) - 1)] * high[pattern >> n_low];
    }
}

/// The shortest text that reads back as `value`, for messages.
inline std::string number_text(double value) {
    std::array<char, 32> buffer{};
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    return {buffer.data(), end};
}

}  // namespace detail

/// The probability that an item of the forum is quorate, and the distribution of the ordinary seats
/// served, when seat i is present with probability attendance_per_seat[i], independently of the others
/// (a declared absence, anmält förhinder, is 0). The item is decided from an empty assignment, as the
/// first item of a meeting, with nobody disqualified and nobody taking part remotely.
///
/// QRM-2: a substitute serves only for a vacant ordinary seat in its scope, so the seats fall into groups
/// (detail::find_substitution_groups) whose served counts are independent of each other. Each group's
/// distribution is exact, by its closed form or by enumerating its patterns through decide_item, and the
/// groups are convolved. QRM-3: quorate when the served count reaches the threshold and, under
/// both_sides_present, when a member of each side serves, which the convolution tracks as two more bits.
///
/// Throws invalid_argument, before any work, when the span's length is not the forum's number of seats,
/// when a probability is outside [0, 1] or NaN, and when a group without the closed form has more than
/// max_enumerated_seats seats of uncertain attendance. Allocates only the result and its scratch.
[[nodiscard]] inline attendance_risk quorum_probability(const compiled_forum& cf,
                                                        std::span<const double> attendance_per_seat) {
    const auto p = attendance_per_seat;
    if (p.size() != cf.seats)
        throw invalid_argument("attendance_per_seat has " + std::to_string(p.size()) +
                               (p.size() == 1 ? " entry" : " entries") + "; forum '" + cf.source->id + "' has " +
                               std::to_string(cf.seats) + " seats, one entry each");
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!(p[i] >= 0.0 && p[i] <= 1.0))
            throw invalid_argument("attendance_per_seat[" + std::to_string(i) + "] (seat '" + cf.at(i).id + "') is " +
                                   detail::number_text(p[i]) + "; a probability lies between 0 and 1");

    const auto groups = detail::find_substitution_groups(cf);
    const bool both_sides = cf.params.quorum.both_sides_present;  // QRM-3
    const std::size_t flags = both_sides ? 4 : 1;
    auto closed = [&](std::size_t g) { return groups.closed[g] && (!both_sides || groups.side[g] != 0); };
    std::size_t largest = 0;  // the most ordinary seats in one group
    for (std::size_t g = 0; g < groups.count; ++g) {
        largest = std::max<std::size_t>(largest, groups.ordinary[g]);
        if (closed(g)) continue;
        std::size_t uncertain = 0;
        for (const auto i : groups.members(g)) uncertain += p[i] > 0.0 && p[i] < 1.0;
        if (uncertain > max_enumerated_seats)
            throw invalid_argument("attendance_per_seat: the seats around '" + cf.at(groups.seat[groups.begin[g]]).id +
                                   "' form a substitution group with " + std::to_string(uncertain) +
                                   " seats of uncertain attendance; at most " + std::to_string(max_enumerated_seats) +
                                   " can be enumerated");
    }

    // One block of scratch: dist[k · flags + f] is P(k ordinary seats served so far, sides f serving).
    const std::size_t states = flags * (cf.ordinary_count + 1), per_group = flags * (largest + 1);
    std::vector<double> scratch(2 * states + per_group + 2 * (largest + 1));
    std::span<double> dist(scratch.data(), states), next(dist.end(), states), group(next.end(), per_group),
        ordinary(group.end(), largest + 1), substitutes(ordinary.end(), largest + 1);
    dist[0] = 1.0;
    std::size_t top = 0;  // the most seats served so far
    for (std::size_t g = 0; g < groups.count; ++g) {
        const std::size_t seats = groups.ordinary[g];
        if (closed(g) && seats == 1) {
            // QRM-2: one ordinary seat, served unless every member of the group is away.
            double away = 1.0, served = 0.0;
            for (const auto i : groups.members(g)) {
                away *= 1.0 - p[i];
                served += (1.0 - served) * p[i];
            }
            group[0] = away;
            group[1] = served;
            detail::add_group(dist, top, group, seats, flags, both_sides ? groups.side[g] : 0, next);
        } else if (closed(g)) {
            // QRM-2: the group serves min(#ordinary, #ordinary present + #substitutes present), on its side.
            detail::count_distribution(groups.ordinary_seats(g), p, seats, ordinary);
            detail::count_distribution(groups.substitutes(g), p, seats, substitutes);
            for (std::size_t j = 0; j <= seats; ++j) {
                double sum = 0.0;
                for (std::size_t a = 0; a <= j; ++a) sum += ordinary[a] * substitutes[j - a];
                group[j] = sum;
            }
            for (std::size_t a = 1; a <= seats; ++a)  // more present than seats: every seat served
                for (std::size_t b = seats + 1 - a; b <= seats; ++b) group[seats] += ordinary[a] * substitutes[b];
            detail::add_group(dist, top, group, seats, flags, both_sides ? groups.side[g] : 0, next);
        } else {
            detail::enumerate_group(cf, groups, g, p, flags, group);
            std::fill(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(flags * (top + seats + 1)), 0.0);
            for (std::size_t k = 0; k <= top; ++k)
                for (std::size_t f = 0; f < flags; ++f)
                    for (std::size_t j = 0; j <= seats; ++j)
                        for (std::size_t h = 0; h < flags; ++h)
                            next[(k + j) * flags + (f | h)] += dist[k * flags + f] * group[j * flags + h];
        }
        top += seats;
        std::swap(dist, next);
    }

    attendance_risk risk;
    risk.distribution.assign(cf.ordinary_count + 1, 0.0);
    for (std::size_t k = 0; k <= cf.ordinary_count; ++k)
        for (std::size_t f = 0; f < flags; ++f) risk.distribution[k] += dist[k * flags + f];
    // QRM-3: at least the threshold of ordinary seats served, and under both_sides_present a member of each side.
    for (std::size_t k = cf.threshold; k <= cf.ordinary_count; ++k)
        risk.quorate += dist[k * flags + (both_sides ? detail::both_bits : 0)];
    return risk;
}

}  // namespace samverkan
