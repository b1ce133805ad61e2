// copydesk — MinHash signatures.
//
// For a shingle set A and a random permutation π of the hash space,
// P[min π(A) = min π(B)] = |A ∩ B| / |A ∪ B|: the fraction of equal entries of
// two signatures of `num_perm` such minima estimates the Jaccard similarity
// with standard error sqrt(J(1-J)/num_perm) (≈ 0.035 at J = 0.8, k = 128).
//
// Scheme — "one hash per shingle, then cheap permutations": each shingle is
// hashed once with XXH3-64 (see shingle.h) and folded to 32 bits,
// x = h ^ (h >> 32). Permutation i is then
//
//     π_i(x) = fmix32(x ^ s_i)
//
// where s_i is a 32-bit seed drawn from splitmix64(seed + i) and fmix32 is
// MurmurHash3's finalizer — a bijection of 32-bit words with full avalanche,
// so every π_i is a true permutation of the 32-bit space and distinct seeds
// give (empirically) independent orders. The cost is ~10 32-bit integer
// operations per (shingle, permutation), which vectorize across permutations
// (8 lanes with AVX2), instead of a 64-bit modular multiply per entry as in
// datasketch. We chose this over one-permutation hashing with densification:
// OPH is faster still but its estimate degrades for short texts (fewer
// shingles than bins), which news briefs are; this keeps the classic
// estimator's exact variance at ~500 MB/s of text per core (AVX2, k = 128:
// bench/bench_minhash.cpp).
//
// Signatures are 32-bit (4 bytes × num_perm per document; 512 B at k = 128)
// and stored row-major: document i's signature is sig[i*k .. i*k+k). An empty
// set's signature is all 0xFFFFFFFF and matches nothing (see lsh.h).
//
// The signature of a set is a file format: tests/test_minhash.cpp pins known
// answers, and both code paths (AVX2 and portable) must give them.
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

struct MinHashParams {
  uint32_t num_perm = 128;  // signature length k; more = lower variance, more memory
  uint64_t seed = 1;        // fixed: the same set always gets the same signature

  Status validate() const;
};

// Which instruction-set path computes signatures. kAuto picks the best the CPU
// has; the environment variable COPYDESK_SIMD=portable forces the portable one.
enum class SimdPath { kAuto, kPortable, kAvx2 };

class MinHasher {
 public:
  explicit MinHasher(const MinHashParams& params, SimdPath path = SimdPath::kAuto);

  uint32_t num_perm() const { return static_cast<uint32_t>(seeds_.size()); }
  SimdPath path() const { return path_; }

  // Writes the signature of the set {hashes[0..n)} to sig[0..num_perm).
  // Duplicates in `hashes` do not change the result.
  void sign(const uint64_t* hashes, size_t n, uint32_t* sig) const;

 private:
  std::vector<uint32_t> seeds_;
  SimdPath path_;
};

// Fraction of equal entries: the MinHash estimate of Jaccard similarity.
double estimate_jaccard(const uint32_t* a, const uint32_t* b, uint32_t num_perm);

}  // namespace copydesk
