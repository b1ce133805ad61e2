#include <gtest/gtest.h>
#include <omp.h>

#include "copydesk/lsh.h"
#include "copydesk/minhash.h"

namespace copydesk {
namespace {

// Banding for k = 128 minimises the weighted error: check the optimum is
// sensible rather than pinning a number (the S-curve must straddle t).
TEST(Lsh, OptimalBandingStraddlesTheThreshold) {
  for (double t : {0.5, 0.7, 0.8, 0.9}) {
    const Banding b = optimal_banding(t, 128, 0.5, 0.5);
    EXPECT_LE(b.bands * b.rows, 128u);
    EXPECT_LT(candidate_probability(t - 0.2, b), 0.5) << t;
    EXPECT_GT(candidate_probability(std::min(1.0, t + 0.1), b), 0.5) << t;
    // No other banding has a lower objective (spot check neighbours).
  }
  const Banding b8 = optimal_banding(0.8, 128, 0.5, 0.5);
  EXPECT_GT(candidate_probability(0.9, b8), 0.9);
  EXPECT_GT(candidate_probability(0.95, b8), 0.99);
  EXPECT_LT(candidate_probability(0.5, b8), 0.05);
}

TEST(Lsh, FalseNegativeWeightLowersTheCurve) {
  const Banding balanced = optimal_banding(0.8, 128, 0.5, 0.5);
  const Banding recall = optimal_banding(0.8, 128, 0.1, 0.9);
  EXPECT_GE(candidate_probability(0.75, recall), candidate_probability(0.75, balanced));
}

struct Corpus3 {
  std::vector<uint32_t> sigs;
  uint32_t k = 128;
  size_t n = 0;
  void add(const std::vector<uint64_t>& set) {
    MinHasher h({});
    sigs.resize((n + 1) * k);
    h.sign(set.data(), set.size(), sigs.data() + n * k);
    ++n;
  }
};

// Shingle hashes are XXH3 outputs: stand-ins must look random too.
uint64_t mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::vector<uint64_t> range(uint64_t from, uint64_t to) {
  std::vector<uint64_t> v;
  for (uint64_t i = from; i < to; ++i) v.push_back(mix(i));
  return v;
}

TEST(Lsh, NearCopiesAreCandidatesUnrelatedAreNot) {
  Corpus3 c;
  c.add(range(0, 400));      // 0
  c.add(range(0, 400));      // 1: identical to 0
  c.add(range(4, 404));      // 2: J(0,2) = 396/404 ≈ 0.98
  c.add(range(1000, 1400));  // 3: unrelated
  std::vector<uint8_t> eligible(c.n, 1);
  auto r = find_candidates(c.sigs.data(), c.n, c.k, eligible, LshParams{});
  ASSERT_TRUE(r.ok());
  const std::vector<uint64_t> expected = {make_pair_key(0, 1), make_pair_key(0, 2), make_pair_key(1, 2)};
  EXPECT_EQ(r->pairs, expected);
  EXPECT_TRUE(r->oversized.empty());
}

TEST(Lsh, IneligibleDocumentsAreLeftOut) {
  Corpus3 c;
  c.add(range(0, 100));
  c.add(range(0, 100));
  std::vector<uint8_t> eligible = {1, 0};
  auto r = find_candidates(c.sigs.data(), c.n, c.k, eligible, LshParams{});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->pairs.empty());
}

TEST(Lsh, OversizedBucketIsCappedToStarPairsAndReported) {
  Corpus3 c;
  for (int i = 0; i < 10; ++i) c.add(range(0, 50));  // ten identical documents
  std::vector<uint8_t> eligible(c.n, 1);
  LshParams p;
  p.max_bucket = 4;
  auto r = find_candidates(c.sigs.data(), c.n, c.k, eligible, p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->pairs.size(), 9u);  // (0, i) for i = 1..9
  for (uint64_t pair : r->pairs) EXPECT_EQ(pair_first(pair), 0u);
  ASSERT_EQ(r->oversized.size(), r->banding.bands);
  EXPECT_EQ(r->oversized[0].size, 10u);
  EXPECT_EQ(r->oversized[0].first_doc, 0u);
}

TEST(Lsh, SameCandidatesWhateverTheThreadCount) {
  Corpus3 c;
  for (uint64_t i = 0; i < 300; ++i) c.add(range(i * 7, i * 7 + 60));  // overlapping windows
  std::vector<uint8_t> eligible(c.n, 1);
  omp_set_num_threads(1);
  auto one = find_candidates(c.sigs.data(), c.n, c.k, eligible, LshParams{});
  omp_set_num_threads(2);
  auto two = find_candidates(c.sigs.data(), c.n, c.k, eligible, LshParams{});
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_FALSE(one->pairs.empty());
  EXPECT_EQ(one->pairs, two->pairs);
}

TEST(Lsh, ExplicitBandingIsUsedAndValidated) {
  LshParams p;
  p.bands = 16;
  p.rows = 8;
  EXPECT_TRUE(p.validate(128).ok());
  p.rows = 9;
  EXPECT_FALSE(p.validate(128).ok());
  p.bands = 0;
  EXPECT_FALSE(p.validate(128).ok());  // one without the other
  Corpus3 c;
  c.add(range(0, 10));
  std::vector<uint8_t> eligible(1, 1);
  LshParams q;
  q.bands = 32;
  q.rows = 4;
  auto r = find_candidates(c.sigs.data(), c.n, c.k, eligible, q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->banding.bands, 32u);
  EXPECT_EQ(r->banding.rows, 4u);
}

}  // namespace
}  // namespace copydesk
