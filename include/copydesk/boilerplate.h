// copydesk — cross-crawl boilerplate: the lines a site repeats on its pages.
//
// A page of a news site is the article plus the site's furniture: the menu,
// "Hot this week" and its teasers, share buttons, newsletter prompts, the
// footer. Two sites that run the same wire story differ mostly in that
// furniture, and two stories on one site share it, so it has to go before
// fingerprinting. One page alone does not tell furniture from article; a
// crawl does: furniture recurs on many pages of the same site, articles do
// not. Pass 1 counts, for every site, on how many of its pages each line
// occurs; finalize() decides; pass 2 removes the site's boilerplate from each
// page. The crawl is streamed twice; only 64-bit line hashes are kept between.
//
// Lines. A text is split at '\n' (HTML → text gives one block per line;
// JSON Lines texts have one paragraph per line). Two lines are the same when
// their normalized words are (normalize.h: NFKC + case folding, punctuation
// and spacing dropped; "HOT THIS WEEK" = "Hot this week!"). Digits are kept:
// masked, every "Pay April 30" of Reuters' dividend notices would be one
// line. A line without words (blank, "***") is a separator: never counted,
// kept where the lines around it are kept.
//
// Pass 1 counts each distinct line once per page, per site, with the range of
// its neighbourhoods (a 32-bit hash of the lines with words just before and
// after it; keeping the minimum and the maximum says "seen in two different
// places or more" and merges exactly across threads).
//
// The rules, for a site of N counted pages:
//
//  1. Furniture: a line on at least max(min_pages, min_page_fraction × N)
//     pages. It goes wherever it is. A line of more than long_line_words
//     words is a paragraph, not a label, and needs long_line_page_fraction.
//  2. Recurring: a line on at least list_min_pages pages, seen in two or more
//     neighbourhoods. Sidebars show a rotating pick of the site's headlines
//     and teasers, so each of their lines is on a few pages only: too few
//     for furniture, but they move around. A story a site republishes
//     (updates, AMP, print) keeps its paragraphs' neighbours, so its lines
//     are not recurring even where an "Advertisement" label sits among them.
//  3. Lists: on a page, runs of furniture and recurring lines (separators and
//     the page's own title do not break them) chain across gaps of at most
//     list_gap_lines short lines (≤ long_line_words words: teasers of pages
//     seen too rarely) when the list is under way (the run before the gap
//     has a recurring line) and a recurring line borders the gap. The two
//     end runs of a chain must have furniture or list_min_lines recurring
//     lines, or they are left out. A chain with furniture and at least
//     list_min_lines recurring lines is a list: all its lines go. A
//     recurring line elsewhere stays.
//  4. Stays: the page's own title (when given: sidebars list the site's
//     headlines, so a page's title recurs on its site); a line on a single
//     page, unless it is a short line inside a list (list_gap_lines = 0: never);
//     a lone recurring line beside furniture (one repeated quote after
//     "Advertisement", an "Also read:" link in the story).
//  5. A page never loses everything: when every line would go, it is a
//     repeat of a page or a page of nothing but furniture; it is kept whole.
//  6. Pages without a site (site "") are neither counted nor stripped: across
//     sites, the lines that recur are the wire copies copydesk looks for.
//
// Choosing the defaults. bench/bench_boilerplate.cpp prints each setting's
// quality on 20,000 pages of 40 sites: "story lost" = headline and paragraph
// lines removed, "left" = other lines kept. Rendered text pages (menu,
// byline, date, ads and "Also read:" links in the story, share buttons, a
// sidebar of 4-8 teasers picked among the site's last 12 pages, related
// articles, newsletter prompt, categories widget, footer) and, with
// COPYDESK_BENCH_HTML=1, the generator's HTML pages (generate_crawl_pages)
// as extract_html gives all their visible text:
//
//   setting                 text pages: lost / left   HTML pages: lost / left
//   defaults                0     / 4.7 %             0     / 6.5 %
//   list_gap_lines 0, 4     0, 0.34 % / 5.8, 4.7 %    0, 0.05 % / 7.2, 6.5 %
//   list_min_pages 2, 4     0.70, 0 % / 4.6, 4.8 %    0.26, 0 % / 6.4, 6.7 %
//   list_min_lines 1, 3     0.10, 0 % / 3.6, 6.9 %    0.04, 0 % / 5.6, 6.7 %
//   min_page_fraction .1,.5 0, 0 % / 5.8, 4.5 %       0, 0 % / 5.8, 6.6 %
//   no list rule            0     / 53 %              0     / 32 %
//
// Every default loses no story line on either crawl; each setting that
// removes more loses story lines (list_gap_lines 4, list_min_pages 2,
// list_min_lines 1) or removes less on the other crawl (min_page_fraction
// 0.1, 0.5); 0.3 also keeps the furniture of a template a site uses on a
// third of its pages. What stays is mostly rule 4: "Also read:" links, tag
// and date lines beside furniture. After extract_html's main-content filter,
// the other lines left (the site's header and footer lines that 40 % of the
// generator's sites put inside the story) all go, and no story line.
// min_pages 5: a site seen on fewer pages gives too little evidence, and small
// sites are where one story fills a large share of the pages. long_line_words
// 20, long_line_page_fraction 0.8: labels, menus and headings are a few
// words, wire paragraphs 20-40; longer footers and cookie banners are on
// every page.
// On texts without site furniture the rules stay quiet: BBC News (2,225
// articles, each category taken as a site) loses nothing; Reuters-21578
// (19,779 texts with hard-wrapped lines, taken as one site) loses its
// "REUTER" sign-off (0.97 % of the bytes) and 1,317 lines in lists (0.39 % of
// the lines, 0.26 % of the bytes: the "Pay April 30" / "Record March 31"
// lines of dividend notices).
//
// Threads: pass 1 runs on one model per thread, then merge() them (in any
// order: counts add up, neighbourhood ranges take min and max). strip() is
// const and thread-safe; each thread keeps its own BoilerplateReport and
// merges it likewise. Same pages, same output, whatever the threads.
//
// Memory: pass 1 holds 24 bytes per distinct (site, line) in an
// open-addressing table 35-70 % full, per thread until merged (the bench
// crawl: 409k distinct lines, 25 MB); finalize() keeps only furniture and
// recurring lines, 16 bytes each (1 MB). summary() has the figures.
//
//   std::vector<BoilerplateModel> counters(threads);  // one per thread, same params
//   // pass 1, thread t: counters[t].add_page(doc.site, doc.text);
//   BoilerplateModel model = std::move(counters[0]);
//   for (t = 1; t < threads; ++t) COPYDESK_RETURN_IF_ERROR(model.merge(std::move(counters[t])));
//   COPYDESK_RETURN_IF_ERROR(model.finalize());
//   // pass 2, thread t:
//   doc.text = model.strip(doc.site, doc.text, doc.title, &stats, &reports[t]);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

