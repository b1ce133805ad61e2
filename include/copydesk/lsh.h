// copydesk — locality-sensitive hashing: which pairs are worth comparing.
//
// A signature of k = bands × rows entries is cut into `bands` bands of `rows`
// entries. Two documents become a candidate pair when all rows of at least
// one band agree, which happens with probability 1 − (1 − s^rows)^bands for
// Jaccard similarity s: an S-curve whose steep part sits near the threshold.
//
// Banding: given the threshold t, `optimal_banding` picks (bands, rows) with
// bands × rows ≤ k that minimise
//     w_fp · ∫₀ᵗ P(s) ds  +  w_fn · ∫ₜ¹ (1 − P(s)) ds
// — the weighted false-positive and false-negative areas, as datasketch does.
//
// Candidates come from sorting, not from a hash map of vectors: for each band
// (bands in parallel) the n records (band key, doc) are sorted and each run of
// equal keys is a bucket. Every pair in a bucket is a candidate; a bucket
// larger than `max_bucket` is boilerplate or a mass copy, so it contributes
// only the pairs (first member, other member) — linear, not quadratic — and
// is reported in `Candidates::oversized`. The pair list is sorted and unique,
// so the result does not depend on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

struct LshParams {
  double threshold = 0.8;              // Jaccard similarity the banding targets
  uint32_t bands = 0;                  // 0 = derive (bands, rows) from threshold
  uint32_t rows = 0;                   // both given, or both 0
  double false_positive_weight = 0.5;  // weights of the banding objective
  double false_negative_weight = 0.5;
  uint32_t max_bucket = 256;           // larger buckets are capped (star pairs + warning)

  Status validate(uint32_t num_perm) const;
};

struct Banding {
  uint32_t bands = 0;
  uint32_t rows = 0;
};

// The (bands, rows) minimising the weighted error for `threshold` (see above).
Banding optimal_banding(double threshold, uint32_t num_perm, double fp_weight, double fn_weight);

// Probability that two documents of Jaccard similarity s share a bucket.
double candidate_probability(double s, Banding banding);

// A bucket too large to compare all pairs within.
struct OversizedBucket {
  uint32_t band = 0;
  uint64_t key = 0;
  uint32_t size = 0;
  uint32_t first_doc = 0;  // index of its first member (input order)
};

struct Candidates {
  Banding banding;
  // Candidate pairs (a << 32 | b) with a < b, sorted and unique.
  std::vector<uint64_t> pairs;
  std::vector<OversizedBucket> oversized;  // in (band, first_doc) order
};

// `signatures` is n × num_perm, row-major. Documents with eligible[i] == 0
// (no shingles) are left out.
Result<Candidates> find_candidates(const uint32_t* signatures, size_t n, uint32_t num_perm,
                                   const std::vector<uint8_t>& eligible, const LshParams& params);

inline uint32_t pair_first(uint64_t p) { return static_cast<uint32_t>(p >> 32); }
inline uint32_t pair_second(uint64_t p) { return static_cast<uint32_t>(p); }
inline uint64_t make_pair_key(uint32_t a, uint32_t b) { return static_cast<uint64_t>(a) << 32 | b; }

}  // namespace copydesk
