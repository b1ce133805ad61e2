// Verify: verify_pairs on the LSH candidates of the crawl, Jaccard ≥ 0.8,
// one thread. Arg: 0 = scores from signatures (default), 1 = exact scores on
// the shingle sets (--exact). One iteration is every candidate of the crawl.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <vector>

#include "bench_crawl.h"
#include "copydesk/lsh.h"
#include "copydesk/verify.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;
using copydesk_bench::fingerprints;

const std::vector<uint64_t>& candidates() {
  static const std::vector<uint64_t> pairs = [] {
    const auto& fp = fingerprints();
    std::vector<uint8_t> ok(fp.size());
    for (size_t i = 0; i < ok.size(); ++i) ok[i] = fp.set_sizes[i] > 0;
    auto c = copydesk::find_candidates(fp.signatures.data(), fp.size(), fp.num_perm, ok, copydesk::LshParams{});
    check(c.ok() && !c->pairs.empty(), "candidate pairs found");
    return c->pairs;
  }();
  return pairs;
}

void BM_VerifyPairs(benchmark::State& state) {
  const bool exact = state.range(0) != 0;
  const auto& pairs = candidates();
  const copydesk::Similarity sim(fingerprints(), copydesk::Measure::kJaccard, exact);
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);

  // Before timing: some candidates pass, none below the threshold, and the
  // scores are symmetric.
  const std::vector<copydesk::ScoredPair> kept = copydesk::verify_pairs(pairs, sim, 0.8);
  check(!kept.empty() && kept.size() <= pairs.size(), "verification keeps some candidates");
  for (const auto& p : kept) check(p.score >= 0.8f - 1e-6f && p.a < p.b, "kept pairs reach the threshold");
  check(sim(kept[0].a, kept[0].b) == sim(kept[0].b, kept[0].a), "similarity is symmetric");

  for (auto _ : state) {
    std::vector<copydesk::ScoredPair> v = copydesk::verify_pairs(pairs, sim, 0.8);
    benchmark::DoNotOptimize(v.data());
  }
  omp_set_num_threads(saved);
  const double n = static_cast<double>(state.iterations());
  state.SetLabel(exact ? "exact" : "signatures");
  state.counters["candidates"] = static_cast<double>(pairs.size());
  state.counters["verified"] = static_cast<double>(kept.size());
  state.counters["pairs/s"] = benchmark::Counter(n * static_cast<double>(pairs.size()), benchmark::Counter::kIsRate);
  state.counters["docs/s"] =
      benchmark::Counter(n * static_cast<double>(crawl().docs.size()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(n * static_cast<double>(crawl().text_bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_VerifyPairs)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
