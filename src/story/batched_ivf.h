// An inverted-file index searched list by list with BLAS (story/ internal).
//
// Like faiss::IndexIVFFlat — k-means lists (faiss::Clustering), each query
// probes its `nprobe` nearest lists — but the lists are searched in batches:
// all queries probing list L are compared with L's vectors in one matrix
// product (faiss::knn_inner_product, which calls BLAS). Debian's faiss is
// built for baseline x86-64, so IndexIVFFlat compares one query with one
// vector at a time in SSE2, while OpenBLAS picks AVX2/AVX-512 kernels at run
// time: searching 100k planted vectors for themselves (256 dims, 1265 lists,
// nprobe 16, 2 cores) took 8.3 s with IndexIVFFlat and 1.6 s here. Up to
// rounding, the neighbours are the ones IndexIVFFlat finds with the same
// lists and nprobe. Each list's product runs single-threaded inside one
// OpenMP loop over lists, so results do not depend on the thread count.
#pragma once

#include "story/chunked_flat.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace copydesk::story_detail {

class BatchedIvf {
 public:
  // Trains `lists` k-means centroids (spherical, `iterations` rounds, seeded)
  // on an evenly strided sample of `train` rows, then files every row.
  // Throws faiss::FaissException on faiss errors (the caller catches).
  BatchedIvf(const float* rows, size_t n, uint32_t dims, size_t lists, size_t train, int iterations, uint64_t seed,
             size_t nprobe);

  // For each query, the k best rows among the probed lists, best first
  // (labels −1 when fewer). Parallel over lists (OpenMP).
  void search(const float* queries, size_t nq, uint32_t k, float* distances, int64_t* labels) const;

  size_t lists() const { return offsets_.size() - 1; }
  size_t nprobe() const { return nprobe_; }

 private:
  struct ListVisits {
    std::vector<size_t> start;  // list L is visited by slots[start[L] .. start[L+1])
    std::vector<size_t> slots;  // query · nprobe + probe
  };
  struct Scratch {
    std::vector<float> q, d;
    std::vector<int64_t> i;
  };
  void search_list(size_t list, const float* queries, uint32_t k, const ListVisits& visits, Scratch& scratch,
                   float* slot_d, int64_t* slot_i) const;

  uint32_t dims_;
  size_t nprobe_;
  std::unique_ptr<ChunkedFlatIP> centroids_;
  std::vector<size_t> offsets_;   // list L holds rows [offsets_[L], offsets_[L+1]) of vectors_
  std::vector<int64_t> row_of_;   // the caller's row of each filed vector
  std::vector<float> vectors_;    // rows grouped by list
};

}  // namespace copydesk::story_detail
