// libFuzzer entry point of the 'jsonl' target: see fuzz_jsonl in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copydesk::fuzz::fuzz_jsonl(data, size);
}