struct BoilerplateParams {
  double min_page_fraction = 0.3;        // furniture: on at least this share of the site's pages
  uint32_t min_pages = 5;                // ... and on at least this many pages
  uint32_t long_line_words = 20;         // a line of more words is a paragraph ...
  double long_line_page_fraction = 0.8;  // ... and is furniture only on this share of the pages
  uint32_t list_min_pages = 3;           // recurring: on at least this many pages, in 2+ neighbourhoods
  uint32_t list_min_lines = 2;           // recurring lines that, with furniture, make a list
  uint32_t list_gap_lines = 2;           // short lines a list may hold between its runs (0: none)

  // InvalidArgument naming the first bad field, e.g. "min_pages must be >= 2".
  Status validate() const;
};

// What strip() did to one page.
struct StripStats {
  uint32_t lines_kept = 0;               // lines with words kept
  uint32_t furniture_lines_removed = 0;  // rule 1
  uint32_t list_lines_removed = 0;       // rule 3: the other lines of lists
  uint64_t bytes_removed = 0;            // input bytes minus output bytes
  bool kept_whole = false;               // rule 5: everything was boilerplate
};

// Why a line was removed: furniture (rule 1), or in a list (rule 3) as a
// recurring line or as a short line in a gap.
enum class BoilerplateKind : uint8_t { kFurniture, kRecurring, kNewInList };

