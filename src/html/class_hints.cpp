#include "html/class_hints.h"

#include <array>

namespace copydesk::html {
namespace {

constexpr std::array<std::string_view, 43> kFurnitureWords = {
    "advert", "adsbygoogle", "agegate", "author", "banner", "breadcrumb", "byline", "comment", "community",
    "consent", "cookie", "date", "disqus", "footer", "gdpr", "header", "masthead", "menu", "meta", "modal", "nav",
    "newsletter", "outbrain", "pager", "pagination", "popup", "promo", "publish", "recommend", "related", "remark",
    "repl", "share", "sharing", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "subscri", "taboola",
    "timestamp", "widget"};
constexpr std::array<std::string_view, 6> kContentWords = {"article", "body", "content", "entry", "main", "story"};

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_any(std::string_view word, const auto& prefixes) {
  for (std::string_view p : prefixes)
    if (p[0] == word[0] && word.substr(0, p.size()) == p) return true;
  return false;
}

// Visits the lower-cased words of `names`; words longer than 31 characters
// are skipped (hashes, not names).
template <typename Visit>
void for_each_word(std::string_view names, Visit visit) {
  char word[32];
  size_t length = 0;
  bool too_long = false;
  for (size_t i = 0; i <= names.size(); ++i) {
    const char c = i < names.size() ? lower(names[i]) : ' ';
    if (is_word_char(c)) {
      if (length < sizeof word) word[length++] = c;
      else too_long = true;
      continue;
    }
    if (length > 0 && !too_long) visit(std::string_view(word, length));
    length = 0;
    too_long = false;
  }
}

}  // namespace

NameHint hint_from_names(std::string_view class_names, std::string_view id) {
  if (class_names.empty() && id.empty()) return NameHint::kNone;
  bool furniture = false, content = false;
  const auto visit = [&](std::string_view word) {
    if (starts_with_any(word, kContentWords)) content = true;
    if (word == "ad" || word == "ads" || starts_with_any(word, kFurnitureWords)) furniture = true;
  };
  for_each_word(class_names, visit);
  for_each_word(id, visit);
  if (furniture == content) return NameHint::kNone;
  return furniture ? NameHint::kFurniture : NameHint::kContent;
}

}  // namespace copydesk::html
