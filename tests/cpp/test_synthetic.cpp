// The synthetic rulesets the scale benchmarks measure (benchmarks/synthetic_ruleset.hpp) are valid: they load,
// pass every check of the structure (STR-1, STR-4, STR-7) and hold as many forums and seats as asked, and the
// rotation reaches max_rotation_terms terms without a finding.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include <samverkan/load.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/structure.hpp>

#include "synthetic_ruleset.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_synthetic {

namespace {

std::size_t seats_of(const samverkan::ruleset& rs) {
    std::size_t n = 0;
    for (const auto& f : rs.forums) n += f.seats.size();
    return n;
}

}  // namespace

TEST(Synthetic, LoadsWithTheForumsAndSeatsAsked) {
    for (const std::size_t n : {10, 100, 1000, 4000}) {
        const auto size = samverkan::bench::forums_and_seats(n);
        const auto rs = samverkan::load_from_string(samverkan::bench::synthetic_ruleset(size), "synthetic.yaml");
        EXPECT_EQ(rs->forums.size() + seats_of(*rs), n) << n;
        EXPECT_EQ(rs->bodies.size(), n / 4) << n;
        EXPECT_TRUE(samverkan::check_consistency(*rs).empty()) << n;
        EXPECT_TRUE(samverkan::structure(rs).validate().empty()) << n;
    }
}

TEST(Synthetic, STR4_STR8_EveryOperationalForumReachesTheSamradThroughItsStrategicForumAndLgs) {
    const auto size = samverkan::bench::forums_and_seats(1000);
    const samverkan::structure s(
        samverkan::load_from_string(samverkan::bench::synthetic_ruleset(size), "synthetic.yaml"));
    const auto ids = samverkan::bench::synthetic_ids_of(size);
    const auto strategic = ids.strategic[(ids.operational.size() - 1) % ids.strategic.size()];
    EXPECT_EQ(s.path(ids.operational.back(), "samrad"),
              (std::vector<std::string>{ids.operational.back(), strategic, "lgs", "samrad"}));
    EXPECT_EQ(s.adopters_of("samrad").size(), ids.bodies.size());  // CNS-5
    EXPECT_EQ(s.anchoring("samrad").size(), ids.bodies.size());    // STR-9
}

TEST(Synthetic, ROT1_TermsFromTheFirstToTheLastDateFitAndPassTheCheck) {
    const auto rs = samverkan::load_from_string(
        samverkan::bench::synthetic_ruleset(samverkan::bench::forums_and_seats(1000)), "synthetic.yaml");
    const auto terms = samverkan::rotation_schedule(*rs, 9999);
    ASSERT_EQ(terms.size(), 9999U);
    EXPECT_EQ(terms.back().end, samverkan::max_date);
    std::vector<samverkan::schedule_row> rows;
    for (const auto& t : terms) rows.push_back({t.start, t.end, t.chair, t.vice_chair, t.lgs_chair_side});
    const auto findings = samverkan::validate_rotation(*rs, rows);
    EXPECT_TRUE(findings.empty()) << findings.front().message;
}

}  // namespace unity_test_synthetic
