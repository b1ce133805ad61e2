#include "text/boilerplate_lines.h"

#include <xxhash.h>

namespace copydesk::boilerplate {

uint64_t site_seed(std::string_view site) { return XXH3_64bits(site.data(), site.size()); }

uint32_t neighbourhood(uint64_t previous_key, uint64_t next_key) {
  uint64_t x = previous_key * 0x9E3779B97F4A7C15ULL ^ (next_key << 31 | next_key >> 33);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return static_cast<uint32_t>(x ^ (x >> 32));
}

uint64_t LineScanner::key(std::string_view line, uint64_t seed, uint32_t* words) {
  normalizer_.tokenize(line, tokens_);
  if (words != nullptr) *words = static_cast<uint32_t>(tokens_.size());
  if (tokens_.size() == 0) return 0;
  const uint64_t h = XXH3_64bits_withSeed(tokens_.normalized.data(), tokens_.normalized.size(), seed);
  return h == 0 ? 1 : h;
}

void LineScanner::scan(std::string_view text, uint64_t seed, std::vector<Line>& out) {
  out.clear();
  size_t begin = 0;
  while (true) {
    const size_t newline = text.find('\n', begin);
    const size_t end = newline == std::string_view::npos ? text.size() : newline;
    Line line;
    line.begin = begin;
    line.end = end;
    line.key = key(text.substr(begin, end - begin), seed, &line.words);
    out.push_back(line);
    if (newline == std::string_view::npos) break;
    begin = newline + 1;
  }
}

std::string_view trim(std::string_view line) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  size_t b = 0, e = line.size();
  while (b < e && space(line[b])) ++b;
  while (e > b && space(line[e - 1])) --e;
  return line.substr(b, e - b);
}

}  // namespace copydesk::boilerplate
