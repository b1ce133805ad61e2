// libFuzzer entry point of the 'html' target: see fuzz_html in fuzz_targets.h.
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copydesk::fuzz::fuzz_html(data, size);
}
