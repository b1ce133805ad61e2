// Document embeddings (embed*.h): per-document `embed` of each embedder, one
// thread; `fit` and `fit_and_embed` over the whole crawl, all threads; reading
// external vectors; opening a CDVEC file. The pretrained embedders need the
// word-vector file (scripts/fetch_vectors.sh; default_word_vectors_path()) and
// report an error without it.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/embed.h"
#include "copydesk/embed_external.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/embed_sif.h"
#include "copydesk/embed_word_vectors.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::crawl;

enum Kind : int { kHashed = 0, kSif = 1, kPretrained = 2 };
const char* const kKindNames[] = {"hashed", "sif", "hashed+sif"};

const std::vector<std::string_view>& texts() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> out;
    for (const auto& d : crawl().docs) out.push_back(d.text);
    return out;
  }();
  return all;
}

std::shared_ptr<const copydesk::WordVectors> word_vectors() {
  static const std::shared_ptr<const copydesk::WordVectors> wv = [] {
    auto r = copydesk::WordVectors::open(copydesk::default_word_vectors_path());
    return r.ok() ? *r : nullptr;
  }();
  return wv;
}

// A new, unfitted embedder of `kind`; null when its word vectors are missing.
std::unique_ptr<copydesk::Embedder> make(int kind) {
  if (kind == kHashed) return std::make_unique<copydesk::HashedEmbedder>(copydesk::HashedEmbedderParams{});
  if (word_vectors() == nullptr) return nullptr;
  if (kind == kSif) return std::make_unique<copydesk::SifEmbedder>(word_vectors(), copydesk::SifEmbedderParams{});
  auto e = copydesk::make_pretrained_embedder(word_vectors(), copydesk::PretrainedEmbedderParams{});
  return e.ok() ? std::move(*e) : nullptr;
}

// Before timing: every row has norm 1 (or 0) and the parallel batch equals
// one-at-a-time embedding.
void check_embedder(const copydesk::Embedder& e, const copydesk::EmbeddingMatrix& m) {
  check(m.rows() == texts().size(), "one vector per document");
  std::vector<float> v(e.dims());
  for (size_t i = 0; i < m.rows(); ++i) {
    const double n = std::sqrt(copydesk::dot(m.row(i), m.row(i), m.dims));
    check(std::fabs(n - 1.0) < 1e-4 || n == 0.0, "vectors are L2-normalised");
    if (i % 97 == 0) {
      e.embed(texts()[i], v.data());
      check(std::equal(v.begin(), v.end(), m.row(i)), "batch equals single embedding");
    }
  }
}

