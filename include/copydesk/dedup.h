// copydesk — the near-duplicate pipeline, end to end.
//
//   corpus → normalize → shingle → MinHash → LSH → verify → cluster → CopyGroups
//
// The stages are the modules of the same names; this file only wires them,
// times them, and checks their parameters. Normalize, shingle and MinHash run
// fused per document (the shingles of a document never outlive it unless
// exact verification needs them), in parallel over documents with OpenMP.
// Results are merged by document index, so the output is the same whatever
// the thread count.
//
//   DedupParams params;                    // word 5-grams, k = 128, J ≥ 0.8
//   params.set_threshold(0.7);
//   Result<DedupResult> r = run_dedup(corpus, params);
//   if (!r.ok()) return r.status();
//   for (size_t i = 0; i < corpus.docs.size(); ++i) use(r->groups.group_of[i]);
//
// Streaming (a crawl larger than memory): a Deduplicator takes documents one
// at a time, fingerprints them a batch at a time and lets their text go, so
// what it holds per document is the signature (4 bytes × num_perm), the set
// size and the canonical key (date, length):
//
//   Deduplicator dedup(params);            // params.validate() first
//   CorpusReader reader(read_params, [&](Document&& d) { dedup.add(std::move(d)); });
//   ... reader.add_path(...) ...;
//   Result<DedupResult> r = dedup.finish();
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/cluster.h"
#include "copydesk/document.h"
#include "copydesk/hamming.h"
#include "copydesk/simhash.h"
#include "copydesk/lsh.h"
#include "copydesk/minhash.h"
#include "copydesk/shingle.h"
#include "copydesk/status.h"
#include "copydesk/verify.h"

namespace copydesk {

// How candidates are found: MinHash LSH (the default), SimHash within a
// Hamming radius, or both (the union of the candidates, verified by MinHash).
enum class DedupMethod { kMinHash, kSimHash, kBoth };

struct DedupParams {
  DedupMethod method = DedupMethod::kMinHash;
  SimHashParams simhash;
  HammingParams hamming;   // radius 6: best F1 on Reuters-21578 (hamming.h)
  ShingleParams shingle;
  MinHashParams minhash;
  LshParams lsh;
  VerifyParams verify;
  ClusterParams cluster;
  // With Measure::kContainment: the shortest copy, as a fraction of the
  // longest, that must still be found. LSH is tuned for the Jaccard similarity
  // such a copy has (see containment_lsh_threshold), so it sees it.
  double min_length_ratio = 0.5;

  // One similarity threshold for LSH, verification and clustering; with
  // containment the LSH threshold is derived from it and min_length_ratio.
  void set_threshold(double t);
  // Switches every stage between Jaccard and containment.
  void set_measure(Measure m);
  Status validate() const;
};

// The Jaccard similarity of two sets when the smaller, `ratio` times the size
// of the larger, has containment `c` in it: c·ratio / (1 + ratio − c·ratio).
double containment_lsh_threshold(double c, double ratio);

struct StageTime {
  std::string stage;
  double seconds = 0;  // wall time, or summed CPU time over threads for the
                       // fused sub-stages normalize / shingle / minhash
};

struct DedupStats {
  std::vector<StageTime> times;
  uint64_t documents = 0;
  uint64_t input_bytes = 0;         // text bytes fingerprinted
  uint64_t without_shingles = 0;    // texts with no word at all: singletons
  uint64_t candidate_pairs = 0;
  uint64_t verified_pairs = 0;
  uint64_t groups = 0;              // all groups, singletons included
  uint64_t duplicate_groups = 0;    // groups of two or more
  uint64_t duplicates = 0;          // documents that are not their group's canonical
  uint64_t components_split = 0;
  Banding banding;
  std::vector<OversizedBucket> oversized;
};

struct DedupResult {
  CopyGroups groups;
  DedupStats stats;
};

// Called from the calling thread only, between chunks of work.
using ProgressFn = std::function<void(std::string_view stage, uint64_t done, uint64_t total)>;

Result<DedupResult> run_dedup(const Corpus& corpus, const DedupParams& params, const ProgressFn& progress = {});

class Deduplicator {
 public:
  // Documents buffered before a batch is fingerprinted (in parallel), and the
  // text bytes that also end a batch: bounds the text held at once.
  static constexpr size_t kBatchDocs = 2048;
  static constexpr size_t kBatchBytes = size_t{8} << 20;

  // `params` must be valid (DedupParams::validate).
  explicit Deduplicator(const DedupParams& params, ProgressFn progress = {});

  // Runs on every document given to add(Document&&), in parallel over a
  // batch, before it is fingerprinted: e.g. boilerplate removal. Must be
  // thread-safe; it may change the text (the canonical key uses the result).
  void set_prepare(std::function<void(Document&)> prepare) { prepare_ = std::move(prepare); }

  // SimHash weighs features by their document frequency over the whole
  // crawl, so with DedupMethod::kSimHash / kBoth every document goes through
  // count() first (a pass of its own, in any batches), then through add().
  bool needs_counting() const { return params_.method != DedupMethod::kMinHash; }
  void count(const Document* docs, size_t n);

  // Takes the next document (index = documents so far).
  void add(Document&& doc);
  // Fingerprints `n` documents in place as the next ones, in parallel.
  void add(const Document* docs, size_t n);

  uint64_t documents() const { return fp_.size() + pending_.size(); }

  // Search, verify, cluster. Call once, after the last add.
  Result<DedupResult> finish();

 private:
  void flush();

  DedupParams params_;
  ProgressFn progress_;
  std::function<void(Document&)> prepare_;
  DocumentFrequencyCounter counter_;
  std::optional<DocumentFrequency> frequency_;
  Fingerprints fp_;
  std::vector<CanonicalKey> keys_;
  std::vector<Document> pending_;
  size_t pending_bytes_ = 0;
  DedupStats stats_;
  double t_norm_ = 0, t_shingle_ = 0, t_minhash_ = 0, t_fingerprint_ = 0, t_prepare_ = 0, t_count_ = 0;
};

// The sketch stage alone: fingerprints of every document (and, with
// keep_shingles, their sorted shingle sets). Exposed for benchmarks and tests.
Fingerprints compute_fingerprints(const std::vector<Document>& docs, const ShingleParams& shingle,
                                  const MinHashParams& minhash, bool keep_shingles);

// Appends the fingerprints of docs[0, n) to `fp` (fp.num_perm must match
// `minhash`), in parallel; adds the CPU seconds of each sub-stage to `cpu`.
// With `simhash` (its features and document frequencies), also each
// document's SimHash code.
struct SketchSeconds {
  double normalize = 0, shingle = 0, minhash = 0;
};
struct SimHashSketch {
  const SimHashParams* params = nullptr;
  const DocumentFrequency* frequency = nullptr;
};
void append_fingerprints(const Document* docs, size_t n, const ShingleParams& shingle, const MinHashParams& minhash,
                         bool keep_shingles, Fingerprints& fp, SketchSeconds* cpu = nullptr,
                         SimHashSketch simhash = {});

}  // namespace copydesk
