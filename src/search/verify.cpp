#include <bit>
#include "copydesk/verify.h"

#include <algorithm>

#include "copydesk/lsh.h"
#include "copydesk/minhash.h"

namespace copydesk {
namespace {

size_t intersection_size(const uint64_t* a, size_t na, const uint64_t* b, size_t nb) {
  size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return common;
}

}  // namespace

Status VerifyParams::validate() const {
  if (!(threshold >= 0.0 && threshold <= 1.0)) return Status::InvalidArgument("verify threshold must be in [0, 1]");
  return Status::Ok();
}

double Similarity::operator()(uint32_t a, uint32_t b) const {
  if (measure_ == Measure::kSimHash) {
    return 1.0 - static_cast<double>(std::popcount(fp_->simhashes[a] ^ fp_->simhashes[b])) / 64.0;
  }
  const double size_a = fp_->set_sizes[a], size_b = fp_->set_sizes[b];
  if (size_a == 0 || size_b == 0) return 0.0;
  double common;
  if (exact_ && fp_->has_shingles()) {
    const uint64_t* sa = fp_->shingles.data() + fp_->offsets[a];
    const uint64_t* sb = fp_->shingles.data() + fp_->offsets[b];
    common = static_cast<double>(intersection_size(sa, fp_->offsets[a + 1] - fp_->offsets[a], sb,
                                                   fp_->offsets[b + 1] - fp_->offsets[b]));
    if (measure_ == Measure::kJaccard) return common / (size_a + size_b - common);
  } else {
    const uint32_t k = fp_->num_perm;
    const double j = estimate_jaccard(fp_->signatures.data() + static_cast<size_t>(a) * k,
                                      fp_->signatures.data() + static_cast<size_t>(b) * k, k);
    if (measure_ == Measure::kJaccard) return j;
    common = j * (size_a + size_b) / (1.0 + j);
  }
  return std::min(1.0, common / std::min(size_a, size_b));
}

std::vector<ScoredPair> verify_pairs(const std::vector<uint64_t>& pairs, const Similarity& similarity,
                                     double threshold) {
  const int64_t n = static_cast<int64_t>(pairs.size());
  std::vector<double> scores(pairs.size());
#pragma omp parallel for schedule(static) if (n > 4096)
  for (int64_t i = 0; i < n; ++i) {
    scores[i] = similarity(pair_first(pairs[i]), pair_second(pairs[i]));
  }
  std::vector<ScoredPair> kept;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (scores[i] >= threshold) kept.push_back({pair_first(pairs[i]), pair_second(pairs[i]), static_cast<float>(scores[i])});
  }
  return kept;
}

}  // namespace copydesk
