#include "copydesk/dedup.h"

#include <omp.h>

#include <algorithm>
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
  COPYDESK_RETURN_IF_ERROR(cluster.validate());
  if (!(min_length_ratio > 0.0 && min_length_ratio <= 1.0)) {
    return Status::InvalidArgument("min_length_ratio must be in (0, 1]");
  }
  return Status::Ok();
}

void append_fingerprints(const Document* docs, size_t count, const ShingleParams& shingle_params,
                         const MinHashParams& minhash_params, bool keep_shingles, Fingerprints& fp,
                         SketchSeconds* cpu) {
  const MinHasher hasher(minhash_params);
  const uint32_t k = hasher.num_perm();
  fp.num_perm = k;
  const size_t base = fp.size();
  const int64_t n = static_cast<int64_t>(count);
  fp.signatures.resize((base + count) * k);
  fp.set_sizes.resize(base + count);
  if (keep_shingles && fp.offsets.empty()) fp.offsets.push_back(0);
  // With keep_shingles, the sorted sets of the batch are appended to the CSR
  // arrays as soon as it is done, so at most one batch is held twice.
  std::vector<std::vector<uint64_t>> kept(keep_shingles ? count : 0);
  double t_norm = 0, t_shingle = 0, t_minhash = 0;
#pragma omp parallel reduction(+ : t_norm, t_shingle, t_minhash)
  {
    Normalizer normalizer;
    Shingler shingler(shingle_params);
    TokenizedText tokens;
    std::vector<uint64_t> hashes;
#pragma omp for schedule(dynamic, 16)
    for (int64_t i = 0; i < n; ++i) {
      const auto t0 = Clock::now();
      normalizer.tokenize(docs[i].text, tokens);
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

void Deduplicator::add(const Document* docs, size_t n) {
  const auto t0 = Clock::now();
  // Fingerprint in slices of one batch, so progress moves and (with exact
  // verification) at most one slice of shingle sets is held twice.
  for (size_t start = 0; start < n; start += kBatchDocs) {
    const size_t end = std::min(n, start + kBatchDocs);
    SketchSeconds cpu;
    append_fingerprints(docs + start, end - start, params_.shingle, params_.minhash, params_.verify.exact, fp_, &cpu);
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
  if (prepare_) stats.times.push_back({"prepare", t_prepare_});
  stats.times.push_back({"fingerprint", t_fingerprint_});

  std::vector<uint8_t> eligible(n);
  for (size_t i = 0; i < n; ++i) {
    eligible[i] = fp_.set_sizes[i] > 0;
    stats.without_shingles += !eligible[i];
  }

  auto t0 = Clock::now();
  if (progress_) progress_("lsh", 0, 1);
  Result<Candidates> candidates = find_candidates(fp_.signatures.data(), n, fp_.num_perm, eligible, params_.lsh);
  if (!candidates.ok()) return candidates.status();
  std::vector<uint8_t>().swap(eligible);
  stats.times.push_back({"lsh", seconds_since(t0)});
  stats.candidate_pairs = candidates->pairs.size();
  stats.banding = candidates->banding;
  stats.oversized = std::move(candidates->oversized);

  t0 = Clock::now();
  if (progress_) progress_("verify", 0, 1);
  const Similarity similarity(fp_, params_.verify.measure, params_.verify.exact);
  std::vector<ScoredPair> verified = verify_pairs(candidates->pairs, similarity, params_.verify.threshold);
  std::vector<uint64_t>().swap(candidates->pairs);
  stats.times.push_back({"verify", seconds_since(t0)});
  stats.verified_pairs = verified.size();

  t0 = Clock::now();
  if (progress_) progress_("cluster", 0, 1);
  result.groups = cluster_copies(n, verified, similarity, keys_, params_.cluster);
  stats.times.push_back({"cluster", seconds_since(t0)});

  stats.groups = result.groups.num_groups();
  stats.components_split = result.groups.components_split;
  for (uint32_t size : result.groups.group_size) stats.duplicate_groups += size > 1;
  stats.duplicates = n - stats.groups;
  return result;
}

Result<DedupResult> run_dedup(const Corpus& corpus, const DedupParams& params, const ProgressFn& progress) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (corpus.docs.size() >= UINT32_MAX) return Status::InvalidArgument("too many documents for one run (max 2^32 − 2)");
  Deduplicator dedup(params, progress);
  dedup.add(corpus.docs.data(), corpus.docs.size());
  return dedup.finish();
}

}  // namespace copydesk
