// Simulated meetings (simulate.hpp): the counts equal those of the batch kernel on the very meetings drawn,
// for the bit-sliced form and the general form; the same seed gives the same answer whatever the thread
// count; correlated absences and objections act as the model says (QRM-2, QRM-3, QRM-6, CNS-2, CNS-3).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <samverkan/batch.hpp>
#include <samverkan/load.hpp>
#include <samverkan/simulate.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_simulate {

using namespace std::chrono;

namespace {

samverkan::attendance_model model_for(const samverkan::compiled_forum& cf, double ordinary, double substitute) {
    samverkan::attendance_model m;
    for (std::size_t s = 0; s < cf.seats; ++s) m.present.push_back(cf.ordinary.test(s) ? ordinary : substitute);
    return m;
}

/// simulate() against decide_batch over draw_meetings(): the same counts, meeting for meeting.
void expect_simulation_matches_the_batch_kernel(const samverkan::compiled_forum& cf,
                                                const samverkan::attendance_model& m, std::uint64_t n) {
    const std::size_t w = (cf.seats + 63) / 64;
    std::vector<std::uint64_t> present(n * w);
    std::vector<std::uint8_t> objected(n);
    samverkan::draw_meetings(cf, m, n, 11, present, objected);
    std::vector<std::uint16_t> served(n);
    std::vector<std::uint8_t> quorate(n), outcome(n);
    const samverkan::batch_input in{n, w, present, {}, {}, m.referrals};
    samverkan::decide_batch(cf, in, {served, quorate, outcome}, 0, n);
    samverkan::simulation_counts expected;
    expected.served.assign(cf.ordinary_count + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        auto code = outcome[i];
        if (code == static_cast<std::uint8_t>(samverkan::outcome::position) && objected[i])
            code = samverkan::blocked_outcome(cf, m.referrals);
        ++expected.outcomes[code];
        ++expected.served[served[i]];
    }
    for (unsigned threads : {1U, 2U, 5U}) {
        const auto got = samverkan::simulate(cf, m, n, 11, threads);
        EXPECT_EQ(got.meetings, n);
        EXPECT_EQ(got.outcomes, expected.outcomes) << threads;
        EXPECT_EQ(got.served, expected.served) << threads;
    }
}

}  // namespace

TEST(Simulate, BitSlicedCountsEqualTheBatchKernelOnTheSameMeetings) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(year{2026} / March / 13), "politiskt_samrad");
    ASSERT_TRUE(samverkan::batch_has_fast_form(*cf));
    auto m = model_for(*cf, 0.6, 0.5);
    m.objection = 0.3;
    m.referrals = 1;
    samverkan::seat_mask clash;
    clash.set(*cf->find("goteborg/ord1"));
    clash.set(*cf->find("goteborg/ord2"));
    m.clashes.emplace_back(clash, 0.25);
    expect_simulation_matches_the_batch_kernel(*cf, m, 10'007);
}

TEST(Simulate, GeneralFormCountsEqualTheBatchKernelOnTheSameMeetings) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"substitution_scope: same_body", "substitution_scope: same_side"},
             {"quorum_both_sides_present: false", "quorum_both_sides_present: true"},
             {"substitute_may_preside: false", "substitute_may_preside: true"}}) {
        const auto cf = samverkan::compile_forum(samverkan::test::with(from, to), "politiskt_samrad");
        auto m = model_for(*cf, 0.55, 0.7);
        m.objection = 0.2;
        expect_simulation_matches_the_batch_kernel(*cf, m, 3'001);
    }
}

TEST(Simulate, CertainAttendanceAndCertainClashes) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(year{2026} / March / 13), "politiskt_samrad");
    auto m = model_for(*cf, 1.0, 1.0);
    auto r = samverkan::simulate(*cf, m, 1000, 3, 2);
    EXPECT_EQ(r.outcomes[static_cast<std::size_t>(samverkan::outcome::position)], 1000u);
    EXPECT_EQ(r.served[15], 1000u);
    samverkan::seat_mask everyone = cf->all;
    m.clashes.emplace_back(everyone, 1.0);  // everyone's calendar clashes
    r = samverkan::simulate(*cf, m, 1000, 3, 2);
    EXPECT_EQ(r.outcomes[static_cast<std::size_t>(samverkan::outcome::not_quorate)], 1000u);
    EXPECT_EQ(r.served[0], 1000u);
}

TEST(Simulate, BadModelsAreRefusedBeforeAnyWork) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(year{2026} / March / 13), "politiskt_samrad");
    auto m = model_for(*cf, 0.9, 0.9);
    EXPECT_THROW((void)samverkan::simulate(*cf, m, samverkan::max_simulated_meetings + 1, 0, 1),
                 samverkan::invalid_argument);
    m.present[3] = 1.5;
    EXPECT_THROW((void)samverkan::simulate(*cf, m, 10, 0, 1), samverkan::invalid_argument);
    m.present[3] = 0.5;
    m.present.pop_back();
    EXPECT_THROW((void)samverkan::simulate(*cf, m, 10, 0, 1), samverkan::invalid_argument);
    m = model_for(*cf, 0.9, 0.9);
    m.referrals = -1;
    EXPECT_THROW((void)samverkan::simulate(*cf, m, 10, 0, 1), samverkan::rule_violation);
}

}  // namespace unity_test_simulate
