// Loading and querying a ruleset. Each figure is printed as a ratio to a baseline measured in the
// same run, so the numbers mean something on a shared, noisy machine:
//   load  / yaml_parse   : what checking and building the model costs on top of parsing the YAML
//   graph / copy_ruleset : building the structure graph against copying the ruleset it is built from
//   rotation_1000, validate_1000 / copy_ruleset : a 1,000-term chair schedule generated and checked
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include <samverkan/load.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/structure.hpp>

#include "ratios.hpp"

namespace {

std::string_view default_text() { return samverkan::embedded_rulesets().back().text; }

void yaml_parse(benchmark::State& state) {
    const std::string text(default_text());
    for (auto _ : state) benchmark::DoNotOptimize(YAML::Load(text));
}
BENCHMARK(yaml_parse);

void load(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::load_from_string(default_text(), "bench"));
}
BENCHMARK(load);

void copy_ruleset(benchmark::State& state) {
    const auto rs = samverkan::embedded_versions().back();
    for (auto _ : state) benchmark::DoNotOptimize(std::make_shared<const samverkan::ruleset>(*rs));
}
BENCHMARK(copy_ruleset);

void graph(benchmark::State& state) {
    const auto rs = samverkan::embedded_versions().back();
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::structure(rs));
}
BENCHMARK(graph);

void path_query(benchmark::State& state) {
    const samverkan::structure s(samverkan::embedded_versions().back());
    for (auto _ : state) benchmark::DoNotOptimize(s.path("tema_aldre", "politiskt_samrad"));
}
BENCHMARK(path_query);

void rotation_1000(benchmark::State& state) {
    const auto rs = samverkan::embedded_versions().back();
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::rotation_schedule(*rs, 1000));
}
BENCHMARK(rotation_1000);

void validate_1000(benchmark::State& state) {
    const auto rs = samverkan::embedded_versions().back();
    std::vector<samverkan::schedule_row> rows;
    for (const auto& t : samverkan::rotation_schedule(*rs, 1000))
        rows.push_back({t.start, t.end, t.chair, t.vice_chair, t.lgs_chair_side});
    for (auto _ : state) benchmark::DoNotOptimize(samverkan::validate_rotation(*rs, rows));
}
BENCHMARK(validate_1000);

SAMVERKAN_RATIO(load, yaml_parse);
SAMVERKAN_RATIO(graph, copy_ruleset);
SAMVERKAN_RATIO(path_query, copy_ruleset);
SAMVERKAN_RATIO(rotation_1000, copy_ruleset);
SAMVERKAN_RATIO(validate_1000, copy_ruleset);

}  // namespace
