// Benchmarks report figures computed from times measured in the same run, so they mean something on a shared,
// noisy machine. Each file names what to compute and main.cpp prints it after the run:
//   SAMVERKAN_RATIO(benchmark, baseline): the ratio of two times, on a line starting "ratio";
//   SAMVERKAN_SLOPE(family): how the time of `family/<size>` grows with the size, as the log-log slope from the
//   smallest to the largest size that ran, on a line starting "slope" (1 is linear, 2 quadratic).
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

/// Families of benchmarks taking a size as their first argument, whose growth is printed after the run.
inline std::vector<std::string>& slopes() {
    static std::vector<std::string> families;
    return families;
}

struct ratio_entry {
    ratio_entry(std::string what, std::string base) { ratios().emplace_back(std::move(what), std::move(base)); }
};

struct slope_entry {
    explicit slope_entry(std::string family) { slopes().push_back(std::move(family)); }
};

}  // namespace samverkan::bench

#define SAMVERKAN_RATIO(what, base) \
    const samverkan::bench::ratio_entry ratio_##what##_##base { #what, #base }
#define SAMVERKAN_SLOPE(family) \
    const samverkan::bench::slope_entry slope_##family { #family }
