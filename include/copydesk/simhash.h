// copydesk — SimHash fingerprints with IDF weights: a 64-bit code per
// document whose Hamming distance tracks how different two texts are.
//
// Charikar's SimHash: every feature f of a document (a word trigram by
// default) has a 64-bit hash h(f) and a weight w(f). For each bit b,
//
//     bit b of the code = 1  iff  Σ_{f: bit b of h(f) is 1} w(f)  >  Σ_{f: bit b of h(f) is 0} w(f)
//
// (ties give 0; a document with no feature gets the code 0 and should be left
// out of the search, see hamming.h). For weighted feature vectors x, y at
// angle θ, P[bit b differs] = θ/π, so the Hamming distance d of two codes
// estimates 64·θ/π: a copy with a few edited words lands within a few bits,
// two unrelated texts about 32 bits apart. Near-duplicates are pairs within a
// Hamming radius (hamming.h), and 1 − d/64 is their similarity.
//
// Features and hashes: the features are word n-grams made exactly as the
// MinHash path makes its shingles (shingle.h: normalized tokens joined by
// single spaces, XXH3-64, deduplicated per document), so h(f) is the shingle
// hash itself — reproducible with `xxhsum -H3`. Each feature counts once per
// document (binary term frequency); the weight carries the information.
//
// Weights: the smoothed inverse document frequency over the corpus being
// processed (scikit-learn's smooth_idf),
//
//     idf(f) = ln((1 + N) / (1 + df(f))) + 1,
//
// with N documents and df(f) the documents containing f. A phrase that every
// page of a site carries, or that every wire item uses, moves the code less
// than the words of the story itself. Weights are integers,
// round(idf · kIdfWeightScale), and codes are summed in integer arithmetic, so
// a code does not depend on summation order, compiler or SIMD path: codes are
// a file format, pinned by known-answer tests (tests/test_simhash.cpp).
//
// Why word trigrams: measured with word n = 1..5 and IDF weights, copy groups
// made as the pipeline would make them (pairs within radius r, clustered
// around centres at similarity 1 − r/64, as tests/test_simhash.cpp does):
//
//   n   Reuters-21578 silver pairs:        generated 20k crawl:
//       best F1 over r ≤ 8 (at r)          pairwise recall at r = 6
//   1   0.851 (1)                          0.361
//   2   0.917 (5)                          0.556
//   3   0.926 (6)                          0.577
//   4   0.922 (8)                          0.549
//   5   0.909 (8)                          0.472
//
// Single words make short template items (earnings tables, commodity
// reports) with different figures look alike — Reuters precision 0.53 at
// r = 6. Long n-grams turn each edited word into many changed features and
// push true copies past the radius. Crawl precision is 1.0 in every cell.
// Other weights for trigrams (connected components instead of centres):
// idf² and plain ln(N/df) within 0.01 of this F1; sqrt(idf) 0.899, dropping
// features in > 0.5 % of documents 0.907, no weights 0.901. Radius: hamming.h.
//
// Document frequencies: DocumentFrequencyCounter counts them — one counter
// per thread, merged — and DocumentFrequency::sign turns a feature list into
// a code. Exact counts, keyed by the 64-bit feature hash:
// each counter sorts its features in buffers of 2^20 (radix sort), turns them
// into (hash, count) runs and merges runs of similar size (a log-structured
// merge: O(F log F) for F features, never one big hash map). Merging counters
// adds counts, so the result is the same whatever the number of threads or
// the order of merging. Memory while counting: 12 bytes per distinct feature
// a counter has seen, plus its 8 MB buffer. The finished table keeps only
// features with df ≥ 2 (a feature absent from it has df ≤ 1 and the weight of
// df = 1): hash, count, weight and a directory over the top hash bits, about
// 15 bytes each. On Reuters-21578 (19.8k documents) that is 308k of 1.54M
// distinct trigrams; on a 100k-document generated crawl, 1.54M of 2.76M
// (about 23 MB). A count-min sketch would bound memory
// whatever the corpus but overestimates exactly the rare features that carry
// the most weight, and its counters are random memory accesses where the
// sorted runs stream; exact counts also keep the codes independent of a
// sketch size.
//
// Cost (bench/bench_simhash.cpp, one core of a 2.6 GHz EPYC, the 20k-document
// generated crawl): signing from features 89k documents/s (278 MB/s of
// text, AVX2; 82k portable); counting 126k documents/s; compute_simhashes,
// both passes with tokenizing, 19k documents/s (59 MB/s) — the MinHash
// sketch stage does 47k (146 MB/s) in one pass.
//
//   SimHashParams params;                       // word trigrams
//   Result<SimHashes> s = compute_simhashes(docs.data(), docs.size(), params);
//   // s->codes[i]: the code of docs[i]; s->feature_counts[i] == 0: no feature
//
// or, stage by stage (e.g. when documents are streamed and their features
// kept, or read twice):
//
//   DocumentFrequencyCounter counter;           // one per thread
//   counter.add_document(features.data(), features.size());   // pass 1
//   DocumentFrequency df = std::move(counter).finish();
//   uint64_t code = df.sign(features.data(), features.size());  // pass 2
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/document.h"
#include "copydesk/minhash.h"  // SimdPath
#include "copydesk/shingle.h"
#include "copydesk/status.h"

