// copydesk — the timeline report: how each story unfolded, as one HTML page.
//
// `copydesk events` writes three JSON Lines files (formats: README, "Story
// outputs"): one line per document (its copy group, event and storyline), per
// event (dates, size, sources, wire, headline, top terms) and per storyline
// (its events in time order). The timeline report turns them into a single
// static, self-contained HTML file — all CSS and JavaScript inline, nothing
// fetched from the network (a Content-Security-Policy in the page forbids it)
// — for newsroom and media-research teams who want to see, per storyline,
// which event came first, who broke it, which wire agency carried it, and who
// republished it when.
//
//   TimelineParams params;                       // or set max_storylines, title, ...
//   Result<Timeline> timeline = load_timeline({"docs.jsonl", "events.jsonl", "storylines.jsonl"}, params);
//   if (!timeline.ok()) return timeline.status();  // "events.jsonl:8: event 7: storyline 2 is not in ..."
//   COPYDESK_RETURN_IF_ERROR(write_timeline_html(*timeline, sink));
//
// Loading (load_timeline) reads the storylines and events files whole, checks
// every record (required fields, types, ISO 8601 dates, duplicate numbers) and
// their consistency — every event's storyline exists and lists it, every
// storyline's events exist and name it back, every document's event exists
// and belongs to the document's storyline, and each event's "documents" count
// equals the documents the docs file gives it. Each error names file, line
// and problem. Plain or gzip-compressed files are read alike.
//
// Selection bounds the page whatever the crawl's size. Storylines with fewer
// than `min_events` events are left out; of the rest the `max_storylines`
// largest by documents (ties: lower storyline number) are shown, and the page
// says how many were not. In each shown storyline at most
// `max_events_per_storyline` events (the largest) are shown, in time order.
// The docs file is streamed, never held: per shown event it keeps the
// earliest copy of each copy group (the group's first source) and the
// earliest `max_documents_per_event` documents; the page then shows up to
// that many documents per event — one first source per copy group, largest
// groups first, then the earliest other copies — and counts the rest. So
// memory and page size grow with the shown part only (worst case about
// max_storylines × max_events_per_storyline × max_documents_per_event
// documents), not with the crawl.
//
// The page (write_timeline_html) embeds the shown data as JSON in a
// <script type="application/json"> block, with '<', '>', '&', U+2028 and
// U+2029 written as \uXXXX, so no text of the crawl (a headline
// "</script><script>...") can end the block or become markup; the inline
// script puts every text into the page as text, and links only http(s) URLs.
// It shows a header with the counts and date range, controls — search
// (headlines, top terms, titles, sources), source site, wire agency, date
// range, minimum events per storyline, sort by size / earliest / latest —
// kept in the URL hash (`report.html#q=quake&source=site07.example`), and a
// card per storyline with its events on a vertical timeline; each event opens
// (keyboard too) to its copies grouped by copy group, the first source
// marked, with title, site, date, delay after the first source and link.
// Cards are listed 100 at a time ("Show more"), so filtering stays quick;
// `#open=7,9` opens events (and lists as many cards as that takes).
// When rendering ends the script sets <body data-render="ok">; an error sets
// data-render="error: ..." and shows a banner. The same input gives the same
// bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "copydesk/status.h"
#include "copydesk/writer.h"

namespace copydesk {

// The order storylines first appear in (the page can re-sort).
enum class StorylineOrder {
  kSize,      // most documents first
  kEarliest,  // earliest start first (undated last)
  kLatest,    // latest end first (undated last)
};

struct TimelineParams {
  std::string title = "copydesk timeline";  // page title and heading
  uint32_t max_storylines = 500;            // shown storylines, largest by documents
  uint32_t min_events = 1;                  // storylines with fewer events are left out
  uint32_t max_events_per_storyline = 100;  // the largest events of a storyline are shown
  uint32_t max_documents_per_event = 20;    // documents listed per event; the rest are counted
  StorylineOrder order = StorylineOrder::kSize;

  Status validate() const;  // every limit >= 1, a non-empty title
};

// The three files `copydesk events` writes (-o, --events, --storylines).
struct TimelineFiles {
  std::string docs;
  std::string events;
  std::string storylines;
};

// Dates are seconds since the epoch (UTC); nullopt where unknown.
using TimelineDate = std::optional<int64_t>;

// One document listed under an event.
struct TimelineCopy {
  std::string id;  // as text: a numeric id is its decimal form
  std::string title, url, site, wire;  // empty when the docs file has none
  TimelineDate date;
};

// The listed documents of one copy group within an event.
struct TimelineCopyGroup {
  uint64_t group = 0;
  std::string canonical;            // the group's canonical id; empty when unknown
  uint64_t documents = 0;           // all its documents in the docs file
  std::vector<TimelineCopy> copies;  // earliest first: copies[0] is its first source
};

struct TimelineEvent {
  uint64_t number = 0;
  uint64_t storyline = 0;
  TimelineDate start, end;
  uint64_t documents = 0;                   // as the events file says (checked against the docs)
  uint64_t groups = 0;                      // copy groups, as the events file says
  std::vector<std::string> sources;         // all its sites, most documents first
  std::string wire, headline, representative;
  std::vector<std::string> top_terms;
  std::vector<TimelineCopyGroup> copy_groups;  // listed groups: largest first, ties by first copy
  uint64_t unlisted_documents = 0;             // documents not listed (over max_documents_per_event)
  uint64_t unlisted_groups = 0;                // copy groups with no listed document
};

struct TimelineStoryline {
  uint64_t number = 0;
  TimelineDate start, end;
  uint64_t documents = 0;
  uint64_t event_count = 0;             // all its events
  std::string headline;
  std::vector<std::string> top_terms;
  std::vector<TimelineEvent> events;    // the shown events, in the storyline's time order
  uint64_t hidden_events = 0;           // event_count - events.size()
};

// What the page shows, with the whole crawl's counts.
struct Timeline {
  std::string title;
  StorylineOrder order = StorylineOrder::kSize;
  uint32_t min_events = 1;
  // The whole input.
  uint64_t documents = 0, groups = 0, events = 0, storylines = 0;
  TimelineDate start, end;  // earliest event start, latest event end
  // The shown storylines, in `order`.
  std::vector<TimelineStoryline> shown;
  uint64_t hidden_smaller = 0;      // beyond max_storylines
  uint64_t hidden_few_events = 0;   // fewer than min_events events
};

// Reads, checks and selects (see the top of this file). Errors: kIoError for
// a file that cannot be read, kParseError for bad or inconsistent records,
// kInvalidArgument for bad params.
Result<Timeline> load_timeline(const TimelineFiles& files, const TimelineParams& params);

// Writes the page: one HTML document, UTF-8.
Status write_timeline_html(const Timeline& timeline, Sink& sink);

}  // namespace copydesk
