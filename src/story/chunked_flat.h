// Exact inner-product search whose results do not depend on the thread count
// (story/ internal).
//
// faiss::IndexFlatIP hands the whole query batch to one multi-threaded BLAS
// product, and OpenBLAS rounds differently with different thread counts:
// measured on 8,000 planted vectors, 1 vs 2 threads changed 4,254 of 88,000
// distances and 21 neighbour labels. This index splits the queries into fixed
// chunks, searched in parallel, each by one single-threaded BLAS product
// (faiss::knn_inner_product inside an OpenMP region: OpenBLAS runs serially
// there), so every distance is computed the same way however many threads
// run. It replaces IndexFlatIP as the exact index, the IVF quantizer and the
// k-means assignment index.
#pragma once

#include <faiss/IndexFlat.h>

namespace copydesk::story_detail {

struct ChunkedFlatIP : faiss::IndexFlatIP {
  explicit ChunkedFlatIP(idx_t dims) : faiss::IndexFlatIP(dims) {}

  // Throws faiss::FaissException (after the parallel region) on a faiss error.
  void search(idx_t n, const float* x, idx_t k, float* distances, idx_t* labels,
              const faiss::SearchParameters* params = nullptr) const override;
};

}  // namespace copydesk::story_detail
