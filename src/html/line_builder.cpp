#include "html/line_builder.h"

namespace copydesk::html {
namespace {

bool is_ascii_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool is_no_break_space(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
}

// Scripts written without spaces between words: Thai, Lao, CJK, Kana
// (U+0E00–U+0EFF, U+2E80–U+9FFF, U+F900–U+FAFF, U+20000 and above).
bool starts_wide_char(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = b(i);
  if (lead >= 0xF0) return lead > 0xF0 || (i + 1 < s.size() && b(i + 1) >= 0xA0);
  if (lead < 0xE0 || i + 1 >= s.size()) return false;
  const unsigned cp = ((lead & 0x0Fu) << 12) | ((b(i + 1) & 0x3Fu) << 6);
  return (cp >= 0x0E00 && cp < 0x0F00) || (cp >= 0x2E80 && cp < 0xA000) || (cp >= 0xF900 && cp < 0xFB00);
}

}  // namespace

void LineBuilder::append(std::string_view text, const TextContext& where) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_space(c) || (c == 0xC2 && is_no_break_space(text, i))) {
      if (where.preformatted && c == '\n') end_line(where.heading);
      else if (!line_.text.empty()) pending_space_ = true;
      i += c == 0xC2 ? 2 : 1;
      continue;
    }
    size_t end = i + 1;  // a word, or the part of one in this text node
    while (end < text.size()) {
      const auto e = static_cast<unsigned char>(text[end]);
      if (is_ascii_space(e) || (e == 0xC2 && is_no_break_space(text, end))) break;
      ++end;
    }
    if (line_.text.empty()) {
      line_.paragraph = where.paragraph;
      ++tokens_;
    } else if (pending_space_) {
      line_.text.push_back(' ');
      ++tokens_;
    }
    pending_space_ = false;
    line_.text.append(text.data() + i, end - i);
    uint32_t chars = 0;
    for (size_t k = i; k < end; ++k) {
      const auto b = static_cast<unsigned char>(text[k]);
      chars += (b & 0xC0) != 0x80;
      if (b >= 0xE0 && starts_wide_char(text, k)) ++wide_chars_;
    }
    line_.chars += chars;
    if (where.in_link) line_.link_chars += chars;
    if (where.in_hinted) line_.hinted_chars += chars;
    i = end;
  }
}

void LineBuilder::end_line(bool heading) {
  if (!line_.text.empty()) {
    line_.words = tokens_ + wide_chars_ / 2;
    line_.heading = heading;
    out_.push_back(std::move(line_));
  }
  line_ = TextBlock{};
  pending_space_ = false;
  tokens_ = 0;
  wide_chars_ = 0;
}

}  // namespace copydesk::html
