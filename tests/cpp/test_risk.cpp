// Attendance risk (risk.hpp): the exact distribution of the ordinary seats served and P(quorate) (QRM-2,
// QRM-3), checked against enumerating every attendance pattern through decide_item.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/risk.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_risk {

using namespace std::chrono;

namespace {

const samverkan::date meeting_day = year{2026} / March / 13;

/// A smaller samråd of 20 seats: bodies with two ordinary seats or two substitutes, bodies without
/// substitutes, on both sides; every body of the rotation pools keeps an ordinary seat.
const std::string small_seats =
    "      - {id: regionhalsan/ord, kind: ordinary, body: regionhalsan}\n"
    "      - {id: regionhalsan/ers1, kind: substitute, body: regionhalsan}\n"
    "      - {id: regionhalsan/ers2, kind: substitute, body: regionhalsan}\n"
    "      - {id: narhalsan/ord1, kind: ordinary, body: narhalsan}\n"
    "      - {id: narhalsan/ord2, kind: ordinary, body: narhalsan}\n"
    "      - {id: narhalsan/ers, kind: substitute, body: narhalsan}\n"
    "      - {id: tandvard/ord, kind: ordinary, body: tandvard}\n"
    "      - {id: habilitering_halsa/ord, kind: ordinary, body: habilitering_halsa}\n"
    "      - {id: habilitering_halsa/ers, kind: substitute, body: habilitering_halsa}\n"
    "      - {id: sjukhusen_i_vaster/ord, kind: ordinary, body: sjukhusen_i_vaster}\n"
    "      - {id: su/ord, kind: ordinary, body: su}\n"
    "      - {id: goteborg/ord1, kind: ordinary, body: goteborg}\n"
    "      - {id: goteborg/ord2, kind: ordinary, body: goteborg}\n"
    "      - {id: molndal/ord, kind: ordinary, body: molndal}\n"
    "      - {id: molndal/ers, kind: substitute, body: molndal}\n"
    "      - {id: harryda/ord, kind: ordinary, body: harryda}\n"
    "      - {id: partille/ers1, kind: substitute, body: partille}\n"
    "      - {id: partille/ord, kind: ordinary, body: partille}\n"
    "      - {id: partille/ers2, kind: substitute, body: partille}\n"
    "      - {id: ockero/ord, kind: ordinary, body: ockero}\n";

/// The samråd's seat list of the 2026 ruleset, as it stands in the text.
std::string samrad_seats() {
    const std::string& text = samverkan::test::text_2026();
    const auto from = text.find("      - {id: dn_goteborg/ord,");
    const std::string last = "      - {id: ockero/ers, kind: substitute, body: ockero}\n";
    const auto to = text.find(last) + last.size();
    return text.substr(from, to - from);
}

struct rules_case {
    std::string scope;   ///< substitution_scope (QRM-2)
    std::string quorum;  ///< quorum (QRM-3)
    bool both_sides;     ///< quorum_both_sides_present (QRM-3)
};

std::vector<rules_case> every_rules_case() {
    std::vector<rules_case> out;
    for (const char* scope : {"same_body", "same_party", "same_side"})
        for (const char* quorum : {"more_than_half", "two_thirds", "5"})
            for (const bool both : {false, true}) out.push_back({scope, quorum, both});
    return out;
}

std::string name_of(const rules_case& c) {
    return c.scope + ", quorum " + c.quorum + (c.both_sides ? ", both sides present" : "");
}

samverkan::compiled_forum_ptr compiled(const rules_case& c, bool small) {
    std::vector<std::pair<std::string, std::string>> edits{
        {"substitution_scope: same_body", "substitution_scope: " + c.scope},
        {"quorum: more_than_half", "quorum: " + c.quorum},
        {"quorum_both_sides_present: false",
         std::string("quorum_both_sides_present: ") + (c.both_sides ? "true" : "false")},
    };
    if (small) edits.emplace_back(samrad_seats(), small_seats);
    return samverkan::compile_forum(samverkan::test::with_all(edits), "politiskt_samrad");
}

/// The figures by brute force: every pattern of the seats whose attendance is uncertain, each decided by
/// decide_item on its own (the first item of a meeting), weighted by its probability. Summed in long
/// double, so that adding up many small terms does not cost the comparison its last digits.
samverkan::attendance_risk enumerated(const samverkan::compiled_forum& cf, const std::vector<double>& p) {
    samverkan::seat_mask sure;
    std::vector<std::size_t> uncertain;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == 1.0) sure.set(i);
        if (p[i] > 0.0 && p[i] < 1.0) uncertain.push_back(i);
    }
    std::vector<long double> distribution(cf.ordinary_count + 1, 0.0L);
    long double quorate = 0.0L;
    for (std::size_t pattern = 0; pattern < (std::size_t{1} << uncertain.size()); ++pattern) {
        samverkan::item_masks in;
        in.present = sure;
        long double probability = 1.0L;
        for (std::size_t b = 0; b < uncertain.size(); ++b) {
            const bool here = (pattern >> b) & 1U;
            if (here) in.present.set(uncertain[b]);
            probability *= here ? p[uncertain[b]] : 1.0L - p[uncertain[b]];
        }
        const auto r = samverkan::decide_item(cf, {}, in, samverkan::empty_assignment());
        distribution[r.served] += probability;
        if (r.quorate) quorate += probability;
    }
    samverkan::attendance_risk out;
    out.quorate = static_cast<double>(quorate);
    for (const auto x : distribution) out.distribution.push_back(static_cast<double>(x));
    return out;
}