void set_rates(benchmark::State& state, double docs, double bytes) {
  state.counters["docs/s"] = benchmark::Counter(docs, benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(bytes / 1e6, benchmark::Counter::kIsRate);
}

// embed() of one document at a time, one thread, after fitting on the crawl.
void BM_Embed(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  std::unique_ptr<copydesk::Embedder> e = make(kind);
  if (e == nullptr) return state.SkipWithError("word vectors not found: run scripts/fetch_vectors.sh");
  auto m = copydesk::fit_and_embed(*e, texts());
  check(m.ok(), "fit_and_embed succeeds");
  if (copydesk_bench::first_time(std::string("embed/") + kKindNames[kind])) check_embedder(*e, *m);
  std::vector<float> v(e->dims());
  size_t i = 0;
  double bytes = 0;
  for (auto _ : state) {
    e->embed(texts()[i], v.data());
    benchmark::DoNotOptimize(v.data());
    bytes += static_cast<double>(texts()[i].size());
    if (++i == texts().size()) i = 0;
  }
  state.SetLabel(kKindNames[kind]);
  set_rates(state, static_cast<double>(state.iterations()), bytes);
}
BENCHMARK(BM_Embed)->Arg(kHashed)->Arg(kSif)->Arg(kPretrained);

// fit() over the whole crawl, all threads; wall time.
void BM_Fit(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  std::unique_ptr<copydesk::Embedder> e = make(kind);
  if (e == nullptr) return state.SkipWithError("word vectors not found: run scripts/fetch_vectors.sh");
  for (auto _ : state) check(e->fit(texts()).ok(), "fit succeeds");
  const double n = static_cast<double>(state.iterations());
  state.SetLabel(kKindNames[kind]);
  state.counters["threads"] = omp_get_max_threads();
  set_rates(state, n * static_cast<double>(texts().size()), n * static_cast<double>(crawl().text_bytes));
}
BENCHMARK(BM_Fit)->Arg(kHashed)->Arg(kSif)->Arg(kPretrained)->UseRealTime()->Unit(benchmark::kMillisecond);

// fit_and_embed over the whole crawl, all threads; wall time: what a caller pays.
void BM_FitAndEmbed(benchmark::State& state) {
  const int kind = static_cast<int>(state.range(0));
  std::unique_ptr<copydesk::Embedder> e = make(kind);
  if (e == nullptr) return state.SkipWithError("word vectors not found: run scripts/fetch_vectors.sh");
  for (auto _ : state) {
    auto m = copydesk::fit_and_embed(*e, texts());
    check(m.ok(), "fit_and_embed succeeds");
    benchmark::DoNotOptimize(m->values.data());
  }
  const double n = static_cast<double>(state.iterations());
  state.SetLabel(kKindNames[kind]);
  state.counters["threads"] = omp_get_max_threads();
  set_rates(state, n * static_cast<double>(texts().size()), n * static_cast<double>(crawl().text_bytes));
}
BENCHMARK(BM_FitAndEmbed)->Arg(kHashed)->Arg(kSif)->Arg(kPretrained)->UseRealTime()->Unit(benchmark::kMillisecond);

// Reading a .npy / .fvecs file of 384-dimensional vectors (a sentence-transformer's
// size), one per document; MB/s of file bytes.
void BM_ReadVectors(benchmark::State& state) {
  const bool npy = state.range(0) == 0;
  const size_t n = texts().size();
  copydesk::EmbeddingMatrix m;
  m.dims = 384;
  m.values.resize(n * m.dims);
  for (size_t i = 0; i < m.values.size(); ++i) m.values[i] = static_cast<float>((i * 2654435761u) % 1000) / 1000.0f;
  const std::string path = (std::filesystem::temp_directory_path() / (npy ? "copydesk_bench.npy" : "copydesk_bench.fvecs")).string();
  check((npy ? copydesk::write_npy(path, m) : copydesk::write_fvecs(path, m)).ok(), "vector file written");
  const double file_bytes = static_cast<double>(std::filesystem::file_size(path));
  for (auto _ : state) {
    auto r = npy ? copydesk::read_npy(path) : copydesk::read_fvecs(path);
    check(r.ok() && r->values == m.values, "vectors read back equal");
  }
  std::filesystem::remove(path);
  state.SetLabel(npy ? "npy" : "fvecs");
  const double it = static_cast<double>(state.iterations());
  set_rates(state, it * static_cast<double>(n), it * file_bytes);
}
BENCHMARK(BM_ReadVectors)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Opening the CDVEC file (mmap + checks), with and without the checksum pass.
void BM_OpenWordVectors(benchmark::State& state) {
  if (word_vectors() == nullptr) return state.SkipWithError("word vectors not found: run scripts/fetch_vectors.sh");
  copydesk::WordVectorsOpenParams p;
  p.verify_checksum = state.range(0) != 0;
  for (auto _ : state) {
    auto r = copydesk::WordVectors::open(copydesk::default_word_vectors_path(), p);
    check(r.ok(), "word vectors open");
    benchmark::DoNotOptimize(r->get());
  }
  state.SetLabel(p.verify_checksum ? "checksum" : "no checksum");
}
BENCHMARK(BM_OpenWordVectors)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
