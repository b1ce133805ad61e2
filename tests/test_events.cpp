// Events (events.h) and the planted events they are tested on
// (event_synthetic.h); ECB+ and WikiRef220 quality when ../shared/datasets is
// there.
#include <gtest/gtest.h>
#include <omp.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "copydesk/document.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/eval.h"
#include "copydesk/event_synthetic.h"
#include "copydesk/events.h"
#include "copydesk/reader.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kDay = 86400;

template <typename T>
std::vector<std::string> as_labels(const std::vector<T>& v) {
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const T& x : v) out.push_back(std::to_string(x));
  return out;
}

ClusteringScores score(const std::vector<uint32_t>& gold, const std::vector<uint32_t>& predicted) {
  return score_clustering(as_labels(gold), as_labels(predicted));
}

PlantedEvents planted(size_t items, uint32_t max_event, uint64_t seed = 7, bool dated = true) {
  PlantedEventParams p;
  p.undated_fraction = dated ? 0 : 1;
  p.items = items;
  p.max_event_items = max_event;
  p.member_cosine = 0.42;  // about ECB+'s within-event mean with the hashed embedder
  p.seed = seed;
  Result<PlantedEvents> r = make_planted_events(p);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(*r);
}

// Planted events spread their items evenly over 3 days. The default time
// decay (τ = 2 days, events.h) cuts such an event by day (ARI 0.42 on
// RecoversPlantedEvents; the storyline layer links the days back): these
// tests model week-long coverage, so they decay over 14 days.
EventParams spread() {
  EventParams p;
  p.time_decay_days = 14;
  return p;
}

EventClusters run(const PlantedEvents& pl, const EventParams& params) {
  Result<EventClusters> r = cluster_events(pl.vectors, pl.dates, params);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : EventClusters{};
}

// Runs `f` with the OpenMP thread count set to `threads`, then restores it.
template <typename F>
auto with_threads(int threads, F f) {
  const int saved = omp_get_max_threads();
  omp_set_num_threads(threads);
  auto result = f();
  omp_set_num_threads(saved);
  return result;
}

// ------------------------------------------------------------ planted events

TEST(PlantedEvents, CosinesAndLabelsAsDocumented) {
  const PlantedEvents pl = planted(3000, 100);
  ASSERT_EQ(pl.vectors.rows(), 3000u);
  ASSERT_EQ(pl.event.size(), 3000u);
  double same = 0, lookalike = 0, other = 0;
  size_t n_same = 0, n_lookalike = 0, n_other = 0;
  for (size_t i = 0; i < 3000; i += 3) {
    EXPECT_NEAR(dot(pl.vectors.row(i), pl.vectors.row(i), 256), 1.0, 1e-4);
    for (size_t j = i + 1; j < 3000; j += 2) {
      const double c = dot(pl.vectors.row(i), pl.vectors.row(j), 256);
      if (pl.event[i] == pl.event[j]) same += c, ++n_same;
      else if (pl.topic[i] == pl.topic[j]) lookalike += c, ++n_lookalike;
      else other += c, ++n_other;
    }
  }
  ASSERT_GT(n_same, 100u);
  ASSERT_GT(n_lookalike, 100u);
  EXPECT_NEAR(same / n_same, 0.42, 0.03);
  EXPECT_NEAR(lookalike / n_lookalike, 0.42 * 0.4, 0.03);
  EXPECT_NEAR(other / n_other, 0.0, 0.01);
  // Items of one event are dated within event_days of each other.
  std::map<uint32_t, std::pair<int64_t, int64_t>> span;
  for (size_t i = 0; i < 3000; ++i) {
    auto [it, fresh] = span.try_emplace(pl.event[i], pl.dates[i], pl.dates[i]);
    it->second.first = std::min(it->second.first, pl.dates[i]);
    it->second.second = std::max(it->second.second, pl.dates[i]);
  }
  for (const auto& [event, s] : span) EXPECT_LE(s.second - s.first, 3 * kDay);
}

