#include "copydesk/simhash.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "copydesk/normalize.h"

namespace copydesk {
namespace {

// 32-bit lane sums cannot overflow within a block: kBlock · 65535 < 2^32.
constexpr size_t kBlock = 65536;

// Bit b of a 32-bit word, as a lane mask table.
alignas(32) constexpr uint32_t kBit[32] = {
    1u << 0,  1u << 1,  1u << 2,  1u << 3,  1u << 4,  1u << 5,  1u << 6,  1u << 7,  1u << 8,  1u << 9,  1u << 10,
    1u << 11, 1u << 12, 1u << 13, 1u << 14, 1u << 15, 1u << 16, 1u << 17, 1u << 18, 1u << 19, 1u << 20, 1u << 21,
    1u << 22, 1u << 23, 1u << 24, 1u << 25, 1u << 26, 1u << 27, 1u << 28, 1u << 29, 1u << 30, 1u << 31};

// Adds weights[j] to acc[b] for every bit b set in hashes[j]. Branch-free
// and without per-lane shifts, so it vectorizes on plain SSE2 too.
__attribute__((always_inline)) inline void accumulate_kernel(const uint64_t* __restrict hashes,
                                                             const uint32_t* __restrict weights, size_t n,
                                                             uint32_t* __restrict acc) {
  for (size_t j = 0; j < n; ++j) {
    const uint32_t lo = static_cast<uint32_t>(hashes[j]), hi = static_cast<uint32_t>(hashes[j] >> 32);
    const uint32_t w = weights[j];
    for (int b = 0; b < 32; ++b) acc[b] += w & (0u - static_cast<uint32_t>((lo & kBit[b]) != 0));
    for (int b = 0; b < 32; ++b) acc[32 + b] += w & (0u - static_cast<uint32_t>((hi & kBit[b]) != 0));
  }
}

void accumulate_portable(const uint64_t* hashes, const uint32_t* weights, size_t n, uint32_t* acc) {
  accumulate_kernel(hashes, weights, n, acc);
}

__attribute__((target("avx2"))) void accumulate_avx2(const uint64_t* hashes, const uint32_t* weights, size_t n,
                                                      uint32_t* acc) {
  accumulate_kernel(hashes, weights, n, acc);
}

SimdPath detect() {
  if (const char* env = std::getenv("COPYDESK_SIMD"); env != nullptr && std::strcmp(env, "portable") == 0) {
    return SimdPath::kPortable;
  }
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") ? SimdPath::kAvx2 : SimdPath::kPortable;
}

SimdPath resolve(SimdPath requested) {
  static const SimdPath detected = detect();  // once per process
  return requested == SimdPath::kAuto ? detected : requested;
}

// Sums weights per bit in 32-bit blocks, then in 64-bit totals.
class Accumulator {
 public:
  explicit Accumulator(SimdPath path) : path_(resolve(path)) {}
  void add(const uint64_t* hashes, const uint32_t* weights, size_t n) {
    for (size_t start = 0; start < n; start += kBlock) {
      const size_t m = std::min(kBlock, n - start);
      uint32_t acc[64] = {};
      if (path_ == SimdPath::kAvx2) {
        accumulate_avx2(hashes + start, weights + start, m, acc);
      } else {
        accumulate_portable(hashes + start, weights + start, m, acc);
      }
      for (int b = 0; b < 64; ++b) set_weight_[b] += acc[b];
      for (size_t j = start; j < start + m; ++j) total_ += weights[j];
    }
  }
  // Bit b set iff the weight with bit b set outweighs the weight without.
  uint64_t code() const {
    uint64_t c = 0;
    for (int b = 0; b < 64; ++b) c |= static_cast<uint64_t>(2 * set_weight_[b] > total_) << b;
    return c;
  }

