// copydesk — events: which copy groups report the same real-world happening.
//
// Copy groups (dedup.h) are copies of one text. An event is wider: every
// story about the same earthquake, match or trial, whoever wrote it. Items
// (one per copy group — or per document where there are no copies) are
// compared by their embeddings (embed.h: unit vectors, cosine = dot product)
// and cut into events in two steps.
//
// 1. The neighbour graph (build_event_graph). Each item is linked to its k
//    most similar items by FAISS inner-product search, with two rules for
//    dated items: neighbours farther apart than `window_days` are never
//    linked, and similarity decays with the time between them,
//      weight = cosine · exp(−|Δt| / time_decay_days)
//    (no decay when either date is unknown; an undated item may link to any
//    item). Links below `min_similarity` are dropped; a pair linked either
//    way becomes one undirected edge. Items are sorted into time blocks of
//    `window_days`: a dated item searches its own block and the two next to
//    it (2k candidates from those, then filtered exactly by the window) and
//    the undated items; an undated one searches every block. Per block the
//    index is chosen by size (`index`): exact IndexFlatIP up to `flat_max`
//    items, an inverted file beyond (k-means lists ≈ 4·√n, trained on an
//    evenly strided sample of 64 per list, 10 rounds; `ivf_nprobe` lists
//    visited per query; each list searched for all its queries at once with
//    BLAS — see src/story/batched_ivf.h for why this is not IndexIVFFlat),
//    or HNSW when asked (built serially, so it stays deterministic: slow to
//    build). Every candidate's cosine is recomputed exactly before ranking,
//    so the weights do not depend on how the search was blocked.
//
// 2. Clustering the graph (cluster_event_graph), by `method`:
//    * kLeiden (default): Leiden (igraph 0.10) with the Constant Potts Model:
//      a community is kept when its internal edge weight beats
//      cpm_resolution × (its pairs). CPM has no resolution limit, so two
//      look-alike events stay apart however large the crawl — but on a
//      k-nearest-neighbour graph it caps a community near 2·k·w̄ / γ items
//      (w̄ = mean edge weight; about 50 at the defaults): a 1,000-item event
//      comes out in pieces. Hence the second step:
//    * then, for every method but average linkage, linked communities are
//      merged by average linkage while their mean cosine over ALL cross pairs
//      (exact, from the communities' sum vectors; decayed by the time between
//      their mean dates) is at least `merge_threshold`. A mean over all pairs
//      cannot chain: one close pair does not join two events.
//    * kLeidenModularity / kLouvain: modularity with γ =
//      modularity_resolution. Measured worse (look-alike events merge), and
//      modularity's resolution limit grows with the crawl.
//    * kAverageLinkage: the average-linkage merge alone, from single items,
//      down to `linkage_threshold`.
//
// Measured on ECB+ (772 articles, 66 events in 33 topics of two look-alike
// events; gold = subtopic), HashedEmbedder defaults (256 dims), dates ignored
// (only the 283 articles of one half have one, and within one event they
// span up to two years); tests/test_events.cpp re-measures the defaults:
//
//   method (k = 10 unless noted)                  events   ARI     pairwise F1
//   Leiden CPM γ 0.10                               66    0.899    0.901
//   Leiden CPM γ 0.15 + merge 0.35  (default)       77    0.907    0.908
//   Leiden CPM γ 0.20                               98    0.882    0.884
//   Leiden CPM, k 5, γ 0.05                         68    0.915    0.917
//   Leiden CPM, k 15, γ 0.20                        81    0.905    0.906
//   Leiden modularity γ 1 / 3 / 5                 38–48   0.672 / 0.785 / 0.792
//   Louvain γ 1 / 3 / 5                           37–48   0.661 / 0.785 / 0.794
//   Leiden modularity, k 5, γ 5                     59    0.889    0.891
//   average linkage, cut 0.25 (k 5: 0.854)          77    0.831    0.833
//   clustering by topic (the floor)                 33    0.66     0.66
//   default with ECB+'s partial dates (window 7, τ 14)  85  0.874  0.876
//   default, --dims 512 / 1024 (dates ignored)    75 / 69 0.925 / 0.930
//
// The merge step changes nothing on ECB+ at 0.35 (its events are small) but
// is what keeps large events whole: on planted events (event_synthetic.h,
// 20k items, events of up to 1,048 items, within-event cosine 0.42) Leiden
// CPM alone scores ARI 0.06 (largest community 25 items), with the merge
// 0.975. Mutual-kNN graphs were tried and dropped (best ARI 0.896).
// WikiRef220 (labels are 16 coarse topics, not events): ARI 0.264 at the
// defaults (51 events); a topic-sized γ of 0.03 gives 0.920.
//
// Scale (bench/bench_events.cpp; planted, 256 dims): see the table there.
// 1M items in one block (no dates: the worst case) take about 3 minutes on 2
// cores and 2.4 GB peak.
//
// Determinism: the same vectors, dates and params give the same events
// whatever the thread count — neighbour lists are ranked by (weight, id) on
// exactly recomputed weights, IVF training uses a fixed sample and seed,
// HNSW is built serially, and igraph runs on its own RNG seeded with `seed`.
// igraph keeps global state (error handler, RNG): calls into it are
// serialised by a mutex and restore it after.
//
//   EmbeddingMatrix vectors = ...;               // one unit row per copy group
//   std::vector<int64_t> dates = ...;            // per row, or kNoDate
//   Result<EventClusters> events = cluster_events(vectors, dates, EventParams{});
//   if (!events.ok()) return events.status();
//   uint32_t e = events->event_of[row];
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/status.h"

