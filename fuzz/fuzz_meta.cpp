// libFuzzer entry point of the 'meta' target: see fuzz_meta in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copydesk::fuzz::fuzz_meta(data, size);
}