// One removed line in a report.
struct BoilerplateLine {
  std::string text;        // as on the page, trimmed; the smallest in byte order among its variants
  BoilerplateKind kind = BoilerplateKind::kFurniture;
  uint32_t pages_seen = 0;     // pages of the site it is on (pass 1); 0 for kNewInList
  uint64_t pages_removed = 0;  // pages it was removed from (pass 2)
};

// What was removed from one site's pages.
struct SiteBoilerplate {
  std::string site;
  uint64_t pages = 0;           // the site's pages counted in pass 1
  uint64_t pages_stripped = 0;  // pages that lost at least one line
  uint64_t lines_removed = 0;
  uint64_t bytes_removed = 0;
  uint64_t distinct_lines = 0;        // distinct removed lines (lines below may be fewer)
  std::vector<BoilerplateLine> lines;  // most often removed first, then by text
};

// Collects what strip() removed, for `--report-boilerplate`. One per thread;
// merge() gives the same result in any order. Holds one entry per distinct
// removed line: the size of the crawl's boilerplate, not of the crawl.
class BoilerplateReport {
 public:
  BoilerplateReport();
  ~BoilerplateReport();
  BoilerplateReport(BoilerplateReport&&) noexcept;
  BoilerplateReport& operator=(BoilerplateReport&&) noexcept;

  void merge(const BoilerplateReport& other);

  // Every site that lost something, by site name; at most
  // `max_lines_per_site` lines each (0 = all).
  std::vector<SiteBoilerplate> sites(size_t max_lines_per_site) const;

 private:
  friend class BoilerplateModel;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What a model holds.
struct BoilerplateSummary {
  uint64_t sites = 0;
  uint64_t pages = 0;            // pages counted (site not empty)
  uint64_t counted_lines = 0;    // distinct (site, line) pairs of pass 1
  uint64_t count_bytes = 0;      // the pass-1 table (freed by finalize)
  uint64_t furniture_lines = 0;  // distinct (site, line) pairs of each kind, after finalize
  uint64_t recurring_lines = 0;
  uint64_t verdict_bytes = 0;    // the table strip() reads
};

class BoilerplateModel {
 public:
  explicit BoilerplateModel(BoilerplateParams params = {});
  ~BoilerplateModel();
  BoilerplateModel(BoilerplateModel&&) noexcept;
  BoilerplateModel& operator=(BoilerplateModel&&) noexcept;

  // Pass 1: counts the lines of one page of `site`. Ignored for site "" and
  // after finalize(). Not thread-safe: one model per thread, then merge().
  void add_page(std::string_view site, std::string_view text);

  // Adds the counts of `other` (same params, neither finalized).
  Status merge(BoilerplateModel&& other);

  // Validates the params, decides furniture and recurring lines, and frees
  // the counts of every other line. Once only.
  Status finalize();
  bool finalized() const;

  // Pass 2: `text` without its site's boilerplate. Kept lines are
  // byte-for-byte and in order, joined by '\n'; a separator line stays when
  // the next line with words is kept and a kept line (or none) precedes it,
  // so a removed line takes the separators before it along. Unchanged when
  // nothing is removed, when the site is "" or was not counted, and before
  // finalize(). `title`, when given, is the page's headline: a line equal to
  // it (normalized) is kept (rule 4). `stats` and `report`, when given, are
  // filled in. Thread-safe.
  std::string strip(std::string_view site, std::string_view text, std::string_view title = {},
                    StripStats* stats = nullptr, BoilerplateReport* report = nullptr) const;

  BoilerplateSummary summary() const;
  const BoilerplateParams& params() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace copydesk