/// Random attendance: `uncertain` seats drawn in (0, 1), the others absent or present for sure.
std::vector<double> random_attendance(std::mt19937_64& rng, std::size_t seats, std::size_t uncertain,
                                      double sure_present) {
    std::vector<double> p(seats);
    std::vector<std::size_t> order(seats);
    for (std::size_t i = 0; i < seats; ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::size_t k = 0; k < seats; ++k)
        p[order[k]] = k < uncertain ? unit(rng) : (unit(rng) < sure_present ? 1.0 : 0.0);
    return p;
}

void expect_same(const samverkan::attendance_risk& dp, const samverkan::attendance_risk& brute,
                 const std::string& what) {
    ASSERT_EQ(dp.distribution.size(), brute.distribution.size()) << what;
    EXPECT_NEAR(dp.quorate, brute.quorate, 1e-12) << what;
    double total = 0.0;
    for (std::size_t k = 0; k < dp.distribution.size(); ++k) {
        EXPECT_NEAR(dp.distribution[k], brute.distribution[k], 1e-12) << what << ", P(served == " << k << ")";
        total += dp.distribution[k];
    }
    EXPECT_NEAR(total, 1.0, 1e-12) << what;
}

}  // namespace

TEST(AttendanceRisk, QRM2_QRM3_SmallForumAgreesWithEveryPatternThroughTheKernel) {
    std::mt19937_64 rng(2026);
    for (const auto& c : every_rules_case()) {
        const auto cf = compiled(c, true);
        ASSERT_EQ(cf->seats, 20u);
        // Most seats uncertain once per substitution scope, then fewer with the others known.
        if (c.quorum == "more_than_half" && !c.both_sides) {
            const auto p = random_attendance(rng, cf->seats, 15, 0.5);
            expect_same(samverkan::quorum_probability(*cf, p), enumerated(*cf, p), name_of(c) + ", 15 uncertain");
        }
        for (int round = 0; round < 6; ++round) {
            const auto p = random_attendance(rng, cf->seats, 10, round % 3 == 0 ? 0.3 : 0.7);
            expect_same(samverkan::quorum_probability(*cf, p), enumerated(*cf, p), name_of(c));
        }
    }
}

TEST(AttendanceRisk, QRM2_QRM3_SamradAgreesWithEveryPatternOfItsUncertainSeats) {
    std::mt19937_64 rng(27);
    for (const auto& c : every_rules_case()) {
        const auto cf = compiled(c, false);
        ASSERT_EQ(cf->seats, 27u);
        for (int round = 0; round < 4; ++round) {
            const auto p = random_attendance(rng, cf->seats, 10, 0.6);
            expect_same(samverkan::quorum_probability(*cf, p), enumerated(*cf, p), name_of(c));
        }
    }
}

