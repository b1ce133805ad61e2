// copydesk — every pair of 64-bit codes within a Hamming radius.
//
// SimHash (simhash.h) maps near-duplicates to codes a few bits apart; this
// finds all pairs (a, b) with popcount(code_a ^ code_b) ≤ radius — exactly,
// not approximately: the result equals a brute-force comparison of all pairs,
// which the tests check. Two methods, same output:
//
// kPermutedTables (default; Manku, Jain & Das Sarma, "Detecting
//   near-duplicates for web crawling", WWW 2007). Cut the 64 bits into B
//   blocks. Two codes at distance ≤ r differ in at most r blocks, so at least
//   B − r blocks are equal: for every choice of B − r blocks (one "table"),
//   sort the codes by those blocks and compare the codes within each run of
//   equal keys. A pair is reported only by the first table (in lexicographic
//   order of block choices) whose blocks it has equal — the one whose blocks
//   are its B − r lowest equal blocks — so no pair is found twice and no
//   global de-duplication is needed. B is chosen per call from a cost model
//   (tables × (sort n + compare n²/2^key bits)); B ≤ r is one table with an
//   empty key: brute force, which is what small inputs get.
//   All tables run in one OpenMP region: per table, each thread hands its
//   slice of the codes to owner threads by a hash of the key, and each owner
//   sorts and scans its share alone (three barriers per table).
//
// kFaissMultiHash — faiss::IndexBinaryMultiHash (multi-index hashing, Norouzi
//   et al. 2012): `nhash` hash tables on disjoint `b`-bit slices of the code;
//   a query probes every slice value within `nflip` flipped bits. Exact when
//   nflip ≥ ⌊r / nhash⌋ (pigeonhole over the slices); nhash, b are chosen by a
//   cost model. Each code is queried once (range search, parallel inside
//   faiss); pairs come back per query and are de-duplicated by keeping b > a.
//
// Measured (bench/bench_simhash.cpp; one thread of a 2.6 GHz EPYC, CPU time;
// 80 % random codes, 20 % near copies; radius 6; both exact):
//
//   codes            permuted tables   faiss IndexBinaryMultiHash
//   20k (the crawl)  0.010 s           0.29 s
//   100k             0.06 s            3.8 s
//   1M               1.0 s             > 10 min (stopped)
//
// faiss keeps a std::unordered_set per query and a hash map per slice; the
// tables only sort and stream. Permuted tables are the default.
//
// Output: pairs encoded like LSH candidates (lsh.h: make_pair_key(a, b),
// a < b, sorted, unique), with their distances alongside. The result is the
// same for any thread count.
//
//   HammingParams params;  // radius 6
//   Result<HammingPairs> near = find_hamming_pairs(codes.data(), codes.size(), eligible, params);
//   for (size_t i = 0; i < near->pairs.size(); ++i)
//     use(pair_first(near->pairs[i]), pair_second(near->pairs[i]), near->distances[i]);
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

enum class HammingMethod { kPermutedTables, kFaissMultiHash };

struct HammingParams {
  // Largest distance reported. 6 of 64 bits: the best F1 on Reuters-21578
  // silver pairs with word-trigram IDF SimHash (simhash.h), copy groups
  // clustered at similarity 1 − r/64 (tests/test_simhash.cpp):
  //
  //   r   Reuters P / R / F1       generated 20k crawl P / R
  //   2   0.969 / 0.773 / 0.860    1.000 / 0.105
  //   3   0.968 / 0.809 / 0.882    1.000 / 0.219
  //   4   0.962 / 0.830 / 0.891    1.000 / 0.351
  //   5   0.951 / 0.869 / 0.908    1.000 / 0.472
  //   6   0.937 / 0.916 / 0.926    1.000 / 0.577
  //   7   0.904 / 0.941 / 0.922    1.000 / 0.657
  //   8   0.868 / 0.955 / 0.909    1.000 / 0.719
  //   MinHash, J ≥ 0.8 (defaults)   0.966 / 0.936 / 0.951    1.000 / 0.674
  //
  // The crawl gains recall up to r = 10 without losing precision, but those
  // are copies cut to 60-90 %, which no similarity threshold should match
  // (MinHash with containment is the tool for them); on Reuters precision
  // falls below 0.9 from r = 7 on.
  uint32_t radius = 6;
  HammingMethod method = HammingMethod::kPermutedTables;

  Status validate() const;  // radius ≤ kMaxHammingRadius
};

// Beyond this the search is no longer sublinear on any useful input.
inline constexpr uint32_t kMaxHammingRadius = 16;

struct HammingPairs {
  std::vector<uint64_t> pairs;    // make_pair_key(a, b), a < b, sorted, unique
  std::vector<uint8_t> distances;  // distances[i]: Hamming distance of pairs[i]
};

// All pairs of eligible codes within params.radius. `eligible` has n entries
// (0 = leave the code out: a document without features), or is empty (all in).
Result<HammingPairs> find_hamming_pairs(const uint64_t* codes, size_t n, const std::vector<uint8_t>& eligible,
                                        const HammingParams& params);

inline uint32_t hamming_distance(uint64_t a, uint64_t b) { return static_cast<uint32_t>(std::popcount(a ^ b)); }

// 1 − d/64: the similarity of two SimHash codes, for verification and
// clustering thresholds (a radius r corresponds to the threshold 1 − r/64).
inline double simhash_similarity(uint32_t distance) { return 1.0 - distance / 64.0; }
inline double simhash_threshold(uint32_t radius) { return simhash_similarity(radius); }

// A scorer with the call signature of verify.h's Similarity, over codes:
// score(a, b) = simhash_similarity(hamming_distance(codes[a], codes[b])).
// Holds a pointer: `codes` must outlive it. Cheap to copy.
class SimHashSimilarity {
 public:
  explicit SimHashSimilarity(const uint64_t* codes) : codes_(codes) {}
  double operator()(uint32_t a, uint32_t b) const { return simhash_similarity(hamming_distance(codes_[a], codes_[b])); }

 private:
  const uint64_t* codes_;
};

}  // namespace copydesk
