// Hamming range search with faiss::IndexBinaryMultiHash. See hamming.h.
#include <faiss/IndexBinaryHash.h>
#include <faiss/impl/AuxIndexStructures.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <string>

#include "search/hamming_internal.h"

namespace copydesk::hamming_detail {
namespace {

using idx_t = faiss::Index::idx_t;

// Cost model, nanoseconds per query: per probed bucket, and per id taken
// from a bucket (a node of faiss's per-query std::unordered_set, then a
// distance). Fitted to 100k codes at radius 6, where (nhash, b, nflip) =
// (3, 21, 2) took 2.9 s, (2, 32, 3) 5.2 s and (4, 16, 1) 7.5 s on one core.
constexpr double kProbeNs = 5.0;
constexpr double kCandidateNs = 600.0;

struct MultiHashPlan {
  int nhash = 1;  // hash tables, on disjoint slices of the code
  int bits = 32;  // bits per slice
  int nflip = 0;  // bits flipped per slice at query time
};

double binomial(int n, int k) {
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

// Exact when nflip ≥ ⌊radius / nhash⌋: some slice differs in at most that.
MultiHashPlan choose_plan(size_t m, uint32_t radius) {
  MultiHashPlan best;
  double best_cost = INFINITY;
  for (int nhash = 1; nhash <= static_cast<int>(radius) + 1 && nhash <= 64; ++nhash) {
    const int bits = std::min(32, 64 / nhash);
    const int nflip = static_cast<int>(radius) / nhash;
    double probes = 0;
    for (int f = 0; f <= nflip; ++f) probes += binomial(bits, f);
    const double cost = nhash * probes * (kProbeNs + static_cast<double>(m) * std::exp2(-bits) * kCandidateNs);
    if (cost < best_cost) {
      best_cost = cost;
      best = {nhash, bits, nflip};
    }
  }
  return best;
}

}  // namespace

Status faiss_multihash_pairs(const uint64_t* codes, size_t m, uint32_t radius, std::vector<uint64_t>& pairs) {
  if (m < 2) return Status::Ok();
  const MultiHashPlan plan = choose_plan(m, radius);
  // faiss reads each slice as an unaligned 8-byte word at the slice's first
  // byte, which runs past the last code: pad with one zero code.
  std::vector<uint8_t> bytes((m + 1) * sizeof(uint64_t), 0);
  std::memcpy(bytes.data(), codes, m * sizeof(uint64_t));
  try {
    faiss::IndexBinaryMultiHash index(64, plan.nhash, plan.bits);
    index.nflip = plan.nflip;
    index.add(static_cast<idx_t>(m), bytes.data());
    faiss::RangeSearchResult result(static_cast<idx_t>(m));
    // faiss keeps distances strictly below the radius it is given.
    index.range_search(static_cast<idx_t>(m), bytes.data(), static_cast<int>(radius) + 1, &result);
    for (size_t i = 0; i < m; ++i) {
      for (size_t k = result.lims[i]; k < result.lims[i + 1]; ++k) {
        const idx_t j = result.labels[k];
        if (j > static_cast<idx_t>(i) && result.distances[k] <= static_cast<float>(radius)) {
          pairs.push_back(uint64_t{i} << 32 | static_cast<uint64_t>(j));
        }
      }
    }
  } catch (const std::exception& e) {
    return Status::Internal(std::string("faiss IndexBinaryMultiHash: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace copydesk::hamming_detail