TEST(PlantedEvents, SameParamsSameVectorsWhateverTheThreads) {
  const PlantedEvents a = with_threads(1, [] { return planted(2000, 100, 3); });
  const PlantedEvents b = with_threads(2, [] { return planted(2000, 100, 3); });
  EXPECT_EQ(a.vectors.values, b.vectors.values);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.dates, b.dates);
  EXPECT_NE(planted(2000, 100, 4).vectors.values, a.vectors.values);
}

TEST(PlantedEvents, RejectsBadParams) {
  PlantedEventParams p;
  p.member_cosine = 0;
  EXPECT_EQ(make_planted_events(p).status().code(), StatusCode::kInvalidArgument);
  p = {};
  p.max_event_items = 0;
  EXPECT_FALSE(make_planted_events(p).ok());
}

// ------------------------------------------------------------ clustering

TEST(Events, RecoversPlantedEvents) {
  const PlantedEvents pl = planted(4000, 300);
  const EventClusters c = run(pl, spread());
  ASSERT_EQ(c.event_of.size(), 4000u);
  const ClusteringScores s = score(pl.event, c.event_of);
  EXPECT_GE(s.ari, 0.95) << "events " << c.num_events() << " of " << pl.num_events;
  EXPECT_GE(s.pairwise_precision, 0.97);  // look-alike events stay apart
  // Events are numbered by first item, sizes add up.
  EXPECT_EQ(c.event_of[0], 0u);
  uint32_t next = 0;
  for (uint32_t e : c.event_of) {
    ASSERT_LE(e, next);
    if (e == next) ++next;
  }
  uint64_t total = 0;
  for (uint32_t size : c.event_size) total += size;
  EXPECT_EQ(total, 4000u);
}

// CPM alone caps a community near 2·k·w̄/γ items; the average-linkage merge
// puts the pieces of a large event back together without joining look-alikes.
TEST(Events, MergeKeepsLargeEventsWhole) {
  const PlantedEvents pl = planted(6000, 1500, 11);
  EventParams no_merge = spread();
  no_merge.merge_threshold = 2;
  const ClusteringScores alone = score(pl.event, run(pl, no_merge).event_of);
  const ClusteringScores merged = score(pl.event, run(pl, spread()).event_of);
  EXPECT_LT(alone.ari, 0.5);
  EXPECT_GE(merged.ari, 0.93);
  EXPECT_GE(merged.pairwise_precision, 0.97);
}

TEST(Events, EveryMethodRuns) {
  const PlantedEvents pl = planted(3000, 200, 5);
  for (auto [method, floor] : {std::pair{EventParams::Method::kLeiden, 0.95},
                               std::pair{EventParams::Method::kLeidenModularity, 0.25},
                               std::pair{EventParams::Method::kLouvain, 0.25},
                               std::pair{EventParams::Method::kAverageLinkage, 0.95}}) {
    EventParams p = spread();
    p.method = method;
    const ClusteringScores s = score(pl.event, run(pl, p).event_of);
    EXPECT_GE(s.ari, floor) << "method " << static_cast<int>(method);
  }
}

// Identical vectors, dated 0, 10, 20, ... days apart: with a 7-day window no
// two may be linked, so every item is its own event; undated copies link to
// anything.
TEST(Events, WindowNeverLinksItemsFartherApart) {
  EmbeddingMatrix m;
  m.dims = 8;
  std::vector<int64_t> dates;
  for (int i = 0; i < 12; ++i) {
    for (int j = 0; j < 8; ++j) m.values.push_back(j == 0 ? 1.0f : 0.0f);
    dates.push_back(1700000000 + i * 10 * kDay);
  }
  Result<EventClusters> apart = cluster_events(m, dates, EventParams{});
  ASSERT_TRUE(apart.ok()) << apart.status().message();
  EXPECT_EQ(apart->num_events(), 12u);
  EXPECT_EQ(apart->edges, 0u);

  EventParams wide;
  wide.time_decay_days = 14;
  wide.window_days = 30;  // now each is linked to its neighbours in time (chains stay one event)
  Result<EventGraph> g = build_event_graph(m, dates, wide);
  ASSERT_TRUE(g.ok());
  EXPECT_GT(g->edges.size(), 0u);
  for (const EventEdge& e : g->edges) EXPECT_LE(std::llabs(dates[e.a] - dates[e.b]), 30 * kDay);
  // Decay: the weight of identical vectors 10 days apart is exp(-10/14).
  for (const EventEdge& e : g->edges) {
    EXPECT_NEAR(e.weight, std::exp(-std::llabs(dates[e.a] - dates[e.b]) / (14.0 * kDay)), 1e-5);
  }
}

