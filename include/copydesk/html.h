// copydesk — HTML page → article text and metadata.
//
// A crawled news page wraps the story in page furniture: menus, a "Hot this
// week" list of linked headlines, share buttons, a footer. Two copies of one
// wire story on two sites share the story, not the furniture, so the
// near-duplicate stages must see the story alone. `extract_html` parses the
// page with a real HTML5 parser, turns it into lines of visible text and
// (by default) keeps the lines that make up the main content.
//
//   copydesk::Result<copydesk::HtmlPage> page = copydesk::extract_html(html);
//   if (!page.ok()) return page.status();      // e.g. "not HTML: 37% control bytes"
//   doc.text = page->text;                     // one line per paragraph
//   doc.title = page->title;
//   doc.date_text = page->date_text;           // parse with parse_iso8601 (date.h)
//   doc.site = copydesk::host_of_url(url);
//
// Lines. Every block-level element (p, div, h1–h6, li, td/th, blockquote,
// pre lines, br …) ends a line; inline elements (a, b, span …) do not.
// Whitespace runs (and no-break spaces) collapse to one space; entities are
// decoded by the parser. Never text: script, style, noscript, template,
// iframe, svg, math, canvas, media, form controls (button, select, input,
// textarea), elements marked `hidden`, `aria-hidden="true"` or inline
// `display:none`. Page furniture — nav, aside, menu, header and footer
// outside an article/section, and elements with role navigation, banner,
// contentinfo, complementary or search — is dropped when `main_content` is
// on and kept when off, so `main_content = false` gives all visible text.
// <form> itself is kept: ASP.NET pages wrap the whole page in one.
//
// Main content (HtmlParams::main_content, on by default) — a heuristic in the
// spirit of jusText, BTE (Finn et al.: the max-subarray of text minus markup)
// and Mozilla Readability's class-name hints:
//  1. Each line is a block with its words, its characters and its link
//     density (characters inside <a> / all characters). A block is
//     boilerplate when its link density exceeds max_link_density or most of
//     it sits in an element whose class/id names furniture (comment, sidebar,
//     share, related, byline, author, date, meta, newsletter, cookie, ad …;
//     not when a content word — article, body, content, entry, main, story —
//     is there too, and the hints are ignored when they would cover most of
//     the page's text: then they named a wrapper). Otherwise it is good with
//     at least min_block_words words, short with fewer. As in jusText, a
//     "near-good" block (fewer than twice min_block_words) with link-dense
//     blocks on both sides is boilerplate: the excerpts of a list of linked
//     headlines.
//  2. Region: the content containers are itemprop="articleBody", <article>,
//     <main>, role="main" and block elements whose class/id has a content
//     word. Of those holding at least a third of the page's good words, the
//     one whose blocks score highest (as in 3; the smaller on ties) is the
//     region: an outer container loses when what it adds is mostly links,
//     wins when it adds story text. With none, the region is the whole page.
//  3. In the region, the contiguous run of blocks with the highest score
//     (good +words, boilerplate −words, short −1, heading 0) is the content:
//     a list of other headlines ends it, a short "Read also" box inside the
//     story does not. On a tie the longer run wins if it ends with a good
//     block.
//  4. In that run, good blocks and headings are kept, boilerplate dropped, and
//     short blocks kept only when they are paragraphs (<p>, <li>,
//     <blockquote>, <pre>, <dd>, <dt>) whose nearest non-short neighbours on
//     both sides are good — "He declined to comment." stays, "Advertisement"
//     and "Photo: Reuters" go. Headings right before the run are kept, and in
//     a content container so are the short paragraphs right after it
//     ("Reporting by …"). A heading equal to the page title is dropped: the
//     title is reported separately, and copies are often retitled.
//  5. With no good block at all, every non-boilerplate block of the region is
//     kept.
// Words are space-separated tokens; in scripts written without spaces (Han,
// Kana, Thai, Lao) every two characters count as one word.
// Measured once on 10,500 pages of the built-in generator's crawl
// (generate_crawl_pages in generator.h: five site themes; seeds 20260101, 5,
// 99, 7, 1234): the text is exactly the story's paragraphs on 10,490 pages
// (99.9 %; the rest lose one short closing quote), not counting the site's
// own header/footer lines that some themes put inside the story (cross-page
// boilerplate, left to a later stage); every date and title is right.
//
// Metadata. title: og:title, else <title> — og:title is what the publisher
// set for the story (usually without the " | Site" suffix <title> carries).
// A " - Site" / " | Site" / " — Site" / " · Site" suffix is stripped from
// either only when it equals the site name the page declares, so a headline
// with a dash in it is never cut. date_text, the first found of:
// <meta property="article:published_time">, JSON-LD "datePublished" (in
// <script type="application/ld+json">, also inside @graph and lists; an
// Article-like @type first), <meta itemprop="datePublished"> and the usual
// name="pubdate"/"publishdate"/"date"/"dc.date.issued" metas, and last the
// first <time datetime> — inside the content region when there is one. It is
// kept as text; parse it with parse_iso8601 (date.h). (A <header> outside
// any article is furniture, but its <time> is read: many themes put the
// story's headline and byline there.) site_name:
// og:site_name, else <meta name="application-name">. canonical_url:
// <link rel="canonical">, else og:url. language: <html lang>.
//
// Encoding. Input is taken as UTF-8. A UTF-16 byte-order mark, or — when the
// bytes are not valid UTF-8 — a charset declared in a <meta> in the first
// 1024 bytes (windows-1252, windows-1251, Shift_JIS …) is honoured. Output is
// always valid UTF-8: remaining invalid bytes become U+FFFD.
//
// Robustness. The work is bounded: input above max_input_bytes is refused;
// tags nested deeper than max_nesting_depth are dropped before parsing (their
// text is kept), because HTML5 tree construction is quadratic in the depth of
// open elements (100k nested <div>: 10 s in both Gumbo and MyHTML); the tree
// is walked with an explicit stack. Bytes that are mostly control characters
// are refused as "not HTML: 37% control bytes" instead of becoming garbage
// text; a page without text gives "no text in page". Messages say only what
// is wrong: the caller adds the file and record names. No global mutable
// state: extract_html calls may run in parallel (each makes its own parser);
// an HtmlExtractor reuses one and belongs to one thread.
// Peak memory is about 10× the input size (the DOM).
//
// Parser choice (measured once, one core, Debian 12 packages; parse + walk of
// all text nodes; CPU time; throwaway harness, not in the repository):
//
//   input                          Gumbo 0.10.1     MyHTML (libmodest)   libxml2 2.9.14 HTML
//   312 generated news pages, 4 MB 26.5 MB/s        215 MB/s             89 MB/s
//   100 MB page                    4.8 s, 855 MB    1.6 s, 1065 MB       2.6 s, 1165 MB
//   1 MB random bytes              ok, 1.7 MB text  ok, 0.9 MB text      stops at first NUL
//   100k nested <div>              10.1 s, ok       10.1 s, ok           0.001 s, text LOST
//   100k nested <span><b>          5.2 s, 207 MB    4.9 s, 48 MB         text LOST
//   truncated / unclosed / stray   ok               ok                   ok
//   3000 randomly mutated pages    no crash         no crash             —
//   300 of them under valgrind     no errors        no errors            —
//
// MyHTML is chosen: a complete HTML5 tree builder like Gumbo, equally robust
// in these tests, and 8× faster — at Gumbo's 27 MB/s, HTML parsing would be
// the slowest stage of the pipeline by far. libxml2's parser is not HTML5
// and silently loses text below depth 256. The deep-nesting cost both HTML5
// parsers share is bounded by max_nesting_depth (above): with it,
// extract_html takes 5 ms on 100k nested <div> and 0.35 s on 63 MB of
// <div></div> under 600 open <div>s. Throughput per core
// (bench/bench_html.cpp): 190 MB/s of HTML with extract_html, 300 MB/s with
// a reused HtmlExtractor on 20–40 KB pages heavy in inline script; 100 MB/s
// (10k pages/s) on the generator's 10 KB pages, dense in elements. Caveat: both Gumbo
// and MyHTML are no longer developed upstream (MyHTML's author moved on to
// lexbor, not packaged in Debian 12); swapping parsers touches only
// src/html/dom_walk.cpp and src/html/html_extract.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "copydesk/status.h"

