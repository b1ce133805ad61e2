// Two embeddings of the same rows joined into one, weighted (embed.h).
#include <cmath>
#include <string>

#include "copydesk/embed.h"

namespace copydesk {

Result<EmbeddingMatrix> side_by_side(const EmbeddingMatrix& a, uint32_t b_dims, const RowWriter& write_b,
                                     double share_b) {
  if (!(share_b >= 0 && share_b <= 1)) {
    return Status::InvalidArgument("side_by_side: share_b must be in [0, 1], got " + std::to_string(share_b));
  }
  const auto wa = static_cast<float>(std::sqrt(1.0 - share_b));
  EmbeddingMatrix out;
  out.dims = a.dims + b_dims;
  out.values.resize(a.rows() * out.dims);
  for (size_t i = 0; i < a.rows(); ++i) {
    float* row = out.row(i);
    for (uint32_t j = 0; j < a.dims; ++j) row[j] = wa * a.row(i)[j];
  }
  write_b(out.values.data() + a.dims, out.dims, static_cast<float>(std::sqrt(share_b)));
  return out;
}

Result<EmbeddingMatrix> side_by_side(const EmbeddingMatrix& a, const EmbeddingMatrix& b, double share_b) {
  if (a.rows() != b.rows()) {
    return Status::InvalidArgument("side_by_side: " + std::to_string(a.rows()) + " rows against " +
                                   std::to_string(b.rows()));
  }
  return side_by_side(
      a, b.dims,
      [&](float* out, size_t stride, float scale) {
        for (size_t i = 0; i < b.rows(); ++i) {
          for (uint32_t j = 0; j < b.dims; ++j) out[i * stride + j] = scale * b.row(i)[j];
        }
      },
      share_b);
}

}  // namespace copydesk
