#include <gtest/gtest.h>

#include <algorithm>

#include "copydesk/cluster.h"
#include "copydesk/document.h"

namespace copydesk {
namespace {

// Exact-set fingerprints built by hand, so every similarity is known.
struct Sets {
  Fingerprints fp;
  void add(std::vector<uint64_t> s) {
    std::sort(s.begin(), s.end());
    if (fp.offsets.empty()) fp.offsets.push_back(0);
    fp.shingles.append(s.data(), s.size());
    fp.offsets.push_back(fp.shingles.size());
    fp.set_sizes.push_back(static_cast<uint32_t>(s.size()));
  }
  Similarity jaccard() const { return Similarity(fp, Measure::kJaccard, true); }
};

std::vector<uint64_t> range(uint64_t from, uint64_t to) {
  std::vector<uint64_t> v;
  for (uint64_t i = from; i < to; ++i) v.push_back(i);
  return v;
}

std::vector<ScoredPair> verified(const Sets& s, double t) {
  std::vector<ScoredPair> out;
  const auto sim = s.jaccard();
  for (uint32_t a = 0; a < s.fp.size(); ++a) {
    for (uint32_t b = a + 1; b < s.fp.size(); ++b) {
      const double v = sim(a, b);
      if (v >= t) out.push_back({a, b, static_cast<float>(v)});
    }
  }
  return out;
}

std::vector<CanonicalKey> no_dates(size_t n) { return std::vector<CanonicalKey>(n, {kNoDate, 100}); }

TEST(Cluster, ChainIsSplitAroundCentres) {
  // 0 ≈ 1 ≈ 2 ≈ 3 ≈ 4 step by step (J = 0.82 per step), but 0 and 4 share little:
  // union-find alone would put all five in one group.
  Sets s;
  for (uint64_t i = 0; i < 5; ++i) s.add(range(i * 10, i * 10 + 100));
  const auto edges = verified(s, 0.8);
  ASSERT_EQ(edges.size(), 4u);  // only neighbours verify
  const CopyGroups g = cluster_copies(5, edges, s.jaccard(), no_dates(5), ClusterParams{});
  EXPECT_GT(g.num_groups(), 1u);
  EXPECT_EQ(g.components_split, 1u);
  // Every member reaches the threshold against its group's centre, so no
  // group holds both ends of the chain.
  EXPECT_NE(g.group_of[0], g.group_of[4]);
  for (uint32_t i = 0; i < 5; ++i) EXPECT_LE(g.group_size[g.group_of[i]], 3u);
}

TEST(Cluster, TightGroupStaysWhole) {
  Sets s;
  for (int i = 0; i < 6; ++i) s.add(range(0, 100 + static_cast<uint64_t>(i)));  // all J ≥ 0.95
  s.add(range(500, 600));                                                      // unrelated
  const CopyGroups g = cluster_copies(7, verified(s, 0.8), s.jaccard(), no_dates(7), ClusterParams{});
  EXPECT_EQ(g.num_groups(), 2u);
  EXPECT_EQ(g.group_size[0], 6u);
  EXPECT_EQ(g.group_size[1], 1u);
  EXPECT_EQ(g.components_split, 0u);
  EXPECT_FLOAT_EQ(g.similarity[6], 1.0f);
}

TEST(Cluster, GroupsAreNumberedByFirstMember) {
  Sets s;
  s.add(range(500, 600));  // 0: singleton
  s.add(range(0, 100));    // 1
  s.add(range(700, 800));  // 2: singleton
  s.add(range(0, 100));    // 3: copy of 1
  const CopyGroups g = cluster_copies(4, verified(s, 0.8), s.jaccard(), no_dates(4), ClusterParams{});
  EXPECT_EQ(g.group_of, (std::vector<uint32_t>{0, 1, 2, 1}));
}

TEST(Cluster, CanonicalIsEarliestThenLongestThenFirst) {
  Sets s;
  for (int i = 0; i < 4; ++i) s.add(range(0, 100));
  const auto edges = verified(s, 0.8);
  std::vector<CanonicalKey> keys = {{kNoDate, 900}, {2000, 100}, {1000, 50}, {1000, 80}};
  EXPECT_EQ(cluster_copies(4, edges, s.jaccard(), keys, {}).canonical[0], 3u);  // earliest, then longer
  keys = {{kNoDate, 900}, {kNoDate, 100}, {kNoDate, 900}, {kNoDate, 50}};
  EXPECT_EQ(cluster_copies(4, edges, s.jaccard(), keys, {}).canonical[0], 0u);  // longest, then first
}

TEST(Cluster, SimilarityIsToTheCanonical) {
  Sets s;
  s.add(range(0, 100));
  s.add(range(0, 90));  // J = 0.9
  const auto edges = verified(s, 0.8);
  const CopyGroups g = cluster_copies(2, edges, s.jaccard(), {{100, 10}, {200, 10}}, {});
  EXPECT_EQ(g.canonical[0], 0u);
  EXPECT_FLOAT_EQ(g.similarity[0], 1.0f);
  EXPECT_NEAR(g.similarity[1], 0.9, 1e-6);
}

TEST(Cluster, ContainmentJoinsACutCopy) {
  Sets s;
  s.add(range(0, 100));
  s.add(range(0, 60));  // cut short: J = 0.6, containment 1.0
  const Similarity containment(s.fp, Measure::kContainment, true);
  EXPECT_NEAR(s.jaccard()(0, 1), 0.6, 1e-9);
  EXPECT_NEAR(containment(0, 1), 1.0, 1e-9);
}

}  // namespace
}  // namespace copydesk