TEST(AttendanceRisk, QRM3_BothSidesPresentWhenOneSideIsUnlikely) {
    // The municipalities almost all away: the region alone can reach the figure, so the side condition bites.
    for (const char* scope : {"same_body", "same_party", "same_side"}) {
        const rules_case c{scope, "5", true};
        const auto cf = compiled(c, true);
        std::vector<double> p(cf->seats);
        for (std::size_t i = 0; i < cf->seats; ++i) {
            const bool ordinary = cf->ordinary.test(i);
            p[i] = cf->municipal.test(i) ? (ordinary ? 0.15 : 0.0) : (ordinary ? 0.9 : 0.5);
        }
        p[*cf->find("regionhalsan/ers2")] = 0.0;
        const auto dp = samverkan::quorum_probability(*cf, p);
        expect_same(dp, enumerated(*cf, p), name_of(c));
        const auto without_sides = samverkan::quorum_probability(*compiled({scope, "5", false}, true), p);
        EXPECT_LT(dp.quorate, without_sides.quorate - 0.1) << scope;
    }
}

TEST(AttendanceRisk, QRM2_GroupsFollowTheSubstitutionScope) {
    // same_body: each body (Göteborg's three seats share no substitute, so they stand alone); same_party:
    // VGR's sixteen seats together; same_side: the two sides. Every group has the closed form.
    for (const auto& [scope, count, largest] :
         {std::tuple{"same_body", 15u, 2u}, std::tuple{"same_party", 8u, 16u}, std::tuple{"same_side", 2u, 16u}}) {
        const auto cf = compiled({scope, "more_than_half", true}, false);
        const auto groups = samverkan::detail::find_substitution_groups(*cf);
        EXPECT_EQ(groups.count, count) << scope;
        std::size_t most = 0, ordinary = 0;
        for (std::size_t g = 0; g < groups.count; ++g) {
            most = std::max(most, groups.members(g).size());
            ordinary += groups.ordinary_seats(g).size();
            EXPECT_TRUE(groups.closed[g]) << scope;
            EXPECT_NE(groups.side[g], 0) << scope;
        }
        EXPECT_EQ(most, largest) << scope;
        EXPECT_EQ(ordinary, 15u) << scope;
    }
}

TEST(AttendanceRisk, QRM3_CertainAttendanceGivesCertainFigures) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    const auto everyone = samverkan::quorum_probability(*cf, std::vector<double>(27, 1.0));
    EXPECT_EQ(everyone.quorate, 1.0);
    EXPECT_EQ(everyone.distribution.size(), 16u);
    EXPECT_EQ(everyone.distribution[15], 1.0);
    EXPECT_EQ(everyone.expected_served(), 15.0);
    const auto nobody = samverkan::quorum_probability(*cf, std::vector<double>(27, 0.0));
    EXPECT_EQ(nobody.quorate, 0.0);
    EXPECT_EQ(nobody.distribution[0], 1.0);
    // Göteborg away (anmält förhinder) and everyone else there: 12 served, quorate (QRM-3: 8 of 15).
    std::vector<double> p(27, 1.0);
    for (const char* id : {"goteborg/ord1", "goteborg/ord2", "goteborg/ord3"}) p[*cf->find(id)] = 0.0;
    const auto r = samverkan::quorum_probability(*cf, p);
    EXPECT_EQ(r.distribution[12], 1.0);
    EXPECT_EQ(r.quorate, 1.0);
}

TEST(AttendanceRisk, QRM2_ASubstituteStandsInOnlyWithinItsScope) {
    // su's ordinary member away; dn_goteborg's ordinary member and substitute there. Under same_body the
    // substitute serves no seat; under same_party (both bodies are VGR's) she serves su's.
    for (const auto& [scope, served] : {std::pair{"same_body", 1u}, std::pair{"same_party", 2u}}) {
        const auto cf = compiled({scope, "more_than_half", false}, false);
        std::vector<double> p(27, 0.0);
        p[*cf->find("dn_goteborg/ord")] = 1.0;
        p[*cf->find("dn_goteborg/ers")] = 1.0;
        const auto r = samverkan::quorum_probability(*cf, p);
        EXPECT_EQ(r.distribution[served], 1.0) << scope;
        EXPECT_EQ(r.quorate, 0.0) << scope;
    }
}

