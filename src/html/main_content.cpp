#include "html/main_content.h"

#include <algorithm>

namespace copydesk::html {
namespace {

// kBoilerplate: mostly links, or mostly inside elements whose class/id name
// furniture (while those hints are trusted).
enum class BlockClass { kGood, kBoilerplate, kShort };

std::vector<BlockClass> classify(const std::vector<TextBlock>& blocks, double max_link_density,
                                 uint32_t min_block_words) {
  // Class/id hints are ignored when they cover most of the good text: then
  // they named a wrapper ("layout-with-sidebar"), not furniture.
  uint64_t good_words = 0, hinted_good_words = 0;
  for (const TextBlock& b : blocks) {
    if (b.link_density() > max_link_density || b.words < min_block_words) continue;
    good_words += b.words;
    if (b.mostly_hinted()) hinted_good_words += b.words;
  }
  const bool trust_hints = 2 * hinted_good_words <= good_words;
  std::vector<BlockClass> classes;
  classes.reserve(blocks.size());
  for (const TextBlock& b : blocks) {
    if (b.link_density() > max_link_density || (trust_hints && b.mostly_hinted())) {
      classes.push_back(BlockClass::kBoilerplate);
    } else if (b.words >= min_block_words) {
      classes.push_back(BlockClass::kGood);
    } else {
      classes.push_back(BlockClass::kShort);
    }
  }
  // jusText's context rule for "near-good" blocks (fewer than twice
  // min_block_words): with link-dense blocks on both sides (the nearest
  // non-short ones) they are boilerplate too — the excerpts of a teaser list.
  const size_t n = blocks.size();
  const auto linky = [&](size_t i) { return blocks[i].link_density() > max_link_density; };
  std::vector<bool> links_before(n, false), links_after(n, false);
  bool last_linky = false;
  for (size_t i = 0; i < n; ++i) {
    links_before[i] = last_linky;
    if (classes[i] != BlockClass::kShort) last_linky = linky(i);
  }
  last_linky = false;
  for (size_t i = n; i-- > 0;) {
    links_after[i] = last_linky;
    if (classes[i] != BlockClass::kShort) last_linky = linky(i);
  }
  std::vector<BlockClass> in_context = classes;
  for (size_t i = 0; i < n; ++i) {
    if (classes[i] == BlockClass::kGood && blocks[i].words < 2 * min_block_words && links_before[i] &&
        links_after[i]) {
      in_context[i] = BlockClass::kBoilerplate;
    }
  }
  return in_context;
}

int64_t score(const TextBlock& b, BlockClass c) {
  switch (c) {
    case BlockClass::kGood: return b.words;
    case BlockClass::kBoilerplate: return -static_cast<int64_t>(std::max<uint32_t>(b.words, 1));
    case BlockClass::kShort: return b.heading ? 0 : -1;
  }
  return 0;
}

// The content container to restrict the search to, or nullptr: of those
// holding at least a third of the page's good words, the one whose blocks
// score highest (the scores of the run search below), the smaller on ties.
// An outer container scores less than the story's own one when what it adds
// is mostly links ("Top stories": linked headlines with excerpts), more when
// it adds story text (a story split over two containers).
const Region* choose_region(const std::vector<TextBlock>& blocks, const std::vector<BlockClass>& classes,
                            const std::vector<Region>& regions) {
  std::vector<uint64_t> good_words_before(blocks.size() + 1, 0);
  std::vector<int64_t> score_before(blocks.size() + 1, 0);
  for (size_t i = 0; i < blocks.size(); ++i) {
    good_words_before[i + 1] = good_words_before[i] + (classes[i] == BlockClass::kGood ? blocks[i].words : 0);
    score_before[i + 1] = score_before[i] + score(blocks[i], classes[i]);
  }
  const uint64_t total = good_words_before.back();
  if (total == 0) return nullptr;
  const Region* best = nullptr;
  int64_t best_score = 0;
  for (const Region& r : regions) {
    if (3 * (good_words_before[r.end] - good_words_before[r.begin]) < total) continue;
    const int64_t s = score_before[r.end] - score_before[r.begin];
    if (best == nullptr || s > best_score || (s == best_score && r.end - r.begin < best->end - best->begin)) {
      best = &r;
      best_score = s;
    }
  }
  return best;
}

}  // namespace

ContentSelection select_main_content(const std::vector<TextBlock>& blocks, const std::vector<Region>& regions,
                                     double max_link_density, uint32_t min_block_words) {
  ContentSelection out;
  out.keep.assign(blocks.size(), false);
  const std::vector<BlockClass> classes = classify(blocks, max_link_density, min_block_words);
  const Region* region = choose_region(blocks, classes, regions);
  const uint32_t lo = region ? region->begin : 0;
  const uint32_t hi = region ? region->end : static_cast<uint32_t>(blocks.size());
  out.region_begin = lo;
  out.region_end = hi;
  out.region_is_container = region != nullptr;

  // The highest-scoring contiguous run [run_begin, run_end) (Kadane).
  int64_t best = 0, current = 0;
  uint32_t run_begin = lo, run_end = lo, current_begin = lo;
  for (uint32_t i = lo; i < hi; ++i) {
    const int64_t s = score(blocks[i], classes[i]);
    if (current <= 0) current = s, current_begin = i;
    else current += s;
    // On a tie the longer run wins when it ends with a good block: a last
    // paragraph after an "Also read" link of the same length stays.
    if (current > best || (current == best && best > 0 && classes[i] == BlockClass::kGood)) {
      best = current, run_begin = current_begin, run_end = i + 1;
    }
  }
  if (best <= 0) {  // no good block: keep what is not navigation
    for (uint32_t i = lo; i < hi; ++i) out.keep[i] = classes[i] != BlockClass::kBoilerplate;
    return out;
  }

  // A short paragraph is kept when the nearest non-short blocks on both
  // sides are good (headings count as short here); short lines of other
  // elements ("Advertisement", captions) are not.
  std::vector<bool> next_is_good(run_end - run_begin + 1, false);
  for (uint32_t i = run_end; i-- > run_begin;) {
    next_is_good[i - run_begin] = classes[i] == BlockClass::kShort ? next_is_good[i - run_begin + 1]
                                                                    : classes[i] == BlockClass::kGood;
  }
  bool previous_is_good = true;  // the run starts with a good block
  for (uint32_t i = run_begin; i < run_end; ++i) {
    if (classes[i] == BlockClass::kShort) {
      out.keep[i] = blocks[i].heading || (blocks[i].paragraph && previous_is_good && next_is_good[i - run_begin + 1]);
    } else {
      out.keep[i] = classes[i] == BlockClass::kGood;
      previous_is_good = out.keep[i];
    }
  }
  for (uint32_t i = run_begin; i > lo && blocks[i - 1].heading && classes[i - 1] == BlockClass::kShort; --i) {
    out.keep[i - 1] = true;
  }
  // In a content container, short paragraphs that end the story ("Reporting
  // by …", a last one-line quote) are kept too.
  for (uint32_t i = run_end; region != nullptr && i < hi && classes[i] == BlockClass::kShort &&
                             blocks[i].paragraph && !blocks[i].heading;
       ++i) {
    out.keep[i] = true;
  }
  return out;
}

}  // namespace copydesk::html
