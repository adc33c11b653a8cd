// The meeting kernel: a forum's meeting rules compiled once into seat masks, and the ruling of one
// agenda item as a pure function over masks (§ 4 QRM, § 5 CNS, RGT-1). It allocates nothing, builds
// no text and throws nothing; the meeting (meeting.hpp), batch rulings and every other caller that
// decides an item go through `decide_item`, so they cannot disagree.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <samverkan/detail/enum_names.hpp>
#include <samverkan/errors.hpp>
#include <samverkan/forum.hpp>
#include <samverkan/parameters.hpp>
#include <samverkan/quorum.hpp>
#include <samverkan/ruleset.hpp>
#include <samverkan/seat_mask.hpp>

namespace samverkan {

/// What became of an agenda item (CNS-1 … CNS-4, QRM-6).
enum class outcome : std::uint8_t {
    position,        ///< ställningstagande: consensus reached (CNS-1, CNS-2)
    referred_back,   ///< återremiss for renewed preparation (CNS-3)
    removed,         ///< avförd (CNS-3)
    not_quorate,     ///< not dealt with for want of quorum; stays on the list (CNS-4)
    not_dealt_with,  ///< quorate, but nobody present may preside; stays on the list (QRM-6)
};

/// What the meeting chose to do with a matter without consensus (CNS-3); `unspecified` lets the
/// ruleset's `on_no_consensus` decide.
enum class no_consensus_choice : std::uint8_t { unspecified, refer_back, remove };

/// Why the kernel refused an item: the input names an act the rules forbid.
enum class refusal : std::uint8_t {
    none,
    negative_referrals,     ///< CNS-3: a referral count below zero
    objects_and_abstains,   ///< CNS-2: one seat both objects and stands aside
    objector_not_serving,   ///< RGT-1: only serving members object
    abstainer_not_serving,  ///< RGT-1: only serving members stand aside
};

/// How the person presiding was found (QRM-6).
enum class presiding_basis : std::uint8_t {
    none,        ///< not asked: the item is not quorate
    chair,       ///< the chair presides
    vice_chair,  ///< the vice chair presides
    fallback,    ///< presiding_fallback chose among the present serving members
    unknown,     ///< the fallback needs data (birth dates, tenure) some candidates lack
    nobody,      ///< nobody present may preside
};

/// Per ordinary seat index: the seat serving it in an item, or no_seat (QRM-2). Other entries are no_seat.
using seat_assignment = std::array<std::uint16_t, max_seats>;

/// The assignment before a meeting's first item: nobody serves anywhere yet.
[[nodiscard]] constexpr seat_assignment empty_assignment() noexcept {
    seat_assignment a{};
    a.fill(no_seat);
    return a;
}

/// A forum's seats and meeting rules compiled for the kernel. Build it with compile_forum().
struct compiled_forum {
    ruleset_ptr rules;  ///< keeps the forum and parameters alive
    const forum* source = nullptr;
    meeting_parameters params;
    std::size_t seats = 0;
    std::size_t ordinary_count = 0;
    std::size_t threshold = 0;  ///< QRM-3
    seat_mask all, ordinary, substitute, municipal, region;
    std::vector<seat_mask> own_substitutes;    ///< per seat: the substitutes of its body (QRM-2)
    std::vector<seat_mask> scope_substitutes;  ///< per seat: the substitutes in substitution_scope (QRM-2)
    std::unordered_map<std::string_view, std::uint16_t> by_id;  ///< seat id -> index, for find()

    /// The index of the seat with this id, or nullopt.
    [[nodiscard]] std::optional<std::uint16_t> find(std::string_view seat_id) const noexcept {
        const auto it = by_id.find(seat_id);
        if (it == by_id.end()) return std::nullopt;
        return it->second;
    }

