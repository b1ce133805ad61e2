#include <algorithm>
#include <utility>

#include "copydesk/embed_quality.h"

namespace copydesk {
namespace {

// Mann–Whitney AUC of positives over negatives, ties counted half.
double auc(std::vector<std::pair<float, bool>> scored) {
  std::sort(scored.begin(), scored.end());
  double positives = 0, negatives = 0, rank_sum = 0;
  for (size_t i = 0; i < scored.size();) {
    size_t j = i;
    while (j < scored.size() && scored[j].first == scored[i].first) ++j;
    const double mid_rank = (static_cast<double>(i) + static_cast<double>(j) + 1) / 2;  // 1-based average rank
    for (size_t k = i; k < j; ++k) {
      if (scored[k].second) {
        positives += 1;
        rank_sum += mid_rank;
      } else {
        negatives += 1;
      }
    }
    i = j;
  }
  if (positives == 0 || negatives == 0) return 0.5;
  return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

}  // namespace

Result<NeighbourQuality> neighbour_quality(const EmbeddingMatrix& vectors, const std::vector<uint32_t>& fine,
                                           const std::vector<uint32_t>& coarse) {
  const size_t n = vectors.rows();
  if (fine.size() != n || coarse.size() != n) {
    return Status::InvalidArgument("neighbour_quality: " + std::to_string(n) + " vectors but " +
                                   std::to_string(fine.size()) + " fine and " + std::to_string(coarse.size()) +
                                   " coarse labels");
  }
  if (n < 2) return Status::InvalidArgument("neighbour_quality needs at least 2 vectors");

  struct RowStats {
    bool nn_fine = false, nn_coarse = false;
    double sum[3] = {0, 0, 0};  // same fine, same coarse other fine, other coarse
    uint64_t count[3] = {0, 0, 0};
  };
  std::vector<RowStats> rows(n);
  const int64_t sn = static_cast<int64_t>(n);
#pragma omp parallel for schedule(dynamic, 8)
  for (int64_t si = 0; si < sn; ++si) {
    const size_t i = static_cast<size_t>(si);
    RowStats& r = rows[i];
    float best = -2;
    size_t best_j = 0;
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const float c = dot(vectors.row(i), vectors.row(j), vectors.dims);
      if (c > best) best = c, best_j = j;
      const int kind = fine[i] == fine[j] ? 0 : coarse[i] == coarse[j] ? 1 : 2;
      r.sum[kind] += c;
      ++r.count[kind];
    }
    r.nn_fine = fine[best_j] == fine[i];
    r.nn_coarse = coarse[best_j] == coarse[i];
  }

  NeighbourQuality q;
  q.docs = n;
  double sum[3] = {0, 0, 0}, count[3] = {0, 0, 0};
  for (const RowStats& r : rows) {
    q.nn_same_fine += r.nn_fine;
    q.nn_same_coarse += r.nn_coarse;
    for (int k = 0; k < 3; ++k) sum[k] += r.sum[k], count[k] += static_cast<double>(r.count[k]);
  }
  q.nn_same_fine /= static_cast<double>(n);
  q.nn_same_coarse /= static_cast<double>(n);
  q.cos_same_fine = count[0] > 0 ? sum[0] / count[0] : 0;
  q.cos_same_coarse_other_fine = count[1] > 0 ? sum[1] / count[1] : 0;
  q.cos_other_coarse = count[2] > 0 ? sum[2] / count[2] : 0;

  std::vector<std::pair<float, bool>> within;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (coarse[i] != coarse[j]) continue;
      within.emplace_back(dot(vectors.row(i), vectors.row(j), vectors.dims), fine[i] == fine[j]);
    }
  }
  q.within_coarse_auc = auc(std::move(within));
  return q;
}

}  // namespace copydesk
