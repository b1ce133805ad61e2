// copydesk — shingles: the set of overlapping n-grams that stands for a text.
//
// A word shingle is n consecutive normalized tokens; its hash is
//
//     XXH3_64bits_withSeed(tokens i..i+n-1 joined by single spaces, seed)
//
// — a definition anyone can reproduce (e.g. Python's
// `xxhash.xxh3_64("putin meets north koreas kim", seed=0)`), and the reason
// the known-answer tests can pin it. A character shingle is n consecutive
// code points of the normalized text (spaces included), hashed the same way.
// A text with fewer than n tokens gives one shingle of all its tokens, so
// short texts still have a fingerprint; a text with no token gives none.
//
// Hashes are deduplicated per document (a set, not a bag), in first-seen
// order; `sorted` orders them for the exact-Jaccard merge.
//
// Why word 5-grams by default: see README ("Choosing the shingle size") — on
// the generated crawl and Reuters-21578 they gave the best copy-group quality;
// shorter n-grams make unrelated stories share shingles ("said on monday"),
// longer ones make one edited word cost too many shingles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "copydesk/normalize.h"
#include "copydesk/status.h"

namespace copydesk {

enum class ShingleKind { kWord, kChar };

struct ShingleParams {
  ShingleKind kind = ShingleKind::kWord;
  uint32_t size = 5;  // n: tokens per word shingle, code points per char shingle
  uint64_t seed = 0;  // XXH3 seed; changes every hash (and so every signature)

  Status validate() const;
};

// Reusable per-thread state: a small open-addressing set for deduplication.
class Shingler {
 public:
  explicit Shingler(const ShingleParams& params) : params_(params) {}

  // Overwrites `out` with the distinct shingle hashes of `text`.
  void shingle(const TokenizedText& text, std::vector<uint64_t>& out);

 private:
  void add(uint64_t h, std::vector<uint64_t>& out);
  void reset_set(size_t expected);

  ShingleParams params_;
  std::vector<uint64_t> slots_;
  std::vector<uint32_t> stamps_;  // slot in use when stamps_[i] == stamp_
  uint32_t stamp_ = 0;
  uint64_t mask_ = 0;
};

}  // namespace copydesk
