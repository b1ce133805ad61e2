#include "copydesk/embed.h"

#include <cmath>
#include <cstring>

namespace copydesk {

float dot(const float* a, const float* b, uint32_t n) {
  float s = 0;
  for (uint32_t i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

double l2_normalize(float* v, uint32_t n) {
  double sq = 0;
  for (uint32_t i = 0; i < n; ++i) sq += static_cast<double>(v[i]) * v[i];
  const double norm = std::sqrt(sq);
  if (!(norm > 0) || !std::isfinite(norm)) {
    std::memset(v, 0, sizeof(float) * n);
    return norm;
  }
  const double inv = 1.0 / norm;
  for (uint32_t i = 0; i < n; ++i) v[i] = static_cast<float>(v[i] * inv);
  return norm;
}

Result<EmbeddingMatrix> embed_texts(const Embedder& embedder, const std::vector<std::string_view>& texts) {
  if (!embedder.fitted()) return Status::InvalidArgument("embedder '" + embedder.name() + "' is not fitted");
  EmbeddingMatrix m;
  m.dims = embedder.dims();
  m.values.assign(texts.size() * m.dims, 0.0f);
  const int64_t n = static_cast<int64_t>(texts.size());
#pragma omp parallel for schedule(dynamic, 16) if (n > 64)
  for (int64_t i = 0; i < n; ++i) embedder.embed(texts[static_cast<size_t>(i)], m.row(static_cast<size_t>(i)));
  return m;
}

Result<EmbeddingMatrix> fit_and_embed(Embedder& embedder, const std::vector<std::string_view>& texts) {
  COPYDESK_RETURN_IF_ERROR(embedder.fit(texts));
  return embed_texts(embedder, texts);
}

Result<EmbeddingMatrix> embed_representatives(Embedder& embedder, const std::vector<std::string_view>& texts,
                                              const std::vector<uint32_t>& representatives) {
  std::vector<std::string_view> chosen;
  chosen.reserve(representatives.size());
  for (size_t g = 0; g < representatives.size(); ++g) {
    if (representatives[g] >= texts.size()) {
      return Status::InvalidArgument("representative " + std::to_string(g) + " is document " +
                                     std::to_string(representatives[g]) + ", but there are only " +
                                     std::to_string(texts.size()) + " texts");
    }
    chosen.push_back(texts[representatives[g]]);
  }
  return fit_and_embed(embedder, chosen);
}

}  // namespace copydesk
