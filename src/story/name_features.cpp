#include "story/name_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include "util/word_chars.h"

namespace copydesk::story_detail {
namespace {

using util::ends_sentence;
using util::is_apostrophe;
using util::is_upper;
using util::is_word_char;

uint64_t hash_of(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

}  // namespace

void NameScanner::begin(std::string_view text) {
  text_ = text;
  at_ = 0;
  sentence_start_ = true;
  pending_pair_ = false;
  previous_.clear();
}

bool NameScanner::next(Feature& out) {
  if (pending_pair_) {
    pending_pair_ = false;
    out = {pair_hash_, true};
    return true;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  const auto n = static_cast<int32_t>(text_.size());
  while (at_ < n) {
    const int32_t start = at_;
    UChar32 c;
    U8_NEXT(s, at_, n, c);
    if (!is_word_char(c)) {
      if (c != ' ') previous_.clear();  // a pair is two words with only spaces between
      if (ends_sentence(c)) sentence_start_ = true;
      continue;
    }
    const bool capital = is_upper(c);
    bool digit = c >= '0' && c <= '9';
    int32_t end = at_;
    while (at_ < n) {
      int32_t next = at_;
      UChar32 d;
      U8_NEXT(s, next, n, d);
      if (is_word_char(d)) {
        digit = digit || (d >= '0' && d <= '9');
        at_ = end = next;
      } else if (is_apostrophe(d)) {
        at_ = next;  // inside a word only if a word character follows
      } else {
        break;
      }
    }
    at_ = end;
    const bool first_of_sentence = sentence_start_;
    sentence_start_ = false;
    if (!capital || digit) {
      previous_.clear();
      continue;
    }
    word_.assign(text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
    util::lower_ascii(word_);
    bool pair = false;
    if (!previous_.empty()) {
      scratch_.assign(previous_).append(1, ' ').append(word_);
      pair_hash_ = hash_of(scratch_);
      pair = true;
    }
    previous_.swap(word_);
    if (!first_of_sentence) {
      out = {hash_of(previous_), false};
      pending_pair_ = pair;
      return true;
    }
    if (pair) {
      out = {pair_hash_, true};
      return true;
    }
  }
  return false;
}

}  // namespace copydesk::story_detail
