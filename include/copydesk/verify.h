// copydesk — verifying candidate pairs.
//
// LSH proposes; verification decides. Every candidate pair is scored and kept
// only when its score reaches the threshold. The score is one of
//
//   Jaccard      |A ∩ B| / |A ∪ B|        — two versions of one text
//   containment  |A ∩ B| / min(|A|, |B|)  — also a copy a site cut short:
//                                           the shorter one is (nearly) all
//                                           inside the longer one
//
// computed either from the signatures (default: fraction of equal MinHash
// entries, and for containment |A ∩ B| ≈ J (|A| + |B|) / (1 + J) from the set
// sizes) or exactly on the shingle sets (`exact`, which keeps every
// document's sorted shingles in memory: 8 bytes per shingle).
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/pod_array.h"
#include "copydesk/status.h"

namespace copydesk {

// kSimHash: 1 − Hamming distance / 64 of the documents' SimHash codes
// (Fingerprints::simhashes; simhash.h).
enum class Measure { kJaccard, kContainment, kSimHash };

struct VerifyParams {
  Measure measure = Measure::kJaccard;
  double threshold = 0.8;  // pairs scoring below are dropped
  bool exact = false;      // score on shingle sets instead of signatures

  Status validate() const;
};

// What the sketch stage leaves for the later ones, one row per document.
struct Fingerprints {
  uint32_t num_perm = 0;
  // PodArrays: they grow document by document without a copy (pod_array.h).
  PodArray<uint32_t> signatures;  // n × num_perm, row-major
  PodArray<uint32_t> set_sizes;   // distinct shingles of each document
  // Only when exact scores are wanted: sorted shingles of document i are
  // shingles[offsets[i] .. offsets[i+1]).
  PodArray<uint64_t> shingles;
  PodArray<uint64_t> offsets;
  // With the SimHash method: each document's 64-bit SimHash (simhash.h).
  PodArray<uint64_t> simhashes;

  size_t size() const { return set_sizes.size(); }
  bool has_shingles() const { return !offsets.empty(); }
};

// The score of any two documents under one measure; cheap to copy.
class Similarity {
 public:
  Similarity(const Fingerprints& fp, Measure measure, bool exact) : fp_(&fp), measure_(measure), exact_(exact) {}
  double operator()(uint32_t a, uint32_t b) const;

 private:
  const Fingerprints* fp_;
  Measure measure_;
  bool exact_;
};

struct ScoredPair {
  uint32_t a = 0, b = 0;  // document indices, a < b
  float score = 0;
};

// Scores `pairs` (see lsh.h for the encoding) in parallel and keeps those
// reaching `threshold`, in the order given.
std::vector<ScoredPair> verify_pairs(const std::vector<uint64_t>& pairs, const Similarity& similarity,
                                     double threshold);

}  // namespace copydesk
