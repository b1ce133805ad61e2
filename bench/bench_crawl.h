// copydesk benchmarks — the crawl every stage benchmark runs on.
//
// Documents come from the built-in generator (generator.h) with a fixed seed,
// made once per process and shared by every benchmark in it. The size is
// kBenchDocs unless the environment variable COPYDESK_BENCH_DOCS says
// otherwise. "Bytes" in every MB/s figure are input text bytes
// (Document::text), whatever the stage actually reads, so the figures of all
// stages can be compared and added up.
#pragma once

#include <sys/resource.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/dedup.h"
#include "copydesk/document.h"
#include "copydesk/generator.h"

namespace copydesk_bench {

inline constexpr uint64_t kBenchDocs = 20000;

struct Crawl {
  std::vector<copydesk::Document> docs;
  uint64_t text_bytes = 0;
};

inline const Crawl& crawl() {
  static const Crawl c = [] {
    Crawl out;
    copydesk::GeneratorParams p;
    p.num_docs = kBenchDocs;
    p.seed = 1;
    if (const char* env = std::getenv("COPYDESK_BENCH_DOCS")) p.num_docs = std::strtoull(env, nullptr, 10);
    out.docs.reserve(p.num_docs);
    const copydesk::Status s = copydesk::generate_crawl(p, [&](const copydesk::Document& d) {
      out.docs.push_back(d);
      out.text_bytes += d.text.size();
      return copydesk::Status::Ok();
    });
    if (!s.ok() || out.docs.empty()) {
      std::fprintf(stderr, "bench: cannot generate the crawl: %s\n", s.message().c_str());
      std::exit(2);
    }
    return out;
  }();
  return c;
}

// The gold label the generator puts in Document::carried ("gold_group":"w000123").
inline std::string_view gold_group(const copydesk::Document& d) {
  constexpr std::string_view key = "\"gold_group\":\"";
  const std::string_view c = d.carried;
  const size_t at = c.find(key);
  if (at == std::string_view::npos) return {};
  const size_t begin = at + key.size();
  return c.substr(begin, c.find('"', begin) - begin);
}

// The sketch of the crawl at the defaults (word 5-grams, k = 128), with the
// sorted shingle sets kept: what LSH, verification and clustering start from.
inline const copydesk::Fingerprints& fingerprints() {
  static const copydesk::Fingerprints fp =
      copydesk::compute_fingerprints(crawl().docs, copydesk::ShingleParams{}, copydesk::MinHashParams{}, true);
  return fp;
}

// True the first time it is called with `key` in this process. Google
// Benchmark calls a benchmark function several times (growing iteration
// counts); the costly result checks need to run only once per configuration.
inline bool first_time(const std::string& key) {
  static std::set<std::string> seen;
  return seen.insert(key).second;
}

// Ends the process when a result is wrong: a benchmark of a broken stage
// measures nothing.
inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench: check failed: %s\n", what);
    std::exit(1);
  }
}

// The process's peak resident memory so far, in MB (getrusage).
inline double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Numbers as labels for score_clustering (eval.h).
template <typename T>
std::vector<std::string> labels(const std::vector<T>& v) {
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const T& x : v) out.push_back(std::to_string(x));
  return out;
}

}  // namespace copydesk_bench
