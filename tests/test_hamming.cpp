#include <gtest/gtest.h>
#include <omp.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <vector>

#include "copydesk/hamming.h"
#include "copydesk/lsh.h"

namespace copydesk {
namespace {

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// `n` random codes, then near copies planted at distances 0..8 from random
// earlier codes (flipping distinct random bits), and a few runs of identical
// codes — the shapes a crawl's SimHashes have.
std::vector<uint64_t> planted_codes(size_t n, uint64_t seed) {
  uint64_t state = seed;
  std::vector<uint64_t> codes;
  for (size_t i = 0; i < n; ++i) codes.push_back(splitmix(state));
  for (size_t i = 0; i < n / 4; ++i) {
    const uint64_t original = codes[splitmix(state) % codes.size()];
    const int flips = static_cast<int>(splitmix(state) % 9);
    uint64_t flipped = 0;
    while (std::popcount(flipped) < flips) flipped |= uint64_t{1} << (splitmix(state) % 64);
    codes.push_back(original ^ flipped);
  }
  for (size_t i = 0; i < 3 && n > 0; ++i) {
    const uint64_t c = codes[splitmix(state) % codes.size()];
    for (int k = 0; k < 12; ++k) codes.push_back(c);
  }
  // Shuffle so planted copies are not next to their originals.
  for (size_t i = codes.size(); i > 1; --i) std::swap(codes[i - 1], codes[splitmix(state) % i]);
  return codes;
}

HammingPairs brute_force(const std::vector<uint64_t>& codes, const std::vector<uint8_t>& eligible, uint32_t radius) {
  HammingPairs out;
  for (uint32_t a = 0; a < codes.size(); ++a) {
    if (!eligible.empty() && !eligible[a]) continue;
    for (uint32_t b = a + 1; b < codes.size(); ++b) {
      if (!eligible.empty() && !eligible[b]) continue;
      const uint32_t d = hamming_distance(codes[a], codes[b]);
      if (d <= radius) {
        out.pairs.push_back(make_pair_key(a, b));
        out.distances.push_back(static_cast<uint8_t>(d));
      }
    }
  }
  return out;
}

HammingPairs search(const std::vector<uint64_t>& codes, const std::vector<uint8_t>& eligible, uint32_t radius,
                    HammingMethod method) {
  HammingParams p;
  p.radius = radius;
  p.method = method;
  Result<HammingPairs> r = find_hamming_pairs(codes.data(), codes.size(), eligible, p);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : HammingPairs{};
}

const char* name(HammingMethod m) { return m == HammingMethod::kFaissMultiHash ? "faiss" : "tables"; }

// Exact: the same pairs and distances as comparing every pair, for every
// radius 0..6, both methods, sizes that make the planner pick brute force
// (tiny) and permuted tables (larger).
TEST(Hamming, BothMethodsEqualBruteForce) {
  for (size_t n : {0u, 1u, 2u, 10u, 300u, 4000u}) {
    const std::vector<uint64_t> codes = planted_codes(n, 1000 + n);
    for (uint32_t radius = 0; radius <= 6; ++radius) {
      const HammingPairs expected = brute_force(codes, {}, radius);
      if (n >= 300) {
        ASSERT_GT(expected.pairs.size(), n / 20) << "the planted pairs are near";
      }
      for (HammingMethod m : {HammingMethod::kPermutedTables, HammingMethod::kFaissMultiHash}) {
        const HammingPairs got = search(codes, {}, radius, m);
        EXPECT_EQ(got.pairs, expected.pairs) << name(m) << " n=" << codes.size() << " r=" << radius;
        EXPECT_EQ(got.distances, expected.distances) << name(m) << " n=" << codes.size() << " r=" << radius;
      }
    }
  }
}

TEST(Hamming, LargerRadiiStayExact) {
  const std::vector<uint64_t> codes = planted_codes(2000, 7);
  for (uint32_t radius : {8u, 11u, 16u}) {
    const HammingPairs expected = brute_force(codes, {}, radius);
    for (HammingMethod m : {HammingMethod::kPermutedTables, HammingMethod::kFaissMultiHash}) {
      EXPECT_EQ(search(codes, {}, radius, m).pairs, expected.pairs) << name(m) << " r=" << radius;
    }
  }
}

TEST(Hamming, IneligibleCodesAreLeftOut) {
  const std::vector<uint64_t> codes = planted_codes(3000, 11);
  std::vector<uint8_t> eligible(codes.size(), 1);
  for (size_t i = 0; i < eligible.size(); i += 3) eligible[i] = 0;
  const HammingPairs expected = brute_force(codes, eligible, 4);
  ASSERT_FALSE(expected.pairs.empty());
  for (HammingMethod m : {HammingMethod::kPermutedTables, HammingMethod::kFaissMultiHash}) {
    const HammingPairs got = search(codes, eligible, 4, m);
    EXPECT_EQ(got.pairs, expected.pairs) << name(m);
    for (uint64_t p : got.pairs) EXPECT_TRUE(eligible[pair_first(p)] && eligible[pair_second(p)]);
  }
}

// Many copies of one code: every pair once, distance 0.
TEST(Hamming, IdenticalCodesGiveEveryPairOnce) {
  std::vector<uint64_t> codes(150, 0x0123456789ABCDEFULL);
  codes.push_back(~codes[0]);
  for (HammingMethod m : {HammingMethod::kPermutedTables, HammingMethod::kFaissMultiHash}) {
    const HammingPairs got = search(codes, {}, 3, m);
    ASSERT_EQ(got.pairs.size(), 150u * 149 / 2) << name(m);
    EXPECT_TRUE(std::adjacent_find(got.pairs.begin(), got.pairs.end(), std::greater_equal<>()) == got.pairs.end());
    EXPECT_TRUE(std::all_of(got.distances.begin(), got.distances.end(), [](uint8_t d) { return d == 0; }));
  }
}

// The thread count never changes the result (the planner and the parallel
// sort and scan depend on it).
TEST(Hamming, SameResultWithOneAndTwoThreads) {
  const std::vector<uint64_t> codes = planted_codes(20000, 3);
  const int saved = omp_get_max_threads();
  for (HammingMethod m : {HammingMethod::kPermutedTables, HammingMethod::kFaissMultiHash}) {
    omp_set_num_threads(1);
    const HammingPairs one = search(codes, {}, 6, m);
    omp_set_num_threads(2);
    const HammingPairs two = search(codes, {}, 6, m);
    omp_set_num_threads(saved);
    ASSERT_FALSE(one.pairs.empty());
    EXPECT_EQ(one.pairs, two.pairs) << name(m);
    EXPECT_EQ(one.distances, two.distances) << name(m);
  }
}

TEST(Hamming, RejectsBadParameters) {
  const std::vector<uint64_t> codes = {1, 2, 3};
  HammingParams p;
  p.radius = kMaxHammingRadius + 1;
  Result<HammingPairs> r = find_hamming_pairs(codes.data(), codes.size(), {}, p);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("radius"), std::string::npos);
  r = find_hamming_pairs(codes.data(), codes.size(), std::vector<uint8_t>{1, 1}, HammingParams{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(Hamming, SimilarityIsOneMinusDistanceOver64) {
  EXPECT_EQ(hamming_distance(0, ~uint64_t{0}), 64u);
  EXPECT_EQ(hamming_distance(0b1011, 0b0001), 2u);
  EXPECT_DOUBLE_EQ(simhash_similarity(0), 1.0);
  EXPECT_DOUBLE_EQ(simhash_similarity(16), 0.75);
  EXPECT_DOUBLE_EQ(simhash_threshold(6), 1.0 - 6.0 / 64);
  const std::vector<uint64_t> codes = {0, 0b111, ~uint64_t{0}};
  const SimHashSimilarity score(codes.data());
  EXPECT_DOUBLE_EQ(score(0, 1), 1.0 - 3.0 / 64);
  EXPECT_DOUBLE_EQ(score(1, 0), score(0, 1));
  EXPECT_DOUBLE_EQ(score(0, 2), 0.0);
}

}  // namespace
}  // namespace copydesk