    [[nodiscard]] const seat& at(std::size_t i) const noexcept { return source->seats[i]; }
};

using compiled_forum_ptr = std::shared_ptr<const compiled_forum>;

/// Compiles a forum of the ruleset for the kernel. Throws unknown_id for an unknown forum, rule_violation
/// (CMP-1) for a forum without seats and invalid_argument for one with more than max_seats seats.
[[nodiscard]] inline compiled_forum_ptr compile_forum(ruleset_ptr rules, std::string_view forum_id) {
    auto cf = std::make_shared<compiled_forum>();
    const forum& f = rules->forum_by_id(forum_id);
    if (f.seats.empty()) throw rule_violation("CMP-1", "forum '" + f.id + "' has no seats; nobody can meet in it");
    if (f.seats.size() > max_seats)
        throw invalid_argument("forum '" + f.id + "' has " + std::to_string(f.seats.size()) +
                               " seats; the kernel takes at most " + std::to_string(max_seats));
    cf->source = &f;
    cf->params = rules->meeting;
    cf->seats = f.seats.size();
    cf->all = seat_mask::first(cf->seats);
    for (const seat& s : f.seats) {
        (s.kind == seat_kind::ordinary ? cf->ordinary : cf->substitute).set(s.index);
        (s.side == side::municipal ? cf->municipal : cf->region).set(s.index);
        cf->by_id.emplace(s.id, static_cast<std::uint16_t>(s.index));
    }
    cf->ordinary_count = cf->ordinary.count();
    cf->threshold = quorum_threshold(cf->params.quorum, cf->ordinary_count);  // QRM-3
    cf->own_substitutes.resize(cf->seats);
    cf->scope_substitutes.resize(cf->seats);
    // QRM-2: a body's own substitutes; substitution_scope widens the circle to the party or the side. The
    // substitutes of each body, party and side are gathered in one pass, then handed to every seat.
    std::unordered_map<std::string_view, seat_mask> by_body, by_party;
    std::array<seat_mask, 2> by_side{};
    for (const seat& s : f.seats) {
        if (s.kind != seat_kind::substitute) continue;
        by_body[s.body].set(s.index);
        by_party[s.party].set(s.index);
        by_side[static_cast<std::size_t>(s.side)].set(s.index);
    }
    for (const seat& o : f.seats) {
        const seat_mask own = by_body[o.body];
        cf->own_substitutes[o.index] = own;
        cf->scope_substitutes[o.index] = cf->params.substitution == substitution_scope::same_body ? own
                                         : cf->params.substitution == substitution_scope::same_party
                                             ? by_party[o.party]
                                             : by_side[static_cast<std::size_t>(o.side)];
    }
    cf->rules = std::move(rules);
    return cf;
}

/// Who presides when the offices are away (QRM-6), fixed for a meeting: the chair's and vice chair's
/// seats, and the fallback's order among the seats whose data it needs (birth dates, tenure).
struct presiding_order {
    std::uint16_t chair = no_seat;
    std::uint16_t vice_chair = no_seat;
    seat_mask ranked;                             ///< seats with every datum the fallback needs
    std::array<std::uint16_t, max_seats> rank{};  ///< for ranked seats: lower presides first
};

/// One agenda item as masks: who is there and what they say.
struct item_masks {
    seat_mask present;       ///< in the room or remote
    seat_mask remote;        ///< taking part remotely (QRM-7)
    seat_mask left;          ///< left for a reason other than jäv: does not serve again (QRM-5)
    seat_mask disqualified;  ///< jäviga in this item (QRM-4)
    seat_mask objections;    ///< CNS-2
    seat_mask abstentions;   ///< står utanför (CNS-2)
    int referrals = 0;       ///< times the matter was referred back before (CNS-3)
    no_consensus_choice choice = no_consensus_choice::unspecified;
};

/// The ruling of one item as data: every figure the explanation cites.
struct item_ruling {
    samverkan::refusal refused = refusal::none;
    std::uint16_t refused_seat = no_seat;  ///< the seat the refusal concerns
    seat_assignment assignment = empty_assignment();
    seat_mask serving;
    std::uint16_t served = 0;  ///< ordinary seats filled by serving members
    std::uint16_t threshold = 0;
    std::uint16_t ordinary_seats = 0;
    bool quorate = false;
    bool municipal_serves = false;  ///< for quorum both_sides_present
    bool region_serves = false;
    bool any_remote = false;     ///< someone available takes part remotely
    bool remote_counts = false;  ///< QRM-7
    presiding_basis basis = presiding_basis::none;
    std::uint16_t presiding = no_seat;
    seat_mask lacking;     ///< eligible to preside but lacking the fallback's data
    seat_mask candidates;  ///< who may turn out to preside when basis is unknown
    samverkan::outcome result = outcome::not_quorate;
    int referrals = 0;       ///< the matter's referral count after the item
    bool exhausted = false;  ///< max_referrals reached: only removal remains (CNS-3)
    no_consensus_choice applied = no_consensus_choice::unspecified;  ///< what was done without consensus
};

namespace detail {

/// QRM-2, QRM-4, QRM-5: who fills each ordinary seat, given who is available for the item.
constexpr void assign_seats(const compiled_forum& cf, const seat_mask& available, const seat_assignment& previous,
                            seat_assignment& next, seat_mask& used) noexcept {
    next.fill(no_seat);
    used = available & cf.ordinary;  // (a) an ordinary member present takes the own seat
    used.for_each([&](std::size_t o) { next[o] = static_cast<std::uint16_t>(o); });
    const seat_mask vacant_at_start = cf.ordinary.minus(used);
    auto keep_previous = [&](const std::vector<seat_mask>& allowed) {
        vacant_at_start.for_each([&](std::size_t o) {
            const auto s = previous[o];
            if (next[o] != no_seat || s == no_seat || s == o) return;
            if (allowed[o].test(s) && available.test(s) && !used.test(s)) {
                next[o] = s;
                used.set(s);
            }
        });
    };
    auto fill_from = [&](const std::vector<seat_mask>& allowed) {
        vacant_at_start.for_each([&](std::size_t o) {
            if (next[o] != no_seat) return;
            const auto s = (allowed[o] & available).minus(used).lowest();
            if (s != no_seat) {
                next[o] = s;
                used.set(s);
            }
        });
    };
    keep_previous(cf.own_substitutes);    // (b) a serving substitute is not displaced by another of the body (QRM-5)
    fill_from(cf.own_substitutes);        // (c) a body's own substitutes come first (QRM-2)
    keep_previous(cf.scope_substitutes);  // (d) then a substitute of another body keeps the seat it served
    fill_from(cf.scope_substitutes);      // (e) then the others in scope, in the ruleset's order
}

struct presiding_choice {
    presiding_basis basis = presiding_basis::nobody;
    std::uint16_t seat = no_seat;
    seat_mask lacking, candidates;
};

/// QRM-6: the chair, else the vice chair, else the fallback among those who may preside.
constexpr presiding_choice choose_presiding(const compiled_forum& cf, const presiding_order& order,
                                            const seat_mask& serving, const seat_mask& remote) noexcept {
    seat_mask eligible = serving;
    if (!cf.params.substitute_may_preside) eligible &= cf.ordinary;
    if (cf.params.remote.chair_on_site) eligible = eligible.minus(remote);  // QRM-7
    presiding_choice c;
    if (order.chair != no_seat && eligible.test(order.chair)) return {presiding_basis::chair, order.chair, {}, {}};
    if (order.vice_chair != no_seat && eligible.test(order.vice_chair))
        return {presiding_basis::vice_chair, order.vice_chair, {}, {}};
    if (eligible.none()) return c;
    std::uint16_t best = no_seat;
    (eligible & order.ranked).for_each([&](std::size_t i) {
        if (best == no_seat || order.rank[i] < order.rank[best]) best = static_cast<std::uint16_t>(i);
    });
    c.lacking = eligible.minus(order.ranked);
    if (c.lacking.none()) return {presiding_basis::fallback, best, {}, {}};
    c.basis = presiding_basis::unknown;
    c.candidates = c.lacking;
    if (best != no_seat) c.candidates.set(best);
    return c;
}

}  // namespace detail

/// Decides one agenda item: who serves, quorum, who presides, the outcome. `previous` is the assignment
/// of the meeting's previous item (empty_assignment() before the first). A refused item has `refused` set
/// and nothing else of it is meaningful.
[[nodiscard]] constexpr item_ruling decide_item(const compiled_forum& cf, const presiding_order& order,
                                                const item_masks& in, const seat_assignment& previous) noexcept {
    const auto& p = cf.params;
    item_ruling r;
    r.ordinary_seats = static_cast<std::uint16_t>(cf.ordinary_count);
    r.threshold = static_cast<std::uint16_t>(cf.threshold);
    r.referrals = in.referrals;
    const seat_mask objections = in.objections & cf.all;
    const seat_mask abstentions = in.abstentions & cf.all;
    if (in.referrals < 0) {
        r.refused = refusal::negative_referrals;  // CNS-3
        return r;
    }
    if (const auto both = (objections & abstentions).lowest(); both != no_seat) {
        r.refused = refusal::objects_and_abstains;  // CNS-2
        r.refused_seat = both;
        return r;
    }

    // QRM-4, QRM-5, QRM-7: who is available to serve.
    const seat_mask can_serve = (in.present & cf.all).minus(in.left).minus(in.disqualified);
    const seat_mask remote = can_serve & in.remote;
    r.any_remote = remote.any();
    r.remote_counts = r.any_remote && p.remote.allowed;
    seat_mask used;
    detail::assign_seats(cf, r.remote_counts ? can_serve : can_serve.minus(remote), previous, r.assignment, used);
    auto pres = detail::choose_presiding(cf, order, used, remote);
    if (r.remote_counts && p.remote.chair_on_site && pres.basis == presiding_basis::nobody) {
        r.remote_counts = false;  // QRM-7: nobody on site can preside, so remote presence does not count
        detail::assign_seats(cf, can_serve.minus(remote), previous, r.assignment, used);
        pres = detail::choose_presiding(cf, order, used, remote);
    }
    r.serving = used;
    r.served = static_cast<std::uint16_t>(used.count());  // each serving seat fills exactly one ordinary seat

    // RGT-1: only serving members take part in the consensus.
    if (const auto s = objections.minus(used).lowest(); s != no_seat) {
        r.refused = refusal::objector_not_serving;
        r.refused_seat = s;
        return r;
    }
    if (const auto s = abstentions.minus(used).lowest(); s != no_seat) {
        r.refused = refusal::abstainer_not_serving;
        r.refused_seat = s;
        return r;
    }

    // QRM-3: more than half (or the ruleset's figure) of the ordinary seats served.
    r.municipal_serves = (used & cf.municipal).any();
    r.region_serves = (used & cf.region).any();
    r.quorate = r.served >= r.threshold && (!p.quorum.both_sides_present || (r.municipal_serves && r.region_serves));
    if (!r.quorate) {
        r.result = outcome::not_quorate;  // CNS-4
        return r;
    }
    r.basis = pres.basis;
    r.presiding = pres.seat;
    r.lacking = pres.lacking;
    r.candidates = pres.candidates;
    if (pres.basis == presiding_basis::nobody) {
        r.result = outcome::not_dealt_with;  // QRM-6: never a position with nobody presiding
        return r;
    }

    // CNS-2: consensus of the serving members; CNS-3 otherwise.
    const bool blocked = objections.any() || (p.consensus == consensus_rule::unanimous_assent && abstentions.any());
    if (!blocked) {
        r.result = outcome::position;
        return r;
    }
    r.exhausted = in.referrals >= p.max_referrals;
    r.applied = in.choice != no_consensus_choice::unspecified      ? in.choice
                : p.on_no_consensus == no_consensus_action::remove ? no_consensus_choice::remove
                                                                   : no_consensus_choice::refer_back;
    if (r.exhausted || r.applied == no_consensus_choice::remove) {
        r.applied = no_consensus_choice::remove;
        r.result = outcome::removed;
    } else {
        r.result = outcome::referred_back;
        r.referrals = in.referrals + 1;
    }
    return r;
}

namespace detail {
template <>
struct enum_names<outcome> {
    static constexpr std::array<std::string_view, 5> names{"position", "referred_back", "removed", "not_quorate",
                                                           "not_dealt_with"};
};
template <>
struct enum_names<no_consensus_choice> {
    static constexpr std::array<std::string_view, 3> names{"unspecified", "refer_back", "remove"};
};
template <>
struct enum_names<presiding_basis> {
    static constexpr std::array<std::string_view, 6> names{"none",     "chair",   "vice_chair",
                                                           "fallback", "unknown", "nobody"};
};
}  // namespace detail

}  // namespace samverkan
