// libFuzzer entry point of the 'warc' target: see fuzz_warc in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copydesk::fuzz::fuzz_warc(data, size);
}
