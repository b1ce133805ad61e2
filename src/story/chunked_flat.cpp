#include "story/chunked_flat.h"

#include <faiss/impl/FaissAssert.h>
#include <faiss/impl/FaissException.h>
#include <faiss/utils/distances.h>

#include <algorithm>
#include <exception>
#include <string>

namespace copydesk::story_detail {
namespace {

constexpr faiss::Index::idx_t kQueriesPerChunk = 256;

}  // namespace

void ChunkedFlatIP::search(idx_t n, const float* x, idx_t k, float* distances, idx_t* labels,
                           const faiss::SearchParameters* params) const {
  FAISS_THROW_IF_NOT_MSG(params == nullptr, "ChunkedFlatIP: search parameters are not supported");
  const idx_t chunks = (n + kQueriesPerChunk - 1) / kQueriesPerChunk;
  std::string error;
#pragma omp parallel for schedule(dynamic, 1) if (chunks > 1)
  for (idx_t c = 0; c < chunks; ++c) {
    const idx_t first = c * kQueriesPerChunk, count = std::min(kQueriesPerChunk, n - first);
    try {
      faiss::knn_inner_product(x + first * d, get_xb(), static_cast<size_t>(d), static_cast<size_t>(count),
                               static_cast<size_t>(ntotal), static_cast<size_t>(k), distances + first * k,
                               labels + first * k);
    } catch (const std::exception& e) {
#pragma omp critical(chunked_flat_error)
      if (error.empty()) error = e.what();
    }
  }
  if (!error.empty()) throw faiss::FaissException(error);
}

}  // namespace copydesk::story_detail
