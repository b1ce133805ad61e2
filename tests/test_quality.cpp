// Evaluation on real labelled data (../shared/datasets) and on the generated
// crawl. Skips, with a message, when the datasets folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <simdjson.h>

#include "cli_runner.h"
#include "copydesk/dedup.h"
#include "copydesk/eval.h"
#include "copydesk/generator.h"
#include "copydesk/reader.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

#define SKIP_WITHOUT(path)                                                                      \
  if (!fs::exists(path)) GTEST_SKIP() << "dataset not found: " << (path) << " (../shared/datasets absent)"

Corpus read_corpus(const fs::path& path) {
  CorpusReader reader;
  EXPECT_TRUE(reader.add_path(path.string()).ok());
  return reader.take();
}

std::vector<std::pair<std::string, std::string>> read_pairs(const fs::path& path, bool exact_only) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::ifstream in(path);
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element e = parser.parse(line);
    if (exact_only && !bool(e["exact_text"])) continue;
    auto id = [](simdjson::dom::element v) {
      return v.is_string() ? std::string(std::string_view(v)) : std::to_string(int64_t(v));
    };
    pairs.emplace_back(id(e["id_a"]), id(e["id_b"]));
  }
  return pairs;
}

// Scores copy groups against every pair of a silver-pairs file.
PairScores score_groups_on_pairs(const Corpus& corpus, const CopyGroups& groups, const fs::path& pairs) {
  std::vector<std::string> ids, labels;
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    ids.push_back(corpus.docs[i].id);
    labels.push_back(std::to_string(groups.group_of[i]));
  }
  return score_pairs(ids, labels, read_pairs(pairs, false));
}

std::map<std::string, uint32_t> group_by_id(const Corpus& corpus, const CopyGroups& groups) {
  std::map<std::string, uint32_t> out;
  for (size_t i = 0; i < corpus.docs.size(); ++i) out[corpus.docs[i].id] = groups.group_of[i];
  return out;
}

// Reuters-21578: every group of byte-identical bodies comes out as one group
// (recall 1.0 on exact copies), and the predicted pairs are silver pairs
// (word 5-gram Jaccard ≥ 0.8) with precision ≥ 0.95.
TEST(Quality, Reuters21578ExactCopiesAndSilverPrecision) {
  const fs::path dir = testing::datasets_dir() / "reuters21578";
  SKIP_WITHOUT(dir / "docs.jsonl.gz");
  const Corpus corpus = read_corpus(dir / "docs.jsonl.gz");
  ASSERT_GT(corpus.docs.size(), 19000u);
  EXPECT_EQ(corpus.docs.size() + corpus.rejects.size(), 21578u);  // empty bodies are rejected, not lost
  auto result = run_dedup(corpus, DedupParams{});
  ASSERT_TRUE(result.ok()) << result.status().message();
  const CopyGroups& g = result->groups;

  std::map<std::string, std::set<uint32_t>> by_body;
  for (size_t i = 0; i < corpus.docs.size(); ++i) by_body[corpus.docs[i].text].insert(g.group_of[i]);
  size_t exact_groups = 0;
  for (const auto& [body, groups] : by_body) {
    exact_groups += groups.size() == 1 ? 0 : 1;
  }
  EXPECT_EQ(exact_groups, 0u) << "groups of identical bodies split across copy groups";

  const PairScores s = score_groups_on_pairs(corpus, g, dir / "silver_neardup_pairs.jsonl");
  std::printf("Reuters-21578 silver pairs: P %.4f R %.4f F1 %.4f (%llu predicted pairs)\n", s.precision, s.recall,
              s.f1, static_cast<unsigned long long>(s.predicted_pairs));
  EXPECT_GE(s.precision, 0.95);
  EXPECT_GE(s.recall, 0.90);
}

// BBC News: every exact title+text duplicate pair is found.
TEST(Quality, BbcEveryExactDuplicatePairFound) {
  const fs::path dir = testing::datasets_dir() / "bbc";
  SKIP_WITHOUT(dir / "docs.jsonl");
  const Corpus corpus = read_corpus(dir / "docs.jsonl");
  ASSERT_EQ(corpus.docs.size(), 2225u);
  auto result = run_dedup(corpus, DedupParams{});
  ASSERT_TRUE(result.ok());
  const auto group = group_by_id(corpus, result->groups);
  const auto exact = read_pairs(dir / "silver_neardup_pairs.jsonl", true);
  ASSERT_GE(exact.size(), 98u);  // pairs flagged exact_text (the README counts 98 title+text ones)
  for (const auto& [a, b] : exact) EXPECT_EQ(group.at(a), group.at(b)) << a << " / " << b;
  const PairScores all = score_groups_on_pairs(corpus, result->groups, dir / "silver_neardup_pairs.jsonl");
  std::printf("BBC silver pairs: P %.4f R %.4f F1 %.4f\n", all.precision, all.recall, all.f1);
  EXPECT_GE(all.precision, 0.95);
}

