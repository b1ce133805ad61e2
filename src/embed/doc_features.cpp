#include "embed/doc_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>

#include "util/word_chars.h"

namespace copydesk::embed_detail {
namespace {

using util::ends_sentence;
using util::is_apostrophe;
using util::is_upper;
using util::is_word_char;

bool has_digit(std::string_view token) {
  return std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

uint64_t hash_of(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

}  // namespace

void append_capitalised_words(std::string_view text, std::string& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  bool sentence_start = true;
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (!is_word_char(c)) {
      if (ends_sentence(c)) sentence_start = true;
      continue;
    }
    const bool capital = is_upper(c);
    int32_t end = i;
    while (i < n) {
      int32_t next = i;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      if (is_word_char(d)) {
        i = end = next;
      } else if (is_apostrophe(d)) {
        i = next;  // inside a word only if a word character follows
      } else {
        break;
      }
    }
    if (capital && !sentence_start) {
      out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
      out.push_back(' ');
    }
    sentence_start = false;
    i = end;
  }
}

void FeatureExtractor::reset(size_t expected) {
  size_t cap = 64;
  while (cap < expected * 2) cap <<= 1;
  if (keys_.size() < cap || ++stamp_ == 0) {
    keys_.assign(std::max(cap, keys_.size()), 0);
    index_.assign(keys_.size(), 0);
    stamps_.assign(keys_.size(), 0);
    stamp_ = 1;
  }
  mask_ = cap - 1;
  features_.clear();
}

uint32_t FeatureExtractor::slot(uint64_t hash, float kind) {
  size_t i = (hash ^ (hash >> 29)) & mask_;
  while (stamps_[i] == stamp_) {
    if (keys_[i] == hash) return index_[i];
    i = (i + 1) & mask_;
  }
  stamps_[i] = stamp_;
  keys_[i] = hash;
  index_[i] = static_cast<uint32_t>(features_.size());
  features_.push_back({hash, 0, kind});
  return index_[i];
}

void FeatureExtractor::extract(std::string_view text, const HashedEmbedderParams& params, bool with_kinds) {
  normalizer_.tokenize(text, tokens_);
  const TokenizedText& t = tokens_;
  const bool names = with_kinds && params.name_weight != 1.0f;
  const bool numbers = with_kinds && params.number_weight != 1.0f;
  names_.clear();
  if (names) append_capitalised_words(text, names_);
  reset((params.bigrams ? 2 * t.size() : t.size()) + names_.size() / 2);
  if (names) {
    // Names first, with count 0: a token of the text then finds its kind here.
    normalizer_.tokenize(names_, name_tokens_);
    for (size_t i = 0; i < name_tokens_.size(); ++i) {
      const std::string_view token = name_tokens_.token(i);
      slot(hash_of(token), numbers && has_digit(token) ? params.number_weight : params.name_weight);
    }
  }
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string_view token = t.token(i);
    ++features_[slot(hash_of(token), numbers && has_digit(token) ? params.number_weight : 1.0f)].count;
    if (params.bigrams && i + 1 < t.size()) {
      const std::string_view pair = std::string_view(t.normalized).substr(t.begin[i], t.end[i + 1] - t.begin[i]);
      ++features_[slot(hash_of(pair), params.bigram_weight)].count;
    }
  }
  if (names) {  // a capitalised word whose token the text lacks (odd characters around it)
    std::erase_if(features_, [](const Feature& f) { return f.count == 0; });
  }
}

}  // namespace copydesk::embed_detail