namespace copydesk {

struct HtmlParams {
  // Keep only the main content (see above); false: all visible text.
  bool main_content = true;
  // A block whose link density is above this is navigation, not content.
  // 0.5 as boilerpipe's and jusText's link-density cut-offs (0.33–0.5).
  double max_link_density = 0.5;
  // A block with fewer words is "short": kept only as a paragraph between
  // good blocks.
  // boilerpipe's content blocks start at ~10 words; one-sentence news
  // paragraphs have 15–30.
  uint32_t min_block_words = 10;
  // Pages larger than this are refused (memory is ~10× the input).
  size_t max_input_bytes = size_t{64} << 20;
  // Start tags nested deeper than this are dropped before parsing, their
  // text kept. News pages nest 15–40 deep; the bound keeps tree building
  // linear (cost per tag grows with the depth).
  uint32_t max_nesting_depth = 512;
  // More control bytes (C0 except tab/LF/FF/CR, and DEL) than this fraction
  // of the input: not HTML. Text has none; random bytes have 11 %.
  double max_control_fraction = 0.05;

  Status validate() const;
};

struct HtmlPage {
  std::string text;           // lines joined by '\n', no trailing newline
  std::string title;          // empty when the page has none
  std::string date_text;      // publication date as written in the page
  std::string site_name;      // og:site_name / application-name
  std::string canonical_url;  // <link rel=canonical> / og:url
  std::string language;       // <html lang>, e.g. "en-GB"
};

// Parses one HTML page. Errors (all ParseError): the input is larger than
// max_input_bytes, is mostly control bytes, or has no text (with
// main_content, none that survives the extraction). InvalidArgument when
// `params` are invalid. Makes a parser for this page alone.
Result<HtmlPage> extract_html(std::string_view html, const HtmlParams& params = {});

// The same, keeping the parser's memory from one page to the next: 1.6×
// faster than extract_html on 10–40 KB pages, where faulting in fresh memory
// for every DOM costs a third of the time. Not thread-safe: one per thread (as
// Normalizer). After a page above 4 MiB the parser is freed, so one huge
// page does not pin its memory.
//
//   HtmlExtractor extractor(params);
//   for (const std::string& page : pages) { Result<HtmlPage> p = extractor.extract(page); ... }
class HtmlExtractor {
 public:
  explicit HtmlExtractor(const HtmlParams& params = {});
  ~HtmlExtractor();
  HtmlExtractor(HtmlExtractor&&) noexcept;
  HtmlExtractor& operator=(HtmlExtractor&&) noexcept;

  Result<HtmlPage> extract(std::string_view html);

  struct Parser;  // private: the MyHTML objects

 private:
  static constexpr size_t kKeepParserUpTo = size_t{4} << 20;
  HtmlParams params_;
  std::unique_ptr<Parser> parser_;
};

// The host of a URL, for Document::site: lower-cased, without scheme,
// userinfo, port, a leading "www." and a trailing dot.
// "https://user@WWW.Example.com:8080/a?b" → "example.com". Works without a
// scheme ("www.bbc.co.uk/news"); "" when there is no host.
std::string host_of_url(std::string_view url);

}  // namespace copydesk
