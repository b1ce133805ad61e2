// copydesk — a deterministic, streaming generator of synthetic news crawls
// with gold labels. It is the built-in default input of `copydesk dedup` and
// the source of the large crawls the benchmarks run on.
//
// What it models (see GeneratorParams):
// - EVENTS: one real-world happening (its people, places, organisations,
//   subject words, its day), reported by 1-5 wire stories from different
//   agencies (AP / Reuters / AFP / local, 250-700 words in short paragraphs,
//   a dateline such as "BEIJING (AP) — ", quotes). Each agency writes its own
//   text from its own angle: the event's main subject and about two thirds
//   of its other words, words of its own, one or two sources of its own,
//   its own pick of sentence patterns and of background sentences (context,
//   scene, figures, people met in streets and villages with names of their
//   own). So the stories of one event share names and some subject words, not
//   sentences. The first is sent when the event happens, the others within
//   18 hours. Stories per event: P(k) ∝ k^-1.8 on [1, 5], so 64 % of the
//   events have one story, 18 % two, 18 % three to five (mean 1.66).
//   Different agencies: AP, Reuters and AFP tell an event at most once each,
//   local agencies any number of times.
// - STORYLINES: an event and its follow-ups ("quake hits X", "rescuers search
//   the rubble in X", "death toll rises"), each 1-4 days after the one before.
//   A follow-up keeps the storyline's core, the first event's city, main
//   organisation, main subject noun (second to a subject of its own) and main
//   person (half the time the second person too), and draws the rest afresh:
//   other people and places, other nouns, verbs and adjectives, another day. Events per storyline: P(k) ∝
//   k^-2 on [1, 5], so 68 % are a single event (mean 1.56). A storyline is
//   placed inside the span; follow-ups that cannot fit (a span or more after
//   its first event) are left out.
// - COPIES: each story is republished by several sites. Copies per story
//   follow a power law on [2, max_copies]: about half the stories get 2-3
//   copies, about a sixth 10-40. Stories that appear once make
//   singleton_fraction of the documents.
// - Per copy: the site's boilerplate (a header line and a footer line, about
//   20-30 words, the same on every page of that site), and, independently,
//   a cut to 60-90 % of the paragraphs, a headline of the site's own, 1-3
//   words replaced or deleted, or a typo-fix write-through (the site runs a
//   version with a typo and, 10 minutes to 4 hours later, the corrected one;
//   both are in the crawl).
// - Dates in ISO 8601 UTC ("2026-03-04T10:15:00Z"): events happen at random
//   minutes of [start_time, start_time + span_days); a story's copies appear
//   minutes to two days after it is sent.
// Set max_stories_per_event = max_events_per_storyline = 1 for a crawl of
// earlier versions' shape (not their bytes): every story its own event and
// storyline.
//
// GOLD LABELS. Every document carries three in Document::carried:
//   "gold_group":"w000123","gold_event":"e000045","gold_storyline":"s000012"
// gold_group: the wire story (all its copies share it; each singleton story
// has its own) — what near-duplicate detection should find. gold_event: the
// event the story tells (several stories, by different agencies). gold_storyline:
// the chain of events the event belongs to. Every story has all three; ids
// count from 1 in the order the generator plans them. Word 5-gram Jaccard of
// two story texts (20k documents): copies of one story share most (median
// 0.87, above 0.3 even when cut short and edited); different stories of one
// event few (median 0.014, at most 0.07: not copies, though they share their
// people, places and subject words); a follow-up and its storyline's first
// event 0.010; unrelated stories 0.003. Measured on 100k documents with the
// defaults: 44,979 stories, 26,803 events, 17,106 storylines.
//
// CALIBRATION against real news. Mean cosine of HashedEmbedder vectors
// (embed_hashed.h defaults, 256 dims, fitted on the corpus: one text per
// story here, every article on ECB+), pairs of texts:
//
//                                  ECB+ (772 articles)   generated, 20k docs (100k)
//                                                        before          now
//   same event, other text         0.415 (same subtopic) 0.768 (0.768)   0.361 (0.328)
//   other event, same storyline    0.170 (same topic,    0.415 (0.422)   0.232 (0.211)
//                                  look-alike event)
//   unrelated                      0.039 (other topic)   0.128 (0.127)   0.079 (0.071)
//
// (medians alike.) "Before" was the generator of the first events/storylines
// version: every story of an event drew from all of the event's words, so
// its stories were near-paraphrases. A follow-up is a different event about
// the same people, so it may sit a little below ECB+'s look-alikes. What is
// still off: unrelated stories are closer than ECB+'s, because every story
// is built from the same ~100 sentence patterns and a vocabulary of about
// 1,300 words (ECB+'s articles share mostly function words); exact TF-IDF
// shows function words give 0.06 of the unrelated cosine here against 0.025
// on ECB+.
//
// Documents: id "d0000001", "d0000002", … in output order; url
// "https://www.site07.example/news/<slug-of-title>-<n>" (n = the id's
// number, so urls are unique even for twins); site "site07.example".
//
// Same params (seed included) → byte-identical output, on any machine: the
// generator uses its own PRNG (xoshiro256**), never std::*_distribution, and
// runs on one thread. Memory stays bounded whatever num_docs is: whole
// storylines (their events, stories and copies) are made until a batch holds
// batch_docs documents, and each batch is emitted shuffled. A batch holds at
// most batch_docs - 1 documents plus one storyline's (at most
// max_events_per_storyline × max_stories_per_event × 2·max_copies; 60 in a
// crawl of 100k with the defaults: GeneratorStats::largest_storyline). Where
// the crawl ends, the last storyline loses its last copies and stories so
// that exactly num_docs documents come out.
//
//   GeneratorParams p; p.num_docs = 100000;
//   Status s = generate_crawl(p, [&](const Document& d) { return write(d); });
//
// THE CRAWL AS WEB PAGES. The same documents can be rendered as the HTML
// pages their sites serve (generate_crawl_pages) and written as a WARC file,
// a folder of .html files or JSON Lines with an `html` field (write_crawl,
// write_crawl_html_folder). Each site has a template of its own, fixed by the
// seed: class names from one of five themes (WordPress "Newspaper" and JNews,
// BEM, Bootstrap, a table-based legacy layout); the story in <article> or in
// nested <div class="entry-content">; date metadata as
// <meta property="article:published_time"> (most sites), JSON-LD NewsArticle
// datePublished (some), or neither (a few: then only <time datetime> in the
// byline), in the site's UTC offset; a header with logo and nav menu, a byline,
// share buttons, inline ads and "Also read:" links between paragraphs, a
// sidebar ("Hot this week", "Trending", "Most read", ... before or after the
// story in the DOM) and a related-articles block listing a rotating pick of
// the site's other recent headlines with their first words and "...", a
// newsletter prompt, tags, comments, a cookie banner, a footer.
//
// What an ideal extractor gets back: the story's paragraphs are <p> elements
// whose text (tags removed, entities decoded) is exactly the document's
// paragraphs, one per line of the JSONL text. The site's header and footer
// lines (first and last line of the JSONL text) are inside the story on
// about 40 % of the sites, as on every page of the site (work for cross-page
// boilerplate removal), and furniture elsewhere (the nav menu, the footer).
//
// GOLD FILE. A page cannot carry the gold labels, so the page formats come
// with a gold file beside the crawl: JSON Lines, one line per document in
// crawl order,
//   {"id":..., "url":..., "gold_group":"w000123", "gold_event":"e000045",
//    "gold_storyline":"s000012", "site":..., "date":..., "title":...}
// where `id` is the id a reader gives the record (crawl_record_id):
//   warc        the WARC-Target-URI, i.e. the page's url
//   html        the file's path relative to the folder:
//               "site07.example/news/<slug>-123.html"
//   jsonl, jsonl-html  the record's id, "d0000123"
// and `date` is the publication time (UTC) the page's metadata gives; the
// WARC-Date is the fetch time, 10 minutes to 2 days later.
//
//   StringSink warc, gold;
//   CrawlWriteParams w; w.format = CrawlFormat::kWarc;
//   Status s = write_crawl(p, w, warc, &gold);
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "copydesk/document.h"
#include "copydesk/status.h"
#include "copydesk/writer.h"

