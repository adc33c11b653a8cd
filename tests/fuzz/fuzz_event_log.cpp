// libFuzzer entry point: tests/fuzz/targets.hpp, event_log_text().
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return samverkan::fuzz::event_log_text(data, size);
}
