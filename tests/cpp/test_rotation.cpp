// The chair rotation (§ 6, ROT-1 … ROT-6): the proposed schedule, the term in force on a date, the next
// term a body chairs, every rotation parameter, the explanation, and validate_rotation on generated and
// broken schedules.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <samverkan/load.hpp>
#include <samverkan/rotation.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_rotation {

using namespace std::chrono;
using samverkan::rotation_violation;
using samverkan::schedule_row;
using samverkan::severity;
using samverkan::side;
using samverkan::term;

namespace {

samverkan::ruleset_ptr rules_2026() { return samverkan::embedded_versions().back(); }

using samverkan::test::with;
using samverkan::test::with_all;

samverkan::date jan1(int y) { return year{y} / January / 1; }
samverkan::date dec31(int y) { return year{y} / December / 31; }

/// What a generated term should be: a two-year term from 1 January of `first_year`.
struct expected_term {
    int first_year;
    std::string chair;
    std::string vice_chair;
    side lgs;
};

/// The table of domain.md § 6, ROT-6: the proposed schedule 2015–2036.
const std::vector<expected_term> domain_table{
    {2015, "goteborg", "regionhalsan", side::municipal},
    {2017, "regionhalsan", "molndal", side::region},
    {2019, "molndal", "narhalsan", side::municipal},
    {2021, "narhalsan", "harryda", side::region},
    {2023, "harryda", "tandvard", side::municipal},
    {2025, "tandvard", "partille", side::region},
    {2027, "partille", "habilitering_halsa", side::municipal},
    {2029, "habilitering_halsa", "ockero", side::region},
    {2031, "ockero", "sjukhusen_i_vaster", side::municipal},
    {2033, "sjukhusen_i_vaster", "goteborg", side::region},
    {2035, "goteborg", "su", side::municipal},
};

const std::vector<std::string> municipal_pool{"goteborg", "molndal", "harryda", "partille", "ockero"};
const std::vector<std::string> region_pool{"regionhalsan",       "narhalsan",          "tandvard",
                                           "habilitering_halsa", "sjukhusen_i_vaster", "su"};
const std::set<std::string> purchasers{"dn_goteborg", "dn_vastra"};

side side_of(const std::string& id) {
    return std::find(municipal_pool.begin(), municipal_pool.end(), id) != municipal_pool.end() ? side::municipal
                                                                                               : side::region;
}

/// ROT-3a computed from the text of the rule, independently of the library: the first holder chairs, the
/// vice chair of term k becomes the chair of term k+1, and the new vice chair is the next in the other
/// side's pool (wrapping), each side's pool walked from where that side last took a holder.
std::vector<expected_term> reference_schedule(const std::vector<std::string>& muni,
                                              const std::vector<std::string>& region, const std::string& first,
                                              int first_year, std::size_t n) {
    std::map<side, const std::vector<std::string>*> pools{{side::municipal, &muni}, {side::region, &region}};
    std::map<side, std::size_t> next;  // the index of the next holder to take from each side
    const side first_side = std::find(muni.begin(), muni.end(), first) != muni.end() ? side::municipal : side::region;
    const auto& fp = *pools[first_side];
    next[first_side] = static_cast<std::size_t>(std::find(fp.begin(), fp.end(), first) - fp.begin()) + 1;
    next[samverkan::other(first_side)] = 0;
    std::vector<expected_term> out;
    std::string chair = first;
    side chair_side = first_side;
    for (std::size_t k = 0; k < n; ++k) {
        const side vice_side = samverkan::other(chair_side);
        const auto& vp = *pools[vice_side];
        const std::string vice = vp[next[vice_side]++ % vp.size()];
        out.push_back({first_year + 2 * static_cast<int>(k), chair, vice, chair_side});
        chair = vice;
        chair_side = vice_side;
    }
    return out;
}

void expect_terms(const std::vector<term>& got, const std::vector<expected_term>& want, std::size_t first_index = 0) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("term " + std::to_string(first_index + i) + " from " + std::to_string(want[i].first_year));
        const auto& t = got[i];
        EXPECT_EQ(t.index, first_index + i);
        EXPECT_EQ(t.start, jan1(want[i].first_year));
        EXPECT_EQ(t.end, dec31(want[i].first_year + 1));
        EXPECT_EQ(t.chair, want[i].chair);
        EXPECT_EQ(t.vice_chair, want[i].vice_chair);
        EXPECT_EQ(t.chair_side, side_of(t.chair));
        EXPECT_EQ(t.vice_side, side_of(t.vice_chair));
        EXPECT_EQ(t.lgs_chair_side, std::optional<side>{want[i].lgs});
    }
}

std::vector<schedule_row> rows_of(const std::vector<term>& terms) {
    std::vector<schedule_row> out;
    for (const auto& t : terms) out.push_back({t.start, t.end, t.chair, t.vice_chair, t.lgs_chair_side});
    return out;
}

/// The first n rows of the default schedule.
std::vector<schedule_row> default_rows(std::size_t n) {
    return rows_of(samverkan::rotation_schedule(*rules_2026(), n));
}

/// A two-year row from 1 January of `first_year`.
schedule_row row(int first_year, std::string chair, std::string vice, std::optional<side> lgs) {
    return {jan1(first_year), dec31(first_year + 1), std::move(chair), std::move(vice), lgs};
}

std::vector<std::string> chairs(const std::vector<term>& terms) {
    std::vector<std::string> out;
    for (const auto& t : terms) out.push_back(t.chair);
    return out;
}
std::vector<std::string> vices(const std::vector<term>& terms) {
    std::vector<std::string> out;
    for (const auto& t : terms) out.push_back(t.vice_chair);
    return out;
}

const samverkan::step* step_of(const term& t, const std::string& rule) {
    for (const auto& s : t.why.steps)
        if (s.rule == rule) return &s;
    return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string describe(const std::vector<rotation_violation>& v) {
    std::string out;
    for (const auto& x : v)
        out += "\n  " + x.rule + " row " + std::to_string(x.term_index) + " " +
               std::string(samverkan::to_string(x.level)) + ": " + x.message;
    return out;
}

const std::string su_body =
    "  - {id: su, name: Styrelsen för Sahlgrenska Universitetssjukhuset, party: vgr, kind: provider}\n";

}  // namespace

// ---- the default schedule (ROT-6 table) -----------------------------------------------------------

TEST(Rotation, ROT6_DefaultScheduleIsTheDomainTable) {
    const auto terms = samverkan::rotation_schedule(*rules_2026(), domain_table.size());
    expect_terms(terms, domain_table);
}

TEST(Rotation, ROT3a_ReferenceModelReproducesTheDomainTable) {
    // The independent model used below for the continuation agrees with the hand-written table.
    const auto model = reference_schedule(municipal_pool, region_pool, "goteborg", 2015, domain_table.size());
    ASSERT_EQ(model.size(), domain_table.size());
    for (std::size_t i = 0; i < model.size(); ++i) {
        EXPECT_EQ(model[i].chair, domain_table[i].chair) << i;
        EXPECT_EQ(model[i].vice_chair, domain_table[i].vice_chair) << i;
        EXPECT_EQ(model[i].lgs, domain_table[i].lgs) << i;
    }
}

