// HTML pages: a generated document as its site serves it (internal).
//
// Every site gets a template (SiteTemplate) fixed by the seed and the site's
// number: a theme of class names (WordPress "Newspaper", JNews, BEM, Bootstrap,
// table-based legacy), whether the story sits in <article> or in nested
// <div class="entry-content">, which date metadata the <head> carries, where
// the sidebar goes, which blocks exist (breadcrumbs, share buttons, inline
// ads, "Also read:" links, newsletter prompt, related articles, tags,
// comments, cookie banner), how dates and entities are written.
//
// The story's paragraphs are <p> elements whose text is exactly the
// document's paragraphs (entity-encoded; a site may bold the dateline, which
// adds tags but no text). Sites with `boilerplate_in_content` also put the
// site's header and footer lines (the first and last lines of the JSONL text)
// in the story as <p>; the others show them as furniture (the header line's
// items as the nav menu, the footer line in the footer).
//
// The sidebar ("Hot this week", "Trending", ...) and the related-articles
// block list teasers: the titles and first words of the site's pages rendered
// just before (a rotating pick among the last 12), plus a few archive pieces
// of the site's own that are not in the crawl.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copydesk/document.h"
#include "gen/copies.h"
#include "gen/rng.h"

namespace copydesk::gen {

enum class Theme : uint8_t { kNewspaper, kJnews, kBem, kBootstrap, kLegacy };
inline constexpr size_t kThemeCount = 5;

struct SiteTemplate {
  Theme theme = Theme::kNewspaper;
  bool html5 = true;            // <header>/<nav>/<aside>/<footer> elements; else <div>s
  bool article_element = true;  // the story in <article>; else <div class="entry-content"><div ...>
  bool minified = false;        // no line breaks between tags
  bool numeric_entities = false;  // non-ASCII as &#N;, ' as &#039;, " as &quot; (WordPress style)

  // <head>
  std::string_view title_separator = " - ";  // <title>Headline - Brand</title>
  bool og_title = true;          // <meta property="og:title">
  bool meta_published = true;    // <meta property="article:published_time">
  bool meta_modified = false;    // <meta property="article:modified_time"> (may be later)
  bool json_ld = false;          // <script type="application/ld+json"> NewsArticle
  bool json_ld_graph = false;    // ... wrapped in an "@graph" with a WebPage (Yoast style)
  bool meta_description = false; // <meta name="description"> with the first words
  int utc_offset_minutes = 0;    // machine-readable and visible dates use this offset

  // Header, byline.
  bool logo_image = false;  // the logo is <img alt="Brand">: no logo text
  bool top_bar = false;     // a strip with today's date and "Follow us"
  bool breadcrumbs = false;
  bool time_tag = true;     // <time datetime="..."> in the byline (always when no meta nor JSON-LD)
  uint8_t date_style = 0;   // visible date format, 0-4
  uint8_t byline_style = 0; // "By NAME" / "NAME" / "Written by NAME" / "NAME | Staff writer"
  std::vector<std::string> staff;  // reporters' names
  std::vector<std::string> nav;    // menu items: the site's header line split at " | ", brand first

  // The story.
  bool boilerplate_in_content = false;  // the site's header and footer lines as <p> in the story
  bool strong_dateline = false;         // <p><strong>BEIJING (AP)</strong> — ...
  uint8_t ad_style = 0;    // 0 none, 1 "Advertisement" box, 2 "spot_img", 3 "- Advertisement -"
  uint8_t also_read = 0;   // 0 none, 1 <aside>Also read: <a>, 2 <p><strong>Also read:</strong> <a>
  uint8_t insert_every = 4;  // an ad or "Also read" after every this many paragraphs
  uint8_t share = 2;       // share buttons: 0 none, 1 above the story, 2 below, 3 both
  std::string_view share_label;
  bool tags = false;
  bool comments = false;

  // Around the story.
  bool sidebar_first = false;   // the sidebar comes before the story in the DOM
  std::string_view sidebar_label = "Hot this week";
  uint8_t sidebar_items = 6;    // 4-8 teasers
  uint8_t snippet_words = 8;    // words of each teaser's first paragraph, then "..."; 0 = titles only
  bool categories_widget = false;  // "Popular Categories" with post counts
  uint8_t newsletter = 0;       // where the newsletter prompt goes: 0 after the story, 1 sidebar, 2 footer
  std::string_view newsletter_text;
  std::string_view related_label = "Related Articles";
  uint8_t related_items = 3;    // 0 = no related block
  bool relative_links = false;  // teaser links as "/news/..." instead of absolute URLs
  bool cookie_banner = false;
};

// The template of `site`, number `index` (0-based) of the crawl, fixed by `seed`.
SiteTemplate make_site_template(const Site& site, uint32_t index, uint64_t seed);

// A headline another page links to.
struct Teaser {
  std::string title;
  std::string url;
  std::string lede;  // the first 16 words of its first paragraph
};

// Renders the documents of a crawl as pages, in crawl order; remembers each
// site's latest pages for the next pages' teasers. Memory: one template and
// 16 teasers per site that has appeared.
class PageRenderer {
 public:
  PageRenderer(uint32_t num_sites, uint64_t seed);
  ~PageRenderer();

  // Renders `doc` (made by generate_crawl) into `html` (replaced) and returns
  // the time the crawler fetched it (after doc.date). Same documents in the
  // same order → same bytes. A document of a site the crawl does not have
  // gives an empty `html`.
  int64_t render(const Document& doc, std::string& html);

  // The template of the site `domain`; nullptr for a site the crawl does not have.
  const SiteTemplate* site_template(std::string_view domain);

 private:
  struct SiteState;
  SiteState* state(std::string_view domain);

  uint64_t seed_;
  std::vector<Site> sites_;
  std::unordered_map<std::string_view, uint32_t> site_index_;
  std::vector<std::unique_ptr<SiteState>> states_;
  uint64_t pages_ = 0;
};

}  // namespace copydesk::gen
