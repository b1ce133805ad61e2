// IEEE 754 binary16 ⇄ binary32, portable (internal). float_to_half rounds to
// nearest, ties to even; half_to_float is exact.
#pragma once

#include <cstdint>
#include <cstring>

namespace copydesk::embed_detail {

inline uint16_t float_to_half(float f) {
  uint32_t x;
  std::memcpy(&x, &f, sizeof x);
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  const int exponent = static_cast<int>((x >> 23) & 0xFFu);
  uint32_t mantissa = x & 0x7FFFFFu;
  if (exponent == 0xFF) return static_cast<uint16_t>(sign | 0x7C00u | (mantissa != 0 ? 0x200u : 0u));
  const int e = exponent - 127 + 15;
  if (e >= 31) return static_cast<uint16_t>(sign | 0x7C00u);  // too large: infinity
  if (e <= 0) {                                              // half subnormal or zero
    if (e < -10) return sign;
    mantissa |= 0x800000u;
    const int shift = 14 - e;
    uint32_t h = mantissa >> shift;
    const uint32_t rest = mantissa & ((1u << shift) - 1), halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (h & 1u) != 0)) ++h;
    return static_cast<uint16_t>(sign | h);
  }
  uint32_t h = (static_cast<uint32_t>(e) << 10) | (mantissa >> 13);
  const uint32_t rest = mantissa & 0x1FFFu;
  if (rest > 0x1000u || (rest == 0x1000u && (h & 1u) != 0)) ++h;  // a carry rounds up the exponent
  return static_cast<uint16_t>(sign | h);
}

// Branch-free, so the row loop vectorizes: the half's exponent and mantissa
// bits moved into place and the exponent rebiased (+112); infinities and NaNs
// get the top exponent; subnormals are 2^-14 · (1 + m/1024) − 2^-14 = m · 2^-24.
inline float half_to_float(uint16_t h) {
  const uint32_t shifted = static_cast<uint32_t>(h & 0x7FFFu) << 13;
  const uint32_t exponent = shifted & 0x0F800000u;
  const uint32_t bits = shifted + 0x38000000u + (exponent == 0x0F800000u ? 0x38000000u : 0u) +
                        (exponent == 0 ? 0x00800000u : 0u);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  f -= exponent == 0 ? 6.103515625e-05f : 0.0f;
  uint32_t out;
  std::memcpy(&out, &f, sizeof out);
  out |= static_cast<uint32_t>(h & 0x8000u) << 16;
  std::memcpy(&f, &out, sizeof f);
  return f;
}

inline void halves_to_floats(const uint16_t* in, float* out, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) out[i] = half_to_float(in[i]);
}

}  // namespace copydesk::embed_detail