TEST(Rotation, ROT3a_DefaultScheduleContinuesWithWrappingPoolsTo2046) {
    const auto terms = samverkan::rotation_schedule(*rules_2026(), 16);
    expect_terms(terms, reference_schedule(municipal_pool, region_pool, "goteborg", 2015, 16));
    // Spelled out: the pools wrap after 2036.
    const std::vector<expected_term> continuation{
        {2037, "su", "molndal", side::region},           {2039, "molndal", "regionhalsan", side::municipal},
        {2041, "regionhalsan", "harryda", side::region}, {2043, "harryda", "narhalsan", side::municipal},
        {2045, "narhalsan", "partille", side::region},
    };
    expect_terms({terms.begin() + 11, terms.end()}, continuation, 11);
    EXPECT_EQ(terms.back().end, dec31(2046));
}

TEST(Rotation, ROT6_BothEmbeddedRulesetsGiveTheSameSchedule) {
    const auto& versions = samverkan::embedded_versions();
    ASSERT_EQ(versions.size(), 2u);
    const auto a = samverkan::rotation_schedule(*versions.front(), 16);
    const auto b = samverkan::rotation_schedule(*versions.back(), 16);
    expect_terms(a, reference_schedule(municipal_pool, region_pool, "goteborg", 2015, 16));
    expect_terms(b, reference_schedule(municipal_pool, region_pool, "goteborg", 2015, 16));
}

TEST(Rotation, ROT2_PurchaserBodiesNeverAppear) {
    for (const auto& rs : samverkan::embedded_versions()) {
        for (const auto& t : samverkan::rotation_schedule(*rs, 200)) {
            EXPECT_FALSE(purchasers.contains(t.chair)) << rs->id << " term " << t.index;
            EXPECT_FALSE(purchasers.contains(t.vice_chair)) << rs->id << " term " << t.index;
            EXPECT_NE(rs->body_by_id(t.chair).kind, samverkan::body_kind::purchaser);
            EXPECT_NE(rs->body_by_id(t.vice_chair).kind, samverkan::body_kind::purchaser);
        }
    }
}

TEST(Rotation, ROT2_SidesAlternate) {
    const auto terms = samverkan::rotation_schedule(*rules_2026(), 40);
    for (std::size_t i = 0; i < terms.size(); ++i) {
        EXPECT_EQ(terms[i].chair_side, i % 2 == 0 ? side::municipal : side::region) << i;
        EXPECT_EQ(terms[i].vice_side, samverkan::other(terms[i].chair_side)) << i;  // ROT-3
        EXPECT_NE(terms[i].chair, terms[i].vice_chair) << i;
        if (i > 0) {
            EXPECT_EQ(terms[i].chair, terms[i - 1].vice_chair) << i;
        }  // ROT-3a vice_succeeds
    }
}

// ---- rotation_schedule from a date, term_on, next_chair_term ----------------------------------------

struct from_case {
    const char* name;
    samverkan::date from;
    std::size_t first_index;
};

class ScheduleFrom : public ::testing::TestWithParam<from_case> {};

TEST_P(ScheduleFrom, ROT6_StartsWithTheTermInForce) {
    const auto rs = rules_2026();
    const auto& c = GetParam();
    const auto terms = samverkan::rotation_schedule(*rs, 3, c.from);
    const auto all = reference_schedule(municipal_pool, region_pool, "goteborg", 2015, c.first_index + 3);
    expect_terms(terms, {all.begin() + static_cast<std::ptrdiff_t>(c.first_index), all.end()}, c.first_index);
    EXPECT_LE(terms.front().start, c.from);
    EXPECT_GE(terms.front().end, c.from);
}

