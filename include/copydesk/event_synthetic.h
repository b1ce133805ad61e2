// copydesk — planted events: random vectors with known event labels, for the
// tests and the benchmark of events.h.
//
// Real labelled event data is small (ECB+: 772 articles) and not always at
// hand; a crawl of a million copy groups has no labels at all. This makes any
// number of unit vectors whose true events are known, with the structure that
// makes event clustering hard:
//
//   * events of very different sizes (P(size = s) ∝ s^−size_exponent on
//     [min_event_items, max_event_items]), so one method must handle both a
//     2-item event and a 2,000-item one;
//   * look-alike events: events come in topics of `events_per_topic`, whose
//     centres have cosine about `lookalike_cosine` (two earthquakes); items
//     of one event have cosine about `member_cosine` with each other;
//   * dates: each event has a start uniform over `span_days`; its items fall
//     in the `event_days` after it; `undated_fraction` of items have none.
//
// Construction (d = dims, every random direction a vector of ±1/√d signs,
// which in high dimensions is nearly orthogonal to any other):
//   topic centre t; event centre c = (t + a·u) / |…| with a² = 1/lookalike − 1;
//   item x = (c + b·g) / |…| with b² = 1/member − 1.
// Then cos(x, x') ≈ member_cosine within an event, ≈ member · lookalike
// across the events of a topic, ≈ 0 (± 1/√d) otherwise. ECB+'s measured
// figures with the hashed embedder (embed.h) are about 0.42 and 0.17.
//
// Deterministic: the same params give the same vectors (each event draws from
// its own seeded stream), whatever the thread count. Items are shuffled.
//
//   PlantedEventParams p; p.items = 100000;
//   Result<PlantedEvents> planted = make_planted_events(p);
//   Result<EventClusters> c = cluster_events(planted->vectors, planted->dates, EventParams{});
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/status.h"

namespace copydesk {

struct PlantedEventParams {
  size_t items = 10000;
  uint32_t dims = 256;
  uint32_t min_event_items = 1;
  uint32_t max_event_items = 1000;
  double size_exponent = 2.0;      // P(size = s) ∝ s^−exponent
  uint32_t events_per_topic = 2;   // look-alike events per topic
  double member_cosine = 0.45;     // expected cosine of two items of one event, in (0, 1]
  double lookalike_cosine = 0.4;   // expected cosine of two event centres of one topic, in (0, 1]
  int64_t start_time = 1772323200; // 2026-03-01T00:00:00Z
  double span_days = 30;           // event starts are spread over this many days
  double event_days = 3;           // an event's items fall within this many days of its start
  double undated_fraction = 0;     // share of items without a date (kNoDate)
  uint64_t seed = 1;

  Status validate() const;
};

struct PlantedEvents {
  EmbeddingMatrix vectors;          // items × dims, unit rows
  std::vector<int64_t> dates;       // seconds since 1970, or kNoDate
  std::vector<uint32_t> event;      // per item: its true event
  std::vector<uint32_t> topic;      // per item: its event's topic
  size_t num_events = 0;
};

Result<PlantedEvents> make_planted_events(const PlantedEventParams& params);

}  // namespace copydesk
