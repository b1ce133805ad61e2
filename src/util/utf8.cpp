#include "util/utf8.h"

#include <simdjson.h>

namespace copydesk::util {
namespace {

// Length of the well-formed sequence starting at s[i], or 0 when ill-formed;
// `consumed` is set to the length of the maximal ill-formed prefix to skip.
size_t next_sequence(std::string_view s, size_t i, size_t& consumed) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  consumed = 1;
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) return 0;
    const unsigned char t = b(i + k);
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (t < l || t > h) return 0;
    consumed = k + 1;
  }
  return len;
}

}  // namespace

bool is_valid_utf8(std::string_view s) { return simdjson::validate_utf8(s.data(), s.size()); }

size_t repair_utf8(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size() + 8);
  size_t replaced = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t consumed;
    const size_t len = next_sequence(s, i, consumed);
    if (len > 0) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++replaced;
      i += consumed;
    }
  }
  return replaced;
}

}  // namespace copydesk::util