INSTANTIATE_TEST_SUITE_P(Rotation, ScheduleFrom,
                         ::testing::Values(from_case{"anchor", jan1(2015), 0},
                                           from_case{"mid_term_2026", year{2026} / June / 1, 5},
                                           from_case{"first_day_2025", jan1(2025), 5},
                                           from_case{"last_day_2026", dec31(2026), 5},
                                           from_case{"first_day_2027", jan1(2027), 6},
                                           from_case{"leap_day_2028", year{2028} / February / 29, 6},
                                           from_case{"far_2100", year{2100} / July / 1, 42}),
                         [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Rotation, ROT6_ScheduleFromDateBeforeAnchorThrows) {
    const auto rs = rules_2026();
    try {
        (void)samverkan::rotation_schedule(*rs, 3, dec31(2014));
        FAIL() << "a date before the anchor was accepted";
    } catch (const samverkan::rule_violation& e) {
        EXPECT_EQ(e.rule(), "ROT-6");
        EXPECT_TRUE(contains(e.what(), "2014-12-31")) << e.what();
        EXPECT_TRUE(contains(e.what(), "2015-01-01")) << e.what();
    }
    EXPECT_THROW((void)samverkan::term_on(*rs, year{1999} / June / 1), samverkan::rule_violation);
}

TEST(Rotation, ROT6_ScheduleFromIsASliceOfTheWholeSchedule) {
    const auto rs = rules_2026();
    const auto all = samverkan::rotation_schedule(*rs, 30);
    const auto later = samverkan::rotation_schedule(*rs, 10, year{2040} / March / 3);
    ASSERT_EQ(later.size(), 10u);
    for (std::size_t i = 0; i < later.size(); ++i) {
        const auto& a = all[later[i].index];
        EXPECT_EQ(later[i].index, 12 + i);
        EXPECT_EQ(later[i].start, a.start);
        EXPECT_EQ(later[i].end, a.end);
        EXPECT_EQ(later[i].chair, a.chair);
        EXPECT_EQ(later[i].vice_chair, a.vice_chair);
        EXPECT_EQ(later[i].lgs_chair_side, a.lgs_chair_side);
    }
    EXPECT_TRUE(samverkan::rotation_schedule(*rs, 0).empty());
}

TEST(Rotation, ROT6_TermOn2029IsHabiliteringHalsaWithOckero) {
    const auto t = samverkan::term_on(*rules_2026(), year{2029} / June / 1);
    EXPECT_EQ(t.index, 7u);
    EXPECT_EQ(t.chair, "habilitering_halsa");
    EXPECT_EQ(t.vice_chair, "ockero");
    EXPECT_EQ(t.start, jan1(2029));
    EXPECT_EQ(t.end, dec31(2030));
    EXPECT_EQ(t.lgs_chair_side, side::region);
}

TEST(Rotation, ROT3a_NextChairTermOfSuFrom2026Starts2037) {
    const auto t = samverkan::next_chair_term(*rules_2026(), "su", year{2026} / June / 1);
    EXPECT_EQ(t.chair, "su");
    EXPECT_EQ(t.start, jan1(2037));
    EXPECT_EQ(t.end, dec31(2038));
    EXPECT_EQ(t.index, 11u);
}

TEST(Rotation, ROT3a_NextChairTermOfTheSittingChairIsTheCurrentTerm) {
    const auto rs = rules_2026();
    const auto t = samverkan::next_chair_term(*rs, "tandvard", year{2026} / June / 1);
    EXPECT_EQ(t.chair, "tandvard");
    EXPECT_EQ(t.start, jan1(2025));
    EXPECT_EQ(t.index, 5u);
    // On the last day of the term it is still the current one; the day after, the next one (2049).
    EXPECT_EQ(samverkan::next_chair_term(*rs, "tandvard", dec31(2026)).start, jan1(2025));
    EXPECT_EQ(samverkan::next_chair_term(*rs, "tandvard", jan1(2027)).start, jan1(2049));
    // Before the anchor: the first term the body chairs.
    EXPECT_EQ(samverkan::next_chair_term(*rs, "goteborg", jan1(2000)).start, jan1(2015));
}

TEST(Rotation, ROT2_NextChairTermOfAPurchaserThrows) {
    try {
        (void)samverkan::next_chair_term(*rules_2026(), "dn_goteborg", year{2026} / June / 1);
        FAIL() << "a purchaser body was given a chair term";
    } catch (const samverkan::rule_violation& e) {
        EXPECT_EQ(e.rule(), "ROT-2");
        EXPECT_TRUE(contains(e.what(), "dn_goteborg")) << e.what();
        EXPECT_TRUE(contains(e.what(), "purchaser")) << e.what();
    }
}

TEST(Rotation, ROT2_NextChairTermOfAnUnknownBodyThrowsUnknownId) {
    try {
        (void)samverkan::next_chair_term(*rules_2026(), "sahlgrenska", year{2026} / June / 1);
        FAIL() << "an unknown body was given a chair term";
    } catch (const samverkan::unknown_id& e) {
        EXPECT_EQ(e.id(), "sahlgrenska");
    }
}

TEST(Rotation, ROT3a_EveryPoolMemberChairsWithinTwoPasses) {
    const auto rs = rules_2026();
    for (const auto* pool : {&municipal_pool, &region_pool})
        for (const auto& id : *pool) {
            const auto t = samverkan::next_chair_term(*rs, id, year{2026} / June / 1);
            EXPECT_EQ(t.chair, id);
            EXPECT_LE(t.start, jan1(2047)) << id;
        }
}

// ---- each parameter changes the result --------------------------------------------------------

TEST(Rotation, ROT2_AlternateSidesFalseKeepsEveryChairMunicipal) {
    const auto rs = with("alternate_sides: true", "alternate_sides: false");
    const auto terms = samverkan::rotation_schedule(*rs, 12);
    for (const auto& t : terms) {
        EXPECT_EQ(t.chair_side, side::municipal) << t.index;
        EXPECT_EQ(t.vice_side, side::region) << t.index;
        EXPECT_EQ(t.lgs_chair_side, std::optional<side>{side::municipal}) << t.index;
        ASSERT_NE(step_of(t, "ROT-2"), nullptr);
        if (t.index > 0) {
            EXPECT_TRUE(contains(step_of(t, "ROT-2")->text, "does not alternate")) << t.index;
        }
    }
    EXPECT_EQ(chairs(terms),
              (std::vector<std::string>{"goteborg", "molndal", "harryda", "partille", "ockero", "goteborg", "molndal",
                                        "harryda", "partille", "ockero", "goteborg", "molndal"}));
    EXPECT_EQ(vices(terms), (std::vector<std::string>{"regionhalsan", "narhalsan", "tandvard", "habilitering_halsa",
                                                      "sjukhusen_i_vaster", "su", "regionhalsan", "narhalsan",
                                                      "tandvard", "habilitering_halsa", "sjukhusen_i_vaster", "su"}));
    EXPECT_TRUE(samverkan::validate_rotation(*rs, rows_of(samverkan::rotation_schedule(*rs, 60))).empty());
    // Under these rules a provider board never chairs.
    try {
        (void)samverkan::next_chair_term(*rs, "su", jan1(2026));
        FAIL() << "su was given a chair term although every chair is municipal";
    } catch (const samverkan::rule_violation& e) {
        EXPECT_EQ(e.rule(), "ROT-2");
    }
}

TEST(Rotation, ROT3a_PoolOrderDecidesTheHolders) {
    const auto rs = with("municipal: [goteborg, molndal, harryda,", "municipal: [goteborg, harryda, molndal,");
    const std::vector<std::string> swapped{"goteborg", "harryda", "molndal", "partille", "ockero"};
    const auto terms = samverkan::rotation_schedule(*rs, 16);
    expect_terms(terms, reference_schedule(swapped, region_pool, "goteborg", 2015, 16));
    EXPECT_EQ(terms[1].vice_chair, "harryda");
    EXPECT_EQ(terms[2].chair, "harryda");
    EXPECT_EQ(terms[3].vice_chair, "molndal");
    EXPECT_EQ(terms[4].chair, "molndal");
    EXPECT_TRUE(samverkan::validate_rotation(*rs, rows_of(samverkan::rotation_schedule(*rs, 60))).empty());
}

TEST(Rotation, ROT3_ViceFromOtherSideFalseTakesTheViceFromTheChairsSide) {
    const auto rs = with("vice_from_other_side: true", "vice_from_other_side: false");
    const auto terms = samverkan::rotation_schedule(*rs, 30);
    for (const auto& t : terms) {
        EXPECT_EQ(t.vice_side, t.chair_side) << t.index;
        EXPECT_EQ(side_of(t.vice_chair), t.chair_side) << t.index;
        EXPECT_NE(t.vice_chair, t.chair) << t.index;
        EXPECT_EQ(t.chair_side, t.index % 2 == 0 ? side::municipal : side::region) << t.index;  // ROT-2 still holds
        ASSERT_NE(step_of(t, "ROT-3"), nullptr);
        EXPECT_TRUE(contains(step_of(t, "ROT-3")->text, "same side")) << t.index;
    }
    // No vice moves up to the chair here, so each office walks the side's pool on its own (ROT-3a),
    // the vice chair skipping the chair.
    EXPECT_EQ(terms[0].chair, "goteborg");
    EXPECT_EQ(terms[0].vice_chair, "molndal");
    EXPECT_EQ(terms[1].chair, "regionhalsan");
    EXPECT_EQ(terms[1].vice_chair, "narhalsan");
    EXPECT_EQ(terms[2].chair, "molndal");
    EXPECT_EQ(terms[2].vice_chair, "harryda");
    // The ROT-3 check of the validator follows the parameter: no finding for a vice from the chair's side.
    const std::vector<schedule_row> rows{row(2015, "goteborg", "molndal", side::municipal)};
    const auto found = samverkan::validate_rotation(*rs, rows);
    EXPECT_TRUE(found.empty()) << describe(found);
}

TEST(Rotation, ROT3a_ViceFromOtherSideFalseStillGivesEveryoneTheChair) {
    const auto rs = with("vice_from_other_side: true", "vice_from_other_side: false");
    const auto terms = samverkan::rotation_schedule(*rs, 60);
    const auto found = samverkan::validate_rotation(*rs, rows_of(terms));
    EXPECT_TRUE(found.empty()) << describe(found);
    for (const auto* pool : {&municipal_pool, &region_pool})
        for (const auto& id : *pool) EXPECT_NO_THROW((void)samverkan::next_chair_term(*rs, id, jan1(2026))) << id;
}

TEST(Rotation, ROT3a_ViceSucceedsFalseWalksChairsAndVicesIndependently) {
    // Documented behaviour: "otherwise each office walks its own [pool]". The chair walks each side's pool
    // from the first holder on, as before; the vice chair walks each side's pool from its beginning, so the
    // vice chair of a term is no longer the next chair.
    const auto rs = with("vice_succeeds: true", "vice_succeeds: false");
    const auto terms = samverkan::rotation_schedule(*rs, 12);
    EXPECT_EQ(chairs(terms), (std::vector<std::string>{"goteborg", "regionhalsan", "molndal", "narhalsan", "harryda",
                                                       "tandvard", "partille", "habilitering_halsa", "ockero",
                                                       "sjukhusen_i_vaster", "goteborg", "su"}));
    EXPECT_EQ(vices(terms), (std::vector<std::string>{"regionhalsan", "goteborg", "narhalsan", "molndal", "tandvard",
                                                      "harryda", "habilitering_halsa", "partille", "sjukhusen_i_vaster",
                                                      "ockero", "su", "goteborg"}));
    const auto defaults = samverkan::rotation_schedule(*rules_2026(), 12);
    EXPECT_EQ(chairs(terms), chairs(defaults));  // the chairs are the same …
    EXPECT_NE(vices(terms), vices(defaults));    // … the vice chairs are not
    for (std::size_t i = 1; i < terms.size(); ++i) {
        EXPECT_EQ(terms[i].vice_side, samverkan::other(terms[i].chair_side));
        ASSERT_NE(step_of(terms[i], "ROT-3a"), nullptr);
        EXPECT_FALSE(contains(step_of(terms[i], "ROT-3a")->text, "succeeds")) << i;
        EXPECT_TRUE(contains(step_of(terms[i], "ROT-3a")->text, "next in the")) << i;
    }
    EXPECT_TRUE(samverkan::validate_rotation(*rs, rows_of(samverkan::rotation_schedule(*rs, 60))).empty());
}

TEST(Rotation, ROT4_LgsOppositeSide) {
    const auto rs = with("lgs_coordination: same_side", "lgs_coordination: opposite_side");
    const auto terms = samverkan::rotation_schedule(*rs, 12);
    for (const auto& t : terms) {
        EXPECT_EQ(t.lgs_chair_side, std::optional<side>{samverkan::other(t.chair_side)}) << t.index;
        EXPECT_TRUE(contains(step_of(t, "ROT-4")->text, "opposite_side")) << t.index;
    }
    EXPECT_EQ(terms[0].lgs_chair_side, std::optional<side>{side::region});
    EXPECT_TRUE(samverkan::validate_rotation(*rs, rows_of(terms)).empty());
    // The default schedule's same-side LGS chairs break the opposite-side rule, in every row.
    const auto found = samverkan::validate_rotation(*rs, default_rows(4));
    ASSERT_EQ(found.size(), 4u) << describe(found);
    for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].rule, "ROT-4");
        EXPECT_EQ(found[i].term_index, i);
    }
}