// Many near-identical items spread evenly over 90 days, in several time
// blocks: no edge spans more than the window, and the blocks next to each
// other are searched (items a few days apart across a block border link;
// without decay, neighbours are anywhere in the window).
TEST(Events, WindowHoldsAcrossTimeBlocks) {
  PlantedEventParams p;
  p.items = 3000;
  p.min_event_items = p.max_event_items = 3000;  // one event, all alike
  p.member_cosine = 0.9;
  p.event_days = 90;
  p.undated_fraction = 0.05;
  Result<PlantedEvents> pl = make_planted_events(p);
  ASSERT_TRUE(pl.ok());
  EventParams params;
  params.time_decay_days = 0;
  Result<EventGraph> g = build_event_graph(pl->vectors, pl->dates, params);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_GE(g->time_blocks, 13u);  // 90 / 7 dated blocks and the undated one
  int64_t first = std::numeric_limits<int64_t>::max();
  for (int64_t d : pl->dates) {
    if (d != kNoDate) first = std::min(first, d);
  }
  size_t across_blocks = 0, with_undated = 0;
  for (const EventEdge& e : g->edges) {
    const int64_t a = pl->dates[e.a], b = pl->dates[e.b];
    if (a == kNoDate || b == kNoDate) {
      ++with_undated;
      continue;
    }
    ASSERT_LE(std::llabs(a - b), 7 * kDay);
    if ((a - first) / (7 * kDay) != (b - first) / (7 * kDay)) ++across_blocks;
  }
  EXPECT_GT(across_blocks, 100u);
  EXPECT_GT(with_undated, 100u);
}

TEST(Events, FlatAndIvfAgree) {
  const PlantedEvents pl = planted(6000, 300, 21, false);
  EventParams flat, ivf;
  flat.index = EventParams::Index::kFlat;
  ivf.index = EventParams::Index::kIvf;
  const EventClusters a = run(pl, flat), b = run(pl, ivf);
  ASSERT_EQ(a.indexes.size(), 1u);  // undated: one block
  EXPECT_EQ(a.indexes[0], "flat");
  EXPECT_EQ(b.indexes[0], "ivf(nlist=153,nprobe=16)");  // min(4·√6000, 6000 / 39)
  EXPECT_GE(score(a.event_of, b.event_of).ari, 0.95);
  EXPECT_GE(score(pl.event, b.event_of).ari, 0.93);
}

TEST(Events, AutoPicksIvfAboveFlatMax) {
  const PlantedEvents pl = planted(3000, 100, 2, false);
  EventParams p;
  p.flat_max = 1000;
  EXPECT_EQ(run(pl, p).indexes.at(0).substr(0, 4), "ivf(");
  p.flat_max = 3000;
  EXPECT_EQ(run(pl, p).indexes.at(0), "flat");
}

TEST(Events, HnswFindsTheSameEvents) {
  const PlantedEvents pl = planted(3000, 200, 9);
  EventParams p = spread();
  p.index = EventParams::Index::kHnsw;
  const EventClusters c = run(pl, p);
  EXPECT_EQ(c.indexes.at(0), "hnsw(M=32,efSearch=128)");
  EXPECT_GE(score(pl.event, c.event_of).ari, 0.95);
}

