#include "gen/copies.h"

#include <algorithm>

#include "copydesk/date.h"
#include "gen/rng.h"
#include "gen/vocab.h"

namespace copydesk::gen {
namespace {

constexpr std::string_view kFooters[] = {
    "Sign up for the {B} morning newsletter to get the day's top stories in your inbox.",
    "Copyright {Y} {B}. All rights reserved. Do not republish without permission.",
    "Get the {B} app for breaking news alerts and follow {D} on social media.",
    "Have a news tip? Contact the {B} newsroom or read more {S} news at {D}.",
    "Support local journalism: subscribe to {B} today for unlimited access.",
};

std::string fill(std::string_view tmpl, const Site& site, std::string_view section) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    const char code = tmpl[i + 1];
    i += 2;  // skip the code and the closing brace
    if (code == 'B') out += site.brand;
    else if (code == 'D') out += site.domain;
    else if (code == 'S') out += section;
    else if (code == 'Y') out += "2026";
  }
  return out;
}

bool editable(std::string_view w, size_t min_len) {
  if (w.size() < min_len) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A word of `paragraphs` (start offset and length within paragraph `p`) that is
// all lower-case letters and at least `min_len` long; false if none was found.
bool pick_word(std::vector<std::string>& paragraphs, Rng& rng, size_t min_len, size_t& p, size_t& start,
               size_t& len) {
  for (int attempt = 0; attempt < 32; ++attempt) {
    p = paragraphs.size() > 1 ? 1 + rng.below(paragraphs.size() - 1) : 0;
    const std::string& s = paragraphs[p];
    std::vector<size_t> starts;
    for (size_t i = 1; i < s.size(); ++i)
      if (s[i - 1] == ' ') starts.push_back(i);
    if (starts.empty()) continue;
    start = starts[rng.below(starts.size())];
    const size_t end = std::min(s.find(' ', start), s.size());
    len = end - start;
    if (editable(std::string_view(s).substr(start, len), min_len)) return true;
  }
  return false;
}

void edit_words(std::vector<std::string>& paragraphs, uint32_t edits, Rng& rng) {
  for (uint32_t e = 0; e < edits; ++e) {
    size_t p, start, len;
    if (!pick_word(paragraphs, rng, 3, p, start, len)) return;
    std::string& s = paragraphs[p];
    if (rng.chance(0.5)) {
      s.erase(start, len + (start + len < s.size() ? 1 : 0));  // the word and its space
    } else {
      const std::string_view w = rng.chance(0.5) ? rng.pick(adjectives()) : rng.pick(nouns());
      s.replace(start, len, w);
    }
  }
}

void add_typo(std::vector<std::string>& paragraphs, Rng& rng) {
  size_t p, start, len;
  if (!pick_word(paragraphs, rng, 5, p, start, len)) return;
  std::string& s = paragraphs[p];
  const size_t j = start + 1 + rng.below(len - 3);  // swap two inner letters
  if (s[j] != s[j + 1]) std::swap(s[j], s[j + 1]);
  else s.insert(j, 1, s[j]);  // or double one
}

}  // namespace

std::vector<Site> make_sites(uint32_t count, uint64_t seed) {
  Rng rng(derive_seed(seed, 0x517e, 0));
  const WordList& first = site_brand_first();
  const WordList& second = site_brand_second();
  std::vector<uint32_t> brands(first.size() * second.size());
  for (uint32_t i = 0; i < brands.size(); ++i) brands[i] = i;
  rng.shuffle(brands);
  size_t width = 2;
  for (uint32_t n = count; n >= 100; n /= 10) ++width;
  std::vector<Site> sites(count);
  for (uint32_t i = 0; i < count; ++i) {
    Site& s = sites[i];
    std::string num = std::to_string(i + 1);
    s.domain = "site" + std::string(width - std::min(width, num.size()), '0') + num + ".example";
    const uint32_t b = brands[i % brands.size()];
    s.brand = std::string(first[b / second.size()]) + " " + std::string(second[b % second.size()]);
    if (i >= brands.size()) s.brand += " " + std::to_string(i / brands.size() + 1);
    std::vector<std::string_view> sections(site_sections().begin(), site_sections().end());
    rng.shuffle(sections);
    s.header = s.brand;
    const uint64_t shown = 3 + rng.below(3);
    for (uint64_t k = 0; k < shown; ++k) s.header += " | " + std::string(sections[k]);
    s.header += rng.chance(0.5) ? " | Subscribe" : " | Sign in";
    s.footer = fill(kFooters[rng.below(std::size(kFooters))], s, sections[0]);
  }
  return sites;
}

void render_copy(const StoryText& story, const CopySpec& copy, const Site& site, Document& doc) {
  doc.title = copy.title_variant == 0 || story.alt_titles.empty()
                  ? story.title
                  : story.alt_titles[(copy.title_variant - 1) % story.alt_titles.size()];
  doc.site = site.domain;
  doc.date = copy.time;
  doc.date_text = format_iso8601(copy.time);

  std::vector<std::string> paragraphs(
      story.paragraphs.begin(),
      story.paragraphs.begin() +
          static_cast<ptrdiff_t>(copy.keep_paragraphs == 0
                                     ? story.paragraphs.size()
                                     : std::min<size_t>(copy.keep_paragraphs, story.paragraphs.size())));
  Rng rng(copy.seed);
  edit_words(paragraphs, copy.edits, rng);
  if (copy.typo) add_typo(paragraphs, rng);

  size_t size = site.header.size() + site.footer.size() + 4;
  for (const std::string& p : paragraphs) size += p.size() + 2;
  doc.text.clear();
  doc.text.reserve(size);
  doc.text += site.header;
  for (const std::string& p : paragraphs) {
    doc.text += "\n\n";
    doc.text += p;
  }
  doc.text += "\n\n";
  doc.text += site.footer;
}

void append_slug(std::string& url, std::string_view title) {
  int words = 0;
  bool in_word = false;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      if (words == 8) break;
      if (words++ > 0) url += '-';
      in_word = true;
    }
    url += c;
  }
}

}  // namespace copydesk::gen
