// Batch rulings (batch.hpp) against the meeting engine: the same served count, quorum and outcome on random
// scenarios for every parameter value (QRM-2, QRM-3, QRM-4, QRM-6, CNS-2, CNS-3, RGT-1).
#include <gtest/gtest.h>

#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <samverkan/batch.hpp>
#include <samverkan/meeting.hpp>

#include "support.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_batch {

using namespace std::chrono;

namespace {

const samverkan::date meeting_day = year{2026} / March / 13;

struct scenario_set {
    std::size_t n = 0, words = 1;
    std::vector<std::uint64_t> present, objections, disqualified;
};

scenario_set random_scenarios(const samverkan::compiled_forum& cf, std::size_t n, std::mt19937_64& rng) {
    scenario_set s;
    s.n = n;
    s.words = (cf.seats + 63) / 64;
    s.present.resize(n * s.words);
    s.objections.resize(n * s.words);
    s.disqualified.resize(n * s.words);
    std::uniform_real_distribution<double> rate(0.2, 1.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double here = rate(rng);
        for (std::size_t seat = 0; seat < cf.seats; ++seat) {
            const std::uint64_t bit = std::uint64_t{1} << (seat % 64);
            const std::size_t w = i * s.words + seat / 64;
            if (u(rng) < here) s.present[w] |= bit;
            if (u(rng) < 0.03) s.objections[w] |= bit;
            if (u(rng) < 0.03) s.disqualified[w] |= bit;
        }
    }
    return s;
}

std::vector<std::string> ids(const samverkan::compiled_forum& cf, const std::vector<std::uint64_t>& words,
                             std::size_t i, std::size_t w) {
    std::vector<std::string> out;
    samverkan::seat_mask::from_words(std::span(words).subspan(i * w, w)).for_each([&](std::size_t s) {
        out.push_back(cf.at(s).id);
    });
    return out;
}

/// Every scenario through decide_batch and through a meeting's first item: the same answers.
void expect_batch_agrees_with_meetings(const samverkan::ruleset_ptr& rs, std::size_t n, int referrals, unsigned seed) {
    const auto cf = samverkan::compile_forum(rs, "politiskt_samrad");
    std::mt19937_64 rng(seed);
    const auto s = random_scenarios(*cf, n, rng);
    std::vector<std::uint16_t> served(n);
    std::vector<std::uint8_t> quorate(n), outcome(n);
    const samverkan::batch_input in{n, s.words, s.present, s.objections, s.disqualified, referrals};
    const samverkan::batch_output out{served, quorate, outcome};
    samverkan::batch_check(*cf, in, out);
    samverkan::run_chunks(n, 3, [&](std::size_t b, std::size_t e) { samverkan::decide_batch(*cf, in, out, b, e); });
    for (std::size_t i = 0; i < n; ++i) {
        samverkan::meeting_setup setup;
        setup.day = meeting_day;
        setup.present = ids(*cf, s.present, i, s.words);
        samverkan::meeting m(cf, setup);
        samverkan::agenda_item item{
            "Ärende",  ids(*cf, s.objections, i, s.words),          {}, ids(*cf, s.disqualified, i, s.words),
            referrals, samverkan::no_consensus_choice::unspecified, ""};
        SCOPED_TRACE("scenario " + std::to_string(i));
        try {
            const auto r = m.consider(item);
            EXPECT_EQ(served[i], r.served());
            EXPECT_EQ(quorate[i] != 0, r.quorate());
            EXPECT_EQ(outcome[i], static_cast<std::uint8_t>(r.result()));
        } catch (const samverkan::not_permitted& e) {
            EXPECT_EQ(e.rule(), "RGT-1");
            EXPECT_EQ(outcome[i], samverkan::refused_code);
            EXPECT_EQ(quorate[i], 0);
        }
    }
}

}  // namespace

TEST(Batch, AgreesWithTheMeetingOnTheDefaultSamrad) {
    const auto rs = samverkan::load_default(meeting_day);
    ASSERT_TRUE(samverkan::batch_has_fast_form(*samverkan::compile_forum(rs, "politiskt_samrad")));
    for (int referrals : {0, 1, 2}) expect_batch_agrees_with_meetings(rs, 3000, referrals, 7 + referrals);
}

