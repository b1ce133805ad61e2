#include "copydesk/dedup.h"

#include <omp.h>

#include <algorithm>
#include <iterator>
#include <chrono>

namespace copydesk {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

void DedupParams::set_threshold(double t) {
  verify.threshold = t;
  cluster.threshold = t;
  lsh.threshold = verify.measure == Measure::kContainment ? containment_lsh_threshold(t, min_length_ratio) : t;
}

void DedupParams::set_measure(Measure m) {
  verify.measure = m;
  set_threshold(verify.threshold);
}

double containment_lsh_threshold(double c, double ratio) { return c * ratio / (1.0 + ratio - c * ratio); }

Status DedupParams::validate() const {
  COPYDESK_RETURN_IF_ERROR(shingle.validate());
  COPYDESK_RETURN_IF_ERROR(minhash.validate());
  COPYDESK_RETURN_IF_ERROR(lsh.validate(minhash.num_perm));
  COPYDESK_RETURN_IF_ERROR(verify.validate());
  COPYDESK_RETURN_IF_ERROR(simhash.validate());
  COPYDESK_RETURN_IF_ERROR(hamming.validate());
  COPYDESK_RETURN_IF_ERROR(cluster.validate());
  if (!(min_length_ratio > 0.0 && min_length_ratio <= 1.0)) {
    return Status::InvalidArgument("min_length_ratio must be in (0, 1]");
  }
  return Status::Ok();
}

void append_fingerprints(const Document* docs, size_t count, const ShingleParams& shingle_params,
                         const MinHashParams& minhash_params, bool keep_shingles, Fingerprints& fp,
                         SketchSeconds* cpu, SimHashSketch simhash) {
  const MinHasher hasher(minhash_params);
  const uint32_t k = hasher.num_perm();
  fp.num_perm = k;
  const size_t base = fp.size();
  const int64_t n = static_cast<int64_t>(count);
  fp.signatures.resize((base + count) * k);
  fp.set_sizes.resize(base + count);
  if (simhash.frequency != nullptr) fp.simhashes.resize(base + count);
  if (keep_shingles && fp.offsets.empty()) fp.offsets.push_back(0);
  // With keep_shingles, the sorted sets of the batch are appended to the CSR
  // arrays as soon as it is done, so at most one batch is held twice.
  std::vector<std::vector<uint64_t>> kept(keep_shingles ? count : 0);
  double t_norm = 0, t_shingle = 0, t_minhash = 0;
#pragma omp parallel reduction(+ : t_norm, t_shingle, t_minhash)
  {
    Normalizer normalizer;
    Shingler shingler(shingle_params);
    Shingler feature_shingler(simhash.params != nullptr ? simhash.params->features : shingle_params);
    TokenizedText tokens;
    std::vector<uint64_t> hashes, features;
#pragma omp for schedule(dynamic, 16)
    for (int64_t i = 0; i < n; ++i) {
      const auto t0 = Clock::now();
      normalizer.tokenize(docs[i].text, tokens);
      if (simhash.frequency != nullptr) {
        feature_shingler.shingle(tokens, features);
        fp.simhashes[base + i] = simhash.frequency->sign(features.data(), features.size());
      }
      const auto t1 = Clock::now();
      shingler.shingle(tokens, hashes);
      const auto t2 = Clock::now();
      hasher.sign(hashes.data(), hashes.size(), fp.signatures.data() + (base + i) * k);
      const auto t3 = Clock::now();
      fp.set_sizes[base + i] = static_cast<uint32_t>(hashes.size());
      if (keep_shingles) {
        std::sort(hashes.begin(), hashes.end());
        kept[i].assign(hashes.begin(), hashes.end());
      }
      t_norm += std::chrono::duration<double>(t1 - t0).count();
      t_shingle += std::chrono::duration<double>(t2 - t1).count();
      t_minhash += std::chrono::duration<double>(t3 - t2).count();
    }
  }
  for (auto& set : kept) {
    fp.shingles.append(set.data(), set.size());
    fp.offsets.push_back(fp.shingles.size());
    std::vector<uint64_t>().swap(set);
  }
  if (cpu != nullptr) {
    cpu->normalize += t_norm;
    cpu->shingle += t_shingle;
    cpu->minhash += t_minhash;
  }
}

Fingerprints compute_fingerprints(const std::vector<Document>& docs, const ShingleParams& shingle,
                                  const MinHashParams& minhash, bool keep_shingles) {
  Fingerprints fp;
  append_fingerprints(docs.data(), docs.size(), shingle, minhash, keep_shingles, fp);
  return fp;
}

Deduplicator::Deduplicator(const DedupParams& params, ProgressFn progress)
    : params_(params), progress_(std::move(progress)) {
  fp_.num_perm = params.minhash.num_perm;
}

void Deduplicator::count(const Document* docs, size_t n) {
  const auto t0 = Clock::now();
  const int64_t m = static_cast<int64_t>(n);
#pragma omp parallel
  {
    Normalizer normalizer;
    Shingler shingler(params_.simhash.features);
    TokenizedText tokens;
    std::vector<uint64_t> features;
    DocumentFrequencyCounter local;
#pragma omp for schedule(dynamic, 16)
    for (int64_t i = 0; i < m; ++i) {
      normalizer.tokenize(docs[i].text, tokens);
      shingler.shingle(tokens, features);
      local.add_document(features.data(), features.size());
    }
    // Counts add up: the merge order does not change the result.
#pragma omp critical(copydesk_df_merge)
    counter_.merge(std::move(local));
  }
  t_count_ += seconds_since(t0);
}

void Deduplicator::add(const Document* docs, size_t n) {
  if (needs_counting() && !frequency_) {
    frequency_.emplace(std::move(counter_).finish());
    counter_ = DocumentFrequencyCounter();
  }
  const SimHashSketch simhash{&params_.simhash, frequency_ ? &*frequency_ : nullptr};
  const auto t0 = Clock::now();
  // Fingerprint in slices of one batch, so progress moves and (with exact
  // verification) at most one slice of shingle sets is held twice.
  for (size_t start = 0; start < n; start += kBatchDocs) {
    const size_t end = std::min(n, start + kBatchDocs);
    SketchSeconds cpu;
    append_fingerprints(docs + start, end - start, params_.shingle, params_.minhash, params_.verify.exact, fp_, &cpu,
                        simhash);
    t_norm_ += cpu.normalize;
    t_shingle_ += cpu.shingle;
    t_minhash_ += cpu.minhash;
    for (size_t i = start; i < end; ++i) {
      keys_.push_back({docs[i].date, docs[i].text.size()});
      stats_.input_bytes += docs[i].text.size();
    }
    if (progress_) progress_("fingerprint", fp_.size(), 0);
  }
  t_fingerprint_ += seconds_since(t0);
}

void Deduplicator::add(Document&& doc) {
  pending_bytes_ += doc.text.size();
  pending_.push_back(std::move(doc));
  if (pending_.size() >= kBatchDocs || pending_bytes_ >= kBatchBytes) flush();
}

void Deduplicator::flush() {
  if (pending_.empty()) return;
  if (prepare_) {
    const auto t0 = Clock::now();
    const int64_t n = static_cast<int64_t>(pending_.size());
#pragma omp parallel for schedule(dynamic, 16)
    for (int64_t i = 0; i < n; ++i) prepare_(pending_[i]);
    t_prepare_ += seconds_since(t0);
  }
  add(pending_.data(), pending_.size());
  pending_.clear();  // keeps the capacity: the next batch reuses it
  pending_bytes_ = 0;
}

Result<DedupResult> Deduplicator::finish() {
  flush();
  std::vector<Document>().swap(pending_);
  const size_t n = fp_.size();
  if (n >= UINT32_MAX) return Status::InvalidArgument("too many documents for one run (max 2^32 − 2)");
  DedupResult result;
  DedupStats& stats = result.stats;
  stats = std::move(stats_);
  stats.documents = n;
  stats.times.push_back({"normalize (cpu)", t_norm_});
  stats.times.push_back({"shingle (cpu)", t_shingle_});
  stats.times.push_back({"minhash (cpu)", t_minhash_});
  if (needs_counting()) stats.times.push_back({"count features", t_count_});
  if (prepare_) stats.times.push_back({"prepare", t_prepare_});
  stats.times.push_back({"fingerprint", t_fingerprint_});

  std::vector<uint8_t> eligible(n);
  for (size_t i = 0; i < n; ++i) {
    eligible[i] = fp_.set_sizes[i] > 0;
    stats.without_shingles += !eligible[i];
  }

  auto t0 = Clock::now();
  std::vector<uint64_t> pairs;
  std::vector<ScoredPair> verified;
  const bool minhash = params_.method != DedupMethod::kSimHash;
  const bool simhash = params_.method != DedupMethod::kMinHash;
  if (minhash) {
    if (progress_) progress_("lsh", 0, 1);
    Result<Candidates> candidates = find_candidates(fp_.signatures.data(), n, fp_.num_perm, eligible, params_.lsh);
    if (!candidates.ok()) return candidates.status();
    stats.times.push_back({"lsh", seconds_since(t0)});
    stats.banding = candidates->banding;
    stats.oversized = std::move(candidates->oversized);
    pairs = std::move(candidates->pairs);
  }
  if (simhash) {
    t0 = Clock::now();
    if (progress_) progress_("hamming", 0, 1);
    for (size_t i = 0; i < n; ++i) eligible[i] = eligible[i] && fp_.simhashes[i] != 0;
    Result<HammingPairs> near = find_hamming_pairs(fp_.simhashes.data(), n, eligible, params_.hamming);
    if (!near.ok()) return near.status();
    stats.times.push_back({"hamming", seconds_since(t0)});
    if (!minhash) {
      // Within the radius is the verdict: no second check.
      verified.reserve(near->pairs.size());
      for (size_t k = 0; k < near->pairs.size(); ++k) {
        verified.push_back({pair_first(near->pairs[k]), pair_second(near->pairs[k]),
                            static_cast<float>(simhash_similarity(near->distances[k]))});
      }
      stats.candidate_pairs = near->pairs.size();
    } else {
      std::vector<uint64_t> both;
      both.reserve(pairs.size() + near->pairs.size());
      std::set_union(pairs.begin(), pairs.end(), near->pairs.begin(), near->pairs.end(), std::back_inserter(both));
      pairs.swap(both);
    }
  }
  std::vector<uint8_t>().swap(eligible);
  const Measure measure = minhash ? params_.verify.measure : Measure::kSimHash;
  const double threshold = minhash ? params_.verify.threshold : simhash_threshold(params_.hamming.radius);
  const Similarity similarity(fp_, measure, params_.verify.exact);
  if (minhash) {
    stats.candidate_pairs = pairs.size();
    t0 = Clock::now();
    if (progress_) progress_("verify", 0, 1);
    verified = verify_pairs(pairs, similarity, threshold);
    std::vector<uint64_t>().swap(pairs);
    stats.times.push_back({"verify", seconds_since(t0)});
  }
  stats.verified_pairs = verified.size();

  t0 = Clock::now();
  if (progress_) progress_("cluster", 0, 1);
  ClusterParams cluster = params_.cluster;
  if (!minhash) cluster.threshold = threshold;
  result.groups = cluster_copies(n, verified, similarity, keys_, cluster);
  stats.times.push_back({"cluster", seconds_since(t0)});

  stats.groups = result.groups.num_groups();
  stats.components_split = result.groups.components_split;
  for (uint32_t size : result.groups.group_size) stats.duplicate_groups += size > 1;
  stats.duplicates = n - stats.groups;
  return result;
}

Result<DedupResult> run_dedup(const Corpus& corpus, const DedupParams& params, const ProgressFn& progress) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  Deduplicator dedup(params, progress);
  if (dedup.needs_counting()) dedup.count(corpus.docs.data(), corpus.docs.size());
  dedup.add(corpus.docs.data(), corpus.docs.size());
  return dedup.finish();
}

}  // namespace copydesk