TEST(Rotation, ROT4_LgsNoneLeavesTheLgsSideEmpty) {
    const auto rs = with("lgs_coordination: same_side", "lgs_coordination: none");
    const auto terms = samverkan::rotation_schedule(*rs, 12);
    for (const auto& t : terms) {
        EXPECT_FALSE(t.lgs_chair_side.has_value()) << t.index;
        ASSERT_NE(step_of(t, "ROT-4"), nullptr);
        EXPECT_TRUE(contains(step_of(t, "ROT-4")->text, "not coordinated")) << t.index;
    }
    EXPECT_EQ(chairs(terms), chairs(samverkan::rotation_schedule(*rules_2026(), 12)));
}

TEST(Rotation, ROT6_AlignWithMandate) {
    const auto aligned = with("term_years: 2 ", "term_years: 3 ");
    const auto terms = samverkan::rotation_schedule(*aligned, 6);
    // Mandate periods start 2015, 2019, 2023, 2027, 2031: the three-year terms from 2018, 2021 and 2030 straddle.
    const std::set<std::size_t> straddling{1, 2, 5};
    const std::map<std::size_t, std::string> boundary{{1, "2019-01-01"}, {2, "2023-01-01"}, {5, "2031-01-01"}};
    for (const auto& t : terms) {
        const auto* s = step_of(t, "ROT-6");
        ASSERT_NE(s, nullptr) << t.index;
        if (straddling.contains(t.index)) {
            EXPECT_TRUE(contains(s->text, "straddles the mandate period starting " + boundary.at(t.index))) << s->text;
        } else {
            EXPECT_TRUE(contains(s->text, "within one mandate period")) << s->text;
        }
    }
    // The validator agrees: a ROT-6 warning for exactly the straddling terms.
    const auto found = samverkan::validate_rotation(*aligned, rows_of(terms));
    ASSERT_EQ(found.size(), straddling.size()) << describe(found);
    for (const auto& f : found) {
        EXPECT_EQ(f.rule, "ROT-6");
        EXPECT_EQ(f.level, severity::warning);
        EXPECT_TRUE(straddling.contains(f.term_index)) << f.term_index;
    }

    const auto unaligned =
        with_all({{"term_years: 2 ", "term_years: 3 "}, {"align_with_mandate: true", "align_with_mandate: false"}});
    for (const auto& t : samverkan::rotation_schedule(*unaligned, 6)) {
        EXPECT_EQ(step_of(t, "ROT-6"), nullptr) << t.index;
        EXPECT_EQ(t.why.rule_ids(), (std::vector<std::string>{"ROT-1", "ROT-2", "ROT-3a", "ROT-3", "ROT-4"}));
    }
    EXPECT_TRUE(samverkan::validate_rotation(*unaligned, rows_of(samverkan::rotation_schedule(*unaligned, 6))).empty());
}

