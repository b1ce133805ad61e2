// copydesk — storylines: events linked into follow-up chains, ordered in time.
//
// An event (events.h) is one happening: every story about one earthquake. A
// storyline is the happening and what followed it days later: the rescue,
// the funerals, the inquiry — different events, told with different words,
// about the same people, places and organisations. This module links events
// into storylines; most events have no follow-up and are a storyline of one.
//
// Each event is one unit vector (`event_centroids`: the normalised mean of
// its items' vectors — the same hashed embeddings events.h clustered) and one
// date interval (its first and last document). Three steps:
//
// 1. What every event shares is taken out: the mean event vector (over the
//    crawl's non-zero rows, shrunk by n / (n + 100) so a handful of events is
//    not emptied) is subtracted and each row renormalised. The stock words of
//    news ("said", "officials", a site's furniture) otherwise lift every
//    cosine by about 0.13 and blur the cut (`remove_mean`).
// 2. Candidate links (events.h's neighbour graph, reused): each event is
//    linked to its `k` most similar events by FAISS inner-product search
//    (exact up to `flat_max` events per time block, IVF beyond), never below
//    `min_similarity`, and never to an event more than `max_gap_days` away:
//    the time between their date intervals (0 when they overlap). So
//    consecutive events of a storyline are at most max_gap_days apart, while
//    a storyline may run for weeks, one follow-up after another. An undated
//    event may link to any event.
// 3. Joining (average linkage over event pairs): starting from one storyline
//    per event, the two linked storylines with the highest MEAN cosine over
//    all their cross pairs of events are joined, while that mean is at least
//    `link_threshold`. A mean over all pairs cannot chain: one shared name —
//    a capital city, a minister who comments on everything — makes one close
//    pair, not a close mean, so two storylines are not glued by it (single
//    linkage would chain a month of news about one capital into one).
//    `Method::kLeiden` cuts the graph by Leiden CPM first (events.h).
//
// Storylines are numbered by their first event (lowest event number); the
// events of a storyline are listed by start date, undated events last, ties
// and undated events by number.
//
// MEASURED on generated crawls (generator.h defaults: 30 days, gold_event /
// gold_storyline; each follow-up 1–4 days after the one before, sharing the
// first event's city, main organisation, main person and subject noun, the
// rest fresh), HashedEmbedder 256 dims, storyline ARI over documents. Hashed
// cosines there: stories of one event 0.79, events of one storyline 0.41
// (centroids 0.435, p5 0.29), other storylines 0.13 (p99 0.34); after mean
// removal 0.35 vs 0.00 (p99 0.22).
//
//   vectors (gold events, 5,000 docs, 1,375 events)      cut 0.30 / 0.35 / 0.40
//   (rows below the default: the whole mean removed, without the shrinkage)
//   whole-text centroids, as they are                   0.670 / 0.828 / 0.895
//   whole-text centroids, mean removed (default)        0.890 / 0.919 / 0.924
//   ... and the top 1 / 2 / 4 / 8 principal components: best 0.921 / 0.923 / 0.916 / 0.917
//   names ×4 (name_weight), mean removed                0.754 / 0.870 / 0.908
//   names ×8, mean removed                              0.710 / 0.817 / 0.896
//   capitalised words only, + bigrams, mean removed     0.837 / 0.862 / –  (bigrams ×2: 0.867 / 0.872)
//   whole text ⊕ names (concatenated), mean removed      0.763 / 0.851 / 0.906
//   bigrams ×0.5, names ×2, mean removed                0.918 / 0.907 / –
//   whole text, 512 dims, mean removed                  0.923 / 0.933 / 0.910
//   whole text, 1,024 dims, as they are                   –   /   –   / 0.937
//   each event's top 128 words by TF-IDF over events, projected to 1,024 dims,
//   mean removed: 0.940 at a cut of 0.20 (20,000 docs: 0.914 at best, vs 0.905)
//
// Names alone separate storylines worse: the main person, city and
// organisation are shared by every event of a storyline, but cities,
// organisations and surnames also recur across unrelated storylines, and a
// pair sharing two of them looks like a follow-up; the rest of the text
// (subject words) is what tells them apart. Also tried, no better: Leiden CPM
// 0.3 + merge (0.917 at 5k, 0.861 at 20k docs); similarity decayed by the days
// between storylines' mean dates, τ 5 / 10 / 20 days (0.873 / 0.894 / 0.912);
// k 5, 20, 30 and min_similarity 0.2 (no change); max_gap_days 5 / 10 (0.919 /
// 0.909 at 20k, 512 dims; 7 kept: real follow-ups can come a week later).
//
// End to end (copy groups by run_dedup, events by cluster_events with CPM 0.5
// and merge 0.5 — see below — then the defaults here), by crawl size:
//
//   documents   events (ARI)      storylines (gold)   storyline ARI   P / R
//   4,000       1,092 (0.999)       952 (726)         0.933           0.998 / 0.876
//   5,000       1,368 (0.999)     1,192 (898)         0.924           0.996 / 0.863
//   20,000      5,318 (0.998)     4,451 (3,435)       0.905           0.967 / 0.850
//   50,000     13,343 (0.998)    10,733 (8,601)       0.889           0.927 / 0.854
//   100,000    26,639 (0.997)    20,557 (17,228)      0.861           0.873 / 0.850
//
// Other seeds: 4k docs 0.920–0.934 (seeds 1–4), 5k 0.922–0.925, 20k 0.905–
// 0.910. With 512 dims and a cut of 0.35: 5k 0.933–0.940, 20k 0.917–0.918.
// The fall with size is the generator's: 60 cities, 50 organisations and
// 4,200 full names over 30 days, so at 100k documents (17k storylines) each
// main person leads about four storylines at once.
// The events: at events.h's ECB+ defaults (CPM 0.15, merge 0.35) the
// generator's follow-ups (cosine 0.41, as close as ECB+'s same-event pairs,
// 0.42) join their first event: event ARI 0.793 (5k) / 0.814 (20k), storyline
// ARI 0.35 (20k); CPM 0.3 + merge 0.5: 0.917 / 0.923; CPM 0.5 + merge 0.5:
// 0.999 / 0.998 — which on ECB+ gives 0.347 (defaults 0.873): generated
// events are about twice as tight as real ones; no one setting fits both.
//
// Cost: the search is O(n · k) per time block of max_gap_days plus the
// longest event's span (exact up to flat_max events per block, IVF beyond),
// the joining O(edges · log edges + joins · dims), plus one copy of the
// vectors (mean removed). bench/bench_storylines.cpp (planted storylines,
// 256 dims, 30 days, 2 cores): 100k events 8.8 s, 452 MB peak (ARI 0.975);
// 300k events — about what 1M documents make — 31 s, 944 MB (ARI 0.956).
// Deterministic: the same vectors, dates and params give the same
// storylines whatever the thread count (events.h explains why).
//
//   Result<EmbeddingMatrix> centroids = event_centroids(item_vectors, events.event_of, events.num_events());
//   std::vector<int64_t> start = ..., end = ...;        // per event, kNoDate when undated
//   Result<Storylines> s = link_storylines(*centroids, start, end, StorylineParams{});
//   if (!s.ok()) return s.status();
//   uint32_t storyline = s->storyline_of_event[e];
//   for (uint32_t event : s->events[storyline]) ...    // in time order
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/status.h"

