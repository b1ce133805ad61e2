// Lines of a page as the boilerplate module sees them (internal): where each
// line is, and the hash of its normalized words under its site's seed, so
// that one line on two sites gives two unrelated keys and a key alone says
// both which site and which line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "copydesk/normalize.h"

namespace copydesk::boilerplate {

struct Line {
  size_t begin = 0;    // the line's bytes in the text, without its '\n'
  size_t end = 0;
  uint64_t key = 0;    // hash of the normalized words; 0 = a separator (no words)
  uint32_t words = 0;  // normalized tokens
  bool is_separator() const { return key == 0; }
};

// The seed of a site's line keys: XXH3-64 of the site name.
uint64_t site_seed(std::string_view site);

// The neighbourhood of a line: a 32-bit hash of the keys of the lines with
// words just before and after it (kPageEdge at the ends of the page).
inline constexpr uint64_t kPageEdge = 0x5bd1e9955bd1e995ULL;
uint32_t neighbourhood(uint64_t previous_key, uint64_t next_key);

// Splits texts into lines and hashes them. Holds scratch buffers: one per thread.
class LineScanner {
 public:
  // Overwrites `out` with the lines of `text` (split at '\n'; a text ending
  // in '\n' ends with an empty line).
  void scan(std::string_view text, uint64_t seed, std::vector<Line>& out);
  // The key of one line (0 when it has no words).
  uint64_t key(std::string_view line, uint64_t seed, uint32_t* words = nullptr);

 private:
  Normalizer normalizer_;
  TokenizedText tokens_;
};

// `line` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view line);

}  // namespace copydesk::boilerplate
