// Batch rulings of the samråd on 2^20 random scenarios (each seat present with probability 0.85, an
// objection in one scenario of eight), against streaming the same input once:
//   stream_packed   summing the packed present words once (one 64-bit word per scenario): the floor
//   batch_packed    decide_batch over the packed words, one thread
//   batch_packed_2t the same on two threads
//   stream_bools    counting the nonzero bytes of the (N, 27) boolean array once
//   batch_bools     packing that array and deciding it, one thread
// Targets (issue): batch_packed within 2× of stream_packed; batch_bools within 3× of stream_bools; two
// threads at least 1.7× one (batch_packed_2t / batch_packed at most 0.59).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

#include <samverkan/batch.hpp>
#include <samverkan/load.hpp>
#include <samverkan/simulate.hpp>

#include "ratios.hpp"

namespace {

using namespace std::chrono;

constexpr std::size_t scenarios = std::size_t{1} << 20;

struct batch_data {
    samverkan::compiled_forum_ptr forum;
    std::vector<std::uint64_t> present, objections;
    std::vector<std::uint8_t> bools;
    std::vector<std::uint16_t> served;
    std::vector<std::uint8_t> quorate, outcome;
};

batch_data& data() {
    static batch_data d = [] {
        batch_data out;
        out.forum = samverkan::compile_forum(samverkan::load_default(year{2026} / March / 13), "politiskt_samrad");
        const std::size_t seats = out.forum->seats;
        std::mt19937_64 rng(1);  // setup only
        std::bernoulli_distribution here(0.85), objects(0.125);
        out.present.resize(scenarios);
        out.objections.resize(scenarios);
        out.bools.resize(scenarios * seats);
        for (std::size_t i = 0; i < scenarios; ++i) {
            for (std::size_t s = 0; s < seats; ++s) {
                const bool p = here(rng);
                out.bools[i * seats + s] = p ? 1 : 0;
                if (p) out.present[i] |= std::uint64_t{1} << s;
            }
            if (objects(rng))
                out.objections[i] = out.present[i] & out.forum->ordinary.words()[0] & (~out.present[i] + 1);
        }
        out.served.resize(scenarios);
        out.quorate.resize(scenarios);
        out.outcome.resize(scenarios);
        return out;
    }();
    return d;
}

void stream_packed(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (const auto w : d.present) sum += w;
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}
BENCHMARK(stream_packed)->Unit(benchmark::kMillisecond);

void run_batch(benchmark::State& state, unsigned threads) {
    auto& d = data();
    const samverkan::batch_input in{scenarios, 1, d.present, d.objections, {}, 0};
    const samverkan::batch_output out{d.served, d.quorate, d.outcome};
    for (auto _ : state) {
        samverkan::run_chunks(scenarios, threads,
                              [&](std::size_t b, std::size_t e) { samverkan::decide_batch(*d.forum, in, out, b, e); });
        benchmark::DoNotOptimize(d.outcome.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}
void batch_packed(benchmark::State& state) { run_batch(state, 1); }
void batch_packed_2t(benchmark::State& state) { run_batch(state, 2); }
BENCHMARK(batch_packed)->Unit(benchmark::kMillisecond);
BENCHMARK(batch_packed_2t)->Unit(benchmark::kMillisecond);

void stream_bools(benchmark::State& state) {
    const auto& d = data();
    for (auto _ : state) {
        std::size_t n = 0;
        for (const auto b : d.bools) n += b != 0;
        benchmark::DoNotOptimize(n);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}
BENCHMARK(stream_bools)->Unit(benchmark::kMillisecond);

void batch_bools(benchmark::State& state) {
    auto& d = data();
    std::vector<std::uint64_t> packed(scenarios);
    const samverkan::batch_output out{d.served, d.quorate, d.outcome};
    for (auto _ : state) {
        samverkan::pack_seat_bytes(d.bools, scenarios, d.forum->seats, packed);
        const samverkan::batch_input in{scenarios, 1, packed, {}, {}, 0};
        samverkan::decide_batch(*d.forum, in, out, 0, scenarios);
        benchmark::DoNotOptimize(d.outcome.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}
BENCHMARK(batch_bools)->Unit(benchmark::kMillisecond);

/// Simulated meetings of the samråd (each seat present with probability 0.85, objections 0.1), one thread,
/// against the time 10⁸ meetings per second allow for the same number (simulate_1t / budget_1e8 at most 1).
void simulate_1t(benchmark::State& state) {
    const auto& d = data();
    samverkan::attendance_model m;
    m.present.assign(d.forum->seats, 0.85);
    m.objection = 0.1;
    std::uint64_t seed = 0;
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::simulate(*d.forum, m, scenarios, ++seed, 1));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenarios));
}
BENCHMARK(simulate_1t)->Unit(benchmark::kMillisecond);

void budget_1e8(benchmark::State& state) {
    for (auto _ : state) {
        const auto until = steady_clock::now() + nanoseconds(10 * scenarios);
        while (steady_clock::now() < until) {
        }
    }
}
BENCHMARK(budget_1e8)->Unit(benchmark::kMillisecond);

SAMVERKAN_RATIO(simulate_1t, budget_1e8);
SAMVERKAN_RATIO(batch_packed, stream_packed);
SAMVERKAN_RATIO(batch_bools, stream_bools);
SAMVERKAN_RATIO(batch_packed_2t, batch_packed);

}  // namespace
