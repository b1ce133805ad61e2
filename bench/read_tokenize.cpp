// The floor under `copydesk dedup`: read a JSON Lines crawl with CorpusReader
// and tokenize every document with Normalizer::tokenize, in parallel with the
// same OpenMP schedule as compute_fingerprints (chunks of 4096 documents,
// dynamic 16). No shingles, no MinHash, no output. Used by bench/e2e.sh.
//
//   copydesk_read_tokenize crawl.jsonl
//   {"docs":100000,"bytes":...,"tokens":...,"threads":2,"read_seconds":...,"tokenize_seconds":...,"total_seconds":...}
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "copydesk/normalize.h"
#include "copydesk/reader.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: copydesk_read_tokenize FILE.jsonl[.gz]\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  copydesk::CorpusReader reader;
  const copydesk::Status s = reader.add_path(argv[1]);
  if (!s.ok()) {
    std::fprintf(stderr, "copydesk_read_tokenize: %s\n", s.message().c_str());
    return 2;
  }
  const copydesk::Corpus corpus = reader.take();
  const auto t1 = Clock::now();

  const auto& docs = corpus.docs;
  const int64_t n = static_cast<int64_t>(docs.size());
  uint64_t bytes = 0, tokens = 0;
  for (const auto& d : docs) bytes += d.text.size();
  constexpr int64_t kChunk = 4096;
  for (int64_t chunk = 0; chunk < n; chunk += kChunk) {
    const int64_t chunk_end = std::min(n, chunk + kChunk);
#pragma omp parallel reduction(+ : tokens)
    {
      copydesk::Normalizer normalizer;
      copydesk::TokenizedText t;
#pragma omp for schedule(dynamic, 16)
      for (int64_t i = chunk; i < chunk_end; ++i) {
        normalizer.tokenize(docs[i].text, t);
        tokens += t.size();
      }
    }
  }
  const auto t2 = Clock::now();
  const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::printf(
      "{\"docs\":%lld,\"rejected\":%zu,\"bytes\":%llu,\"tokens\":%llu,\"threads\":%d,"
      "\"read_seconds\":%.3f,\"tokenize_seconds\":%.3f,\"total_seconds\":%.3f}\n",
      static_cast<long long>(n), corpus.rejects.size(), static_cast<unsigned long long>(bytes),
      static_cast<unsigned long long>(tokens), omp_get_max_threads(), secs(t0, t1), secs(t1, t2), secs(t0, t2));
  return tokens > 0 ? 0 : 1;
}
