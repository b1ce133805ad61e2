// SimHash: signing one document's features (one thread, both SIMD paths),
// counting document frequencies (one thread), the whole two-pass
// compute_simhashes over the crawl (all threads), and the Hamming search at
// the default radius on 100k and 1M codes, permuted tables against faiss.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/hamming.h"
#include "copydesk/lsh.h"
#include "copydesk/normalize.h"
#include "copydesk/shingle.h"
#include "copydesk/simhash.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;

// Word-trigram features of every crawl document, CSR, and their document
// frequencies.
struct Features {
  std::vector<uint64_t> hashes;
  std::vector<size_t> offsets{0};
  copydesk::DocumentFrequency df;
  size_t size(size_t i) const { return offsets[i + 1] - offsets[i]; }
  const uint64_t* of(size_t i) const { return hashes.data() + offsets[i]; }
};

const Features& features() {
  static const Features all = [] {
    Features out;
    copydesk::Normalizer norm;
    copydesk::Shingler shingler(copydesk::SimHashParams{}.features);
    copydesk::TokenizedText t;
    std::vector<uint64_t> h;
    copydesk::DocumentFrequencyCounter counter;
    for (const auto& d : crawl().docs) {
      norm.tokenize(d.text, t);
      shingler.shingle(t, h);
      counter.add_document(h.data(), h.size());
      out.hashes.insert(out.hashes.end(), h.begin(), h.end());
      out.offsets.push_back(out.hashes.size());
    }
    out.df = std::move(counter).finish();
    return out;
  }();
  return all;
}

// Before timing: signing equals simhash() over the looked-up weights, and
// both SIMD paths agree, on every document.
void check_signing() {
  const Features& f = features();
  std::vector<uint32_t> weights;
  for (size_t i = 0; i + 1 < f.offsets.size(); ++i) {
    weights.clear();
    for (size_t j = 0; j < f.size(i); ++j) weights.push_back(f.df.weight(f.of(i)[j]));
    const uint64_t expected = copydesk::simhash(f.of(i), weights.data(), f.size(i), copydesk::SimdPath::kPortable);
    check(f.df.sign(f.of(i), f.size(i), copydesk::SimdPath::kPortable) == expected, "sign == simhash(weights)");
    check(f.df.sign(f.of(i), f.size(i), copydesk::SimdPath::kAvx2) == expected, "AVX2 path == portable path");
  }
}

