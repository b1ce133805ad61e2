// MinHash: MinHasher::sign over precomputed shingle sets, one thread
// (Arg: num_perm), and the whole sketch stage compute_fingerprints
// (normalize + shingle + MinHash, OpenMP over documents, all threads).
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/dedup.h"
#include "copydesk/minhash.h"
#include "copydesk/normalize.h"
#include "copydesk/shingle.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;

// Word 5-gram shingle sets of every document, CSR: doc i is
// hashes[offsets[i] .. offsets[i+1]).
struct Shingles {
  std::vector<uint64_t> hashes;
  std::vector<size_t> offsets{0};
};

const Shingles& shingles() {
  static const Shingles all = [] {
    Shingles out;
    copydesk::Normalizer norm;
    copydesk::Shingler shingler(copydesk::ShingleParams{});
    copydesk::TokenizedText t;
    std::vector<uint64_t> h;
    for (const auto& d : crawl().docs) {
      norm.tokenize(d.text, t);
      shingler.shingle(t, h);
      out.hashes.insert(out.hashes.end(), h.begin(), h.end());
      out.offsets.push_back(out.hashes.size());
    }
    return out;
  }();
  return all;
}

bool all_empty(const uint32_t* sig, uint32_t k) {
  return std::all_of(sig, sig + k, [](uint32_t v) { return v == 0xFFFFFFFFu; });
}

// Before timing: no signature of a non-empty set is the empty one, and the
// path under test agrees with the portable reference on every document.
void check_signatures(const copydesk::MinHasher& hasher, const copydesk::MinHashParams& params) {
  const Shingles& s = shingles();
  const copydesk::MinHasher reference(params, copydesk::SimdPath::kPortable);
  const uint32_t k = hasher.num_perm();
  std::vector<uint32_t> sig(k), ref(k);
  for (size_t i = 0; i + 1 < s.offsets.size(); ++i) {
    const size_t n = s.offsets[i + 1] - s.offsets[i];
    check(n > 0, "every generated document has shingles");
    hasher.sign(s.hashes.data() + s.offsets[i], n, sig.data());
    reference.sign(s.hashes.data() + s.offsets[i], n, ref.data());
    check(!all_empty(sig.data(), k), "signature of a non-empty set is not all 0xFFFFFFFF");
    check(sig == ref, "SIMD path agrees with the portable reference");
  }
}

void run_sign(benchmark::State& state, copydesk::SimdPath path) {
  copydesk::MinHashParams params;
  params.num_perm = static_cast<uint32_t>(state.range(0));
  const copydesk::MinHasher hasher(params, path);
  if (copydesk_bench::first_time("sign/" + std::to_string(params.num_perm))) check_signatures(hasher, params);
  const Shingles& s = shingles();
  const auto& docs = crawl().docs;
  std::vector<uint32_t> sig(params.num_perm);
  size_t i = 0;
  uint64_t bytes = 0, shingle_count = 0;
  for (auto _ : state) {
    const size_t n = s.offsets[i + 1] - s.offsets[i];
    hasher.sign(s.hashes.data() + s.offsets[i], n, sig.data());
    benchmark::DoNotOptimize(sig.data());
    bytes += docs[i].text.size();
    shingle_count += n;
    if (++i == docs.size()) i = 0;
  }
  state.SetLabel(hasher.path() == copydesk::SimdPath::kAvx2 ? "avx2" : "portable");
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["shingles/s"] = benchmark::Counter(static_cast<double>(shingle_count), benchmark::Counter::kIsRate);
}

void BM_Sign(benchmark::State& state) { run_sign(state, copydesk::SimdPath::kAuto); }
void BM_SignPortable(benchmark::State& state) { run_sign(state, copydesk::SimdPath::kPortable); }
BENCHMARK(BM_Sign)->Arg(64)->Arg(128)->Arg(256);
BENCHMARK(BM_SignPortable)->Arg(128);

// The whole sketch stage over the crawl, all OpenMP threads; wall time.
void BM_ComputeFingerprints(benchmark::State& state) {
  const auto& docs = crawl().docs;
  copydesk::MinHashParams mh;
  mh.num_perm = static_cast<uint32_t>(state.range(0));
  const copydesk::ShingleParams sh;
  if (copydesk_bench::first_time("fingerprints/" + std::to_string(mh.num_perm))) {
    const copydesk::Fingerprints fp = copydesk::compute_fingerprints(docs, sh, mh, false);
    check(fp.size() == docs.size(), "one fingerprint per document");
    const copydesk::MinHasher hasher(mh);
    const Shingles& s = shingles();
    std::vector<uint32_t> sig(mh.num_perm);
    for (size_t i = 0; i < docs.size(); ++i) {
      const size_t n = s.offsets[i + 1] - s.offsets[i];
      check(fp.set_sizes[i] == n, "set size equals the serial shingle count");
      hasher.sign(s.hashes.data() + s.offsets[i], n, sig.data());
      check(std::equal(sig.begin(), sig.end(), fp.signatures.begin() + static_cast<ptrdiff_t>(i * mh.num_perm)),
            "parallel signatures equal the serial ones");
    }
  }
  for (auto _ : state) {
    copydesk::Fingerprints fp = copydesk::compute_fingerprints(docs, sh, mh, false);
    benchmark::DoNotOptimize(fp.signatures.data());
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["threads"] = omp_get_max_threads();
  state.counters["docs/s"] = benchmark::Counter(n * static_cast<double>(docs.size()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] =
      benchmark::Counter(n * static_cast<double>(crawl().text_bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ComputeFingerprints)->Arg(128)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
