// libFuzzer entry point: tests/fuzz/targets.hpp, meeting_steps().
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return samverkan::fuzz::meeting_steps(data, size);
}
