// Copies: one story as a site publishes it (internal).
//
// A copy is the story's paragraphs, perhaps cut short, perhaps with a few
// words edited or a typo, under the wire headline or a headline of the
// site's own, wrapped in the site's boilerplate lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/document.h"
#include "gen/story.h"

namespace copydesk::gen {

struct Site {
  std::string domain;  // "site07.example"
  std::string brand;   // "Valley Courier"
  std::string header;  // first line of every page: "Valley Courier | World | Business | ..."
  std::string footer;  // last line of every page: a newsletter / copyright line
};

// `count` sites with distinct brands and boilerplate, fixed by `seed`.
std::vector<Site> make_sites(uint32_t count, uint64_t seed);

struct CopySpec {
  uint32_t site = 0;             // index into the sites
  int64_t time = 0;              // publication time (seconds since the epoch)
  uint32_t keep_paragraphs = 0;  // cut to this many paragraphs; 0 = keep all
  uint32_t title_variant = 0;    // 0 = wire headline, k = StoryText::alt_titles[k-1]
  uint32_t edits = 0;            // words replaced or deleted
  bool typo = false;             // carries a typo (its corrected twin is a separate copy)
  uint64_t seed = 0;             // where the edits and the typo fall; twins share it
};

// Fills title, site, date_text, date and text of `doc` (id and url are left
// to the caller, who numbers documents in output order).
void render_copy(const StoryText& story, const CopySpec& copy, const Site& site, Document& doc);

// Appends the first eight words of `title`, lower-case, letters and digits
// only, joined by '-' (the slug of a page's url).
void append_slug(std::string& url, std::string_view title);

}  // namespace copydesk::gen
