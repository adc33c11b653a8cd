// One immutable ruleset shared by many threads: meetings decided one item at a time, batch rulings and
// simulations run at once on the same ruleset and compiled forum give exactly the answers they give on one
// thread. Built on its own so that ThreadSanitizer (the tsan preset) checks it without rebuilding every test.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <samverkan/batch.hpp>
#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/simulate.hpp>
#include <samverkan/structure.hpp>

using namespace std::chrono;

namespace {

constexpr unsigned thread_count = 8;
const samverkan::date meeting_day = year{2026} / March / 13;

/// What one worker computes: meetings, a batch and a simulation, reduced to comparable values.
struct results {
    std::vector<std::string> meetings;  // outcome, served, presiding and the explanation of each item
    std::vector<std::uint8_t> batch_outcomes;
    std::vector<std::uint16_t> batch_served;
    samverkan::simulation_counts simulation;
    std::string chair_2029;
    std::size_t adopters = 0;

    bool operator==(const results& o) const {
        return meetings == o.meetings && batch_outcomes == o.batch_outcomes && batch_served == o.batch_served &&
               simulation.outcomes == o.simulation.outcomes && simulation.served == o.simulation.served &&
               chair_2029 == o.chair_2029 && adopters == o.adopters;
    }
};

/// Random attendance scenarios of the forum as packed words, the same for every worker.
std::vector<std::uint64_t> scenarios(const samverkan::compiled_forum& cf, std::size_t n) {
    std::mt19937_64 gen(7);
    std::vector<std::uint64_t> words(n);
    const std::uint64_t all = cf.all.words()[0];
    for (auto& w : words) w = gen() & gen() & all;  // each seat present with probability 1/4 … 1/2
    return words;
}

results work(const samverkan::ruleset_ptr& rs, const samverkan::compiled_forum_ptr& cf,
             const std::vector<std::uint64_t>& present, unsigned simulation_threads) {
    results out;
    // Meetings: attendance from the scenarios, three items each (RGT-1 objections, CNS-3 referrals).
    const auto& seats = rs->forum_by_id("politiskt_samrad").seats;
    for (std::size_t k = 0; k < 40; ++k) {
        samverkan::meeting_setup setup;
        setup.day = meeting_day;
        for (std::size_t s = 0; s < seats.size(); ++s)
            if ((present[k] >> s & 1U) != 0 || s < 2) setup.present.push_back(seats[s].id);
        samverkan::meeting m(rs, setup);
        for (int referrals = 0; referrals < 3; ++referrals) {
            samverkan::agenda_item item;
            item.title = "Ärende " + std::to_string(referrals);
            item.referrals = referrals;
            if (referrals > 0) item.objections = {seats[0].id};
            const auto r = m.consider(item);
            out.meetings.push_back(std::string(samverkan::to_string(r.result())) + " " + std::to_string(r.served()) +
                                   " " + r.presiding().value_or("-") + "\n" + r.explain());
        }
    }
    // A batch over the shared scenarios.
    const std::size_t n = present.size();
    out.batch_outcomes.resize(n);
    out.batch_served.resize(n);
    std::vector<std::uint8_t> quorate(n);
    const samverkan::batch_input in{n, 1, present, {}, {}, 0};
    const samverkan::batch_output o{out.batch_served, quorate, out.batch_outcomes};
    samverkan::batch_check(*cf, in, o);
    samverkan::decide_batch(*cf, in, o, 0, n);
    // A simulation, itself on one or more threads.
    samverkan::attendance_model model;
    for (std::size_t s = 0; s < cf->seats; ++s) model.present.push_back(cf->ordinary.test(s) ? 0.7 : 0.5);
    model.objection = 0.1;
    out.simulation = samverkan::simulate(*cf, model, 20'000, 3, simulation_threads);
    // Look-ups on the shared ruleset.
    out.chair_2029 = samverkan::term_on(*rs, year{2029} / June / 1).chair;
    out.adopters = samverkan::structure(rs).adopters_of("politiskt_samrad").size();
    return out;
}

}  // namespace

TEST(Threads, OneSharedRulesetGivesEveryThreadTheSingleThreadedAnswers) {
    const auto rs = samverkan::load_default(meeting_day);
    const auto cf = samverkan::compile_forum(rs, "politiskt_samrad");
    const auto present = scenarios(*cf, 4096);
    const results expected = work(rs, cf, present, 1);
    ASSERT_EQ(expected.meetings.size(), 120U);
    ASSERT_EQ(expected.simulation.meetings, 20'000U);

    std::vector<results> got(thread_count);
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < thread_count; ++t)
            pool.emplace_back([&, t] { got[t] = work(rs, cf, present, 1 + t % 3); });
    }
    for (unsigned t = 0; t < thread_count; ++t) EXPECT_TRUE(got[t] == expected) << "thread " << t;
}

TEST(Threads, RunChunksSplitsTheBatchWithoutChangingAnAnswer) {
    const auto rs = samverkan::load_default(meeting_day);
    const auto cf = samverkan::compile_forum(rs, "politiskt_samrad");
    const auto present = scenarios(*cf, 10'000);
    const std::size_t n = present.size();
    auto run = [&](unsigned threads) {
        std::vector<std::uint16_t> served(n);
        std::vector<std::uint8_t> quorate(n), outcome(n);
        const samverkan::batch_input in{n, 1, present, {}, {}, 1};
        const samverkan::batch_output o{served, quorate, outcome};
        samverkan::run_chunks(n, threads,
                              [&](std::size_t b, std::size_t e) { samverkan::decide_batch(*cf, in, o, b, e); });
        return std::make_pair(served, outcome);
    };
    const auto one = run(1);
    EXPECT_EQ(run(thread_count), one);
    EXPECT_EQ(run(3), one);
}