// The generated crawl: copy-group ARI ≥ 0.95 against its gold. The crawl
// cuts a fifth of its copies to 60–90 % of the story, which no Jaccard
// threshold can match, so this is containment's job (see README).
TEST(Quality, GeneratedCrawlCopyGroupsMatchGold) {
  GeneratorParams gp;
  gp.num_docs = 20000;
  gp.seed = 99;
  CorpusReader reader;
  uint64_t line = 0;
  std::vector<std::string> gold;
  ASSERT_TRUE(generate_crawl(gp, [&](const Document& d) {
                const std::string key = "\"gold_group\":\"";
                const size_t at = d.carried.find(key) + key.size();
                gold.push_back(d.carried.substr(at, d.carried.find('"', at) - at));
                reader.add_document(d, "gen", ++line);
                return Status::Ok();
              }).ok());
  const Corpus corpus = reader.take();
  ASSERT_EQ(corpus.docs.size(), gold.size());
  auto score = [&](Measure m) {
    DedupParams p;
    p.set_measure(m);
    auto result = run_dedup(corpus, p);
    EXPECT_TRUE(result.ok());
    std::vector<std::string> pred;
    for (uint32_t g : result->groups.group_of) pred.push_back(std::to_string(g));
    return score_clustering(gold, pred);
  };
  const ClusteringScores containment = score(Measure::kContainment);
  const ClusteringScores jaccard = score(Measure::kJaccard);
  std::printf("generated crawl, 20k docs: containment ARI %.4f (P %.4f R %.4f); jaccard ARI %.4f (P %.4f R %.4f)\n",
              containment.ari, containment.pairwise_precision, containment.pairwise_recall, jaccard.ari,
              jaccard.pairwise_precision, jaccard.pairwise_recall);
  EXPECT_GE(containment.ari, 0.95);
  EXPECT_GE(containment.pairwise_precision, 0.99);
  // Jaccard never glues unrelated stories either; it only misses cut copies.
  EXPECT_GE(jaccard.pairwise_precision, 0.99);
}

// Clough & Stevenson: scores rank the reuse levels (cut > light > heavy > non).
TEST(Quality, CloughStevensonScoresFollowReuseLevels) {
  const fs::path dir = testing::datasets_dir() / "clough_stevenson";
  SKIP_WITHOUT(dir / "pairs.jsonl");
  const Corpus corpus = read_corpus(dir / "docs.jsonl");
  std::map<std::string, uint32_t> index;
  for (size_t i = 0; i < corpus.docs.size(); ++i) index[corpus.docs[i].id] = static_cast<uint32_t>(i);
  DedupParams p;
  p.verify.exact = true;
  Fingerprints fp = compute_fingerprints(corpus.docs, p.shingle, p.minhash, true);
  const Similarity containment(fp, Measure::kContainment, true);
  std::map<int64_t, std::pair<double, int>> by_level;
  std::ifstream in(dir / "pairs.jsonl");
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element e = parser.parse(line);
    std::string a, b;
    auto text = [](simdjson::dom::element v) {
      return v.is_string() ? std::string(std::string_view(v)) : std::to_string(int64_t(v));
    };
    simdjson::dom::element ea, eb;
    if (e["id_a"].get(ea) || e["id_b"].get(eb)) continue;
    a = text(ea);
    b = text(eb);
    if (!index.count(a) || !index.count(b)) continue;
    const int64_t level = int64_t(e["reuse_level"]);
    auto& [sum, count] = by_level[level];
    sum += containment(index[a], index[b]);
    ++count;
  }
  ASSERT_GE(by_level.size(), 4u);
  double previous = 2.0;
  for (auto it = by_level.rbegin(); it != by_level.rend(); ++it) {  // level 3 (cut) down to 0 (non)
    const double mean = it->second.first / it->second.second;
    std::printf("Clough-Stevenson reuse level %lld: mean containment %.3f over %d pairs\n",
                static_cast<long long>(it->first), mean, it->second.second);
    EXPECT_LT(mean, previous) << "level " << it->first;
    previous = mean;
  }
}

}  // namespace
}  // namespace copydesk
