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

Fingerprints compute_fingerprints(const std::vector<Document>& docs, const ShingleParams& shingle_params,
                                  const MinHashParams& minhash_params, bool keep_shingles, DedupStats* stats,
                                  const ProgressFn& progress) {
  const int64_t n = static_cast<int64_t>(docs.size());
  const MinHasher hasher(minhash_params);
  const uint32_t k = hasher.num_perm();
  Fingerprints fp;
  fp.num_perm = k;
  fp.signatures.resize(static_cast<size_t>(n) * k);
  fp.set_sizes.resize(static_cast<size_t>(n));
  // With keep_shingles, each chunk's sorted sets are appended to the CSR
  // arrays as soon as the chunk is done, so at most one chunk is held twice.
  constexpr int64_t kChunk = 4096;  // also the progress granularity
  std::vector<std::vector<uint64_t>> kept(keep_shingles ? static_cast<size_t>(std::min(n, kChunk)) : 0);
  if (keep_shingles) fp.offsets.assign(1, 0);
  double t_norm = 0, t_shingle = 0, t_minhash = 0;
  for (int64_t chunk = 0; chunk < n; chunk += kChunk) {
    const int64_t chunk_end = std::min(n, chunk + kChunk);
#pragma omp parallel reduction(+ : t_norm, t_shingle, t_minhash)
    {
      Normalizer normalizer;
      Shingler shingler(shingle_params);
      TokenizedText tokens;
      std::vector<uint64_t> hashes;
#pragma omp for schedule(dynamic, 16)
      for (int64_t i = chunk; i < chunk_end; ++i) {
        const auto t0 = Clock::now();
        normalizer.tokenize(docs[i].text, tokens);
        const auto t1 = Clock::now();
        shingler.shingle(tokens, hashes);
        const auto t2 = Clock::now();
        hasher.sign(hashes.data(), hashes.size(), fp.signatures.data() + i * k);
        const auto t3 = Clock::now();
        fp.set_sizes[i] = static_cast<uint32_t>(hashes.size());
        if (keep_shingles) {
          std::sort(hashes.begin(), hashes.end());
          kept[i - chunk].assign(hashes.begin(), hashes.end());
        }
        t_norm += std::chrono::duration<double>(t1 - t0).count();
        t_shingle += std::chrono::duration<double>(t2 - t1).count();
        t_minhash += std::chrono::duration<double>(t3 - t2).count();
      }
    }
    if (keep_shingles && chunk == 0 && chunk_end < n) {
      // Reserve for the whole corpus from the first chunk's mean set size
      // (+10 %), instead of growing by doubling (1.5× the final size at peak).
      uint64_t first = 0;
      for (int64_t i = 0; i < chunk_end; ++i) first += kept[i].size();
      fp.shingles.reserve(static_cast<size_t>(static_cast<double>(first) / chunk_end * n * 1.1));
    }
    for (int64_t i = chunk; keep_shingles && i < chunk_end; ++i) {
      auto& set = kept[i - chunk];
      fp.shingles.insert(fp.shingles.end(), set.begin(), set.end());
      fp.offsets.push_back(fp.shingles.size());
      std::vector<uint64_t>().swap(set);
    }
    if (progress) progress("fingerprint", static_cast<uint64_t>(chunk_end), static_cast<uint64_t>(n));
  }
  if (stats != nullptr) {
    stats->times.push_back({"normalize (cpu)", t_norm});
    stats->times.push_back({"shingle (cpu)", t_shingle});
    stats->times.push_back({"minhash (cpu)", t_minhash});
  }
  return fp;
}

Result<DedupResult> run_dedup(const Corpus& corpus, const DedupParams& params, const ProgressFn& progress) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  const auto& docs = corpus.docs;
  const size_t n = docs.size();
  if (n >= UINT32_MAX) return Status::InvalidArgument("too many documents for one run (max 2^32 − 2)");
  DedupResult result;
  DedupStats& stats = result.stats;
  stats.documents = n;
  for (const Document& d : docs) stats.input_bytes += d.text.size();

  auto t0 = Clock::now();
  const Fingerprints fp =
      compute_fingerprints(docs, params.shingle, params.minhash, params.verify.exact, &stats, progress);
  stats.times.push_back({"fingerprint", seconds_since(t0)});

  std::vector<uint8_t> eligible(n);
  for (size_t i = 0; i < n; ++i) {
    eligible[i] = fp.set_sizes[i] > 0;
    stats.without_shingles += !eligible[i];
  }

  t0 = Clock::now();
  if (progress) progress("lsh", 0, 1);
  Result<Candidates> candidates = find_candidates(fp.signatures.data(), n, fp.num_perm, eligible, params.lsh);
  if (!candidates.ok()) return candidates.status();
  stats.times.push_back({"lsh", seconds_since(t0)});
  stats.candidate_pairs = candidates->pairs.size();
  stats.banding = candidates->banding;
  stats.oversized = std::move(candidates->oversized);

  t0 = Clock::now();
  if (progress) progress("verify", 0, 1);
  const Similarity similarity(fp, params.verify.measure, params.verify.exact);
  std::vector<ScoredPair> verified = verify_pairs(candidates->pairs, similarity, params.verify.threshold);
  std::vector<uint64_t>().swap(candidates->pairs);
  stats.times.push_back({"verify", seconds_since(t0)});
  stats.verified_pairs = verified.size();

  t0 = Clock::now();
  if (progress) progress("cluster", 0, 1);
  std::vector<CanonicalKey> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = {docs[i].date, docs[i].text.size()};
  result.groups = cluster_copies(n, verified, similarity, keys, params.cluster);
  stats.times.push_back({"cluster", seconds_since(t0)});

  stats.groups = result.groups.num_groups();
  stats.components_split = result.groups.components_split;
  for (uint32_t size : result.groups.group_size) stats.duplicate_groups += size > 1;
  stats.duplicates = n - stats.groups;
  return result;
}

}  // namespace copydesk