TEST(Events, SameEventsWhateverTheThreadCount) {
  const PlantedEvents pl = planted(8000, 400, 13);
  for (EventParams::Index index : {EventParams::Index::kFlat, EventParams::Index::kIvf}) {
    for (EventParams::Method method : {EventParams::Method::kLeiden, EventParams::Method::kAverageLinkage}) {
      EventParams p;
      p.index = index;
      p.method = method;
      const EventClusters one = with_threads(1, [&] { return run(pl, p); });
      const EventClusters two = with_threads(2, [&] { return run(pl, p); });
      EXPECT_EQ(one.event_of, two.event_of) << "index " << static_cast<int>(index) << " method "
                                            << static_cast<int>(method);
      EXPECT_EQ(one.edges, two.edges);
    }
  }
  // And the seed is what the randomness depends on.
  EventParams p;
  const EventClusters a = run(pl, p), b = run(pl, p);
  EXPECT_EQ(a.event_of, b.event_of);
}

TEST(Events, SmallAndDegenerateInputs) {
  EmbeddingMatrix empty;
  empty.dims = 4;
  Result<EventClusters> none = cluster_events(empty, {}, EventParams{});
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_EQ(none->num_events(), 0u);

  EmbeddingMatrix one;
  one.dims = 2;
  one.values = {1, 0};
  Result<EventClusters> single = cluster_events(one, {}, EventParams{});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->event_of, std::vector<uint32_t>{0});

  EmbeddingMatrix zeros;  // texts with nothing to go on embed as zeros: never linked
  zeros.dims = 3;
  zeros.values.assign(5 * 3, 0.0f);
  Result<EventClusters> z = cluster_events(zeros, {}, EventParams{});
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->num_events(), 5u);
}

TEST(Events, RejectsBadInput) {
  EmbeddingMatrix m;
  m.dims = 4;
  m.values.assign(10, 0.5f);  // 2.5 rows
  EXPECT_EQ(cluster_events(m, {}, EventParams{}).status().code(), StatusCode::kInvalidArgument);
  m.values.assign(8, 0.5f);
  const Status mismatch = cluster_events(m, {1, 2, 3}, EventParams{}).status();
  EXPECT_EQ(mismatch.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(mismatch.message().find("3 dates"), std::string::npos) << mismatch.message();
}

TEST(EventParams, ValidateNamesTheBadField) {
  EXPECT_TRUE(EventParams{}.validate().ok());
  auto message = [](auto change) {
    EventParams p;
    change(p);
    const Status s = p.validate();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    return s.message();
  };
  EXPECT_NE(message([](EventParams& p) { p.k = 0; }).find("k must"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.min_similarity = 1.5f; }).find("min_similarity"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.window_days = 0; }).find("window_days"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.window_days = std::nan(""); }).find("window_days"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.time_decay_days = -1; }).find("time_decay_days"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.flat_max = 0; }).find("flat_max"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.ivf_nprobe = 0; }).find("ivf_nprobe"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.hnsw_m = 1; }).find("hnsw_m"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.hnsw_ef_search = 5; }).find("hnsw_ef_search"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.cpm_resolution = 0; }).find("cpm_resolution"), std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.modularity_resolution = -1; }).find("modularity_resolution"),
            std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.merge_threshold = std::nan(""); }).find("merge_threshold"),
            std::string::npos);
  EXPECT_NE(message([](EventParams& p) { p.linkage_threshold = 2; }).find("linkage_threshold"), std::string::npos);
  EventParams unlimited;
  unlimited.window_days = std::numeric_limits<double>::infinity();
  EXPECT_TRUE(unlimited.validate().ok());
}

// ------------------------------------------------------------ real data

struct Labelled {
  Corpus corpus;
  std::vector<std::string> labels;
};

