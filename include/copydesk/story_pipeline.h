// copydesk — stories in one call: items (copy groups) → events → storylines.
//
// events.h cuts items into events and storylines.h links events into
// storylines; between and around them sit a few steps that are easy to get
// subtly wrong — which names to read, how much they weigh, which dates an
// event spans, which matrix to free when. This module does the whole
// sequence with the defaults `copydesk events` uses, so a library user gets
// the CLI's results (the CLI is a thin layer over this call):
//
// 1. Events. Each item is compared by its words (`item_vectors`, e.g. the
//    hashed embedding of its representative text) side by side with its
//    names (storylines.h event_name_vectors, each item an "event" of one
//    text, the names conjoined with its dateline place by event_datelines):
//      similarity = (1 − event_names) · words cosine + event_names · names cosine
//    (embed.h side_by_side), then cluster_events (events.h) on that matrix,
//    each item dated by its first document. The name vectors use the
//    storylines' name_dims, name_pair_weight and seed; event_names = 0
//    clusters the words alone and reads no names.
// 2. Event spans: an event runs from the earliest first date to the latest
//    last date over its items — the same first and last document date as
//    event_summary.h's start / end over all the event's documents, since
//    each item's first / last is the min / max over its documents.
// 3. Storylines. event_centroids of the WORD vectors, event_name_vectors of
//    the events' item texts (when storylines.name_share > 0), then
//    link_storylines with the spans (storylines.h).
//
// Memory: the words ⊕ names matrix of step 1 (256 + 2 · 512 floats per
// item at the defaults: ~2.3 GB at 450k items, a 1M-document crawl) is
// freed before step 3; the caller's item vectors are only read.
//
// Why these defaults (measured; storylines.h "MEASURED", README "Stories"):
// `copydesk events` on the generated crawl (20,000 docs, seed 5), ARI of
// events / storylines: words alone 0.931 / 0.834; names in both steps, no
// datelines, 0.964 / 0.868; datelines in both steps (events 0.7,
// storylines 0.5) with the steps retuned 0.985 / 0.934. Tried and dropped:
// event names ×0.55 (ECB+ with its dates 0.84, against 0.854 at 0.45) and
// the dateline gate on the words too (0.894). On ECB+ (gold subtopic) the
// defaults score 0.914 with its dates ignored (EventParams window_days
// infinity, time_decay_days 0) and 0.854 with its partial dates; the names
// cost 0.006 there with dates and gain 0.005 without.
//
// Deterministic: the same inputs and params give the same result whatever
// the thread count (each step is; events.h, storylines.h).
//
//   EmbeddingMatrix vectors = ...;                 // one unit row per item (copy group)
//   std::vector<std::string_view> texts = ...;     // per item: its representative's text
//   std::vector<int64_t> first = ..., last = ...;  // per item: earliest / latest document date, or kNoDate
//   Result<StoryClusters> s = cluster_stories(vectors, texts, first, last, StoryParams{});
//   if (!s.ok()) return s.status();
//   uint32_t event = s->events.event_of[item];
//   uint32_t storyline = s->storylines.storyline_of_event[event];
//   int64_t since = s->event_start[event];
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/events.h"
#include "copydesk/status.h"
#include "copydesk/storylines.h"

namespace copydesk {

struct StoryParams {
  EventParams events;            // the neighbour graph and its cut (events.h defaults)
  double event_names = 0.45;     // share of the names' cosine in item similarity, in [0, 1] (0: words only)
  double event_datelines = 0.7;  // share of the item names that counts only between items filed from one
                                 // place (storylines.h "DATELINES"), in [0, 1) (0: places ignored)
  StorylineParams storylines;    // linking events (storylines.h defaults); its name_dims, name_pair_weight
                                 // and seed also shape the item names of step 1

  // InvalidArgument naming the first bad field (nested ones as events.h /
  // storylines.h name them: "events: k must ...", "storylines: name_dims ...").
  Status validate() const;
};

struct StoryClusters {
  EventClusters events;          // per item: event_of; per event: size; the graph's edges, indexes, timings
  std::vector<int64_t> event_start, event_end;  // per event: first and last document date, kNoDate when undated
  Storylines storylines;         // per event: storyline_of_event; per storyline: its events in time order
  double item_names_seconds = 0; // step 1's name vectors and join (the search and cut: events.*_seconds)
  double storyline_seconds = 0;  // step 3: centroids, event names, linking
};

// Called once between steps 2 and 3 — `events`, the spans and
// item_names_seconds filled in, the words ⊕ names matrix freed: lets a
// caller report progress, time or peak memory per step. It must not fail.
using AfterEvents = std::function<void(const StoryClusters&)>;

// Events and storylines of `item_vectors` (one L2-normalised row per item).
// `item_texts` has one text per item, the text its names are read from (may
// be empty when event_names and storylines.name_share are both 0).
// `item_first` / `item_last`: per item, its earliest / latest document date
// (seconds since 1970; kNoDate for both when undated); `item_last` may be
// empty (= item_first: items of one document), both may be empty when no
// item is dated. Fails on bad params, a ragged matrix, size mismatches, an
// item whose last date is before its first or only one of them undated, or
// an error of a step.
Result<StoryClusters> cluster_stories(const EmbeddingMatrix& item_vectors,
                                      const std::vector<std::string_view>& item_texts,
                                      const std::vector<int64_t>& item_first, const std::vector<int64_t>& item_last,
                                      const StoryParams& params, const AfterEvents& after_events = {});

}  // namespace copydesk
