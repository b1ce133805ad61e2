#include "story/batched_ivf.h"

#include <faiss/Clustering.h>
#include <faiss/impl/FaissException.h>
#include <faiss/utils/distances.h>
#include <omp.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <string>
#include <utility>

namespace copydesk::story_detail {

BatchedIvf::BatchedIvf(const float* rows, size_t n, uint32_t dims, size_t lists, size_t train, int iterations,
                       uint64_t seed, size_t nprobe)
    : dims_(dims), nprobe_(std::min(nprobe, lists)), centroids_(std::make_unique<ChunkedFlatIP>(dims)) {
  faiss::ClusteringParameters cp;
  cp.niter = iterations;
  cp.seed = static_cast<int>(seed & 0x7FFFFFFF);
  cp.spherical = true;
  cp.min_points_per_centroid = 1;  // we choose the sample size; no warning on stderr
  cp.max_points_per_centroid = static_cast<int>((train + lists - 1) / lists);
  std::vector<float> sample(train * dims);
  for (size_t i = 0; i < train; ++i) {
    const size_t row = i * n / train;
    std::copy(rows + row * dims, rows + (row + 1) * dims, sample.data() + i * dims);
  }
  faiss::Clustering kmeans(static_cast<int>(dims), static_cast<int>(lists), cp);
  kmeans.train(static_cast<faiss::Index::idx_t>(train), sample.data(), *centroids_);

  // File every row under its nearest centroid (counting sort by list).
  std::vector<float> best(n);
  std::vector<faiss::Index::idx_t> list_of(n);
  centroids_->search(static_cast<faiss::Index::idx_t>(n), rows, 1, best.data(), list_of.data());
  offsets_.assign(lists + 1, 0);
  for (faiss::Index::idx_t l : list_of) ++offsets_[static_cast<size_t>(l) + 1];
  for (size_t l = 0; l < lists; ++l) offsets_[l + 1] += offsets_[l];
  std::vector<size_t> fill(offsets_.begin(), offsets_.end() - 1);
  row_of_.resize(n);
  vectors_.resize(n * dims);
  for (size_t i = 0; i < n; ++i) {
    const size_t pos = fill[static_cast<size_t>(list_of[i])]++;
    row_of_[pos] = static_cast<int64_t>(i);
    std::copy(rows + i * dims, rows + (i + 1) * dims, vectors_.data() + pos * dims);
  }
}

// Queries visiting one list, compared with its vectors in one BLAS product;
// each visit's k best go to its (query, probe) slot.
void BatchedIvf::search_list(size_t list, const float* queries, uint32_t k, const ListVisits& visits,
                             Scratch& scratch, float* slot_d, int64_t* slot_i) const {
  const size_t first = visits.start[list], count = visits.start[list + 1] - first;
  const size_t size = offsets_[list + 1] - offsets_[list];
  if (count == 0 || size == 0) return;
  const size_t kk = std::min<size_t>(k, size);
  scratch.q.resize(count * dims_);
  for (size_t j = 0; j < count; ++j) {
    const size_t query = visits.slots[first + j] / nprobe_;
    std::copy(queries + query * dims_, queries + (query + 1) * dims_, scratch.q.data() + j * dims_);
  }
  scratch.d.resize(count * kk);
  scratch.i.resize(count * kk);
  faiss::knn_inner_product(scratch.q.data(), vectors_.data() + offsets_[list] * dims_, dims_, count, size, kk,
                           scratch.d.data(), scratch.i.data());
  for (size_t j = 0; j < count; ++j) {
    const size_t slot = visits.slots[first + j];
    for (size_t r = 0; r < kk && scratch.i[j * kk + r] >= 0; ++r) {
      slot_d[slot * k + r] = scratch.d[j * kk + r];
      slot_i[slot * k + r] = row_of_[offsets_[list] + static_cast<size_t>(scratch.i[j * kk + r])];
    }
  }
}

void BatchedIvf::search(const float* queries, size_t nq, uint32_t k, float* distances, int64_t* labels) const {
  const size_t lists = this->lists();
  std::vector<float> ignored(nq * nprobe_);
  std::vector<faiss::Index::idx_t> probes(nq * nprobe_);
  centroids_->search(static_cast<faiss::Index::idx_t>(nq), queries, static_cast<faiss::Index::idx_t>(nprobe_),
                     ignored.data(), probes.data());

  // Invert: for each list, the (query, probe) slots that visit it.
  ListVisits visits;
  visits.start.assign(lists + 1, 0);
  for (faiss::Index::idx_t l : probes) {
    if (l >= 0) ++visits.start[static_cast<size_t>(l) + 1];
  }
  for (size_t l = 0; l < lists; ++l) visits.start[l + 1] += visits.start[l];
  visits.slots.resize(visits.start[lists]);
  std::vector<size_t> fill(visits.start.begin(), visits.start.end() - 1);
  for (size_t s = 0; s < probes.size(); ++s) {
    if (probes[s] >= 0) visits.slots[fill[static_cast<size_t>(probes[s])]++] = s;
  }

  std::vector<float> slot_d(nq * nprobe_ * k, -std::numeric_limits<float>::infinity());
  std::vector<int64_t> slot_i(nq * nprobe_ * k, -1);
  std::string error;  // the first faiss error inside the parallel region
  const auto slists = static_cast<int64_t>(lists);
#pragma omp parallel
  {
    Scratch scratch;
#pragma omp for schedule(dynamic, 1)
    for (int64_t l = 0; l < slists; ++l) {
      try {
        search_list(static_cast<size_t>(l), queries, k, visits, scratch, slot_d.data(), slot_i.data());
      } catch (const std::exception& e) {
#pragma omp critical(batched_ivf_error)
        if (error.empty()) error = e.what();
      }
    }
  }
  if (!error.empty()) throw faiss::FaissException(error);

  // Merge each query's probe slots: best first, ties by lower row.
  const auto snq = static_cast<int64_t>(nq);
#pragma omp parallel if (nq > 256)
  {
    std::vector<std::pair<float, int64_t>> all;
#pragma omp for schedule(static)
    for (int64_t sq = 0; sq < snq; ++sq) {
      const auto q = static_cast<size_t>(sq);
      all.clear();
      for (size_t s = q * nprobe_ * k; s < (q + 1) * nprobe_ * k; ++s) {
        if (slot_i[s] >= 0) all.emplace_back(slot_d[s], slot_i[s]);
      }
      const size_t keep = std::min<size_t>(k, all.size());
      std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                        [](const auto& x, const auto& y) {
                          return x.first > y.first || (x.first == y.first && x.second < y.second);
                        });
      for (size_t r = 0; r < k; ++r) {
        distances[q * k + r] = r < keep ? all[r].first : -std::numeric_limits<float>::infinity();
        labels[q * k + r] = r < keep ? all[r].second : -1;
      }
    }
  }
}

}  // namespace copydesk::story_detail
