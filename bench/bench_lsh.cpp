// LSH: find_candidates on the precomputed k = 128 signatures of the crawl,
// banding for Jaccard 0.8. Arg: OpenMP threads (bands run in parallel);
// 0 = all. One iteration is the whole crawl.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/lsh.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;
using copydesk_bench::fingerprints;

std::vector<uint8_t> eligible() {
  std::vector<uint8_t> e(fingerprints().size());
  for (size_t i = 0; i < e.size(); ++i) e[i] = fingerprints().set_sizes[i] > 0;
  return e;
}

void BM_FindCandidates(benchmark::State& state) {
  const auto& docs = crawl().docs;
  const auto& fp = fingerprints();
  const std::vector<uint8_t> ok = eligible();
  const copydesk::LshParams params;
  const int saved = omp_get_max_threads();
  const int threads = state.range(0) > 0 ? static_cast<int>(state.range(0)) : saved;
  omp_set_num_threads(threads);

  // Before timing: candidates are found, sorted and unique, and many of them
  // are copies of one story by the gold labels.
  copydesk::Result<copydesk::Candidates> c = copydesk::find_candidates(fp.signatures.data(), fp.size(), fp.num_perm, ok, params);
  check(c.ok(), "find_candidates succeeds");
  const auto& pairs = c->pairs;
  check(!pairs.empty(), "a crawl with known copies gives candidate pairs");
  check(std::adjacent_find(pairs.begin(), pairs.end(), std::greater_equal<>()) == pairs.end(), "sorted and unique");
  uint64_t same_story = 0;
  for (uint64_t p : pairs) {
    same_story += copydesk_bench::gold_group(docs[copydesk::pair_first(p)]) ==
                  copydesk_bench::gold_group(docs[copydesk::pair_second(p)]);
  }
  check(same_story * 2 > pairs.size(), "most candidate pairs are copies of one story");

  for (auto _ : state) {
    copydesk::Result<copydesk::Candidates> r = copydesk::find_candidates(fp.signatures.data(), fp.size(), fp.num_perm, ok, params);
    benchmark::DoNotOptimize(r->pairs.data());
  }
  omp_set_num_threads(saved);
  const double n = static_cast<double>(state.iterations());
  state.SetLabel("bands=" + std::to_string(c->banding.bands) + " rows=" + std::to_string(c->banding.rows));
  state.counters["threads"] = threads;
  state.counters["candidates"] = static_cast<double>(pairs.size());
  state.counters["docs/s"] = benchmark::Counter(n * static_cast<double>(docs.size()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(n * static_cast<double>(crawl().text_bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FindCandidates)->Arg(1)->Arg(0)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