TEST(AttendanceRisk, QRM2_GroupsWithoutClosedFormAreEnumeratedThroughTheKernel) {
    // Hand-made scopes no ruleset gives: a substitute in scope for one seat of its party but not another;
    // a municipal seat that a region substitute may fill, which joins Öckerö to VGR's group across the
    // sides; a substitute that only own_substitutes lets serve. Each such group needs the enumeration.
    for (const bool both : {false, true}) {
        auto cf = *compiled({"same_party", "more_than_half", both}, true);
        const auto regionhalsan = *cf.find("regionhalsan/ord"), narhalsan1 = *cf.find("narhalsan/ord1");
        cf.scope_substitutes[narhalsan1].reset(*cf.find("habilitering_halsa/ers"));
        cf.scope_substitutes[*cf.find("ockero/ord")].set(*cf.find("regionhalsan/ers2"));
        cf.scope_substitutes[*cf.find("partille/ord")].reset(*cf.find("partille/ers2"));
        ASSERT_TRUE(cf.scope_substitutes[regionhalsan].test(*cf.find("habilitering_halsa/ers")));
        const auto groups = samverkan::detail::find_substitution_groups(cf);
        std::size_t open = 0;
        for (std::size_t g = 0; g < groups.count; ++g) open += !groups.closed[g];
        EXPECT_EQ(open, 2u);  // VGR's with Öckerö, and Partille's
        std::mt19937_64 rng(7);
        for (int round = 0; round < 6; ++round) {
            const auto p = random_attendance(rng, cf.seats, 12, 0.5);
            expect_same(samverkan::quorum_probability(cf, p), enumerated(cf, p),
                        both ? "hand-made scopes, both sides" : "hand-made scopes");
        }
    }
}

TEST(AttendanceRisk, QRM2_TooLargeAGroupToEnumerateIsRefusedUnlessItsSeatsAreKnown) {
    // Every substitute in scope for every seat except one: one group of all 27 seats without closed form.
    auto cf = *samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    for (auto& scope : cf.scope_substitutes) scope = cf.substitute;
    cf.scope_substitutes[*cf.find("su/ord")].reset(*cf.find("dn_goteborg/ers"));
    ASSERT_EQ(samverkan::detail::find_substitution_groups(cf).count, 1u);
    std::vector<double> p(27, 0.5);
    try {
        (void)samverkan::quorum_probability(cf, p);
        ADD_FAILURE() << "a group of 27 uncertain seats was enumerated";
    } catch (const samverkan::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("27 seats of uncertain attendance"), std::string::npos) << e.what();
    }
    // With the attendance of eleven seats known, 16 remain uncertain: enumerated, and the figures add up.
    for (const char* id : {"goteborg/ord1", "goteborg/ord2", "goteborg/ord3", "su/ers", "tandvard/ord"})
        p[*cf.find(id)] = 1.0;
    for (const char* id : {"dn_goteborg/ord", "dn_vastra/ord", "molndal/ers", "ockero/ers", "narhalsan/ers", "su/ord"})
        p[*cf.find(id)] = 0.0;
    const auto r = samverkan::quorum_probability(cf, p);
    expect_same(r, enumerated(cf, p), "one group of every seat");
    EXPECT_EQ(r.distribution[0], 0.0);  // Göteborg's three seats are served for sure
}

TEST(AttendanceRisk, BadAttendanceIsRefusedNamingTheSeat) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    auto message = [&](const std::vector<double>& p) {
        try {
            (void)samverkan::quorum_probability(*cf, p);
        } catch (const samverkan::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message(std::vector<double>(26, 0.9)),
              "attendance_per_seat has 26 entries; forum 'politiskt_samrad' has 27 seats, one entry each");
    std::vector<double> p(27, 0.9);
    p[3] = 1.5;
    EXPECT_EQ(message(p), "attendance_per_seat[3] (seat 'dn_vastra/ers') is 1.5; a probability lies between 0 and 1");
    p[3] = -0.25;
    EXPECT_NE(message(p).find("is -0.25;"), std::string::npos);
    p[3] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_NE(message(p).find("is nan;"), std::string::npos);
    p[3] = std::numeric_limits<double>::infinity();
    EXPECT_NE(message(p).find("is inf;"), std::string::npos);
}

TEST(AttendanceRisk, ExpectedServedIsTheMeanOfTheDistribution) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    // Each seat with probability 0.9, same_body: an ordinary seat with a substitute is served with
    // 1 - 0.1², one without (Göteborg's three) with 0.9.
    const auto r = samverkan::quorum_probability(*cf, std::vector<double>(27, 0.9));
    EXPECT_NEAR(r.expected_served(), 12 * (1 - 0.01) + 3 * 0.9, 1e-12);
}

}  // namespace unity_test_risk
