#include "embed/principal_components.h"

#include <cmath>

namespace copydesk::embed_detail {
namespace {

double norm(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x * x;
  return std::sqrt(s);
}

}  // namespace

std::vector<std::vector<float>> top_eigenvectors(std::vector<double> m, uint32_t d, uint32_t k, uint32_t iterations) {
  std::vector<std::vector<float>> out;
  std::vector<double> v(d), next(d);
  for (uint32_t c = 0; c < k; ++c) {
    // A start vector with no symmetry that could leave it orthogonal to the answer.
    for (uint32_t i = 0; i < d; ++i) v[i] = 1.0 + 0.5 * std::sin(1.0 + i);
    double lambda = 0;
    for (uint32_t it = 0; it < iterations; ++it) {
      const double vn = norm(v);
      if (!(vn > 0)) break;
      for (uint32_t i = 0; i < d; ++i) v[i] /= vn;
      for (uint32_t i = 0; i < d; ++i) {
        double s = 0;
        for (uint32_t j = 0; j < d; ++j) s += m[size_t{i} * d + j] * v[j];
        next[i] = s;
      }
      lambda = norm(next);
      v.swap(next);
    }
    const double vn = norm(v);
    if (!(lambda > 0) || !(vn > 0)) break;
    uint32_t largest = 0;
    for (uint32_t i = 0; i < d; ++i) {
      v[i] /= vn;
      if (std::fabs(v[i]) > std::fabs(v[largest])) largest = i;
    }
    if (v[largest] < 0) {
      for (double& x : v) x = -x;
    }
    for (uint32_t i = 0; i < d; ++i) {
      for (uint32_t j = 0; j < d; ++j) m[size_t{i} * d + j] -= lambda * v[i] * v[j];
    }
    out.emplace_back(v.begin(), v.end());
  }
  return out;
}

}  // namespace copydesk::embed_detail
