// Main-content selection over the blocks of a page (internal; the heuristic
// is described in html.h).
#pragma once

#include <cstdint>
#include <vector>

#include "html/page_blocks.h"

namespace copydesk::html {

struct ContentSelection {
  std::vector<bool> keep;  // per block
  // The region the content was taken from: a content container's blocks, or
  // all blocks when no container qualified.
  uint32_t region_begin = 0;
  uint32_t region_end = 0;
  bool region_is_container = false;
};

ContentSelection select_main_content(const std::vector<TextBlock>& blocks, const std::vector<Region>& regions,
                                     double max_link_density, uint32_t min_block_words);

}  // namespace copydesk::html
