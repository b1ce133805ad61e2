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
//    `window_days`: a dated item searches its own block, the two next to it
//    (2k candidates there, then filtered exactly by the window) and the
//    undated items; an undated one searches every block. Per block the index
//    is chosen by size (`index`):
//    * exact, up to `flat_max` items: faiss IndexFlatIP storage, searched in
//      fixed chunks of queries so BLAS rounds alike whatever the thread count
//      (src/story/chunked_flat.h);
//    * IVF beyond: faiss k-means (≈ 4·√n lists, trained on an evenly strided
//      sample of 64 per list, 10 rounds, seeded), `ivf_nprobe` lists visited
//      per query, each list searched for all its queries at once with faiss's
//      BLAS kernel — 5× faster than IndexIVFFlat with Debian's faiss build
//      (src/story/batched_ivf.h);
//    * HNSW when asked (IndexHNSWFlat, built serially so it stays
//      deterministic: slow to build).
//    Every candidate's cosine is recomputed exactly before ranking, so the
//    weights do not depend on how the search was done. Exact vs IVF on
//    planted events (undated, 2 cores): 20k items 1.2 s vs 0.65 s, 50k 6.6 s
//    vs 2.4 s, 100k 25 s vs 5.2 s; IVF keeps 98.7 / 97.9 / 95.6 % of the
//    exact graph's within-event edges.
//
// 2. Clustering the graph (cluster_event_graph), by `method`:
//    * kLeiden (default): Leiden (igraph 0.10, two iterations, β 0.01) with
//      the Constant Potts Model: a community is kept when its internal edge
//      weight beats cpm_resolution × (its pairs). CPM has no resolution
//      limit, so look-alike events stay apart however large the crawl; on a
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
//   Leiden CPM γ 0.05                               54    0.833    0.836
//   Leiden CPM γ 0.10                               67    0.897    0.899
//   Leiden CPM γ 0.15 + merge 0.35  (default)       77    0.907    0.908
//   Leiden CPM γ 0.20                               96    0.881    0.883
//   Leiden CPM, k 5, γ 0.05                         69    0.919    0.920
//   Leiden CPM, k 15, γ 0.20                        82    0.902    0.904
//   Leiden modularity γ 1 / 3 / 5                 38–48   0.673 / 0.786 / 0.793
//   Louvain γ 1 / 3 / 5                           37–48   0.661 / 0.785 / 0.794
//   Leiden modularity, k 5, γ 5                     59    0.887    0.889
//   average linkage, cut 0.20 / 0.25 / 0.30       60–110  0.799 / 0.831 / 0.822
//   average linkage, k 5, cut 0.25                  78    0.854    0.856
//   clustering by topic (the floor)                 33    0.66     0.66
//   default, with ECB+'s partial dates, τ 14 days   86    0.873    0.875
//   default, with ECB+'s partial dates, τ 2 (default) 94   0.857    —
//   default, --dims 512 / 1024 (dates ignored)    75 / 69 0.925 / 0.930
//
// k = 5 scores a little higher on ECB+ (events of ~12 articles) but leaves
// less slack for IVF's missed neighbours at scale; the plateau around k 10,
// γ 0.10–0.20 is the safer choice. ECB+'s dates (one half of each topic,
// spread up to two years within an event) cost 0.03 ARI through the window
// and the decay.
//
// NAMES. `copydesk events` (story_pipeline.h) gives cluster_events each
// copy group's word vector side by side with its name vector (embed.h
// side_by_side, storylines.h event_name_vectors): names weighing 0.35,
// generated crawl 20k event ARI 0.931 → 0.964, ECB+ 0.907 → 0.912 (dates
// ignored), 0.857 → 0.851 (its dates); now names 0.45, 0.7 of them counted
// only between groups filed from one place (storylines.h "DATELINES"):
// 0.985, ECB+ 0.914 / 0.854. The figures above are words only.
//
// THE TIME DECAY. One happening is covered within a day or two; what comes
// days later about the same people is a follow-up — another event of the same
// storyline (storylines.h). τ = 2 days makes a follow-up 3 days on count 0.22
// of its cosine. On the generated crawl (generator.h, 20k documents, seed 5;
// its cosines calibrated to ECB+'s) event ARI is 0.908 at τ 14, 0.948 at τ 2,
// 0.942 at τ 3, 0.943 at τ 1. ECB+'s dates are not publication dates (one
// event's articles span up to two years), so they cost it: 0.873 at τ 14,
// 0.857 at τ 2, 0.831 at τ 1 (0.907 with the dates ignored).
//
// The merge step changes nothing on ECB+ at 0.35 (its events are small) but
// is what keeps large events whole: on planted events (event_synthetic.h,
// 20k items, events of up to 1,048 items, within-event cosine 0.42, dated
// over 30 days) Leiden CPM alone scores ARI 0.058 (largest community 27
// items), with the merge 0.993; Louvain 0.405 (look-alikes joined); average
// linkage alone 1.000 — planted events are exactly what it models, ECB+ is
// not. Mutual-kNN graphs were tried and dropped (best ECB+ ARI 0.896).
// WikiRef220 (labels are 16 coarse topics, not events): ARI 0.263 at the
// defaults (51 events); a topic-sized γ of 0.03 gives 0.920.
//
// Scale (bench/bench_events.cpp: planted events, 256 dims, defaults then —
// τ 14 days —, 2 cores shared with other work; peak = the process's peak
// RSS, vectors included):
//
//   items   dates            search    cluster   total    peak RSS   ARI
//   100k    none (1 block)    5.0 s     2.3 s     7.3 s    341 MB    0.965
//   100k    30 days (5+)      7.4 s     2.0 s     9.4 s    377 MB    0.989
//   1M      none (1 block)     69 s      61 s     131 s    2.35 GB   0.903
//   1M      30 days (5+)      107 s      54 s     161 s    2.29 GB   0.961
//
// (Dated items search three blocks each, hence the slower search.)
//
// Determinism: the same vectors, dates and params give the same events
// whatever the thread count — every BLAS product runs single-threaded on a
// fixed chunk (exact search) or list (IVF), neighbour lists are ranked by
// (weight, id) on exactly recomputed weights, IVF training uses a fixed
// sample and seed,
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
  double time_decay_days = 2;    // τ of the decay exp(−|Δt| / τ); 0: no decay (see THE TIME DECAY above)

  enum class Index { kAuto, kFlat, kIvf, kHnsw };
  Index index = Index::kAuto;    // kAuto: kFlat up to flat_max items per time block, else kIvf
  size_t flat_max = 20000;       // exact search costs n² · dims: 1.2 s at 20k items, 6.6 s at 50k (2 cores)
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
