// Normalize: Normalizer::tokenize, one document at a time, one thread.
#include <benchmark/benchmark.h>

#include "bench_crawl.h"
#include "copydesk/normalize.h"

namespace {

using copydesk_bench::crawl;

// Tokenizes every document once before timing: each must give tokens, and the
// tokens must be a plain substring list of `normalized`.
void check_tokens() {
  copydesk::Normalizer norm;
  copydesk::TokenizedText t;
  for (const auto& d : crawl().docs) {
    norm.tokenize(d.text, t);
    copydesk_bench::check(t.size() > 0, "every generated document has tokens");
    copydesk_bench::check(t.end.back() == t.normalized.size(), "last token ends the normalized text");
  }
  norm.tokenize("Putin meets North Korea\u2019s Kim", t);
  copydesk_bench::check(t.normalized == "putin meets north koreas kim", "known answer");
}

void BM_Tokenize(benchmark::State& state) {
  if (copydesk_bench::first_time("tokenize")) check_tokens();
  const auto& docs = crawl().docs;
  copydesk::Normalizer norm;
  copydesk::TokenizedText t;
  size_t i = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    const auto& text = docs[i].text;
    norm.tokenize(text, t);
    benchmark::DoNotOptimize(t.begin.data());
    bytes += text.size();
    if (++i == docs.size()) i = 0;
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize);

}  // namespace

BENCHMARK_MAIN();
