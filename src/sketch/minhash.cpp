#include "copydesk/minhash.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace copydesk {
namespace {

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The one loop both paths compile: permutations in the inner loop so the
// compiler vectorizes across them. always_inline lets each caller compile it
// for its own instruction set.
__attribute__((always_inline)) inline void sign_kernel(const uint32_t* __restrict seeds, uint32_t k,
                                                       const uint64_t* __restrict hashes, size_t n,
                                                       uint32_t* __restrict sig) {
  for (uint32_t i = 0; i < k; ++i) sig[i] = 0xFFFFFFFFu;
  for (size_t j = 0; j < n; ++j) {
    const uint32_t x = static_cast<uint32_t>(hashes[j] ^ (hashes[j] >> 32));
    for (uint32_t i = 0; i < k; ++i) {
      uint32_t h = x ^ seeds[i];
      h ^= h >> 16;
      h *= 0x85EBCA6Bu;
      h ^= h >> 13;
      h *= 0xC2B2AE35u;
      h ^= h >> 16;
      sig[i] = h < sig[i] ? h : sig[i];
    }
  }
}

void sign_portable(const uint32_t* seeds, uint32_t k, const uint64_t* hashes, size_t n, uint32_t* sig) {
  sign_kernel(seeds, k, hashes, n, sig);
}

__attribute__((target("avx2"))) void sign_avx2(const uint32_t* seeds, uint32_t k, const uint64_t* hashes,
                                                size_t n, uint32_t* sig) {
  sign_kernel(seeds, k, hashes, n, sig);
}

SimdPath resolve(SimdPath requested) {
  if (requested != SimdPath::kAuto) return requested;
  if (const char* env = std::getenv("COPYDESK_SIMD"); env != nullptr && std::strcmp(env, "portable") == 0) {
    return SimdPath::kPortable;
  }
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") ? SimdPath::kAvx2 : SimdPath::kPortable;
}

}  // namespace

Status MinHashParams::validate() const {
  if (num_perm < 1 || num_perm > 4096) {
    return Status::InvalidArgument("num_perm must be in [1, 4096], got " + std::to_string(num_perm));
  }
  return Status::Ok();
}

MinHasher::MinHasher(const MinHashParams& params, SimdPath path) : seeds_(params.num_perm), path_(resolve(path)) {
  for (uint32_t i = 0; i < params.num_perm; ++i) {
    seeds_[i] = static_cast<uint32_t>(splitmix64(params.seed + i));
  }
}

void MinHasher::sign(const uint64_t* hashes, size_t n, uint32_t* sig) const {
  if (path_ == SimdPath::kAvx2) {
    sign_avx2(seeds_.data(), num_perm(), hashes, n, sig);
  } else {
    sign_portable(seeds_.data(), num_perm(), hashes, n, sig);
  }
}

double estimate_jaccard(const uint32_t* a, const uint32_t* b, uint32_t num_perm) {
  uint32_t equal = 0;
  for (uint32_t i = 0; i < num_perm; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / num_perm;
}

}  // namespace copydesk
