// Two embeddings of the same rows joined into one, weighted (embed.h).
#include <cmath>
#include <string>

#include "copydesk/embed.h"

namespace copydesk {

Result<EmbeddingMatrix> side_by_side(const EmbeddingMatrix& a, const EmbeddingMatrix& b, double share_b) {
  if (!(share_b >= 0 && share_b <= 1)) {
    return Status::InvalidArgument("side_by_side: share_b must be in [0, 1], got " + std::to_string(share_b));
  }
  if (a.rows() != b.rows()) {
    return Status::InvalidArgument("side_by_side: " + std::to_string(a.rows()) + " rows against " +
                                   std::to_string(b.rows()));
  }
  const auto wa = static_cast<float>(std::sqrt(1.0 - share_b));
  const auto wb = static_cast<float>(std::sqrt(share_b));
  EmbeddingMatrix out;
  out.dims = a.dims + b.dims;
  out.values.resize(a.rows() * out.dims);
  for (size_t i = 0; i < a.rows(); ++i) {
    float* row = out.row(i);
    for (uint32_t j = 0; j < a.dims; ++j) row[j] = wa * a.row(i)[j];
    for (uint32_t j = 0; j < b.dims; ++j) row[a.dims + j] = wb * b.row(i)[j];
  }
  return out;
}

}  // namespace copydesk
