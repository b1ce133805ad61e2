// Leading eigenvectors of a small symmetric positive semi-definite matrix by
// power iteration with deflation (internal; used for SIF's common component).
#pragma once

#include <cstdint>
#include <vector>

namespace copydesk::embed_detail {

// `m` is d × d, row-major, symmetric PSD. Returns up to `k` unit eigenvectors by
// falling eigenvalue; stops early at a zero eigenvalue. Deterministic: the start
// vector is fixed. Each vector's sign is chosen so its largest entry is positive.
std::vector<std::vector<float>> top_eigenvectors(std::vector<double> m, uint32_t d, uint32_t k, uint32_t iterations);

}  // namespace copydesk::embed_detail