TEST(Rotation, ROT1_TermYearsThree) {
    const auto rs = with("term_years: 2 ", "term_years: 3 ");
    const auto terms = samverkan::rotation_schedule(*rs, 8);
    for (const auto& t : terms) {
        const int y = 2015 + 3 * static_cast<int>(t.index);
        EXPECT_EQ(t.start, jan1(y)) << t.index;
        EXPECT_EQ(t.end, dec31(y + 2)) << t.index;
        EXPECT_TRUE(contains(step_of(t, "ROT-1")->text, "a term of 3 years")) << step_of(t, "ROT-1")->text;
    }
    EXPECT_EQ(chairs(terms), chairs(samverkan::rotation_schedule(*rules_2026(), 8)));  // holders unchanged
    const auto t = samverkan::term_on(*rs, year{2029} / June / 1);
    EXPECT_EQ(t.index, 4u);
    EXPECT_EQ(t.start, jan1(2027));
    EXPECT_EQ(t.chair, "harryda");
    // A two-year row is now too short.
    const auto found = samverkan::validate_rotation(*rs, default_rows(1));
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "ROT-1");
    EXPECT_TRUE(contains(found[0].message, "should end 2017-12-31")) << found[0].message;
}

TEST(Rotation, ROT6_AnchorMovesTheSchedule) {
    const auto rs = with("anchor: 2015-01-01", "anchor: 2019-01-01");
    const auto terms = samverkan::rotation_schedule(*rs, 12);
    const auto defaults = samverkan::rotation_schedule(*rules_2026(), 12);
    for (std::size_t i = 0; i < terms.size(); ++i) {
        EXPECT_EQ(terms[i].start, jan1(2019 + 2 * static_cast<int>(i)));
        EXPECT_EQ(terms[i].end, dec31(2020 + 2 * static_cast<int>(i)));
        EXPECT_EQ(terms[i].chair, defaults[i].chair);  // the same holders, four years later
        EXPECT_EQ(terms[i].vice_chair, defaults[i].vice_chair);
    }
    EXPECT_EQ(samverkan::term_on(*rs, year{2029} / June / 1).chair, "tandvard");
    EXPECT_EQ(samverkan::term_on(*rs, jan1(2019)).chair, "goteborg");
    try {
        (void)samverkan::term_on(*rs, dec31(2018));
        FAIL() << "a date before the moved anchor was accepted";
    } catch (const samverkan::rule_violation& e) {
        EXPECT_EQ(e.rule(), "ROT-6");
        EXPECT_TRUE(contains(e.what(), "2019-01-01")) << e.what();
    }
    EXPECT_TRUE(samverkan::validate_rotation(*rs, rows_of(samverkan::rotation_schedule(*rs, 40))).empty());
}

TEST(Rotation, ROT6_FirstHolderFromTheRegion) {
    const auto rs = with("first_holder: goteborg", "first_holder: regionhalsan");
    const auto terms = samverkan::rotation_schedule(*rs, 16);
    EXPECT_EQ(terms[0].chair, "regionhalsan");
    EXPECT_EQ(terms[0].chair_side, side::region);
    EXPECT_EQ(terms[0].vice_chair, "goteborg");
    EXPECT_EQ(terms[0].vice_side, side::municipal);
    EXPECT_EQ(terms[0].lgs_chair_side, std::optional<side>{side::region});
    EXPECT_EQ(terms[1].chair, "goteborg");
    EXPECT_EQ(terms[1].vice_chair, "narhalsan");
    std::vector<expected_term> want = reference_schedule(municipal_pool, region_pool, "regionhalsan", 2015, 16);
    expect_terms(terms, want);
    EXPECT_TRUE(contains(step_of(terms[0], "ROT-2")->text, "region")) << step_of(terms[0], "ROT-2")->text;
    EXPECT_TRUE(samverkan::validate_rotation(*rs, rows_of(samverkan::rotation_schedule(*rs, 60))).empty());
}

// ---- explanation ------------------------------------------------------------------------------

TEST(Rotation, ROT1_ROT6_EachTermExplainsItself) {
    for (const auto& t : samverkan::rotation_schedule(*rules_2026(), 16)) {
        SCOPED_TRACE("term " + std::to_string(t.index));
        EXPECT_EQ(t.why.rule_ids(), (std::vector<std::string>{"ROT-1", "ROT-2", "ROT-3a", "ROT-3", "ROT-4", "ROT-6"}));
        EXPECT_TRUE(contains(step_of(t, "ROT-1")->text, samverkan::to_iso_string(t.start)));
        EXPECT_TRUE(contains(step_of(t, "ROT-1")->text, samverkan::to_iso_string(t.end)));
        EXPECT_TRUE(contains(step_of(t, "ROT-3a")->text, t.chair)) << step_of(t, "ROT-3a")->text;
        EXPECT_TRUE(contains(step_of(t, "ROT-3")->text, t.vice_chair)) << step_of(t, "ROT-3")->text;
        EXPECT_TRUE(contains(step_of(t, "ROT-6")->text, "within one mandate period"));
        if (t.index > 0) {
            EXPECT_TRUE(contains(step_of(t, "ROT-3a")->text, "succeeds"));
        }
        const auto text = t.why.render();
        EXPECT_TRUE(contains(text, "003_324ab1002b074ef9.txt § Mandat och arbetsformer")) << text;
        EXPECT_TRUE(contains(text, t.chair));
        EXPECT_TRUE(contains(text, t.vice_chair));
    }
}

// ---- validate_rotation: the generated schedules pass ---------------------------------------------

TEST(Rotation, ROT1_ROT6_GeneratedDefaultScheduleHasNoViolations) {
    for (const auto& rs : samverkan::embedded_versions()) {
        const auto found = samverkan::validate_rotation(*rs, rows_of(samverkan::rotation_schedule(*rs, 16)));
        EXPECT_TRUE(found.empty()) << rs->id << describe(found);
    }
    EXPECT_TRUE(samverkan::validate_rotation(*rules_2026(), std::vector<schedule_row>{}).empty());
}

TEST(Rotation, ROT3a_ThousandGeneratedTermsHaveNoViolations) {
    const auto rs = rules_2026();
    const auto terms = samverkan::rotation_schedule(*rs, 1000);
    ASSERT_EQ(terms.size(), 1000u);
    EXPECT_EQ(terms.back().start, jan1(2015 + 2 * 999));
    const auto found = samverkan::validate_rotation(*rs, rows_of(terms));
    EXPECT_TRUE(found.empty()) << describe(found);
}

TEST(Rotation, ROT1_GeneratedScheduleFromALeapDayAnchorPassesItsOwnCheck) {
    const auto rs = with_all(
        {{"anchor: 2015-01-01", "anchor: 2016-02-29"}, {"align_with_mandate: true", "align_with_mandate: false"}});
    const auto terms = samverkan::rotation_schedule(*rs, 8);
    const auto found = samverkan::validate_rotation(*rs, rows_of(terms));
    EXPECT_TRUE(found.empty()) << describe(found);
}

// ---- validate_rotation: one broken schedule each ------------------------------------------------

struct broken_case {
    const char* name;
    std::function<samverkan::ruleset_ptr()> rules;
    std::function<std::vector<schedule_row>()> rows;
    const char* rule;
    std::size_t index;
    severity level;
    std::vector<std::string> phrases;  // what is wrong, and what would fix it
};

