// libFuzzer entry point of the 'timeline' target: see fuzz_timeline in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copydesk::fuzz::fuzz_timeline(data, size);
}