namespace copydesk {

struct EventParams {
  // ---- the neighbour graph
  uint32_t k = 10;               // neighbours searched per item, in [1, 1024]
  float min_similarity = 0.1f;   // links with a lower (decayed) weight are dropped, in [0, 1]
  double window_days = 7;        // dated items farther apart are never linked (> 0; infinity: no window)
  double time_decay_days = 14;   // τ of the decay exp(−|Δt| / τ); 0: no decay

  enum class Index { kAuto, kFlat, kIvf, kHnsw };
  Index index = Index::kAuto;    // kAuto: kFlat up to flat_max items per time block, else kIvf
  size_t flat_max = 20000;       // exact search costs n² · dims: about 5 s at 20k items on 2 cores
  uint32_t ivf_nprobe = 16;      // IVF lists visited per query (of ≈ 4·√n)
  uint32_t hnsw_m = 32;          // HNSW links per node
  uint32_t hnsw_ef_search = 128; // HNSW search breadth, >= k

  // ---- cutting the graph into events
  enum class Method { kLeiden, kLeidenModularity, kLouvain, kAverageLinkage };
  Method method = Method::kLeiden;
  double cpm_resolution = 0.15;      // kLeiden (CPM): edge density a community must beat
  double modularity_resolution = 1;  // kLeidenModularity, kLouvain: γ
  double merge_threshold = 0.35;     // then merge linked communities down to this mean cosine (> 1: never)
  double linkage_threshold = 0.25;   // kAverageLinkage: merge down to this mean cosine
  uint64_t seed = 1;                 // IVF k-means and Leiden / Louvain

  // InvalidArgument naming the first bad field.
  Status validate() const;
};

// One undirected edge of the neighbour graph.
struct EventEdge {
  uint32_t a = 0, b = 0;  // a < b
  float weight = 0;       // cosine · time decay
};

struct EventGraph {
  uint32_t nodes = 0;
  std::vector<EventEdge> edges;      // sorted by (a, b), each pair once
  std::vector<std::string> indexes;  // per time block searched: "flat", "ivf(nlist=…,nprobe=…)", "hnsw(…)"
  size_t time_blocks = 0;
  double search_seconds = 0;
};

struct EventClusters {
  std::vector<uint32_t> event_of;    // per item: its event; events are numbered by their first item
  std::vector<uint32_t> event_size;  // per event: its items
  size_t edges = 0;                  // edges of the graph that was cut
  std::vector<std::string> indexes;  // as EventGraph::indexes
  double search_seconds = 0, cluster_seconds = 0;

  size_t num_events() const { return event_size.size(); }
};

// The neighbour graph of `vectors` (one L2-normalised row per item). `dates`
// has one entry per row — seconds since 1970 or kNoDate (document.h) — or is
// empty when no item is dated. Fails on bad params, a ragged matrix, a size
// mismatch, or a faiss error.
Result<EventGraph> build_event_graph(const EmbeddingMatrix& vectors, const std::vector<int64_t>& dates,
                                     const EventParams& params);

// Cuts a graph made by build_event_graph (same vectors, dates and params)
// into events.
Result<EventClusters> cluster_event_graph(const EventGraph& graph, const EmbeddingMatrix& vectors,
                                          const std::vector<int64_t>& dates, const EventParams& params);

// build_event_graph, then cluster_event_graph.
Result<EventClusters> cluster_events(const EmbeddingMatrix& vectors, const std::vector<int64_t>& dates,
                                     const EventParams& params);

}  // namespace copydesk
