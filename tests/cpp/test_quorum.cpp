// QRM-3: the quorum figure (beslutförhet) of a forum, kommunallagen 6 kap. 27 § by default.
#include <gtest/gtest.h>

#include <cstddef>

#include <samverkan/quorum.hpp>

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_quorum {

using samverkan::quorum_kind;
using samverkan::quorum_rule;
using samverkan::quorum_threshold;

namespace {

quorum_rule rule_of(quorum_kind kind, std::size_t count = 0) {
    quorum_rule r;
    r.kind = kind;
    r.count = count;
    return r;
}

struct threshold_case {
    std::size_t ordinary_seats;
    std::size_t threshold;
};

}  // namespace

// The default figure is known at compile time.
static_assert(quorum_threshold(quorum_rule{}, 15) == 8);

TEST(Quorum, QRM3_MoreThanHalfOfTheOrdinarySeats) {
    const auto rule = rule_of(quorum_kind::more_than_half);
    for (const auto c : {threshold_case{15, 8}, threshold_case{14, 8}, threshold_case{1, 1}, threshold_case{2, 2},
                         threshold_case{3, 2}, threshold_case{16, 9}})
        EXPECT_EQ(quorum_threshold(rule, c.ordinary_seats), c.threshold) << c.ordinary_seats << " ordinary seats";
}

TEST(Quorum, QRM3_EightOfFifteenIsTheDefault) {
    EXPECT_EQ(quorum_threshold(quorum_rule{}, 15), 8u);
    EXPECT_EQ(quorum_rule{}.kind, quorum_kind::more_than_half);
}

TEST(Quorum, QRM3_TwoThirdsRoundedUp) {
    const auto rule = rule_of(quorum_kind::two_thirds);
    for (const auto c : {threshold_case{15, 10}, threshold_case{9, 6}, threshold_case{10, 7}, threshold_case{1, 1},
                         threshold_case{3, 2}, threshold_case{4, 3}})
        EXPECT_EQ(quorum_threshold(rule, c.ordinary_seats), c.threshold) << c.ordinary_seats << " ordinary seats";
}

TEST(Quorum, QRM3_ExplicitCountIsTakenAsWritten) {
    EXPECT_EQ(quorum_threshold(rule_of(quorum_kind::count, 9), 15), 9u);
    EXPECT_EQ(quorum_threshold(rule_of(quorum_kind::count, 1), 15), 1u);
    EXPECT_EQ(quorum_threshold(rule_of(quorum_kind::count, 15), 15), 15u);
}

TEST(Quorum, QRM3_BothSidesPresentDoesNotChangeTheFigure) {
    auto rule = rule_of(quorum_kind::more_than_half);
    rule.both_sides_present = true;
    EXPECT_EQ(quorum_threshold(rule, 15), 8u);
}

}  // namespace unity_test_quorum
