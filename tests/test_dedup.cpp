// The pipeline module: parameter wiring, stats, and thread-count independence
// at the library level (the CLI tests check the bytes).
#include <gtest/gtest.h>
#include <omp.h>

#include "copydesk/dedup.h"
#include "copydesk/generator.h"
#include "copydesk/reader.h"

namespace copydesk {
namespace {

Corpus generated(uint64_t docs) {
  GeneratorParams gp;
  gp.num_docs = docs;
  CorpusReader reader;
  uint64_t line = 0;
  EXPECT_TRUE(generate_crawl(gp, [&](const Document& d) {
                reader.add_document(d, "gen", ++line);
                return Status::Ok();
              }).ok());
  return reader.take();
}

TEST(Dedup, ThresholdReachesEveryStage) {
  DedupParams p;
  p.set_threshold(0.7);
  EXPECT_DOUBLE_EQ(p.lsh.threshold, 0.7);
  EXPECT_DOUBLE_EQ(p.verify.threshold, 0.7);
  EXPECT_DOUBLE_EQ(p.cluster.threshold, 0.7);
  p.set_measure(Measure::kContainment);
  EXPECT_EQ(p.verify.measure, Measure::kContainment);
  // A copy half as long with containment 0.7 has Jaccard 0.35 / 1.15.
  EXPECT_NEAR(p.lsh.threshold, 0.35 / 1.15, 1e-12);
  EXPECT_NEAR(containment_lsh_threshold(1.0, 1.0), 1.0, 1e-12);
}

TEST(Dedup, InvalidParamsAreRejectedByName) {
  Corpus corpus;
  DedupParams p;
  p.minhash.num_perm = 0;
  auto r = run_dedup(corpus, p);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("num_perm"), std::string::npos);
  p = DedupParams{};
  p.min_length_ratio = 0;
  EXPECT_FALSE(run_dedup(corpus, p).ok());
}

TEST(Dedup, EmptyCorpusGivesNoGroups) {
  auto r = run_dedup(Corpus{}, DedupParams{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->groups.num_groups(), 0u);
}

TEST(Dedup, StatsAddUp) {
  const Corpus corpus = generated(1500);
  auto r = run_dedup(corpus, DedupParams{});
  ASSERT_TRUE(r.ok());
  const DedupStats& s = r->stats;
  EXPECT_EQ(s.documents, 1500u);
  EXPECT_EQ(s.groups, r->groups.num_groups());
  EXPECT_EQ(s.duplicates, s.documents - s.groups);
  EXPECT_LE(s.verified_pairs, s.candidate_pairs);
  EXPECT_GT(s.duplicate_groups, 0u);
  EXPECT_EQ(s.banding.bands, 9u);  // the optimum for t = 0.8, k = 128
  EXPECT_EQ(s.banding.rows, 13u);
  uint64_t members = 0;
  for (uint32_t size : r->groups.group_size) members += size;
  EXPECT_EQ(members, s.documents);
}

TEST(Dedup, TextWithoutWordsIsASingleton) {
  CorpusReader reader;
  Document a, b;
  a.id = "a";
  a.text = "!!! ???";
  b.id = "b";
  b.text = "... ---";
  reader.add_document(a, "t", 1);
  reader.add_document(b, "t", 2);
  auto r = run_dedup(reader.take(), DedupParams{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats.without_shingles, 2u);
  EXPECT_NE(r->groups.group_of[0], r->groups.group_of[1]);  // empty sets must not match each other
}

TEST(Dedup, SameGroupsWhateverTheThreadCount) {
  const Corpus corpus = generated(4000);
  for (Measure m : {Measure::kJaccard, Measure::kContainment}) {
    DedupParams p;
    p.set_measure(m);
    omp_set_num_threads(1);
    auto one = run_dedup(corpus, p);
    omp_set_num_threads(2);
    auto two = run_dedup(corpus, p);
    ASSERT_TRUE(one.ok() && two.ok());
    EXPECT_EQ(one->groups.group_of, two->groups.group_of);
    EXPECT_EQ(one->groups.canonical, two->groups.canonical);
    EXPECT_EQ(one->groups.similarity, two->groups.similarity);
  }
}

TEST(Dedup, StreamingGivesTheSameGroupsAsInMemory) {
  const Corpus corpus = generated(Deduplicator::kBatchDocs + 1500);  // more than one batch
  DedupParams p;
  p.set_measure(Measure::kContainment);
  auto whole = run_dedup(corpus, p);
  ASSERT_TRUE(whole.ok());
  Deduplicator dedup(p);
  for (const Document& d : corpus.docs) dedup.add(Document(d));
  EXPECT_EQ(dedup.documents(), corpus.docs.size());
  auto streamed = dedup.finish();
  ASSERT_TRUE(streamed.ok());
  EXPECT_EQ(streamed->groups.group_of, whole->groups.group_of);
  EXPECT_EQ(streamed->groups.canonical, whole->groups.canonical);
  EXPECT_EQ(streamed->stats.input_bytes, whole->stats.input_bytes);
  EXPECT_GT(streamed->stats.duplicate_groups, 100u);
}

TEST(Dedup, SimHashAndBothMethodsFindCopies) {
  const Corpus corpus = generated(3000);
  DedupParams p;
  auto minhash = run_dedup(corpus, p);
  p.method = DedupMethod::kSimHash;
  auto simhash = run_dedup(corpus, p);
  p.method = DedupMethod::kBoth;
  auto both = run_dedup(corpus, p);
  ASSERT_TRUE(minhash.ok() && simhash.ok() && both.ok());
  EXPECT_GT(simhash->stats.duplicates, minhash->stats.duplicates / 2);
  // The union of candidates, verified the MinHash way: at least as many copies.
  EXPECT_GE(both->stats.duplicates, minhash->stats.duplicates);
  // Streaming, counted in batches, gives the in-memory result.
  p.method = DedupMethod::kSimHash;
  Deduplicator dedup(p);
  dedup.count(corpus.docs.data(), 1000);
  dedup.count(corpus.docs.data() + 1000, corpus.docs.size() - 1000);
  for (const Document& d : corpus.docs) dedup.add(Document(d));
  auto streamed = dedup.finish();
  ASSERT_TRUE(streamed.ok());
  EXPECT_EQ(streamed->groups.group_of, simhash->groups.group_of);
}

}  // namespace
}  // namespace copydesk