namespace copydesk {

struct StorylineParams {
  // ---- candidate links
  double max_gap_days = 7;      // starts of linked events at most this far apart (> 0; infinity: no limit)
  uint32_t k = 10;              // neighbours searched per event, in [1, 1024]
  float min_similarity = 0.1f;  // candidate links with a lower cosine are dropped, in [0, 1]
  size_t flat_max = 20000;      // exact search up to this many events per time block, IVF beyond
  uint32_t ivf_nprobe = 16;     // IVF lists visited per query

  // ---- joining linked events
  enum class Method { kAverageLinkage, kLeiden };
  Method method = Method::kAverageLinkage;
  double link_threshold = 0.4;  // join while the mean cross-pair cosine is at least this, in (-1, 1]
  double cpm_resolution = 0.15; // kLeiden only: CPM density, before the average-linkage merge
  uint64_t seed = 1;            // IVF k-means and Leiden
  bool remove_mean = true;      // compare event vectors less their mean (what every event shares)

  // InvalidArgument naming the first bad field.
  Status validate() const;
};

struct Storylines {
  std::vector<uint32_t> storyline_of_event;   // per event
  std::vector<std::vector<uint32_t>> events;  // per storyline: its events in time order

  size_t size() const { return events.size(); }
};

// Per event: the L2-normalised mean of the rows of `items` whose
// event_of_item is that event (all zeros for an event with no item or whose
// rows cancel). Rows are summed in item order, so the result does not
// depend on the thread count. Fails when event_of_item has another length
// than items.rows() or names an event >= num_events.
Result<EmbeddingMatrix> event_centroids(const EmbeddingMatrix& items, const std::vector<uint32_t>& event_of_item,
                                        size_t num_events);

// Links events into storylines. `event_vectors` has one unit row per event
// (an all-zero row is never linked). `start` and `end` give each event's
// first and last document date (seconds since 1970; kNoDate for both when
// the event is undated); `end` may be empty (= start), both may be empty
// when no event is dated. Two dated events are at most max_gap_days apart
// when the time between their date intervals is (0 when they overlap).
// Fails on bad params, a ragged matrix, size mismatches, an end before its
// start, or a faiss / igraph error.
Result<Storylines> link_storylines(const EmbeddingMatrix& event_vectors, const std::vector<int64_t>& start,
                                   const std::vector<int64_t>& end, const StorylineParams& params);

}  // namespace copydesk
