// Every seed of the fuzz targets and every input a fuzzer found (tests/fuzz/seeds.txt) runs through the target's
// body (tests/fuzz/targets.hpp) in the ordinary builds, so a finding once fixed stays fixed under gcc, ASan and
// UBSan too. A finding aborts the test binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/targets.hpp"

// Its own namespace, so that a unity build can compile it with the other test files.
namespace unity_test_fuzz_corpus {

namespace {

namespace fs = std::filesystem;
const fs::path source_dir = SAMVERKAN_SOURCE_DIR;

/// Target name → the files of its seed directories.
std::map<std::string, std::vector<fs::path>> seed_files() {
    std::map<std::string, std::vector<fs::path>> out;
    std::ifstream list(source_dir / "tests" / "fuzz" / "seeds.txt");
    std::string line;
    while (std::getline(list, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        std::string target, dir;
        words >> target;
        auto& files = out[target];
        while (words >> dir) {
            if (!fs::is_directory(source_dir / dir)) continue;
            for (const auto& e : fs::recursive_directory_iterator(source_dir / dir))
                if (e.is_regular_file()) files.push_back(e.path());
        }
    }
    return out;
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run_all(const std::string& target, int (*body)(const std::uint8_t*, std::size_t)) {
    const auto files = seed_files()[target];
    ASSERT_FALSE(files.empty()) << "no seeds for " << target;
    for (const auto& f : files) {
        SCOPED_TRACE(f.string());
        const auto data = bytes_of(f);
        EXPECT_EQ(body(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()), 0);
    }
}

}  // namespace

TEST(FuzzCorpus, RulesetSeedsLoadAndRoundTrip) { run_all("ruleset", samverkan::fuzz::ruleset_text); }
TEST(FuzzCorpus, ChangeSeedsApplyAndRoundTrip) { run_all("changes", samverkan::fuzz::change_text); }
TEST(FuzzCorpus, MeetingSeedsKeepEveryMeetingConsistent) { run_all("meeting", samverkan::fuzz::meeting_steps); }
TEST(FuzzCorpus, EventLogSeedsReplayAndRoundTrip) { run_all("event_log", samverkan::fuzz::event_log_text); }

}  // namespace unity_test_fuzz_corpus
