// Events (events.h) at crawl scale, on planted events (event_synthetic.h:
// 256-dim unit vectors, event sizes P(s) ∝ s^-2 on [1, 2000], look-alike
// pairs of events, within-event cosine 0.42 as ECB+ with the hashed
// embedder).
//
//   BM_Events/items/dated   cluster_events, default params, one iteration.
//                           dated = 1: 30 days of dates, 7-day window (time
//                           blocks); dated = 0: no dates, one block of every
//                           item (the worst case for the search).
//   BM_EventGraph/index/items  the neighbour graph alone, flat (0) or IVF (1),
//                           undated: where exact search stops being cheap,
//                           and how many of the exact graph's edges IVF finds.
//
// Counters: items/s; ari (against the planted events); events; search_s and
// cluster_s; peak_rss_MB — the process's peak resident memory so far
// (getrusage), so run one size per process for a clean figure:
//
//   copydesk_bench_events --benchmark_filter='BM_Events/1000000/0'
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/eval.h"
#include "copydesk/event_synthetic.h"
#include "copydesk/events.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::labels;
using copydesk_bench::peak_rss_mb;

using copydesk::EventParams;


copydesk::PlantedEvents make(size_t items, bool dated) {
  copydesk::PlantedEventParams p;
  p.items = items;
  p.max_event_items = 2000;
  p.member_cosine = 0.42;
  p.undated_fraction = dated ? 0 : 1;
  copydesk::Result<copydesk::PlantedEvents> r = copydesk::make_planted_events(p);
  check(r.ok(), "planted events");
  return std::move(*r);
}



void BM_Events(benchmark::State& state) {
  const auto items = static_cast<size_t>(state.range(0));
  const bool dated = state.range(1) != 0;
  const copydesk::PlantedEvents planted = make(items, dated);
  copydesk::EventClusters events;
  for (auto _ : state) {
    copydesk::Result<copydesk::EventClusters> r = copydesk::cluster_events(planted.vectors, planted.dates, EventParams{});
    check(r.ok(), "cluster_events");
    events = std::move(*r);
  }
  check(events.event_of.size() == items, "one event per item");
  const copydesk::ClusteringScores s = copydesk::score_clustering(labels(planted.event), labels(events.event_of));
  check(s.ari > 0.8, "events close to the planted ones");
  state.counters["items/s"] = benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
  state.counters["ari"] = s.ari;
  state.counters["events"] = static_cast<double>(events.num_events());
  state.counters["search_s"] = events.search_seconds;
  state.counters["cluster_s"] = events.cluster_seconds;
  state.counters["peak_rss_MB"] = peak_rss_mb();
  state.SetLabel(events.indexes.empty() ? "" : events.indexes.front() + " x" + std::to_string(events.indexes.size()));
}
BENCHMARK(BM_Events)
    ->Args({100000, 1})
    ->Args({100000, 0})
    ->Args({1000000, 1})
    ->Args({1000000, 0})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

// The exact graph of each size: kept by the flat run, else computed outside
// any timing.
std::map<size_t, copydesk::EventGraph>& exact_graphs() {
  static std::map<size_t, copydesk::EventGraph> graphs;
  return graphs;
}

const copydesk::EventGraph& exact_graph(const copydesk::PlantedEvents& planted, size_t items) {
  std::map<size_t, copydesk::EventGraph>& graphs = exact_graphs();
  auto it = graphs.find(items);
  if (it == graphs.end()) {
    EventParams p;
    p.index = EventParams::Index::kFlat;
    copydesk::Result<copydesk::EventGraph> g = copydesk::build_event_graph(planted.vectors, planted.dates, p);
    check(g.ok(), "exact graph");
    it = graphs.emplace(items, std::move(*g)).first;
  }
  return it->second;
}

void BM_EventGraph(benchmark::State& state) {
  const bool ivf = state.range(0) != 0;
  const auto items = static_cast<size_t>(state.range(1));
  const copydesk::PlantedEvents planted = make(items, false);
  EventParams p;
  p.index = ivf ? EventParams::Index::kIvf : EventParams::Index::kFlat;
  copydesk::EventGraph graph;
  for (auto _ : state) {
    copydesk::Result<copydesk::EventGraph> g = copydesk::build_event_graph(planted.vectors, planted.dates, p);
    check(g.ok(), "build_event_graph");
    graph = std::move(*g);
  }
  if (!ivf) exact_graphs()[items] = graph;
  // Share of the exact graph's edges within planted events that this one has.
  const copydesk::EventGraph& exact = exact_graph(planted, items);
  size_t wanted = 0, found = 0;
  auto less = [](const copydesk::EventEdge& x, const copydesk::EventEdge& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  };
  for (const copydesk::EventEdge& e : exact.edges) {
    if (planted.event[e.a] != planted.event[e.b]) continue;
    ++wanted;
    found += std::binary_search(graph.edges.begin(), graph.edges.end(), e, less);
  }
  state.counters["items/s"] = benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
  state.counters["event_edge_recall"] = wanted == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(wanted);
  state.counters["edges"] = static_cast<double>(graph.edges.size());
  state.SetLabel(graph.indexes.empty() ? "" : graph.indexes.front());
}
BENCHMARK(BM_EventGraph)
    ->ArgsProduct({{0, 1}, {20000, 50000, 100000}})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