bool load_labelled(const fs::path& path, const std::string& field, Labelled& out) {
  if (!fs::exists(path)) return false;
  CorpusReader reader;
  EXPECT_TRUE(reader.add_path(path.string()).ok());
  out.corpus = reader.take();
  simdjson::dom::parser parser;
  for (const Document& d : out.corpus.docs) {
    simdjson::dom::element v;
    EXPECT_EQ(parser.parse("{" + d.carried + "}")[field].get(v), simdjson::SUCCESS) << d.id;
    out.labels.push_back(v.is_string() ? std::string(std::string_view(v)) : simdjson::to_string(v));
  }
  return true;
}

ClusteringScores events_on(const Labelled& data, bool use_dates, const EventParams& params = {}) {
  std::vector<std::string_view> texts;
  std::vector<int64_t> dates;
  for (const Document& d : data.corpus.docs) texts.push_back(d.text), dates.push_back(d.date);
  HashedEmbedder embedder(HashedEmbedderParams{});
  Result<EmbeddingMatrix> m = fit_and_embed(embedder, texts);
  EXPECT_TRUE(m.ok());
  Result<EventClusters> c = cluster_events(*m, use_dates ? dates : std::vector<int64_t>{}, params);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return score_clustering(data.labels, as_labels(c->event_of));
}

// Measured 0.9068 / 0.9082 (dates ignored) and 0.8742 / 0.8760 (ECB+'s
// partial dates, window 7, decay 14; 0.8571 at the default decay of 2 days:
// ECB+'s dates are not publication dates); the issue asks for 0.85.
TEST(EventsQuality, EcbPlusSubtopics) {
  Labelled d;
  const fs::path path = testing::datasets_dir() / "ecbplus" / "docs.jsonl";
  if (!load_labelled(path, "subtopic", d)) GTEST_SKIP() << "dataset not found: " << path;
  ASSERT_EQ(d.corpus.docs.size(), 772u);
  const ClusteringScores undated = events_on(d, false);
  std::printf("ECB+ (dates ignored): %llu events, ARI %.4f, pairwise F1 %.4f\n",
              static_cast<unsigned long long>(undated.predicted_clusters), undated.ari, undated.pairwise_f1);
  EXPECT_GE(undated.ari, 0.89);
  EXPECT_GE(undated.pairwise_f1, 0.89);
  const ClusteringScores dated = events_on(d, true);
  std::printf("ECB+ (with its dates): %llu events, ARI %.4f, pairwise F1 %.4f\n",
              static_cast<unsigned long long>(dated.predicted_clusters), dated.ari, dated.pairwise_f1);
  EXPECT_GE(dated.ari, 0.85);
  EXPECT_GE(dated.pairwise_f1, 0.85);
  // Modularity merges the look-alike events: the reason CPM is the default.
  EventParams louvain;
  louvain.method = EventParams::Method::kLouvain;
  louvain.merge_threshold = 2;
  EXPECT_LT(events_on(d, false, louvain).ari, undated.ari - 0.05);
}

// WikiRef220's labels are coarse topics (five big, eleven small), not events:
// the defaults split topics into events. Measured ARI 0.2641 (51 events).
TEST(EventsQuality, WikiRef220Topics) {
  Labelled d;
  const fs::path path = testing::datasets_dir() / "wikiref" / "WikiRef220.jsonl";
  if (!load_labelled(path, "label", d)) GTEST_SKIP() << "dataset not found: " << path;
  const ClusteringScores s = events_on(d, true);
  std::printf("WikiRef220: %llu events for %llu topics, ARI %.4f, pairwise P %.4f R %.4f\n",
              static_cast<unsigned long long>(s.predicted_clusters), static_cast<unsigned long long>(s.gold_clusters),
              s.ari, s.pairwise_precision, s.pairwise_recall);
  EXPECT_GE(s.ari, 0.2);
  EXPECT_GE(s.pairwise_precision, 0.85);  // what it puts together shares a topic
}

// ------------------------------------------------------------ command line

}  // namespace
}  // namespace copydesk
