// What the DOM walk gives the extraction steps (internal): the page as lines
// of text with the figures the main-content heuristic needs, and the
// metadata found on the way.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace copydesk::html {

// One line of visible text: what a block-level element (or <br>) ends.
struct TextBlock {
  std::string text;         // whitespace collapsed, no leading/trailing space
  uint32_t chars = 0;       // code points, spaces excluded
  uint32_t link_chars = 0;  // of those, inside an <a>
  uint32_t hinted_chars = 0;  // of those, inside an element whose class/id names furniture
  uint32_t words = 0;       // see html.h: "Words are ..."
  bool heading = false;     // inside h1–h6
  bool paragraph = false;   // its innermost block element is p, li, blockquote, pre, dd or dt

  double link_density() const { return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars; }
  bool mostly_hinted() const { return 2 * hinted_chars > chars; }
};

// A content container (see html.h): blocks [begin, end) lie inside it.
struct Region {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A <time datetime="..."> and the number of blocks before it.
struct TimeMark {
  std::string datetime;
  uint32_t block_index = 0;
};

struct PageWalk {
  std::vector<TextBlock> blocks;
  std::vector<Region> regions;
  std::vector<TimeMark> times;
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  std::string title;                 // <title>
  std::string og_title;
  std::string site_name;             // og:site_name
  std::string application_name;
  std::string published_time;        // article:published_time
  std::string meta_date;             // itemprop=datePublished, pubdate, ... (first found)
  std::string canonical_url;         // <link rel=canonical>
  std::string og_url;
  std::string language;
};

}  // namespace copydesk::html
