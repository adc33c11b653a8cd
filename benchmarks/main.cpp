// Runs every benchmark, then prints each registered ratio and slope (ratios.hpp) on lines starting "ratio" and
// "slope".
#include <benchmark/benchmark.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ratios.hpp"

namespace {

/// Collects each benchmark's time per iteration while the console reporter prints as usual.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& r : runs)
            if (!r.error_occurred) times[r.benchmark_name()] = r.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
    std::map<std::string, double> times;
};

/// The size in a benchmark name "family/size" or "family/size/…", if the name belongs to the family.
std::optional<double> size_in(std::string_view name, std::string_view family) {
    if (name.size() <= family.size() + 1 || !name.starts_with(family) || name[family.size()] != '/')
        return std::nullopt;
    const auto rest = name.substr(family.size() + 1);
    long long size = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), size);
    if (ec != std::errc() || size <= 0 || (end != rest.data() + rest.size() && *end != '/')) return std::nullopt;
    return static_cast<double>(size);
}

/// "slope family: s (sizes a to b)", from the smallest and the largest size of the family that ran.
void print_slope(const std::map<std::string, double>& times, const std::string& family) {
    std::map<double, double> by_size;
    for (const auto& [name, time] : times)
        if (const auto size = size_in(name, family); size && time > 0) by_size[*size] = time;
    if (by_size.size() < 2) return;
    const auto& [n0, t0] = *by_size.begin();
    const auto& [n1, t1] = *by_size.rbegin();
    char line[160];
    std::snprintf(line, sizeof line, "slope %s: %.2f (sizes %.0f to %.0f)", family.c_str(),
                  std::log(t1 / t0) / std::log(n1 / n0), n0, n1);
    std::cout << line << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::cout << '\n';  // the console reporter may leave a terminal reset code on the last line
    for (const auto& [what, base] : samverkan::bench::ratios()) {
        const auto a = reporter.times.find(what), b = reporter.times.find(base);
        if (a != reporter.times.end() && b != reporter.times.end() && b->second > 0)
            std::cout << "ratio " << what << " / " << base << ": " << a->second / b->second << '\n';
    }
    for (const auto& family : samverkan::bench::slopes()) print_slope(reporter.times, family);
    benchmark::Shutdown();
}
