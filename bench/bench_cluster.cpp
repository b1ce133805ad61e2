// Cluster: cluster_copies on the verified pairs of the crawl (Jaccard ≥ 0.8,
// scores from signatures), one thread. One iteration is the whole crawl.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/cluster.h"
#include "copydesk/eval.h"
#include "copydesk/lsh.h"
#include "copydesk/verify.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;
using copydesk_bench::fingerprints;

void BM_ClusterCopies(benchmark::State& state) {
  const auto& docs = crawl().docs;
  const auto& fp = fingerprints();
  const size_t n = docs.size();
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  std::vector<uint8_t> ok(n);
  for (size_t i = 0; i < n; ++i) ok[i] = fp.set_sizes[i] > 0;
  auto c = copydesk::find_candidates(fp.signatures.data(), n, fp.num_perm, ok, copydesk::LshParams{});
  check(c.ok(), "find_candidates succeeds");
  const copydesk::Similarity sim(fp, copydesk::Measure::kJaccard, false);
  const std::vector<copydesk::ScoredPair> verified = copydesk::verify_pairs(c->pairs, sim, 0.8);
  std::vector<copydesk::CanonicalKey> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = {docs[i].date, docs[i].text.size()};
  const copydesk::ClusterParams params;

  // Before timing: copies were merged (fewer groups than documents), and the
  // groups agree with the generator's gold labels (ARI well above chance).
  const copydesk::CopyGroups g = copydesk::cluster_copies(n, verified, sim, keys, params);
  check(g.group_of.size() == n, "one group per document");
  check(g.num_groups() > 0 && g.num_groups() < n, "group count < documents");
  std::vector<std::string> gold(n), pred(n);
  for (size_t i = 0; i < n; ++i) {
    gold[i] = copydesk_bench::gold_group(docs[i]);
    pred[i] = std::to_string(g.group_of[i]);
  }
  const copydesk::ClusteringScores s = copydesk::score_clustering(gold, pred);
  check(s.ari > 0.5, "groups agree with the gold labels (ARI > 0.5)");

  for (auto _ : state) {
    copydesk::CopyGroups r = copydesk::cluster_copies(n, verified, sim, keys, params);
    benchmark::DoNotOptimize(r.group_of.data());
  }
  omp_set_num_threads(saved);
  const double it = static_cast<double>(state.iterations());
  state.counters["verified"] = static_cast<double>(verified.size());
  state.counters["groups"] = static_cast<double>(g.num_groups());
  state.counters["ARI"] = s.ari;
  state.counters["docs/s"] = benchmark::Counter(it * static_cast<double>(n), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(it * static_cast<double>(crawl().text_bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ClusterCopies)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
