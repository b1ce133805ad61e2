// The page's title and publication date from what the DOM walk found
// (internal; the rules are in html.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html/page_blocks.h"

namespace copydesk::html {

// `title` without a " - Site" / " | Site" … suffix or "Site | " prefix, when
// that part equals `site_name` (case-insensitive); unchanged otherwise.
std::string strip_site_name(std::string_view title, std::string_view site_name);

// The first "datePublished" in JSON-LD script bodies — of an Article-like
// @type when there is one — looking inside @graph, lists and nested objects.
// Script bodies that are not valid JSON are searched as text.
std::string json_ld_date_published(const std::vector<std::string>& scripts);

// HtmlPage::title and HtmlPage::date_text. `content_begin`/`content_end`:
// the blocks of the content region, where <time> is looked for first.
std::string choose_title(const PageWalk& page);
std::string choose_date(const PageWalk& page, uint32_t content_begin, uint32_t content_end);

}  // namespace copydesk::html
