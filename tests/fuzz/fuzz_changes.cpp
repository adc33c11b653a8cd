// libFuzzer entry point: tests/fuzz/targets.hpp, change_text().
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return samverkan::fuzz::change_text(data, size);
}
