#include "story/vector_index.h"

#include "story/chunked_flat.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <vector>

namespace copydesk::story_detail {
namespace {

constexpr size_t kMinPointsPerList = 39;     // at least this many vectors per list on average
constexpr size_t kTrainingPointsPerList = 64;
constexpr int kKmeansIterations = 10;

// Restores the calling thread's OpenMP thread count when it goes out of scope.
class SerialSection {
 public:
  SerialSection() : saved_(omp_get_max_threads()) { omp_set_num_threads(1); }
  ~SerialSection() { omp_set_num_threads(saved_); }
  SerialSection(const SerialSection&) = delete;
  SerialSection& operator=(const SerialSection&) = delete;

 private:
  int saved_;
};

std::shared_ptr<faiss::Index> build_hnsw(const float* rows, size_t n, uint32_t dims, const EventParams& params,
                                         std::string& description) {
  auto hnsw = std::make_shared<faiss::IndexHNSWFlat>(static_cast<int>(dims), static_cast<int>(params.hnsw_m),
                                                     faiss::METRIC_INNER_PRODUCT);
  hnsw->hnsw.efSearch = static_cast<int>(params.hnsw_ef_search);
  {
    // Parallel insertion makes the graph depend on thread timing: insert serially.
    SerialSection serial;
    hnsw->add(static_cast<idx_t>(n), rows);
  }
  description = "hnsw(M=" + std::to_string(params.hnsw_m) + ",efSearch=" + std::to_string(params.hnsw_ef_search) + ")";
  return hnsw;
}

}  // namespace

size_t ivf_lists(size_t n) {
  const auto root = static_cast<size_t>(std::lround(4.0 * std::sqrt(static_cast<double>(n))));
  return std::max<size_t>(1, std::min(root, n / kMinPointsPerList));
}

EventParams::Index choose_index(size_t n, const EventParams& params) {
  EventParams::Index kind = params.index;
  if (kind == EventParams::Index::kAuto) kind = n <= params.flat_max ? EventParams::Index::kFlat : EventParams::Index::kIvf;
  if (kind == EventParams::Index::kIvf && ivf_lists(n) < 2) kind = EventParams::Index::kFlat;
  return kind;
}

Result<VectorIndex> VectorIndex::build(const float* rows, size_t n, uint32_t dims, const EventParams& params) {
  VectorIndex out;
  out.n_ = n;
  try {
    switch (choose_index(n, params)) {
      case EventParams::Index::kIvf: {
        const size_t lists = ivf_lists(n);
        const size_t train = std::min(n, lists * kTrainingPointsPerList);
        out.ivf_ = std::make_shared<BatchedIvf>(rows, n, dims, lists, train, kKmeansIterations, params.seed,
                                                params.ivf_nprobe);
        out.description_ = "ivf(nlist=" + std::to_string(lists) + ",nprobe=" + std::to_string(out.ivf_->nprobe()) + ")";
        break;
      }
      case EventParams::Index::kHnsw:
        out.index_ = build_hnsw(rows, n, dims, params, out.description_);
        break;
      default: {
        auto flat = std::make_shared<ChunkedFlatIP>(static_cast<int>(dims));
        flat->add(static_cast<idx_t>(n), rows);
        out.index_ = flat;
        out.description_ = "flat";
      }
    }
  } catch (const std::exception& e) {
    return Status::Internal(std::string("events: building the faiss index failed: ") + e.what());
  }
  return out;
}

Status VectorIndex::search(const float* queries, size_t nq, uint32_t k, float* distances, idx_t* labels) const {
  try {
    if (ivf_) {
      ivf_->search(queries, nq, k, distances, labels);
    } else {
      index_->search(static_cast<idx_t>(nq), queries, k, distances, labels);
    }
  } catch (const std::exception& e) {
    return Status::Internal(std::string("events: faiss search failed: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace copydesk::story_detail