namespace copydesk {

struct GeneratorParams {
  uint64_t num_docs = 2000;  // documents to emit in all (exactly)
  uint64_t seed = 20260101;  // fixed default: same crawl every run
  uint32_t num_sites = 40;   // publishing sites, each with its own boilerplate

  int64_t start_time = 1772323200;  // earliest event: 2026-03-01T00:00:00Z (epoch seconds)
  uint32_t span_days = 30;          // events happen within this many days of start_time

  double singleton_fraction = 0.35;  // share of documents whose story appears once
  uint32_t max_copies = 40;          // most copies of one wire story (>= 2)
  double copies_exponent = 1.8;      // P(k copies) ∝ k^-exponent, k in [2, max_copies]

  // Events: stories from different agencies about one happening.
  uint32_t max_stories_per_event = 5;  // [1, 100]; 1: every story its own event
  double stories_exponent = 1.8;       // P(k stories) ∝ k^-exponent, k in [1, max]; [0, 10]
  uint32_t story_spread_hours = 18;    // an event's stories are sent within this many hours; [0, 72]

  // Storylines: an event and its follow-ups, days apart.
  uint32_t max_events_per_storyline = 5;  // [1, 100]; 1: every event its own storyline
  double storyline_exponent = 2.0;        // P(k events) ∝ k^-exponent, k in [1, max]; [0, 10]
  uint32_t followup_min_days = 1;         // a follow-up happens 1-4 days (uniform, to the minute)
  uint32_t followup_max_days = 4;         // after the event before it; min in [1, 365], max in [min, 365]

