// The weighted features of one document for the hashed embedder (internal):
// unigram and bigram hashes with their term frequency and kind weight
// (embed_hashed.h, step 3).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/embed_hashed.h"
#include "copydesk/normalize.h"

namespace copydesk::embed_detail {

struct Feature {
  uint64_t hash;
  uint32_t count;  // term frequency in the document
  float kind;      // name / number / bigram weight, else 1
};

// Per-thread scratch buffers and a small stamped hash table (hash → feature).
class FeatureExtractor {
 public:
  // Fills `features` with the document's distinct features in first-seen order
  // (so sums over them are in a fixed order). `with_kinds` = false skips the
  // name and number detection (all kinds 1): what fitting needs.
  void extract(std::string_view text, const HashedEmbedderParams& params, bool with_kinds);
  const std::vector<Feature>& features() const { return features_; }

 private:
  // The index in features_ of `hash`, added with count 0 and `kind` when new.
  uint32_t slot(uint64_t hash, float kind);
  void reset(size_t expected);

  Normalizer normalizer_;
  TokenizedText tokens_, name_tokens_;
  std::string names_;
  std::vector<Feature> features_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> index_, stamps_;
  uint32_t stamp_ = 0;
  size_t mask_ = 0;
};

// Appends each word of `text` that starts with an upper-case letter and does
// not start a sentence (or a line), followed by a space.
void append_capitalised_words(std::string_view text, std::string& out);

}  // namespace copydesk::embed_detail