class BrokenSchedule : public ::testing::TestWithParam<broken_case> {};

TEST_P(BrokenSchedule, FindsExactlyTheBrokenRule) {
    const auto& c = GetParam();
    const auto rs = c.rules();
    const auto rows = c.rows();
    const auto found = samverkan::validate_rotation(*rs, rows);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, c.rule);
    EXPECT_EQ(found[0].term_index, c.index);
    EXPECT_EQ(found[0].level, c.level);
    for (const auto& p : c.phrases) {
        EXPECT_TRUE(contains(found[0].message, p)) << found[0].message << "\n  lacks: " << p;
    }
    EXPECT_TRUE(contains(found[0].message, "term " + std::to_string(c.index) + " (")) << found[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Rotation, BrokenSchedule,
    ::testing::Values(
        broken_case{"ROT1_WrongTermLength",
                    rules_2026,
                    [] {
                        auto r = default_rows(11);
                        r[10].end = dec31(2035);
                        return r;
                    },
                    "ROT-1",
                    10,
                    severity::error,
                    {"should end 2036-12-31"}},
        broken_case{"ROT1_EndBeforeStart",
                    rules_2026,
                    [] {
                        auto r = default_rows(11);
                        r[10].end = dec31(2034);
                        return r;
                    },
                    "ROT-1",
                    10,
                    severity::error,
                    {"ends before it starts"}},
        broken_case{"ROT1_GapBetweenTerms",
                    rules_2026,
                    [] {
                        auto r = default_rows(6);
                        r.erase(r.begin() + 2, r.begin() + 4);  // 2019–2022 missing
                        return r;
                    },
                    "ROT-1",
                    2,
                    severity::error,
                    {"a gap", "from 2019-01-01", "start the term then"}},
        broken_case{"ROT1_OverlapBetweenTerms",
                    rules_2026,
                    [] {
                        auto r = default_rows(6);
                        r[5].start = jan1(2024);
                        r[5].end = dec31(2025);
                        return r;
                    },
                    "ROT-1",
                    5,
                    severity::error,
                    {"overlaps", "ends 2024-12-31", "start the term 2025-01-01"}},
        broken_case{"ROT6_TermStraddlesMandateBoundary",
                    rules_2026,
                    [] {
                        return std::vector<schedule_row>{
                            {jan1(2018), dec31(2019), "goteborg", "regionhalsan", side::municipal}};
                    },
                    "ROT-6",
                    0,
                    severity::warning,
                    {"straddles", "2019-01-01", "align the terms with the mandate periods"}},
        broken_case{"ROT2_SameSideTwiceInARow",
                    rules_2026,
                    [] {
                        return std::vector<schedule_row>{row(2015, "goteborg", "regionhalsan", side::municipal),
                                                         row(2017, "molndal", "narhalsan", side::municipal)};
                    },
                    "ROT-2",
                    1,
                    severity::error,
                    {"twice in a row", "should pass to the region side"}},
        broken_case{"ROT2_PurchaserChair",
                    rules_2026,
                    [] {
                        return std::vector<schedule_row>{row(2015, "goteborg", "regionhalsan", side::municipal),
                                                         row(2017, "dn_goteborg", "molndal", side::region)};
                    },
                    "ROT-2",
                    1,
                    severity::error,
                    {"dn_goteborg", "purchaser", "choose a provider board or a municipality"}},
        broken_case{"ROT2_PurchaserViceChair",
                    rules_2026,
                    [] { return std::vector<schedule_row>{row(2015, "goteborg", "dn_vastra", side::municipal)}; },
                    "ROT-2",
                    0,
                    severity::error,
                    {"vice chair dn_vastra", "choose a provider board or a municipality"}},
        broken_case{"ROT2_ChairWithoutOrdinarySeat",
                    [] {
                        // A provider board of the region that holds no seat anywhere.
                        return with(su_body,
                                    su_body + "  - {id: ny_styrelse, name: Ny styrelse, party: vgr, kind: provider}\n");
                    },
                    [] {
                        return std::vector<schedule_row>{row(2015, "goteborg", "regionhalsan", side::municipal),
                                                         row(2017, "ny_styrelse", "molndal", side::region)};
                    },
                    "ROT-2",
                    1,
                    severity::error,
                    {"ny_styrelse holds no ordinary seat in politiskt_samrad", "elected from among the members"}},
        broken_case{"ROT3_ViceFromTheChairsSide",
                    rules_2026,
                    [] { return std::vector<schedule_row>{row(2015, "goteborg", "molndal", side::municipal)}; },
                    "ROT-3",
                    0,
                    severity::error,
                    {"molndal is on the chair's side", "choose one from the region side"}},
        broken_case{"ROT3_SameBodyInBothOffices",
                    rules_2026,
                    [] {
                        return std::vector<schedule_row>{row(2015, "goteborg", "regionhalsan", side::municipal),
                                                         row(2017, "narhalsan", "narhalsan", side::region)};
                    },
                    "ROT-3",
                    1,
                    severity::error,
                    {"the same body holds both offices"}},
        broken_case{"ROT4_LgsSideNotCoordinated",
                    rules_2026,
                    [] {
                        auto r = default_rows(4);
                        r[3].lgs_chair_side = side::municipal;
                        return r;
                    },
                    "ROT-4",
                    3,
                    severity::error,
                    {"should come from the region side", "lgs_coordination same_side", "not the municipal"}},
        broken_case{"ROT3a_ChairTwiceBeforeTheOthers",
                    rules_2026,
                    [] {
                        return std::vector<schedule_row>{row(2015, "goteborg", "regionhalsan", side::municipal),
                                                         row(2017, "regionhalsan", "molndal", side::region),
                                                         row(2019, "goteborg", "narhalsan", side::municipal)};
                    },
                    "ROT-3a",
                    2,
                    severity::warning,
                    {"goteborg holds the chair again before molndal, harryda, partille, ockero have held it",
                     "give it to molndal"}},
        broken_case{"ROT3a_ViceTwiceBeforeTheOthers",
                    rules_2026,
                    [] {
                        auto r = default_rows(10);
                        // Municipal vices so far: molndal, harryda, partille, ockero; goteborg is due.
                        r[9].vice_chair = "molndal";
                        return r;
                    },
                    "ROT-3a",
                    9,
                    severity::warning,
                    {"molndal holds the vice chair again before goteborg has held it", "give it to goteborg"}}),
    [](const auto& case_info) { return std::string(case_info.param.name); });

TEST(Rotation, ROT1_EndBeforeStartMessageSaysWhatWouldFixIt) {
    auto rows = default_rows(11);
    rows[10].end = dec31(2034);
    const auto found = samverkan::validate_rotation(*rules_2026(), rows);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_TRUE(contains(found[0].message, "2036-12-31")) << found[0].message;
}

