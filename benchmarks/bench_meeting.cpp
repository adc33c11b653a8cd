// One agenda item of the samråd on random attendance (each seat present with probability 0.85, one
// objection in four items), three ways, against streaming the same input once:
//   kernel            decide_item over precomputed masks: no text, no allocation
//   consider          the meeting shell from seat ids: masks built, ruling recorded (no text)
//   consider_explain  the same with the Swedish explanation rendered
//   stream_input      reading each scenario's present mask once (a popcount): the floor
// Each ratio is a time per item over the baseline's; kernel / budget_2M is the kernel's time per item
// over 500 ns (budget_2M), so a figure below 1 meets 2·10⁶ items/s on one core.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/meeting.hpp>

#include "ratios.hpp"

namespace {

using namespace std::chrono;

struct scenarios {
    samverkan::compiled_forum_ptr forum;
    samverkan::presiding_order order;
    std::vector<samverkan::item_masks> masks;
    std::vector<samverkan::meeting_setup> setups;
    std::vector<samverkan::agenda_item> items;
};

const scenarios& random_scenarios() {
    static const scenarios s = [] {
        scenarios out;
        const auto rs = samverkan::load_default(year{2026} / March / 13);
        out.forum = samverkan::compile_forum(rs, "politiskt_samrad");
        const auto& cf = *out.forum;
        out.order.chair = *cf.find("goteborg/ord1");
        out.order.vice_chair = *cf.find("regionhalsan/ord");
        std::mt19937_64 rng(42);  // setup only, not in the measured loop
        std::bernoulli_distribution here(0.85), objects(0.25);
        for (int k = 0; k < 1024; ++k) {
            samverkan::item_masks in;
            samverkan::meeting_setup setup;
            setup.day = year{2026} / March / 13;
            setup.chair = "goteborg/ord1";
            setup.vice_chair = "regionhalsan/ord";
            samverkan::agenda_item item{"Ärende", {}, {}, {}, 0, samverkan::no_consensus_choice::unspecified, ""};
            for (std::size_t i = 0; i < cf.seats; ++i) {
                if (!here(rng)) continue;
                in.present.set(i);
                setup.present.push_back(cf.at(i).id);
            }
            // An objection from a present ordinary member in some items.
            const auto first = (in.present & cf.ordinary).lowest();
            if (objects(rng) && first != samverkan::no_seat) {
                in.objections.set(first);
                item.objections.push_back(cf.at(first).id);
            }
            out.masks.push_back(in);
            out.setups.push_back(std::move(setup));
            out.items.push_back(std::move(item));
        }
        return out;
    }();
    return s;
}

void stream_input(benchmark::State& state) {
    const auto& s = random_scenarios();
    std::size_t k = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(s.masks[k].present.count());
        k = (k + 1) % s.masks.size();
    }
}
BENCHMARK(stream_input);

void kernel(benchmark::State& state) {
    const auto& s = random_scenarios();
    const auto previous = samverkan::empty_assignment();
    std::size_t k = 0;
    for (auto _ : state) {
        const auto r = samverkan::decide_item(*s.forum, s.order, s.masks[k], previous);
        benchmark::DoNotOptimize(r.result);
        k = (k + 1) % s.masks.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(kernel);

/// 500 ns of nothing: the time per item that 2·10⁶ items/s allows.
void budget_2M(benchmark::State& state) {
    for (auto _ : state) {
        const auto until = steady_clock::now() + nanoseconds(500);
        while (steady_clock::now() < until) {
        }
    }
}
BENCHMARK(budget_2M);

void consider(benchmark::State& state) {
    const auto& s = random_scenarios();
    std::size_t k = 0;
    for (auto _ : state) {
        samverkan::meeting m(s.forum, s.setups[k]);
        benchmark::DoNotOptimize(m.consider(s.items[k]).result());
        k = (k + 1) % s.setups.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(consider);

void consider_explain(benchmark::State& state) {
    const auto& s = random_scenarios();
    std::size_t k = 0;
    for (auto _ : state) {
        samverkan::meeting m(s.forum, s.setups[k]);
        benchmark::DoNotOptimize(m.consider(s.items[k]).explain());
        k = (k + 1) % s.setups.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(consider_explain);

SAMVERKAN_RATIO(kernel, stream_input);
SAMVERKAN_RATIO(kernel, budget_2M);
SAMVERKAN_RATIO(consider, kernel);
SAMVERKAN_RATIO(consider_explain, kernel);

}  // namespace
