// copydesk — what an event and a storyline are about, for people to read.
//
// Events (events.h) and storylines (storylines.h) are numbers on documents.
// A reader wants, per event: when it happened (first and last document
// date), how big it is (documents, copy groups), who carried it (sites, the
// wire agency), a headline, and a few words that say what it is about; per
// storyline: its events in time order, its span, size, headline and words.
// This module computes those and writes them as JSON Lines in the formats
// of `copydesk events --events` / `--storylines` (one object per line).
//
// Per event (summarize_events):
// - start / end: earliest and latest document date (kNoDate when none).
// - documents; groups: distinct copy groups among its documents.
// - sources: distinct non-empty sites, most documents first, ties by name.
// - wire: the most common non-empty wire credit (Document::wire) of its
//   documents, ties by name; empty when none has one.
// - representative: the canonical of its largest copy group (most of the
//   event's documents), ties → earliest canonical date (undated last), then
//   lowest document index. Should a copy group be split across events, its
//   canonical speaks for it only in the canonical's own event; elsewhere the
//   group's lowest-index member there does. headline: its title.
// - top_terms: up to `top_terms` words that set the event apart, by TF-IDF
//   over events: tf = occurrences in the event's texts, idf = ln((1 + N) /
//   (1 + df)) + 1 over the N events (df: events whose texts have the word),
//   score = (1 + ln tf) · idf, highest first, ties by word. An event's texts
//   are the canonicals of its `max_texts_per_event` largest copy groups (the
//   representative first), so a 5,000-copy event costs a few texts, and
//   copies do not inflate counts. Words are the normalizer's tokens
//   (normalize.h: NFKC case-folded) of at least `min_word_chars` characters,
//   without digits, in at most `max_event_share` of the events (a word of a
//   single event is always kept) — "the", "said" and the crawl's stock words
//   fall out on a crawl of three events or more.
//   Known limits: one-character tokens of scripts written without spaces
//   never count, and words are not stemmed ("shelter" and "shelters" may
//   both be listed).
// Per storyline (summarize_storylines): start / end and documents over its
// events; events in time order (as given by Storylines); headline: that of
// its largest event (most documents), ties → earliest start (undated last),
// then lowest number; top_terms: the words with the highest summed score
// over its events' top terms, ties by word.
//
// Cost: one counting sort of the documents by event, then per event (in
// parallel, OpenMP) a sort of its documents; texts are tokenized twice (once
// for document frequencies, once for scores), and only the few per event
// named above, read in place — nothing is copied but the names and words
// kept. Deterministic whatever the thread count. Never prints.
// Measured (bench/bench_storylines.cpp BM_EventSummary, 2 cores): generated
// crawls, 4 copy groups per event, all 4 canonicals read — 100k documents
// (11k events) 0.99 s, 1M documents (113k events, 2.9 GB of text) 10.0 s:
// 100k documents/s, scaling with the cores (1.93 s on one core at 100k). The
// top terms are nearly all of it (without them: 0.01 s at 100k); memory
// beyond the corpus is a few vectors per document and per event.
//
// The events' start and end dates are what link_storylines (storylines.h)
// takes, so the usual order is: events → summarize_events → link_storylines
// → summarize_storylines → write.
//
//   SummaryInput in{corpus, dedup.groups.group_of, dedup.groups.canonical, event_of_doc, events.num_events()};
//   Result<std::vector<EventSummary>> events = summarize_events(in, SummaryParams{});
//   ... start[e] = (*events)[e].start, end[e] = (*events)[e].end; storylines = link_storylines(...)
//   Result<std::vector<StorylineSummary>> lines = summarize_storylines(*events, storylines, SummaryParams{});
//   std::string out;
//   for (uint32_t e = 0; e < events->size(); ++e)
//     append_event_jsonl(out, e, storylines.storyline_of_event[e], (*events)[e], corpus.ids);
//   for (uint32_t s = 0; s < lines->size(); ++s) append_storyline_jsonl(out, s, (*lines)[s]);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "copydesk/document.h"
#include "copydesk/id_table.h"
#include "copydesk/status.h"
#include "copydesk/storylines.h"

namespace copydesk {

struct SummaryParams {
  uint32_t top_terms = 8;            // words kept per event and per storyline, in [0, 1000]
  uint32_t max_texts_per_event = 4;  // canonicals of the largest copy groups read per event, in [1, 64]
  uint32_t min_word_chars = 3;       // shorter words are dropped (code points), >= 1
  double max_event_share = 0.5;      // words in more than this share of the events are dropped, in (0, 1]

  // InvalidArgument naming the first bad field.
  Status validate() const;
};

// What the caller has, by reference (nothing is copied). Document i is
// corpus.docs[i]; its copy group group_of_doc[i] (< canonical_of_group.size()),
// whose canonical document is canonical_of_group[group]; its event
// event_of_doc[i] (< num_events). Without copy groups, pass each document as
// a group of its own (group_of_doc[i] = i, canonical_of_group[i] = i).
struct SummaryInput {
  const Corpus& corpus;
  const std::vector<uint32_t>& group_of_doc;
  const std::vector<uint32_t>& canonical_of_group;
  const std::vector<uint32_t>& event_of_doc;
  size_t num_events;
};

inline constexpr uint32_t kNoDocument = UINT32_MAX;

struct TopTerm {
  std::string word;
  double score = 0;
};

struct EventSummary {
  int64_t start = kNoDate, end = kNoDate;
  uint64_t documents = 0;
  uint64_t groups = 0;
  std::vector<std::string> sources;        // most documents first, ties by name
  std::string wire;                        // empty: none
  uint32_t representative = kNoDocument;   // a document index (kNoDocument: the event has no documents)
  std::string headline;                    // the representative's title (may be empty)
  std::vector<TopTerm> top_terms;          // most distinctive first
};

struct StorylineSummary {
  int64_t start = kNoDate, end = kNoDate;
  std::vector<uint32_t> events;  // in time order
  uint64_t documents = 0;
  std::string headline;
  std::vector<TopTerm> top_terms;
};

// One summary per event, by event number. Fails on bad params, arrays of the
// wrong length, or an event, group or canonical number out of range.
Result<std::vector<EventSummary>> summarize_events(const SummaryInput& input, const SummaryParams& params);

// One summary per storyline, by storyline number. `storylines` must be over
// the same events (every event number < events.size()).
Result<std::vector<StorylineSummary>> summarize_storylines(const std::vector<EventSummary>& events,
                                                          const Storylines& storylines, const SummaryParams& params);

// Appends one JSON line (with its '\n') in the --events format:
// {"event","storyline","start","end","documents","groups","sources","wire",
//  "headline","representative","top_terms"}; unknown fields are left out
// (no dates, no wire, an empty headline, no representative). The id comes
// from `ids` (a number when it was one in the input).
void append_event_jsonl(std::string& out, uint32_t event, uint32_t storyline, const EventSummary& summary,
                        const IdTable& ids);

// Appends one JSON line in the --storylines format:
// {"storyline","start","end","events","documents","headline","top_terms"}.
void append_storyline_jsonl(std::string& out, uint32_t storyline, const StorylineSummary& summary);

}  // namespace copydesk
