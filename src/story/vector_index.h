// A FAISS inner-product index over one block of items (story/ internal).
#pragma once

#include <faiss/Index.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "copydesk/events.h"
#include "copydesk/status.h"
#include "story/batched_ivf.h"

namespace copydesk::story_detail {

using idx_t = faiss::Index::idx_t;

// Which index to build for a block of n items under `params`: kAuto becomes
// kFlat up to flat_max items, kIvf beyond; IVF needs at least 2 lists' worth.
EventParams::Index choose_index(size_t n, const EventParams& params);

// Number of IVF lists for n vectors: about 4·√n, at most n / 39 (faiss's
// minimum of training points per list), at least 1.
size_t ivf_lists(size_t n);

class VectorIndex {
 public:
  // Indexes rows [0, n) of `rows` (n × dims, row-major; must outlive the
  // index only during build: faiss copies them). Faiss errors become a Status.
  static Result<VectorIndex> build(const float* rows, size_t n, uint32_t dims, const EventParams& params);

  // For each of the nq queries, the k best rows (labels −1 past the end).
  Status search(const float* queries, size_t nq, uint32_t k, float* distances, idx_t* labels) const;

  size_t size() const { return n_; }
  const std::string& description() const { return description_; }

 private:
  std::shared_ptr<faiss::Index> index_;  // flat or HNSW
  std::shared_ptr<BatchedIvf> ivf_;      // or this
  size_t n_ = 0;
  std::string description_;
};

}  // namespace copydesk::story_detail
