// libFuzzer entry point: tests/fuzz/targets.hpp, ruleset_text().
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return samverkan::fuzz::ruleset_text(data, size);
}
