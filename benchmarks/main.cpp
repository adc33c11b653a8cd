// Runs every benchmark, then prints each registered ratio (ratios.hpp) on a line starting "ratio".
#include <benchmark/benchmark.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "ratios.hpp"

namespace {

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
    for (const auto& [what, base] : samverkan::bench::ratios()) {
        const auto a = reporter.times.find(what), b = reporter.times.find(base);
        if (a != reporter.times.end() && b != reporter.times.end() && b->second > 0)
            std::cout << "ratio " << what << " / " << base << ": " << a->second / b->second << '\n';
    }
    benchmark::Shutdown();
}
