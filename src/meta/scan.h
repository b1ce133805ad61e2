// Byte-level helpers shared by the dateline and wire scanners. Text is UTF-8
// but may be garbage: every helper checks bounds and never decodes more than
// the few sequences it names (NBSP, en/em dash, typographic quotes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace copydesk::meta {

inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline unsigned char byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

inline bool has(std::string_view s, size_t p, std::string_view what) {
  return p <= s.size() && s.size() - p >= what.size() && std::memcmp(s.data() + p, what.data(), what.size()) == 0;
}

// A punctuation character of the General Punctuation block that ends a word:
// U+2013 – U+2014 — U+2018 ‘ U+2019 ’ U+201C “ U+201D ”.
inline bool punctuation_at(std::string_view s, size_t p) {
  if (p + 2 >= s.size() || byte(s, p) != 0xE2 || byte(s, p + 1) != 0x80) return false;
  const unsigned char c = byte(s, p + 2);
  return c == 0x93 || c == 0x94 || c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D;
}

// Length of the horizontal space at p (space, tab, CR, U+00A0), 0 when none.
inline size_t hspace_len(std::string_view s, size_t p) {
  if (p >= s.size()) return 0;
  if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r') return 1;
  if (byte(s, p) == 0xC2 && p + 1 < s.size() && byte(s, p + 1) == 0xA0) return 2;
  return 0;
}

inline size_t skip_hspace(std::string_view s, size_t p) {
  for (size_t n; (n = hspace_len(s, p)) > 0;) p += n;
  return p;
}

// Skips horizontal space and at most one line break.
inline size_t skip_space_one_newline(std::string_view s, size_t p) {
  p = skip_hspace(s, p);
  if (p < s.size() && s[p] == '\n') p = skip_hspace(s, p + 1);
  return p;
}

// Length of a dash separator at p: "--" 2, "-" 1, "—" / "–" 3; 0 when none.
inline size_t dash_len(std::string_view s, size_t p) {
  if (p >= s.size()) return 0;
  if (s[p] == '-') return p + 1 < s.size() && s[p + 1] == '-' ? 2 : 1;
  if (p + 2 < s.size() && byte(s, p) == 0xE2 && byte(s, p + 1) == 0x80 &&
      (byte(s, p + 2) == 0x93 || byte(s, p + 2) == 0x94)) {
    return 3;
  }
  return 0;
}

// Whether the character at p belongs to a word: ASCII letters and digits, and
// any non-ASCII character except spaces and the punctuation above.
inline bool word_char_at(std::string_view s, size_t p) {
  if (p >= s.size()) return false;
  const unsigned char c = byte(s, p);
  if (c < 0x80) return is_alnum(static_cast<char>(c));
  return hspace_len(s, p) == 0 && !punctuation_at(s, p);
}

// Whether the character ending just before p belongs to a word.
inline bool word_char_before(std::string_view s, size_t p) {
  if (p == 0) return false;
  size_t q = p - 1;
  for (int back = 0; back < 3 && q > 0 && (byte(s, q) & 0xC0) == 0x80; ++back) --q;
  return word_char_at(s, q);
}

// A line [begin, end) of the text, without its '\n', trimmed of spaces.
struct LineSpan {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return begin >= end; }
};

inline LineSpan trim_line(std::string_view s, size_t begin, size_t end) {
  begin = skip_hspace(s, begin);
  if (has(s, begin, "\xEF\xBB\xBF")) begin = skip_hspace(s, begin + 3);  // byte order mark
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r')) --end;
  if (end >= begin + 2 && byte(s, end - 2) == 0xC2 && byte(s, end - 1) == 0xA0) end -= 2;
  return {begin, end};
}

// The end of the line starting at p (the position of its '\n', or s.size()).
inline size_t line_end(std::string_view s, size_t p) {
  const void* nl = p < s.size() ? std::memchr(s.data() + p, '\n', s.size() - p) : nullptr;
  return nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - s.data()) : s.size();
}

// Calls visit(LineSpan) for each of the first max_lines non-blank lines that
// start (after leading spaces) before max_start, until visit returns true.
template <typename Visit>
void for_head_lines(std::string_view s, uint32_t max_lines, size_t max_start, Visit visit) {
  uint32_t seen = 0;
  for (size_t p = 0; p < s.size() && seen < max_lines;) {
    const size_t e = line_end(s, p);
    const LineSpan line = trim_line(s, p, e);
    if (!line.empty()) {
      if (line.begin >= max_start) return;
      ++seen;
      if (visit(line)) return;
    }
    p = e + 1;
  }
}

}  // namespace copydesk::meta
