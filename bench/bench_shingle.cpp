// Shingle: Shingler::shingle over pre-tokenized documents, one thread.
// Arg: shingle size n (words; characters for the _Chars variant).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/normalize.h"
#include "copydesk/shingle.h"

namespace {

using copydesk_bench::crawl;

const std::vector<copydesk::TokenizedText>& tokenized() {
  static const std::vector<copydesk::TokenizedText> all = [] {
    std::vector<copydesk::TokenizedText> out(crawl().docs.size());
    copydesk::Normalizer norm;
    for (size_t i = 0; i < out.size(); ++i) norm.tokenize(crawl().docs[i].text, out[i]);
    return out;
  }();
  return all;
}

void run(benchmark::State& state, copydesk::ShingleKind kind) {
  copydesk::ShingleParams params;
  params.kind = kind;
  params.size = static_cast<uint32_t>(state.range(0));
  const auto& docs = crawl().docs;
  const auto& tokens = tokenized();
  copydesk::Shingler shingler(params);
  std::vector<uint64_t> hashes;
  // Before timing: every document has shingles, a set (no repeats), never more
  // than one per token (word) or per byte (char).
  const bool first = copydesk_bench::first_time(std::to_string(static_cast<int>(kind)) + "/" + std::to_string(params.size));
  for (size_t i = 0; first && i < docs.size(); ++i) {
    shingler.shingle(tokens[i], hashes);
    copydesk_bench::check(!hashes.empty(), "every generated document has shingles");
    const size_t most = kind == copydesk::ShingleKind::kWord ? tokens[i].size() : tokens[i].normalized.size();
    copydesk_bench::check(hashes.size() <= most, "no more shingles than positions");
    if (i % 16 != 0) continue;  // distinctness on a sample: sorting is slower than shingling
    std::vector<uint64_t> sorted = hashes;
    std::sort(sorted.begin(), sorted.end());
    copydesk_bench::check(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end(), "shingles are distinct");
  }
  size_t i = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    shingler.shingle(tokens[i], hashes);
    benchmark::DoNotOptimize(hashes.data());
    bytes += docs[i].text.size();
    if (++i == docs.size()) i = 0;
  }
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
}

void BM_ShingleWords(benchmark::State& state) { run(state, copydesk::ShingleKind::kWord); }
void BM_ShingleChars(benchmark::State& state) { run(state, copydesk::ShingleKind::kChar); }
BENCHMARK(BM_ShingleWords)->Arg(3)->Arg(5)->Arg(9);
BENCHMARK(BM_ShingleChars)->Arg(5);

}  // namespace

BENCHMARK_MAIN();