namespace copydesk {

struct SimHashParams {
  // Which features: word trigrams (measured, see above). Any ShingleParams
  // work, e.g. {ShingleKind::kWord, 1} for single tokens.
  ShingleParams features{ShingleKind::kWord, 3, 0};

  Status validate() const;
};

// Integer weight = round(idf · kIdfWeightScale); idf ≤ ln(2^32) + 1 < 23.2,
// so every weight fits 16 bits.
inline constexpr double kIdfWeightScale = 1024.0;

// The SimHash of features {hashes[0..n)} with integer weights {weights[0..n)}
// (see the top of this file). The caller deduplicates features if it wants
// set semantics; a repeated feature counts each time.
uint64_t simhash(const uint64_t* hashes, const uint32_t* weights, size_t n, SimdPath path = SimdPath::kAuto);

// round(kIdfWeightScale · (ln((1 + documents) / (1 + df)) + 1)).
uint32_t idf_weight(uint64_t documents, uint64_t df);

// Document frequencies of a finished count: look-ups and signing. Immutable
// and thread-safe; cheap to move.
class DocumentFrequency {
 public:
  DocumentFrequency() = default;  // no documents: every feature has weight idf_weight(0, 1)

  uint64_t documents() const { return documents_; }
  // df of `feature`: its count when ≥ 2, else 1 (also for unseen features).
  uint32_t document_frequency(uint64_t feature) const;
  uint32_t weight(uint64_t feature) const;
  // The SimHash of one document's features with IDF weights.
  uint64_t sign(const uint64_t* features, size_t n, SimdPath path = SimdPath::kAuto) const;

  size_t stored_features() const { return keys_.size(); }  // features with df ≥ 2
  size_t memory_bytes() const;

 private:
  friend class DocumentFrequencyCounter;
  size_t find(uint64_t feature) const;  // index in keys_, or keys_.size()

  uint64_t documents_ = 0;
  uint32_t singleton_weight_ = idf_weight(0, 1);
  std::vector<uint64_t> keys_;     // sorted feature hashes with df ≥ 2
  std::vector<uint32_t> counts_;   // their df
  std::vector<uint16_t> weights_;  // their idf_weight
  std::vector<uint32_t> directory_;  // keys_ index of the first key of each top-`dir_bits_` prefix
  uint32_t dir_bits_ = 0;
};

// Counts document frequencies; use one per thread and merge. Not thread-safe.
class DocumentFrequencyCounter {
 public:
  DocumentFrequencyCounter();
  // One document's distinct features (duplicates would count twice).
  void add_document(const uint64_t* features, size_t n);
  // Adds `other`'s counts to this one; `other` is left empty.
  void merge(DocumentFrequencyCounter&& other);
  uint64_t documents() const { return documents_; }
  DocumentFrequency finish() &&;

 private:
  struct Run {
    std::vector<uint64_t> keys;  // sorted, unique
    std::vector<uint32_t> counts;
  };
  void flush();
  void push(Run run);
  void merge_last_two();

  std::vector<uint64_t> buffer_;
  std::vector<uint64_t> scratch_;
  std::vector<Run> runs_;  // sizes decrease from front to back
  uint64_t documents_ = 0;
};

// Codes of a whole corpus, and what they were made with.
struct SimHashes {
  std::vector<uint64_t> codes;           // codes[i]: docs[i]'s SimHash
  std::vector<uint32_t> feature_counts;  // distinct features of docs[i]; 0 = leave it out
  DocumentFrequency document_frequency;
  double count_seconds = 0;  // wall time of the document-frequency pass
  double sign_seconds = 0;   // wall time of the signing pass
};

// Two passes over docs[0..n), each parallel over documents (OpenMP): count
// document frequencies, then normalize + shingle again and sign. Documents
// are tokenized twice instead of keeping their features (8 bytes each) in
// between. Same result for any thread count.
Result<SimHashes> compute_simhashes(const Document* docs, size_t n, const SimHashParams& params);

}  // namespace copydesk