 private:
  SimdPath path_;
  uint64_t set_weight_[64] = {};
  uint64_t total_ = 0;
};

using Clock = std::chrono::steady_clock;

}  // namespace

Status SimHashParams::validate() const { return features.validate(); }

uint32_t idf_weight(uint64_t documents, uint64_t df) {
  const double idf = std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0;
  return static_cast<uint32_t>(std::lround(std::max(0.0, idf) * kIdfWeightScale));
}

uint64_t simhash(const uint64_t* hashes, const uint32_t* weights, size_t n, SimdPath path) {
  Accumulator acc(path);
  acc.add(hashes, weights, n);
  return acc.code();
}

size_t DocumentFrequency::find(uint64_t feature) const {
  if (keys_.empty()) return 0;
  const size_t prefix = dir_bits_ == 0 ? 0 : static_cast<size_t>(feature >> (64 - dir_bits_));
  const uint64_t* first = keys_.data() + directory_[prefix];
  const uint64_t* last = keys_.data() + directory_[prefix + 1];
  const uint64_t* it = std::lower_bound(first, last, feature);
  return it != last && *it == feature ? static_cast<size_t>(it - keys_.data()) : keys_.size();
}

uint32_t DocumentFrequency::document_frequency(uint64_t feature) const {
  const size_t i = find(feature);
  return i < keys_.size() ? counts_[i] : 1u;
}

uint32_t DocumentFrequency::weight(uint64_t feature) const {
  const size_t i = find(feature);
  return i < keys_.size() ? weights_[i] : singleton_weight_;
}

uint64_t DocumentFrequency::sign(const uint64_t* features, size_t n, SimdPath path) const {
  constexpr size_t kChunk = 512;
  uint32_t weights[kChunk];
  Accumulator acc(path);
  for (size_t start = 0; start < n; start += kChunk) {
    const size_t m = std::min(kChunk, n - start);
    for (size_t j = 0; j < m; ++j) weights[j] = weight(features[start + j]);
    acc.add(features + start, weights, m);
  }
  return acc.code();
}

size_t DocumentFrequency::memory_bytes() const {
  return keys_.capacity() * sizeof(uint64_t) + counts_.capacity() * sizeof(uint32_t) +
         weights_.capacity() * sizeof(uint16_t) + directory_.capacity() * sizeof(uint32_t);
}

Result<SimHashes> compute_simhashes(const Document* docs, size_t n, const SimHashParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  const int64_t count = static_cast<int64_t>(n);
  SimHashes out;
  out.codes.assign(n, 0);
  out.feature_counts.assign(n, 0);

  auto t0 = Clock::now();
  DocumentFrequencyCounter total;
#pragma omp parallel
  {
    Normalizer normalizer;
    Shingler shingler(params.features);
    TokenizedText tokens;
    std::vector<uint64_t> features;
    DocumentFrequencyCounter counter;
#pragma omp for schedule(dynamic, 16) nowait
    for (int64_t i = 0; i < count; ++i) {
      normalizer.tokenize(docs[i].text, tokens);
      shingler.shingle(tokens, features);
      counter.add_document(features.data(), features.size());
    }
#pragma omp critical(copydesk_simhash_df_merge)
    total.merge(std::move(counter));  // sums: the order of merging does not matter
  }
  out.document_frequency = std::move(total).finish();
  out.count_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

  t0 = Clock::now();
  const DocumentFrequency& df = out.document_frequency;
#pragma omp parallel
  {
    Normalizer normalizer;
    Shingler shingler(params.features);
    TokenizedText tokens;
    std::vector<uint64_t> features;
#pragma omp for schedule(dynamic, 16)
    for (int64_t i = 0; i < count; ++i) {
      normalizer.tokenize(docs[i].text, tokens);
      shingler.shingle(tokens, features);
      out.codes[i] = df.sign(features.data(), features.size());
      out.feature_counts[i] = static_cast<uint32_t>(features.size());
    }
  }
  out.sign_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return out;
}

}  // namespace copydesk
