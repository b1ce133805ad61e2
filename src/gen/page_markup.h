// Page markup: one page's HTML from its parts, in its site's template (internal).
//
// PageRenderer (html_pages.h) decides what a page shows — the story, the
// teasers, the dates — and write_page() decides how: the theme's class names,
// the order of the blocks, entity encoding, line breaks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/document.h"
#include "gen/copies.h"
#include "gen/html_pages.h"

namespace copydesk::gen {

// A time as a site writes it.
struct LocalTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;  // in the site's offset
  std::string iso;  // "2026-03-04T15:45:00+05:30" (or "...Z")
};

// `t` (seconds since the epoch) at `offset_minutes` east of UTC; "Z" instead
// of "+00:00" when `z_for_utc`.
LocalTime local_time(int64_t t, int offset_minutes, bool z_for_utc);

// The first `n` words of `s` (words are separated by single spaces).
std::string first_words(std::string_view s, size_t n);

struct PageContent {
  PageContent(const Document& d, const SiteTemplate& tmpl, const Site& s) : doc(d), t(tmpl), site(s) {}

  const Document& doc;
  const SiteTemplate& t;
  const Site& site;
  std::string_view post_id;                  // the number at the end of the url
  std::vector<std::string_view> paragraphs;  // the story's, without the site's header/footer lines
  bool has_boilerplate = false;              // the text has the site's header and footer lines
  std::string_view header_line, footer_line;
  std::vector<const Teaser*> sidebar, related, also;  // also: "Also read:" links, used in order
  std::string author, section;
  LocalTime published, modified, fetched;
  uint64_t site_seed = 0;  // fixed per site (post counts in "Popular Categories")
};

// Replaces `html` with the whole page, "<!DOCTYPE html>...</html>\n".
void write_page(const PageContent& page, std::string& html);

}  // namespace copydesk::gen
