// libFuzzer entry point of the 'boilerplate' target: see fuzz_boilerplate in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copydesk::fuzz::fuzz_boilerplate(data, size);
}
