// Attendance risk of the samråd (27 seats), exact (risk.hpp), against estimating it by sampling:
//   risk_samrad             quorum_probability, every seat 0.9 (same_body, the default)
//   risk_samrad_same_side   the same under substitution_scope same_side and quorum both_sides_present
//   risk_samrad_per_seat    a different probability per seat, some known absences
//   sample_1000_meetings    1000 random attendance patterns decided by decide_item: an estimate of
//                           P(quorate) to about ±1 percentage point, the alternative to the exact figure
// Each ratio is a time per figure over the sampled estimate's; a ratio below 1 means the exact figure
// costs less than a rough estimate.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/risk.hpp>

#include "ratios.hpp"

namespace {

using namespace std::chrono;

samverkan::compiled_forum_ptr samrad(const samverkan::ruleset_ptr& rs) {
    return samverkan::compile_forum(rs, "politiskt_samrad");
}

const samverkan::compiled_forum& default_samrad() {
    static const auto cf = samrad(samverkan::load_default(year{2026} / March / 13));
    return *cf;
}

/// The samråd under same_side substitution with quorum both_sides_present: the largest groups.
const samverkan::compiled_forum& same_side_samrad() {
    static const auto cf = [] {
        std::string text(samverkan::embedded_rulesets().back().text);
        for (const auto& [from, to] :
             {std::pair<std::string, std::string>{"substitution_scope: same_body", "substitution_scope: same_side"},
              {"quorum_both_sides_present: false", "quorum_both_sides_present: true"}})
            text.replace(text.find(from), from.size(), to);
        return samrad(samverkan::load_from_string(text, "same_side.yaml"));
    }();
    return *cf;
}

void risk_samrad(benchmark::State& state) {
    const auto& cf = default_samrad();
    const std::vector<double> p(cf.seats, 0.9);
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::quorum_probability(cf, p).quorate);
}
BENCHMARK(risk_samrad);

void risk_samrad_same_side(benchmark::State& state) {
    const auto& cf = same_side_samrad();
    const std::vector<double> p(cf.seats, 0.9);
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::quorum_probability(cf, p).quorate);
}
BENCHMARK(risk_samrad_same_side);

void risk_samrad_per_seat(benchmark::State& state) {
    const auto& cf = default_samrad();
    std::mt19937_64 rng(9);  // setup only
    std::uniform_real_distribution<double> unit(0.5, 1.0);
    std::vector<double> p(cf.seats);
    for (auto& x : p) x = unit(rng);
    p[*cf.find("su/ord")] = 0.0;  // anmält förhinder
    p[*cf.find("goteborg/ord2")] = 0.0;
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::quorum_probability(cf, p).quorate);
}
BENCHMARK(risk_samrad_per_seat);

void sample_1000_meetings(benchmark::State& state) {
    const auto& cf = default_samrad();
    std::mt19937_64 rng(1000);  // setup only, not in the measured loop
    std::bernoulli_distribution here(0.9);
    std::vector<samverkan::item_masks> items(1000);
    for (auto& in : items)
        for (std::size_t i = 0; i < cf.seats; ++i)
            if (here(rng)) in.present.set(i);
    const samverkan::presiding_order order;
    const auto empty = samverkan::empty_assignment();
    for (auto _ : state) {
        int quorate = 0;
        for (const auto& in : items) quorate += samverkan::decide_item(cf, order, in, empty).quorate;
        benchmark::DoNotOptimize(quorate);
    }
}
BENCHMARK(sample_1000_meetings);

SAMVERKAN_RATIO(risk_samrad, sample_1000_meetings);
SAMVERKAN_RATIO(risk_samrad_same_side, sample_1000_meetings);
SAMVERKAN_RATIO(risk_samrad_per_seat, sample_1000_meetings);

}  // namespace
