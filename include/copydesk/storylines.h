// copydesk — storylines: events linked into follow-up chains, ordered in time.
//
// An event (events.h) is one happening: every story about one earthquake. A
// storyline is the happening and what followed it days later: the rescue,
// the funerals, the inquiry — different events, told with different words,
// about the same people, places and organisations. This module links events
// into storylines; most events have no follow-up and are a storyline of one.
//
// Each event is compared by two unit vectors: its words (`event_centroids`:
// the normalised mean of its items' vectors — the hashed embeddings events.h
// clustered) and its NAMES (`event_name_vectors`, below), and one date
// interval (its first and last document). Similarity of two events:
//   (1 − name_share) · cosine of the word vectors (less their mean, step 1)
//   +     name_share · cosine of the name vectors
// (the two vectors side by side, scaled by √(1 − share) and √share, so every
// step below works on one dot product). Three steps:
//
// 1. What every event shares is taken out of the word vectors: the mean
//    event vector (over the crawl's non-zero rows, shrunk by n / (n + 100)
//    so a handful of events is not emptied) is subtracted and each row
//    renormalised. The stock words of news ("said", "officials", a site's
//    furniture) otherwise lift every cosine and blur the cut (`remove_mean`).
// 2. Candidate links (events.h's neighbour graph, reused): each event is
//    linked to its `k` most similar events by FAISS inner-product search
//    (exact up to `flat_max` events per time block, IVF beyond), never below
//    `min_similarity`, and never to an event more than `max_gap_days` away:
//    the time between their date intervals (0 when they overlap). So
//    consecutive events of a storyline are at most max_gap_days apart, while
//    a storyline may run for weeks, one follow-up after another. An undated
//    event may link to any event.
// 3. Joining (average linkage over event pairs): starting from one storyline
//    per event, the two linked storylines with the highest MEAN similarity
//    over all their cross pairs of events are joined, while that mean is at
//    least `link_threshold`. A mean over all pairs cannot chain: one shared
//    name — a capital city, a minister who comments on everything — makes one
//    close pair, not a close mean, so two storylines are not glued by it
//    (single linkage would chain a month of news about one capital into one).
//    `Method::kLeiden` cuts the graph by Leiden CPM first (events.h).
//
// NAMES. A follow-up is told in fresh words about the same people, places
// and organisations. An event's names are read from its texts (the caller
// passes one per copy group: `copydesk events` its canonicals), after the
// dateline (dateline.h: its place, agency and date are not names): every
// word written with a capital letter that does not start a sentence or a
// line ("Wagner", "Tehran"), and every two adjacent capitalised words with
// only spaces between them, wherever they stand ("Paul Wagner", "Cobalt
// Semiconductors"); a word with a digit is no name; ASCII letters are
// lower-cased ("PARIS" = "Paris"). Weight of name f in event E:
//   (1 + ln texts(f, E)) · idf(f) · (name_pair_weight for a pair, else 1),
//   idf(f) = ln((1 + N) / (1 + df(f))) + 1 over the N events,
// names of a single event dropped (they link nothing); projected to
// `name_dims` as embed_hashed.h projects its features (4 nonzeros, seeded by
// `seed`), then normalised. An event with no shared name has a zero name
// vector and is compared by its words' share alone. A full name shared by two
// events is rare (high idf, and its pair counts name_pair_weight times); a
// capital city or a big organisation recurs in many events and weighs little.
//
// DATELINES. A follow-up is filed from where the story happened ("TEHRAN
// (AP) —" again, two days later); a look-alike that shares a few names by
// chance mostly is not. So the names count fully only between events filed
// from the same place: when some text has a dateline, each name vector gets
// a second half, name_dims wide — its names CONJOINED with its texts'
// dateline places (each (name, place) pair projected as a feature of weight
// w(name) · q(place), q the event's place counts of unit norm: a hashed
// tensor product, whose norm is the names'). The halves are scaled by
// √(1 − dateline_share) and √dateline_share, so the names cosine becomes
//   (1 − dateline_share) · names + dateline_share · names · places
// (places = the cosine of the place counts: 1 when both events are filed
// from one place, 0 when from two). An event without any dateline keeps its
// plain names at full length: against a dated event its names count
// √(1 − share). The gate lowers most names cosines, so the cut is lower
// with it: link_threshold (0.16) when every named event has a place,
// link_threshold_without_places (0.24, the cut tuned before datelines) when
// none has, in between by the share that has. Generated 20k docs, seed 5,
// storylines: 0.934 with datelines; every dateline stripped from the texts
// 0.873 (0.814 at the 0.16 cut); half the documents stripped 0.894.
// Why places: on the generated crawl (20,000 docs, seed 5; pairs of
// predicted events within 7 days that share a full name, each event
// labelled by its majority gold storyline) 94 % of the follow-up pairs are
// filed from one place, 3.5 % of the others. An additive place bonus (the
// place as one more name) peaked at 0.895 storyline ARI; the conjunction, a
// gate, reaches 0.934 (below).
//
// MEASURED on generated crawls (generator.h defaults, calibrated to ECB+:
// hashed cosines, same event other story 0.36, follow-up 0.23, unrelated
// 0.08; each follow-up 1–4 days after the one before, sharing the first
// event's city, main organisation, main person — half the time a second —
// and its subject noun; every story also names streets, districts and
// bystanders of its own). ARI over documents; `copydesk events` at its
// defaults (copy groups by containment; events with names ×0.45 conjoined
// with datelines ×0.7; storylines: names ×0.85, datelines ×0.5, pairs ×3,
// 512 dims, cut 0.16):
//
//   crawl                 events   storylines (P / R)
//   3,000 docs, seed 5    0.989    0.958
//   5,000 docs (default seed) 0.988 0.950
//   20,000 docs, seed 5   0.985    0.934 (0.936 / 0.932)
//   20,000 docs, seed 1   0.978    0.924
//   100,000 docs, seed 5  0.968    0.892
//
// How it got there (20,000 docs, seed 5, events / storylines): words alone
// 0.931 / 0.834; names in both steps (no datelines) 0.964 / 0.868 — a
// plateau over the storyline knobs (share, cut, gap, pair weight, 1,024
// dims, k 20 or 40: ≤ 0.873), with only 538 of ~1,000 follow-up links made;
// datelines in the storyline step 0.964 / 0.90; in both steps, events
// retuned 0.985 / 0.934. The ceiling these events allow (each predicted
// event linked by its majority gold storyline, an oracle) was 0.940 at
// 0.964 events. Tried and dropped: the dateline gate on the words too
// (0.894), event CPM resolution 0.2 (storylines 0.955 but ECB+ dated
// 0.80 < 0.85), event names ×0.55 (ECB+ dated 0.84). The crawl's finite name
// lists (90 first × 172 last names, 60 cities, 110 organisations) make
// unrelated events share names more often the larger the crawl: hence
// 0.892 at 100,000 docs (27,000 events in 30 days).
//
// With the GOLD events (20,000 docs, seed 5; before datelines; one text per
// gold story), by the cut:                              0.15 / 0.20 / 0.25 / 0.30 / 0.35
//   words alone (mean removed)                        0.509 / 0.742 / 0.841 / 0.869 / 0.872
//   names alone, 256 dims                             0.650 / 0.749 / 0.808 / 0.852 / 0.863
//   names ×0.7 + words, pairs ×3, 1,024 dims          0.893 / 0.930 / 0.905
// Also dropped then: only each event's top 6 or 10 names (0.922 / 0.909);
// names counted per occurrence (0.887); only names said twice (0.887).
//
// Cost: the name vectors read each text once more (two passes: event
// frequencies, then weights; in parallel), the search and joining run on
// 256 + name_dims dimensions, 256 + 2 · name_dims with datelines.
// `copydesk events`, 1,000,000 docs, 2 cores (bench/story_e2e.sh): the
// storyline stage 71.8 s without datelines → 110.2 s with, the whole run
// 242 s → 343 s, peak RSS 6.8 → 8.8 GB (the event step's items carry the
// names-by-place half too; reading the crawl in passes and writing the
// names straight into the joined rows then brought it to 320 s, 6.5 GB).
// Deterministic: the same vectors, dates and params give the same
// storylines whatever the thread count (events.h explains why; the name
// vectors sum their names in a fixed order).
//
//   Result<EmbeddingMatrix> centroids = event_centroids(item_vectors, events.event_of, events.num_events());
//   Result<EmbeddingMatrix> names = event_name_vectors(item_texts, events.event_of, events.num_events(), params);
//   std::vector<int64_t> start = ..., end = ...;        // per event, kNoDate when undated
//   Result<Storylines> s = link_storylines(*centroids, *names, start, end, params);
//   if (!s.ok()) return s.status();
//   uint32_t storyline = s->storyline_of_event[e];
//   for (uint32_t event : s->events[storyline]) ...    // in time order
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
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
  double link_threshold = 0.16; // join while the mean cross-pair similarity is at least this, in (-1, 1]
  double link_threshold_without_places = 0.24;  // the cut when no named event has a dateline place: the
                                // names then count fully between every pair; in (-1, 1] ("DATELINES")
                                // (tuned with names; words alone want about 0.4)
  double cpm_resolution = 0.15; // kLeiden only: CPM density, before the average-linkage merge
  uint64_t seed = 1;            // IVF k-means, Leiden and the name projection
  bool remove_mean = true;      // compare event vectors less their mean (what every event shares)

  // ---- names (event_name_vectors)
  double name_share = 0.85;       // similarity = (1 − share) · text cosine + share · names cosine, in [0, 1]
  uint32_t name_dims = 512;       // dimensions of the name vectors, in [8, 65536]
  float name_pair_weight = 3.0f;  // weight of a pair of capitalised words ("Viktor Anraea") vs one word, > 0
  double dateline_share = 0.5;    // share of the names that counts only between events filed from one place
                                  // (their datelines: "Datelines" above), in [0, 1); 0: places ignored

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

// Per event: a unit vector of the names in its texts (texts[i] is in event
// event_of_text[i] < num_events): name_dims wide, or 2 · name_dims when some
// text has a dateline and dateline_share > 0 (the names, then the names
// conjoined with the places: "Datelines" above); all zeros when the event
// has no name another event shares.
Result<EmbeddingMatrix> event_name_vectors(const std::vector<std::string_view>& texts,
                                           const std::vector<uint32_t>& event_of_text, size_t num_events,
                                           const StorylineParams& params);

// As above, comparing events by text and names: `name_vectors` has one row
// per event (event_name_vectors), or no rows (text alone). Rows
// 2 · name_dims wide are taken to carry the dateline half
// (event_name_vectors' layout): the cut then moves from
// link_threshold_without_places to link_threshold by the share of named
// events whose dateline half is non-zero ("DATELINES").
Result<Storylines> link_storylines(const EmbeddingMatrix& event_vectors, const EmbeddingMatrix& name_vectors,
                                   const std::vector<int64_t>& start, const std::vector<int64_t>& end,
                                   const StorylineParams& params);

}  // namespace copydesk