void run_sign(benchmark::State& state, copydesk::SimdPath path) {
  if (copydesk_bench::first_time("sign")) check_signing();
  const Features& f = features();
  const auto& docs = crawl().docs;
  size_t i = 0;
  uint64_t bytes = 0, count = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.df.sign(f.of(i), f.size(i), path));
    bytes += docs[i].text.size();
    count += f.size(i);
    if (++i == docs.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["features/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
void BM_Sign(benchmark::State& state) { run_sign(state, copydesk::SimdPath::kAuto); }
void BM_SignPortable(benchmark::State& state) { run_sign(state, copydesk::SimdPath::kPortable); }
BENCHMARK(BM_Sign);
BENCHMARK(BM_SignPortable);

// Counting document frequencies over the precomputed features of the whole
// crawl, one thread, finish() included.
void BM_CountDocumentFrequency(benchmark::State& state) {
  const Features& f = features();
  const size_t n = f.offsets.size() - 1;
  size_t stored = 0;
  for (auto _ : state) {
    copydesk::DocumentFrequencyCounter counter;
    for (size_t i = 0; i < n; ++i) counter.add_document(f.of(i), f.size(i));
    const copydesk::DocumentFrequency df = std::move(counter).finish();
    stored = df.stored_features();
    benchmark::DoNotOptimize(stored);
  }
  check(stored == f.df.stored_features(), "the same count every time");
  const double it = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * crawl().text_bytes));
  state.counters["docs/s"] = benchmark::Counter(it * static_cast<double>(n), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(it * static_cast<double>(crawl().text_bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["features/s"] =
      benchmark::Counter(it * static_cast<double>(f.hashes.size()), benchmark::Counter::kIsRate);
  state.counters["stored"] = static_cast<double>(stored);
  state.counters["table_MB"] = static_cast<double>(f.df.memory_bytes()) / 1e6;
}
BENCHMARK(BM_CountDocumentFrequency)->Unit(benchmark::kMillisecond);

// The whole sketch stage: two passes (normalize + shingle + count, then
// normalize + shingle + sign), OpenMP over documents, wall time.
void BM_ComputeSimHashes(benchmark::State& state) {
  const auto& docs = crawl().docs;
  if (copydesk_bench::first_time("compute")) {
    copydesk::Result<copydesk::SimHashes> s = copydesk::compute_simhashes(docs.data(), docs.size(), {});
    check(s.ok(), "compute_simhashes succeeds");
    const Features& f = features();
    for (size_t i = 0; i < docs.size(); ++i) {
      check(s->codes[i] == f.df.sign(f.of(i), f.size(i)), "parallel codes equal the serial ones");
    }
  }
  double count_s = 0, sign_s = 0;
  for (auto _ : state) {
    copydesk::Result<copydesk::SimHashes> s = copydesk::compute_simhashes(docs.data(), docs.size(), {});
    count_s += s->count_seconds;
    sign_s += s->sign_seconds;
    benchmark::DoNotOptimize(s->codes.data());
  }
  const double it = static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * crawl().text_bytes));
  state.counters["threads"] = omp_get_max_threads();
  state.counters["docs/s"] = benchmark::Counter(it * static_cast<double>(docs.size()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(it * static_cast<double>(crawl().text_bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["count_pass_docs/s"] = it * static_cast<double>(docs.size()) / count_s;
  state.counters["sign_pass_docs/s"] = it * static_cast<double>(docs.size()) / sign_s;
}
BENCHMARK(BM_ComputeSimHashes)->UseRealTime()->Unit(benchmark::kMillisecond);

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// n codes: 80 % random, 20 % near copies (0-8 bits flipped) of earlier ones —
// about the share of copies in a news crawl.
const std::vector<uint64_t>& synthetic_codes(size_t n) {
  static std::map<size_t, std::vector<uint64_t>> cache;  // node-based: references stay valid
  if (auto it = cache.find(n); it != cache.end()) return it->second;
  uint64_t state = n;
  std::vector<uint64_t> codes;
  codes.reserve(n);
  while (codes.size() < n) {
    if (codes.empty() || splitmix(state) % 5 != 0) {
      codes.push_back(splitmix(state));
      continue;
    }
    uint64_t c = codes[splitmix(state) % codes.size()];
    for (uint64_t f = splitmix(state) % 9; f > 0; --f) c ^= uint64_t{1} << (splitmix(state) % 64);
    codes.push_back(c);
  }
  return cache[n] = std::move(codes);
}

// Before timing: for 500 sampled codes, the pairs reported with them are
// exactly those a comparison with every other code finds.
void check_sample_exact(const std::vector<uint64_t>& codes, const copydesk::HammingPairs& found, uint32_t radius) {
  uint64_t state = 12345;
  for (int s = 0; s < 500; ++s) {
    const uint32_t a = static_cast<uint32_t>(splitmix(state) % codes.size());
    std::vector<uint64_t> expected, got;
    for (uint32_t b = 0; b < codes.size(); ++b) {
      if (b != a && copydesk::hamming_distance(codes[a], codes[b]) <= radius) {
        expected.push_back(copydesk::make_pair_key(std::min(a, b), std::max(a, b)));
      }
    }
    for (uint64_t p : found.pairs) {
      if (copydesk::pair_first(p) == a || copydesk::pair_second(p) == a) got.push_back(p);
    }
    check(got == expected, "every pair within the radius of a sampled code, and no other");
  }
}

void run_search(benchmark::State& state, const std::vector<uint64_t>& codes, copydesk::HammingMethod method,
                const std::string& tag) {
  copydesk::HammingParams params;
  params.method = method;
  size_t pairs = 0;
  if (copydesk_bench::first_time(tag)) {
    auto r = copydesk::find_hamming_pairs(codes.data(), codes.size(), {}, params);
    check(r.ok(), "the search succeeds");
    check(r->pairs.size() > codes.size() / 10, "the planted near copies are found");
    check_sample_exact(codes, *r, params.radius);
  }
  for (auto _ : state) {
    auto r = copydesk::find_hamming_pairs(codes.data(), codes.size(), {}, params);
    pairs = r->pairs.size();
    benchmark::DoNotOptimize(r->pairs.data());
  }
  state.SetLabel(method == copydesk::HammingMethod::kFaissMultiHash ? "faiss" : "tables");
  state.counters["threads"] = omp_get_max_threads();
  state.counters["radius"] = params.radius;
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["codes/s"] = benchmark::Counter(static_cast<double>(state.iterations() * codes.size()),
                                                 benchmark::Counter::kIsRate);
}

// Arg 0: number of codes.
void BM_HammingTables(benchmark::State& state) {
  const auto& codes = synthetic_codes(static_cast<size_t>(state.range(0)));
  run_search(state, codes, copydesk::HammingMethod::kPermutedTables, "tables/" + std::to_string(codes.size()));
}
void BM_HammingFaiss(benchmark::State& state) {
  const auto& codes = synthetic_codes(static_cast<size_t>(state.range(0)));
  run_search(state, codes, copydesk::HammingMethod::kFaissMultiHash, "faiss/" + std::to_string(codes.size()));
}
BENCHMARK(BM_HammingTables)->Arg(100000)->Arg(1000000)->UseRealTime()->Unit(benchmark::kMillisecond);
// Not faiss on 1M codes: one search takes minutes there (hamming.h).
BENCHMARK(BM_HammingFaiss)->Arg(100000)->UseRealTime()->Unit(benchmark::kMillisecond);

// The crawl's own codes (copies cluster: real runs of near-equal codes).
void BM_HammingCrawl(benchmark::State& state) {
  static const std::vector<uint64_t> codes = [] {
    const auto& docs = crawl().docs;
    return copydesk::compute_simhashes(docs.data(), docs.size(), {})->codes;
  }();
  const auto method = state.range(0) == 0 ? copydesk::HammingMethod::kPermutedTables
                                          : copydesk::HammingMethod::kFaissMultiHash;
  run_search(state, codes, method, std::string("crawl/") + (state.range(0) == 0 ? "tables" : "faiss"));
}
BENCHMARK(BM_HammingCrawl)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
