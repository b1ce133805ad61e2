#include "copydesk/shingle.h"

#include <xxhash.h>

#include <algorithm>

namespace copydesk {

Status ShingleParams::validate() const {
  if (size < 1 || size > 64) return Status::InvalidArgument("shingle size must be in [1, 64], got " + std::to_string(size));
  return Status::Ok();
}

void Shingler::reset_set(size_t expected) {
  size_t cap = 64;
  while (cap < expected * 2) cap <<= 1;
  if (slots_.size() < cap || ++stamp_ == 0) {
    slots_.assign(std::max(cap, slots_.size()), 0);
    stamps_.assign(slots_.size(), 0);
    stamp_ = 1;
  }
  // Use exactly `cap` slots so probing stays short whatever the buffer size.
  mask_ = cap - 1;
}

void Shingler::add(uint64_t h, std::vector<uint64_t>& out) {
  uint64_t i = (h ^ (h >> 29)) & mask_;
  while (stamps_[i] == stamp_) {
    if (slots_[i] == h) return;
    i = (i + 1) & mask_;
  }
  stamps_[i] = stamp_;
  slots_[i] = h;
  out.push_back(h);
}

void Shingler::shingle(const TokenizedText& text, std::vector<uint64_t>& out) {
  out.clear();
  const std::string& s = text.normalized;
  if (text.size() == 0) return;
  const uint64_t seed = params_.seed;
  if (params_.kind == ShingleKind::kWord) {
    const size_t n = params_.size;
    const size_t count = text.size() >= n ? text.size() - n + 1 : 1;
    reset_set(count);
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const size_t last = std::min(i + n, text.size()) - 1;
      const uint32_t b = text.begin[i], e = text.end[last];
      add(XXH3_64bits_withSeed(s.data() + b, e - b, seed), out);
    }
    return;
  }
  // Character shingles: offsets of code point starts, then windows of n.
  std::vector<uint32_t> starts;
  starts.reserve(s.size() + 1);
  for (uint32_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(static_cast<uint32_t>(s.size()));
  const size_t cps = starts.size() - 1;
  const size_t n = params_.size;
  const size_t count = cps >= n ? cps - n + 1 : 1;
  reset_set(count);
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const uint32_t b = starts[i], e = starts[std::min(i + n, cps)];
    add(XXH3_64bits_withSeed(s.data() + b, e - b, seed), out);
  }
}

}  // namespace copydesk
