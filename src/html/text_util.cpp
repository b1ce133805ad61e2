#include "html/text_util.h"

namespace copydesk::html {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool contains_word_ignoring_case(std::string_view s, std::string_view lowercase) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t end = i;
    while (end < s.size() && !is_space(s[end])) ++end;
    if (end > i && equal_ignoring_case(s.substr(i, end - i), lowercase)) return true;
    i = end;
  }
  return false;
}

std::string lowercase_without_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (!is_space(c)) out.push_back(lower(c));
  return out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool no_break = static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
                          static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (is_space(s[i]) || no_break) {
      pending_space = !out.empty();
      if (no_break) ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i]);
  }
  return out;
}

}  // namespace copydesk::html
