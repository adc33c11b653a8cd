// Loading and querying a ruleset. Each figure is printed as a ratio to a baseline measured in the
// same run, so the numbers mean something on a shared, noisy machine:
//   load  / yaml_parse   : what checking and building the model costs on top of parsing the YAML
//   graph / copy_ruleset : building the structure graph against copying the ruleset it is built from
//   rotation_1000, validate_1000 / copy_ruleset : a 1,000-term chair schedule generated and checked
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <map>
#include <string>

#include <samverkan/load.hpp>
#include <samverkan/rotation.hpp>
#include <samverkan/structure.hpp>

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

/// Collects each benchmark's time per iteration while the console reporter prints as usual.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& r : runs) times[r.benchmark_name()] = r.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> times;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::cout << '\n';  // the console reporter may leave a terminal reset code on the last line
    auto ratio = [&](const char* what, const char* base) {
        const auto a = reporter.times.find(what), b = reporter.times.find(base);
        if (a != reporter.times.end() && b != reporter.times.end() && b->second > 0)
            std::cout << "ratio " << what << " / " << base << ": " << a->second / b->second << '\n';
    };
    ratio("load", "yaml_parse");
    ratio("graph", "copy_ruleset");
    ratio("path_query", "copy_ruleset");
    ratio("rotation_1000", "copy_ruleset");
    ratio("validate_1000", "copy_ruleset");
    benchmark::Shutdown();
}
