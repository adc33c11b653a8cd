// The parameters the sources leave open, with the defaults of the specification.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <samverkan/date.hpp>
#include <samverkan/detail/enum_names.hpp>
#include <samverkan/source_mark.hpp>

namespace samverkan {

/// QRM-2: whose substitutes may serve for an absent ordinary member.
enum class substitution_scope : std::uint8_t { same_body, same_party, same_side };

/// QRM-3: how many ordinary seats must be served for an item to be dealt with.
enum class quorum_kind : std::uint8_t { more_than_half, two_thirds, count };

/// QRM-6: who presides when chair and vice chair are both absent.
enum class presiding_fallback : std::uint8_t { eldest, longest_serving_then_eldest };

/// CNS-2: what consensus means.
enum class consensus_rule : std::uint8_t { no_objection, unanimous_assent };

/// CNS-3: what happens to a matter without consensus when the meeting does not say.
enum class no_consensus_action : std::uint8_t { refer_back, remove };

/// CNS-5: when a directional position takes effect, given its adoption cases.
enum class in_force_kind : std::uint8_t {
    all_adopted,          ///< when every body concerned has adopted it
    for_adopting_bodies,  ///< for each body from its own adoption (a body may decline)
    count,                ///< when at least `count` bodies have adopted it
};

/// ROT-4: how the LGS chair's side follows the samråd chair's side.
enum class lgs_coordination : std::uint8_t { same_side, opposite_side, none };

/// QRM-3.
struct quorum_rule {
    quorum_kind kind = quorum_kind::more_than_half;
    std::size_t count = 0;            ///< for quorum_kind::count
    bool both_sides_present = false;  ///< at least one serving member from each side
};

/// CNS-5.
struct in_force_rule {
    in_force_kind kind = in_force_kind::all_adopted;
    std::size_t count = 0;  ///< for in_force_kind::count
};

/// QRM-7.
struct remote_rule {
    bool allowed = true;
    bool chair_on_site = true;
};

/// The rules of a meeting of a forum with seats (§ 4, § 5, § 7).
struct meeting_parameters {
    std::string forum = "politiskt_samrad";                                 ///< the forum these rules govern
    substitution_scope substitution = substitution_scope::same_body;        // QRM-2
    quorum_rule quorum;                                                     // QRM-3
    presiding_fallback presiding = presiding_fallback::eldest;              // QRM-6
    bool substitute_may_preside = false;                                    // QRM-6
    remote_rule remote;                                                     // QRM-7
    consensus_rule consensus = consensus_rule::no_objection;                // CNS-2
    int max_referrals = 1;                                                  // CNS-3
    no_consensus_action on_no_consensus = no_consensus_action::refer_back;  // CNS-3
    int meetings_per_termin = 1;                                            // MTG-1
    int notice_days = 0;     ///< MTG-2: days before the meeting a notice is issued at the latest; 0: no notice period
    in_force_rule in_force;  // CNS-5
    source_mark mark;
};

/// The ranges the rotation's numbers must lie in: the reader refuses others, and so do the checks of a ruleset
/// built in code (ROT-1, ROT-6).
inline constexpr int max_term_years = 20;
inline constexpr int max_mandate_years = 20;
inline constexpr int min_election_year = 1900;
inline constexpr int max_election_year = 9999;

/// The chair rotation (§ 6).
struct rotation_parameters {
    std::string forum = "politiskt_samrad";
    int term_years = 2;                                                               // ROT-1
    date anchor{std::chrono::year{2015}, std::chrono::January, std::chrono::day{1}};  // ROT-6
    std::string first_holder = "goteborg";                                            // ROT-6
    bool alternate_sides = true;                                                      // ROT-2
    std::vector<std::string> municipal_pool;                                          // ROT-3a, in order
    std::vector<std::string> region_pool;                                             // ROT-3a, in order
    bool vice_from_other_side = true;                                                 // ROT-3
    bool vice_succeeds = true;                                                        // ROT-3a
    lgs_coordination lgs = lgs_coordination::same_side;                               // ROT-4
    bool align_with_mandate = true;                                                   // ROT-6
    int first_election_year = 2014;                                                   // ROT-6
    int mandate_years = 4;                                                            // ROT-6
    source_mark mark;
};

namespace detail {
template <>
struct enum_names<substitution_scope> {
    static constexpr std::array<std::string_view, 3> names{"same_body", "same_party", "same_side"};
};
template <>
struct enum_names<quorum_kind> {
    static constexpr std::array<std::string_view, 3> names{"more_than_half", "two_thirds", "count"};
};
template <>
struct enum_names<presiding_fallback> {
    static constexpr std::array<std::string_view, 2> names{"eldest", "longest_serving_then_eldest"};
};
template <>
struct enum_names<consensus_rule> {
    static constexpr std::array<std::string_view, 2> names{"no_objection", "unanimous_assent"};
};
template <>
struct enum_names<no_consensus_action> {
    static constexpr std::array<std::string_view, 2> names{"refer_back", "remove"};
};
template <>
struct enum_names<in_force_kind> {
    static constexpr std::array<std::string_view, 3> names{"all_adopted", "for_adopting_bodies", "count"};
};
template <>
struct enum_names<lgs_coordination> {
    static constexpr std::array<std::string_view, 3> names{"same_side", "opposite_side", "none"};
};
}  // namespace detail

}  // namespace samverkan