TEST(Batch, AgreesWithTheMeetingForEveryParameterValue) {
    const std::vector<std::vector<std::pair<std::string, std::string>>> choices{
        {{"substitution_scope: same_body", "substitution_scope: same_body"},
         {"substitution_scope: same_body", "substitution_scope: same_party"},
         {"substitution_scope: same_body", "substitution_scope: same_side"}},
        {{"quorum: more_than_half", "quorum: more_than_half"},
         {"quorum: more_than_half", "quorum: two_thirds"},
         {"quorum: more_than_half", "quorum: 4"}},
        {{"quorum_both_sides_present: false", "quorum_both_sides_present: false"},
         {"quorum_both_sides_present: false", "quorum_both_sides_present: true"}},
        {{"substitute_may_preside: false", "substitute_may_preside: false"},
         {"substitute_may_preside: false", "substitute_may_preside: true"}},
        {{"on_no_consensus: refer_back", "on_no_consensus: refer_back"},
         {"on_no_consensus: refer_back", "on_no_consensus: remove"}},
        {{"max_referrals: 1", "max_referrals: 1"}, {"max_referrals: 1", "max_referrals: 0"}},
    };
    std::vector<std::size_t> pick(choices.size(), 0);
    unsigned seed = 1;
    for (;;) {
        std::vector<std::pair<std::string, std::string>> edits;
        for (std::size_t k = 0; k < choices.size(); ++k) edits.push_back(choices[k][pick[k]]);
        const auto rs = samverkan::test::with_all(edits);
        const auto cf = samverkan::compile_forum(rs, "politiskt_samrad");
        EXPECT_EQ(samverkan::batch_has_fast_form(*cf), pick[0] == 0);
        expect_batch_agrees_with_meetings(rs, 150, static_cast<int>(seed % 3), seed);
        ++seed;
        std::size_t k = 0;
        while (k < pick.size() && ++pick[k] == choices[k].size()) pick[k++] = 0;
        if (k == pick.size()) break;
    }
}

TEST(Batch, ForumsAboveSixtyFourSeatsTakeTheGeneralForm) {
    const std::string first = "      - {id: dn_goteborg/ord, kind: ordinary, body: dn_goteborg}";
    std::string extra;
    for (int i = 10; i < 60; ++i)
        extra += "\n      - {id: goteborg/ord" + std::to_string(i) + ", kind: ordinary, body: goteborg}";
    const auto rs = samverkan::test::with(first, first + extra);
    expect_batch_agrees_with_meetings(rs, 500, 0, 99);
}

TEST(Batch, PackingBooleanRows) {
    std::mt19937_64 rng(5);
    for (std::size_t seats : {1, 7, 8, 15, 16, 17, 27, 63, 64, 65, 130}) {
        const std::size_t rows = 17, words = (seats + 63) / 64;
        std::vector<std::uint8_t> bytes(rows * seats);
        const std::uint8_t values[] = {0, 0, 1, 1, 2, 127, 128, 255};  // any nonzero byte is true
        for (auto& b : bytes) b = values[rng() % 8];
        std::vector<std::uint64_t> packed(rows * words);
        samverkan::pack_seat_bytes(bytes, rows, seats, packed);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < seats; ++c)
                EXPECT_EQ((packed[r * words + c / 64] >> (c % 64)) & 1U, bytes[r * seats + c] != 0 ? 1U : 0U)
                    << seats << " " << r << " " << c;
    }
}

TEST(Batch, MalformedInputIsRefusedBeforeAnyWork) {
    const auto cf = samverkan::compile_forum(samverkan::load_default(meeting_day), "politiskt_samrad");
    std::vector<std::uint64_t> present(10);
    std::vector<std::uint16_t> served(10);
    std::vector<std::uint8_t> quorate(10), outcome(10);
    const samverkan::batch_output out{served, quorate, outcome};
    EXPECT_THROW(samverkan::batch_check(*cf, {10, 2, present, {}, {}, 0}, out), samverkan::invalid_argument);
    EXPECT_THROW(samverkan::batch_check(*cf, {11, 1, present, {}, {}, 0}, out), samverkan::invalid_argument);
    EXPECT_THROW(samverkan::batch_check(*cf, {10, 1, present, {}, {}, -1}, out), samverkan::rule_violation);
    EXPECT_NO_THROW(samverkan::batch_check(*cf, {10, 1, present, {}, {}, 0}, out));
}

TEST(Batch, ChunksCoverEveryScenarioOnce) {
    for (std::size_t n : {0, 1, 5, 1000})
        for (unsigned t : {1U, 2U, 3U, 8U}) {
            std::vector<int> seen(n, 0);
            std::mutex lock;
            samverkan::run_chunks(n, t, [&](std::size_t b, std::size_t e) {
                const std::lock_guard guard(lock);
                for (std::size_t i = b; i < e; ++i) ++seen[i];
            });
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i], 1) << n << " " << t << " " << i;
        }
}

}  // namespace unity_test_batch
