// Benchmarks report ratios to a baseline measured in the same run, so figures mean something on a shared,
// noisy machine. Each file names its pairs with SAMVERKAN_RATIO(benchmark, baseline); main.cpp prints them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace samverkan::bench {

/// (benchmark, baseline) pairs whose ratio of times is printed after the run.
inline std::vector<std::pair<std::string, std::string>>& ratios() {
    static std::vector<std::pair<std::string, std::string>> pairs;
    return pairs;
}

struct ratio_entry {
    ratio_entry(std::string what, std::string base) { ratios().emplace_back(std::move(what), std::move(base)); }
};

}  // namespace samverkan::bench

#define SAMVERKAN_RATIO(what, base) \
    const samverkan::bench::ratio_entry ratio_##what##_##base { #what, #base }