  // Per-copy variations of wire stories (probabilities, independent).
  double truncate_prob = 0.2;   // cut to 60-90 % of the paragraphs
  double retitle_prob = 0.3;    // a headline of the site's own
  double edit_prob = 0.3;       // 1-3 words replaced or deleted
  double typo_fix_prob = 0.05;  // a typo version plus its later correction

  uint32_t min_words = 250;  // length of a story's body, uniform in
  uint32_t max_words = 700;  // [min_words, max_words] (± one paragraph)

  // Documents made and shuffled together (whole storylines: a batch may
  // overshoot it by one). Bounds memory (a few KB per document) and is part
  // of the output: change it and the order changes.
  uint32_t batch_docs = 2000;

  // InvalidArgument naming the first bad field, e.g. "num_sites must be >= 1".
  Status validate() const;
};

// What a run produced (filled in by generate_crawl when asked for).
struct GeneratorStats {
  uint64_t docs = 0;               // documents emitted
  uint64_t gold_groups = 0;        // distinct gold_group values (stories)
  uint64_t gold_events = 0;        // distinct gold_event values
  uint64_t gold_storylines = 0;    // distinct gold_storyline values
  uint64_t singleton_docs = 0;     // documents alone in their gold group
  uint64_t largest_group = 0;      // documents in the largest gold group
  uint64_t largest_storyline = 0;  // documents in the largest storyline (what a batch may overshoot by)
};

// Calls `sink` once per document, in crawl order. Stops at the first non-OK
// status the sink returns and returns it. Returns validate()'s status first.
Status generate_crawl(const GeneratorParams& params,
                      const std::function<Status(const Document&)>& sink,
                      GeneratorStats* stats = nullptr);

// ---- the crawl as web pages ----

// One document of the crawl and the page its site serves for it.
struct GeneratedPage {
  const Document& doc;    // as generate_crawl emits it (text, title, date, gold labels, ...)
  std::string_view html;  // the whole page, UTF-8, "<!DOCTYPE html>..."
  int64_t fetch_time;     // when a crawler fetched it (seconds since the epoch; after doc.date)
};

// Calls `sink` once per page, in crawl order: the documents of generate_crawl
// with the same params, each rendered through its site's template. Same
// params → same bytes. Memory: one page at a time plus 16 teasers per site.
Status generate_crawl_pages(const GeneratorParams& params,
                            const std::function<Status(const GeneratedPage&)>& sink,
                            GeneratorStats* stats = nullptr);

enum class CrawlFormat {
  kJsonl,      // JSON Lines: {id, title, url, site, date, text, gold_group, gold_event, gold_storyline}
  kJsonlHtml,  // JSON Lines with the page instead of the text: {id, url, html, gold_group, gold_event, gold_storyline}
  kHtml,       // a folder of .html files, one per document (write_crawl_html_folder)
  kWarc,       // a WARC/1.1 file of response records (.warc.gz: one gzip member per record)
};

// "jsonl", "jsonl-html", "html", "warc"; nullopt for anything else.
std::optional<CrawlFormat> parse_crawl_format(std::string_view name);
std::string_view crawl_format_name(CrawlFormat format);

// The id a reader gives the record of `doc` in `format` (see GOLD FILE).
std::string crawl_record_id(const Document& doc, CrawlFormat format);

// Appends one gold line for `doc` under `id` (its labels from doc.carried;
// a label the document lacks is written as "").
void append_gold_jsonl(std::string& out, std::string_view id, const Document& doc);

struct CrawlWriteParams {
  CrawlFormat format = CrawlFormat::kJsonl;
  bool gzip = true;    // warc: gzip each record (.warc.gz); false writes a plain .warc
  int gzip_level = 6;  // warc: zlib level 1 (fastest) .. 9 (smallest)
  std::string software = "copydesk generate";  // the warcinfo record's `software`

  Status validate() const;
};

// Writes the crawl in a stream format (jsonl, jsonl-html, warc) to `out`,
// and the gold file to `gold` unless it is null. Both are written as the
// documents are made, never held whole; neither sink is closed. kHtml is
// InvalidArgument here: see write_crawl_html_folder.
Status write_crawl(const GeneratorParams& params, const CrawlWriteParams& write, Sink& out, Sink* gold,
                   GeneratorStats* stats = nullptr);

// Writes each page to `dir`/crawl_record_id(doc, kHtml), creating the folders,
// and the gold file to `gold` unless it is null. Existing files are replaced.
Status write_crawl_html_folder(const GeneratorParams& params, const std::string& dir, Sink* gold,
                               GeneratorStats* stats = nullptr);

}  // namespace copydesk