TEST(Rotation, ROT3_SameBodyMessageSaysWhatWouldFixIt) {
    const std::vector<schedule_row> rows{row(2015, "goteborg", "goteborg", side::municipal)};
    const auto found = samverkan::validate_rotation(*rules_2026(), rows);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_TRUE(contains(found[0].message, "choose")) << found[0].message;
    EXPECT_TRUE(contains(found[0].message, "region side")) << found[0].message;
}

TEST(Rotation, ROT2_ChairOutsideTheEligiblePoolIsAFinding) {
    const auto rs = with("sjukhusen_i_vaster, su]", "sjukhusen_i_vaster]");
    ASSERT_THROW((void)samverkan::next_chair_term(*rs, "su", jan1(2026)), samverkan::rule_violation);
    const std::vector<schedule_row> rows{row(2015, "goteborg", "regionhalsan", side::municipal),
                                         row(2017, "su", "molndal", side::region)};
    const auto found = samverkan::validate_rotation(*rs, rows);
    ASSERT_EQ(found.size(), 1u) << describe(found);
    EXPECT_EQ(found[0].rule, "ROT-2");
    EXPECT_EQ(found[0].term_index, 1u);
    EXPECT_EQ(found[0].level, severity::error);
}

TEST(Rotation, ROT6_WholeScheduleShiftedAYearIsOutOfStepEveryTerm) {
    auto rows = default_rows(10);
    for (auto& r : rows) {
        r.start = r.start + years{1};
        r.end = r.end + years{1};
    }
    const auto found = samverkan::validate_rotation(*rules_2026(), rows);
    // Every other term straddles a mandate boundary; the others lie inside one mandate period, out of step.
    ASSERT_EQ(found.size(), 10u) << describe(found);
    for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_EQ(found[i].rule, "ROT-6");
        EXPECT_EQ(found[i].level, severity::warning);
        EXPECT_EQ(found[i].term_index, i);
        EXPECT_NE(found[i].message.find(i % 2 == 1 ? "straddles" : "out of step"), std::string::npos)
            << found[i].message;
    }
    // Without align_with_mandate the same rows pass.
    const auto rs = with("align_with_mandate: true", "align_with_mandate: false");
    const auto unaligned = samverkan::validate_rotation(*rs, rows);
    EXPECT_TRUE(unaligned.empty()) << describe(unaligned);
}

TEST(Rotation, ROT4_NoFindingWithoutLgsSideOrCoordination) {
    auto rows = default_rows(6);
    for (auto& r : rows) r.lgs_chair_side.reset();
    EXPECT_TRUE(samverkan::validate_rotation(*rules_2026(), rows).empty());

    const auto rs = with("lgs_coordination: same_side", "lgs_coordination: none");
    auto opposite = default_rows(6);
    for (auto& r : opposite) r.lgs_chair_side = samverkan::other(*r.lgs_chair_side);
    const auto found = samverkan::validate_rotation(*rs, opposite);
    EXPECT_TRUE(found.empty()) << describe(found);
    EXPECT_EQ(samverkan::validate_rotation(*rules_2026(), opposite).size(), 6u);  // the same rows break same_side
}

TEST(Rotation, ROT2_UnknownBodyInARowThrows) {
    const auto rs = rules_2026();
    auto rows = default_rows(4);
    rows[2].chair = "molndall";
    try {
        (void)samverkan::validate_rotation(*rs, rows);
        FAIL() << "an unknown chair was accepted";
    } catch (const samverkan::rule_violation& e) {
        EXPECT_EQ(e.rule(), "ROT-2");
        EXPECT_TRUE(contains(e.what(), "term 2")) << e.what();
        EXPECT_TRUE(contains(e.what(), "'molndall'")) << e.what();
        EXPECT_TRUE(contains(e.what(), "did you mean 'molndal'?")) << e.what();
    }
    rows = default_rows(4);
    rows[1].vice_chair = "xyzzy";
    try {
        (void)samverkan::validate_rotation(*rs, rows);
        FAIL() << "an unknown vice chair was accepted";
    } catch (const samverkan::rule_violation& e) {
        EXPECT_EQ(e.rule(), "ROT-2");
        EXPECT_TRUE(contains(e.what(), "vice chair 'xyzzy'")) << e.what();
        EXPECT_FALSE(contains(e.what(), "did you mean")) << e.what();
    }
}

// ---- bounds: how many terms, how far ahead, and rulesets built in code ---------------------------

namespace {

/// The invalid_argument message `call` throws, or a failure when it throws nothing.
template <class Call>
std::string invalid_argument_of(Call call) {
    try {
        call();
    } catch (const samverkan::invalid_argument& e) {
        return e.what();
    }
    ADD_FAILURE() << "no invalid_argument thrown";
    return {};
}

/// The ruleset_error `call` throws: a rotation that cannot be generated is refused, never run.
template <class Call>
samverkan::ruleset_location ruleset_error_of(Call call) {
    try {
        call();
    } catch (const samverkan::ruleset_error& e) {
        return e.where();
    }
    ADD_FAILURE() << "no ruleset_error thrown";
    return samverkan::ruleset_location{};
}

/// A copy of the 2026 ruleset, changed in code (so never checked by the loader).
samverkan::ruleset_ptr built_in_code(const std::function<void(samverkan::ruleset&)>& change) {
    auto rs = *rules_2026();
    change(rs);
    return std::make_shared<const samverkan::ruleset>(std::move(rs));
}

}  // namespace

TEST(RotationBounds, ROT1_MoreTermsThanMaxRotationTermsAreRefusedBeforeAnyWork) {
    const auto rs = rules_2026();
    for (const std::size_t n : {samverkan::max_rotation_terms + 1, std::size_t{1'000'000'000'000}}) {
        const auto message = invalid_argument_of([&] { (void)samverkan::rotation_schedule(*rs, n); });
        EXPECT_TRUE(contains(message, "terms: " + std::to_string(n))) << message;
        EXPECT_TRUE(contains(message, "max_rotation_terms")) << message;
    }
    static_assert(std::is_base_of_v<samverkan::error, samverkan::invalid_argument>);
}

TEST(RotationBounds, ROT1_ScheduleMayRunToTheLastDateTheLibraryHandles) {
    // From 2015, two-year terms: term 3991 is 9997-01-01 – 9998-12-31; term 3992 would end 10000-12-31.
    const auto terms = samverkan::rotation_schedule(*rules_2026(), 3992);
    ASSERT_EQ(terms.size(), 3992u);
    EXPECT_EQ(terms.back().end, dec31(9998));
    EXPECT_LE(terms.back().end, samverkan::max_date);
    const auto message = invalid_argument_of([&] { (void)samverkan::rotation_schedule(*rules_2026(), 3993); });
    EXPECT_TRUE(contains(message, "term 3992 (9999-01-01 – 10000-12-31) ends after 9999-12-31")) << message;
    EXPECT_TRUE(contains(message, "at most 3992 fit")) << message;
}

