#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numeric>

#include "copydesk/minhash.h"

namespace copydesk {
namespace {

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::vector<uint32_t> sign(const std::vector<uint64_t>& set, MinHashParams p = {}, SimdPath path = SimdPath::kAuto) {
  MinHasher h(p, path);
  std::vector<uint32_t> sig(h.num_perm());
  h.sign(set.data(), set.size(), sig.data());
  return sig;
}

// Known answers (k = 128, seed 1), generated once and cross-checked against an
// independent Python transcription of the scheme in minhash.h;
// and pinned forever. A change here changes every stored signature.
TEST(MinHash, KnownAnswerSignature) {
  const std::vector<uint64_t> set = {0x383ea04a760bc92cULL, 1, 2, 3, 0xFFFFFFFFFFFFFFFFULL};
  const auto sig = sign(set);
  ASSERT_EQ(sig.size(), 128u);
  const std::vector<uint32_t> expected_head = {0x28da4ebcu, 0x32aa9913u, 0x4a36ce71u, 0x0615b83bu, 0x0b043704u, 0x046164f3u, 0x1eabddddu, 0x0ced7c9au};
  for (size_t i = 0; i < expected_head.size(); ++i) EXPECT_EQ(sig[i], expected_head[i]) << "entry " << i;
  const uint64_t checksum = std::accumulate(sig.begin(), sig.end(), uint64_t{0});
  EXPECT_EQ(checksum, uint64_t{88651169487});
}

TEST(MinHash, PortableAndAvx2PathsAgree) {
  uint64_t state = 42;
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<uint64_t> set(1 + trial * 37);
    for (auto& x : set) x = splitmix(state);
    for (uint32_t k : {1u, 7u, 64u, 128u, 200u}) {
      MinHashParams p;
      p.num_perm = k;
      EXPECT_EQ(sign(set, p, SimdPath::kPortable), sign(set, p, SimdPath::kAvx2));
    }
  }
}

TEST(MinHash, EmptySetIsAllOnes) {
  const auto sig = sign({});
  for (uint32_t v : sig) EXPECT_EQ(v, 0xFFFFFFFFu);
}

TEST(MinHash, OrderAndDuplicatesDoNotMatter) {
  EXPECT_EQ(sign({5, 9, 1, 3}), sign({1, 3, 5, 9, 9, 1}));
}

TEST(MinHash, DifferentSeedsGiveDifferentSignatures) {
  MinHashParams a, b;
  b.seed = 2;
  EXPECT_NE(sign({1, 2, 3}, a), sign({1, 2, 3}, b));
}

// The estimator must be unbiased with the binomial standard error
// sqrt(J(1-J)/k): a family of weak permutations would fail this.
TEST(MinHash, EstimateIsUnbiasedWithBinomialError) {
  uint64_t state = 7;
  for (double target : {0.2, 0.5, 0.8}) {
    double sum_err = 0, sum_sq = 0;
    const int trials = 300;
    for (int t = 0; t < trials; ++t) {
      // |A ∪ B| = 400; shared part gives Jaccard `target`.
      const int shared = static_cast<int>(400 * target), own = (400 - shared) / 2;
      std::vector<uint64_t> a, b;
      for (int i = 0; i < shared; ++i) {
        const uint64_t x = splitmix(state);
        a.push_back(x);
        b.push_back(x);
      }
      for (int i = 0; i < own; ++i) a.push_back(splitmix(state));
      for (int i = 0; i < own; ++i) b.push_back(splitmix(state));
      const double truth = static_cast<double>(shared) / (shared + 2 * own);
      const auto sa = sign(a), sb = sign(b);
      const double err = estimate_jaccard(sa.data(), sb.data(), 128) - truth;
      sum_err += err;
      sum_sq += err * err;
    }
    const double bias = sum_err / trials, rmse = std::sqrt(sum_sq / trials);
    const double expected = std::sqrt(target * (1 - target) / 128);
    EXPECT_LT(std::fabs(bias), 0.01) << "J = " << target;
    EXPECT_LT(rmse, expected * 1.25) << "J = " << target;
    EXPECT_GT(rmse, expected * 0.75) << "J = " << target;
  }
}

TEST(MinHash, ValidateRejectsZeroPermutations) {
  MinHashParams p;
  p.num_perm = 0;
  EXPECT_FALSE(p.validate().ok());
}

}  // namespace
}  // namespace copydesk
