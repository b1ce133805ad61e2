#include "copydesk/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>

namespace copydesk {
namespace {

// ASCII classes: 0 = separator, 1 = word byte (already lower case after the
// table), 2 = apostrophe (dropped inside a word, a separator elsewhere).
struct AsciiTable {
  std::array<uint8_t, 128> cls{};
  std::array<char, 128> lower{};
  AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      cls[c] = alnum ? 1 : (c == '\'' ? 2 : 0);
    }
  }
};
const AsciiTable kAscii;

bool is_apostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x02BC; }

// Scripts written without spaces between words: one token per character.
bool is_unspaced_script(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(c, &err)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

bool is_word_char(UChar32 c) {
  const int8_t t = u_charType(c);
  return u_isalnum(c) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
         t == U_ENCLOSING_MARK || t == U_OTHER_LETTER;
}

bool is_ascii(std::string_view s) {
  unsigned char acc = 0;
  for (char c : s) acc |= static_cast<unsigned char>(c);
  return acc < 0x80;
}

}  // namespace

Normalizer::Normalizer() = default;

void Normalizer::tokenize(std::string_view text, TokenizedText& out) {
  out.clear();
  if (is_ascii(text)) return tokenize_ascii(text, out);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(err);
  folded_.clear();
  if (U_SUCCESS(err)) {
    icu::StringByteSink<std::string> sink(&folded_, static_cast<int32_t>(text.size()));
    nfkc_cf->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, err);
  }
  if (U_FAILURE(err)) folded_.assign(text);  // ICU data missing: tokenize unfolded rather than lose the text
  tokenize_unicode(folded_, out);
}

void Normalizer::tokenize_ascii(std::string_view text, TokenizedText& out) {
  std::string& norm = out.normalized;
  norm.reserve(text.size());
  bool in_word = false;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const uint8_t cls = kAscii.cls[c];
    if (cls == 1) {
      if (!in_word) {
        if (!norm.empty()) norm.push_back(' ');
        out.begin.push_back(static_cast<uint32_t>(norm.size()));
        in_word = true;
      }
      norm.push_back(kAscii.lower[c]);
    } else if (cls == 2 && in_word && i + 1 < n && kAscii.cls[static_cast<unsigned char>(text[i + 1])] == 1) {
      continue;  // "don't" → "dont": the apostrophe joins, it does not split
    } else if (in_word) {
      out.end.push_back(static_cast<uint32_t>(norm.size()));
      in_word = false;
    }
  }
  if (in_word) out.end.push_back(static_cast<uint32_t>(norm.size()));
}

void Normalizer::tokenize_unicode(std::string_view s, TokenizedText& out) {
  std::string& norm = out.normalized;
  norm.reserve(s.size());
  bool in_word = false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  auto close_word = [&] {
    if (in_word) out.end.push_back(static_cast<uint32_t>(norm.size()));
    in_word = false;
  };
  auto open_token = [&] {
    if (!norm.empty()) norm.push_back(' ');
    out.begin.push_back(static_cast<uint32_t>(norm.size()));
  };
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    if (p[i] < 0x80) {
      c = p[i++];
      const uint8_t cls = kAscii.cls[c];
      if (cls == 1) {
        if (!in_word) {
          open_token();
          in_word = true;
        }
        norm.push_back(kAscii.lower[c]);  // NFKC_Casefold already lowered it; harmless
        continue;
      }
    } else {
      U8_NEXT(p, i, n, c);
    }
    if (c < 0) {  // cannot happen on valid UTF-8; treat as a separator
      close_word();
      continue;
    }
    if (is_apostrophe(c) && in_word && i < n) {
      // Keep joining only when a word character follows.
      int32_t j = i;
      UChar32 next;
      U8_NEXT(p, j, n, next);
      if (next >= 0 && is_word_char(next) && !is_unspaced_script(next)) continue;
    }
    if (c >= 0x80 && is_word_char(c)) {
      if (is_unspaced_script(c)) {
        close_word();
        open_token();
        norm.append(s.data() + start, static_cast<size_t>(i - start));
        out.end.push_back(static_cast<uint32_t>(norm.size()));
        continue;
      }
      if (!in_word) {
        open_token();
        in_word = true;
      }
      norm.append(s.data() + start, static_cast<size_t>(i - start));
      continue;
    }
    close_word();
  }
  close_word();
}

}  // namespace copydesk