TEST(RotationBounds, ROT6_FarDatesWorkQuicklyOrAreRefused) {
    const auto rs = rules_2026();
    const auto t = samverkan::term_on(*rs, year{9998} / June / 1);
    EXPECT_EQ(t.index, 3991u);
    EXPECT_EQ(t.start, jan1(9997));
    EXPECT_EQ(t.end, dec31(9998));
    EXPECT_FALSE(t.why.steps.empty());
    EXPECT_EQ(samverkan::rotation_schedule(*rs, 1, year{9998} / June / 1).front().chair, t.chair);
    // The term in force on 9999-06-01 would end in year 10000.
    auto message = invalid_argument_of([&] { (void)samverkan::term_on(*rs, year{9999} / June / 1); });
    EXPECT_TRUE(contains(message, "term 3992 (9999-01-01 – 10000-12-31) ends after 9999-12-31")) << message;
    // Dates a C++ caller can make but no ISO date can write: refused, not wrapped around year 32767.
    for (const samverkan::date d : {year{12000} / March / 1, year{32767} / December / 31}) {
        message = invalid_argument_of([&] { (void)samverkan::term_on(*rs, d); });
        EXPECT_TRUE(contains(message, "after 9999-12-31, the last date samverkan handles")) << message;
        message = invalid_argument_of([&] { (void)samverkan::next_chair_term(*rs, "su", d); });
        EXPECT_TRUE(contains(message, "after 9999-12-31")) << message;
    }
    message = invalid_argument_of([&] { (void)samverkan::term_on(*rs, year{2026} / February / 30); });
    EXPECT_TRUE(contains(message, "not a calendar date")) << message;
}

TEST(RotationBounds, ROT3a_NextChairTermLooksNoFurtherThanTheLastDate) {
    const auto rs = rules_2026();
    // Walk su's terms of the chair from 9900: each ends by 9999-12-31, and after the last one the answer is
    // a clear refusal, not a term in year 10000.
    samverkan::date from = jan1(9900);
    std::size_t found = 0;
    for (;; ++found) {
        samverkan::term t;
        try {
            t = samverkan::next_chair_term(*rs, "su", from);
        } catch (const samverkan::invalid_argument& e) {
            EXPECT_TRUE(contains(e.what(), "'su' does not hold the chair in any term between")) << e.what();
            EXPECT_TRUE(contains(e.what(), "and 9999-12-31, the last date samverkan handles")) << e.what();
            break;
        }
        ASSERT_EQ(t.chair, "su");
        ASSERT_LE(t.end, samverkan::max_date);
        ASSERT_LT(found, 100u);
        from = samverkan::date{sys_days{t.end} + days{1}};
    }
    EXPECT_GE(found, 1u);
}

TEST(RotationBounds, ROT1_RowDatesBeyondTheLastDateAreRefused) {
    auto rows = default_rows(3);
    rows[1].end = year{32767} / December / 31;
    const auto message = invalid_argument_of([&] { (void)samverkan::validate_rotation(*rules_2026(), rows); });
    EXPECT_TRUE(contains(message, "term 1: end: 32767-12-31 is after 9999-12-31")) << message;
}

TEST(RotationBounds, ROT2_EmptyPoolOfARulesetBuiltInCodeIsRefusedNotDividedBy) {
    for (const auto& [side_name, change] :
         std::vector<std::pair<std::string, std::function<void(samverkan::ruleset&)>>>{
             {"municipal", [](samverkan::ruleset& rs) { rs.rotation.municipal_pool.clear(); }},
             {"region", [](samverkan::ruleset& rs) { rs.rotation.region_pool.clear(); }}}) {
        SCOPED_TRACE(side_name);
        const auto rs = built_in_code(change);
        for (const auto& call :
             std::vector<std::function<void()>>{[&] { (void)samverkan::rotation_schedule(*rs, 4); },
                                                [&] { (void)samverkan::term_on(*rs, jan1(2030)); },
                                                [&] { (void)samverkan::next_chair_term(*rs, "su", jan1(2030)); },
                                                [&] { (void)samverkan::validate_rotation(*rs, default_rows(2)); }}) {
            const auto where = ruleset_error_of(call);
            EXPECT_EQ(where.key, "rotation.pools." + side_name);
            EXPECT_EQ(where.rule, "ROT-2");
        }
    }
}

TEST(RotationBounds, ROT1_ROT6_ParametersThatWouldNeverEndOrDivideByZeroAreRefused) {
    struct bad {
        const char* key;
        const char* rule;
        std::function<void(samverkan::ruleset&)> change;
    };
    for (const auto& c : std::vector<bad>{
             {"rotation.term_years", "ROT-1", [](samverkan::ruleset& rs) { rs.rotation.term_years = 0; }},
             {"rotation.term_years", "ROT-1", [](samverkan::ruleset& rs) { rs.rotation.term_years = -2; }},
             {"rotation.term_years", "ROT-1", [](samverkan::ruleset& rs) { rs.rotation.term_years = 100'000; }},
             {"rotation.mandate.years", "ROT-6", [](samverkan::ruleset& rs) { rs.rotation.mandate_years = 0; }},
             {"rotation.mandate.first_election", "ROT-6",
              [](samverkan::ruleset& rs) { rs.rotation.first_election_year = -2'000'000'000; }},
             {"rotation.anchor", "ROT-6", [](samverkan::ruleset& rs) { rs.rotation.anchor = year{20000} / 1 / 1; }},
             {"rotation.first_holder", "ROT-6", [](samverkan::ruleset& rs) { rs.rotation.first_holder = "dn_vastra"; }},
         }) {
        SCOPED_TRACE(c.key);
        const auto rs = built_in_code(c.change);
        auto where = ruleset_error_of([&] { (void)samverkan::rotation_schedule(*rs, 4, jan1(2030)); });
        EXPECT_EQ(where.key, c.key);
        EXPECT_EQ(where.rule, c.rule);
        where = ruleset_error_of([&] { (void)samverkan::validate_rotation(*rs, default_rows(4)); });
        EXPECT_EQ(where.key, c.key);
    }
}

TEST(RotationBounds, ROT3a_NextChairTermLooksNoFurtherThanMaxRotationTerms) {
    // A pool so long that su's turn lies beyond max_rotation_terms one-year terms: refused, not searched for.
    const auto rs = built_in_code([](samverkan::ruleset& r) {
        r.rotation.term_years = 1;
        r.rotation.anchor = year{0} / January / 1;
        r.rotation.region_pool.clear();
        for (int i = 0; i < 6000; ++i) r.rotation.region_pool.push_back("board_" + std::to_string(i));
        r.rotation.region_pool.push_back("su");
    });
    const auto message = invalid_argument_of([&] { (void)samverkan::next_chair_term(*rs, "su", jan1(0)); });
    EXPECT_TRUE(contains(message, "'su' does not hold the chair in the 10000 terms from 0000-01-01")) << message;
    EXPECT_TRUE(contains(message, "max_rotation_terms")) << message;
}

}  // namespace unity_test_rotation
