// copydesk — text normalization and word tokens.
//
// Two copies of one story differ in ways that are not differences of text:
// curly versus straight quotes, full-width digits, "KIM" versus "Kim",
// line breaks, punctuation. Normalization folds those away so that the
// shingles of two copies are equal exactly where their words are:
//
//   1. Unicode NFKC + case folding in one step (ICU's NFKC_Casefold), so
//      compatibility forms and case variants compare equal.
//   2. Word tokens: maximal runs of letters, digits and combining marks.
//      Apostrophes inside a word are dropped ("Korea’s" → "koreas"); every
//      other punctuation or whitespace character separates words.
//   3. Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao,
//      Khmer, Myanmar) have no word boundaries to find, so each of their
//      characters is a token of its own: a word n-gram over such tokens is a
//      character n-gram, and mixed-script text needs no special case.
//
// The result is the tokens joined by single spaces (`normalized`) plus the
// byte offset where each token starts and ends, so a shingle of n tokens is a
// plain substring — hashed in place, never copied. Pure-ASCII text (most news
// text) takes a table-driven fast path that gives the same result as ICU.
//
//   Normalizer norm;
//   TokenizedText t;
//   norm.tokenize("Putin meets North Korea’s Kim", t);
//   // t.normalized == "putin meets north koreas kim", t.size() == 5
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

struct TokenizedText {
  std::string normalized;      // tokens joined by single spaces
  std::vector<uint32_t> begin;  // byte offset of token i in `normalized`
  std::vector<uint32_t> end;    // one past its last byte
  size_t size() const { return begin.size(); }
  std::string_view token(size_t i) const {
    return std::string_view(normalized).substr(begin[i], end[i] - begin[i]);
  }
  void clear() {
    normalized.clear();
    begin.clear();
    end.clear();
  }
};

// Stateless apart from scratch buffers: use one per thread.
class Normalizer {
 public:
  Normalizer();
  // `text` must be valid UTF-8 (readers guarantee it). Overwrites `out`.
  void tokenize(std::string_view text, TokenizedText& out);

 private:
  void tokenize_ascii(std::string_view text, TokenizedText& out);
  void tokenize_unicode(std::string_view folded, TokenizedText& out);
  std::string folded_;  // scratch: ICU's NFKC_Casefold output
};

}  // namespace copydesk
