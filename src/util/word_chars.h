// Character classes of the scanners that read names and features from raw
// text (embed/doc_features, story/name_features): what a word is made of,
// what ends a sentence, what is a capital. (The normalizer has its own,
// stricter rules for shingles: src/text/normalize.cpp.)
#pragma once

#include <unicode/uchar.h>

#include <string>

namespace copydesk::util {

// Letters, digits and combining marks.
inline bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  const int8_t t = u_charType(c);
  return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_OTHER_LETTER;
}

// ', ’ and ʼ: inside a word when a word character follows.
inline bool is_apostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x02BC; }

// What ends a sentence (or a line) for "is this capital the start of one?".
inline bool ends_sentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';';
}

inline bool is_upper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c)); }

// A name as the scanners compare it: ASCII letters lower-cased ("PARIS" =
// "Paris"), other characters as written.
inline void lower_ascii(std::string& s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
}

}  // namespace copydesk::util
