// How the work on a ruleset grows with its size, on synthetic rulesets (synthetic_ruleset.hpp). Each family
// runs at several sizes and main.cpp prints its log-log slope from the smallest to the largest size that ran:
// about 1 is linear, 2 quadratic. The size is
//   scale_* : forums and seats together (10, 1,000, 100,000: a quarter of it bodies with two seats each);
//   scale_compile_forum : the seats of the forum compiled for the kernel (10 … 256, max_seats);
//   scale_rotation_schedule, scale_validate_rotation : chair terms (10 … 9,999: terms of one year from 0001-01-01,
//     the first date samverkan takes, since no term may end after max_date) on the ruleset of size 1,000.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <samverkan/kernel.hpp>
#include <samverkan/load.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/ruleset_check.hpp>
#include <samverkan/structure.hpp>

#include "ratios.hpp"
#include "synthetic_ruleset.hpp"

namespace {

using samverkan::bench::synthetic_size;

/// The text of the synthetic ruleset of each size, made once.
const std::string& text_of(synthetic_size size) {
    static std::map<std::pair<std::size_t, std::size_t>, std::string> texts;
    auto& text = texts[{size.forums, size.bodies}];
    if (text.empty()) text = samverkan::bench::synthetic_ruleset(size);
    return text;
}

/// The synthetic ruleset of each size, loaded once.
samverkan::ruleset_ptr ruleset_of(synthetic_size size) {
    static std::map<std::pair<std::size_t, std::size_t>, samverkan::ruleset_ptr> loaded;
    auto& rs = loaded[{size.forums, size.bodies}];
    if (!rs) rs = samverkan::load_from_string(text_of(size), "synthetic.yaml");
    return rs;
}

synthetic_size size_of(const benchmark::State& state) {
    return samverkan::bench::forums_and_seats(static_cast<std::size_t>(state.range(0)));
}

void scale_parse(benchmark::State& state) {
    const auto& text = text_of(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(YAML::Load(text));
    state.counters["bytes"] = static_cast<double>(text.size());
}

void scale_load(benchmark::State& state) {
    const auto& text = text_of(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::load_from_string(text, "synthetic.yaml"));
}

/// A copy of the loaded ruleset: one linear pass over the same data, the reference for the slopes of the rest.
void scale_copy(benchmark::State& state) {
    const auto rs = ruleset_of(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::ruleset(*rs));
}

void scale_check(benchmark::State& state) {
    const auto rs = ruleset_of(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::check_consistency(*rs));
}

void scale_graph(benchmark::State& state) {
    const auto rs = ruleset_of(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::structure(rs));
}

void scale_validate(benchmark::State& state) {
    const samverkan::structure s(ruleset_of(size_of(state)));
    for (auto _ : state) benchmark::DoNotOptimize(s.validate());
}

/// From the last operational forum up to the samråd: through its strategic forum and LGS (STR-4, STR-8).
void scale_path(benchmark::State& state) {
    const auto size = size_of(state);
    const samverkan::structure s(ruleset_of(size));
    const auto from = samverkan::bench::synthetic_ids_of(size).operational.back();
    for (auto _ : state) benchmark::DoNotOptimize(s.path(from, "samrad"));
}

void scale_preparers_of(benchmark::State& state) {
    const samverkan::structure s(ruleset_of(size_of(state)));
    for (auto _ : state) benchmark::DoNotOptimize(s.preparers_of("samrad"));
}

void scale_adopters_of(benchmark::State& state) {
    const samverkan::structure s(ruleset_of(size_of(state)));
    for (auto _ : state) benchmark::DoNotOptimize(s.adopters_of("samrad"));
}

void scale_anchoring(benchmark::State& state) {
    const samverkan::structure s(ruleset_of(size_of(state)));
    for (auto _ : state) benchmark::DoNotOptimize(s.anchoring("samrad"));
}

/// The last forum of the ruleset found by its id: the look-up alone.
void scale_forum_by_id(benchmark::State& state) {
    const auto size = size_of(state);
    const auto rs = ruleset_of(size);
    const auto id = samverkan::bench::synthetic_ids_of(size).support.back();
    for (auto _ : state) benchmark::DoNotOptimize(&rs->forum_by_id(id));
}

/// The samråd with `range(0)` seats (two per body) compiled for the kernel.
void scale_compile_forum(benchmark::State& state) {
    const auto rs = ruleset_of({10, static_cast<std::size_t>(state.range(0)) / 2});
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::compile_forum(rs, "samrad"));
}

const synthetic_size rotation_ruleset = samverkan::bench::forums_and_seats(1000);

void scale_rotation_schedule(benchmark::State& state) {
    const auto rs = ruleset_of(rotation_ruleset);
    for (auto _ : state)
        benchmark::DoNotOptimize(samverkan::rotation_schedule(*rs, static_cast<std::size_t>(state.range(0))));
}

void scale_validate_rotation(benchmark::State& state) {
    const auto rs = ruleset_of(rotation_ruleset);
    std::vector<samverkan::schedule_row> rows;
    for (const auto& t : samverkan::rotation_schedule(*rs, static_cast<std::size_t>(state.range(0))))
        rows.push_back({t.start, t.end, t.chair, t.vice_chair, t.lgs_chair_side});
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::validate_rotation(*rs, rows));
}

}  // namespace

// 10, 1,000 and 100,000 forums and seats. The work on a whole ruleset runs once at 100,000: that takes long
// enough to time alone.
#define SAMVERKAN_SCALE(family)                                                   \
    BENCHMARK(family)->Arg(10)->Arg(1000)->Unit(benchmark::kMicrosecond);         \
    BENCHMARK(family)->Arg(100000)->Iterations(1)->Unit(benchmark::kMicrosecond); \
    SAMVERKAN_SLOPE(family)
#define SAMVERKAN_SCALE_QUERY(family)                                                  \
    BENCHMARK(family)->Arg(10)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond); \
    SAMVERKAN_SLOPE(family)

SAMVERKAN_SCALE(scale_parse);
SAMVERKAN_SCALE(scale_load);
SAMVERKAN_SCALE(scale_copy);
SAMVERKAN_SCALE(scale_check);
SAMVERKAN_SCALE(scale_graph);
SAMVERKAN_SCALE(scale_validate);
SAMVERKAN_SCALE_QUERY(scale_path);
SAMVERKAN_SCALE_QUERY(scale_preparers_of);
SAMVERKAN_SCALE_QUERY(scale_adopters_of);
SAMVERKAN_SCALE_QUERY(scale_anchoring);
SAMVERKAN_SCALE_QUERY(scale_forum_by_id);

BENCHMARK(scale_compile_forum)->Arg(10)->Arg(100)->Arg(256)->Unit(benchmark::kMicrosecond);
SAMVERKAN_SLOPE(scale_compile_forum);
BENCHMARK(scale_rotation_schedule)->Arg(10)->Arg(100)->Arg(1000)->Arg(9999)->Unit(benchmark::kMicrosecond);
SAMVERKAN_SLOPE(scale_rotation_schedule);
BENCHMARK(scale_validate_rotation)->Arg(10)->Arg(100)->Arg(1000)->Arg(9999)->Unit(benchmark::kMicrosecond);
SAMVERKAN_SLOPE(scale_validate_rotation);
