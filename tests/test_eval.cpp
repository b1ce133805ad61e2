// Known answers for the clustering metrics (hand-computed or from the
// scikit-learn documentation) and end-to-end tests of `copydesk eval`.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "copydesk/eval.h"

namespace copydesk {
namespace {

using testing::run_cli;
using testing::write_file;

std::vector<std::string> labels(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

// scikit-learn docs: adjusted_rand_score([0,0,1,1],[0,0,1,2]) == 0.57142857
// (4/7), and NMI (arithmetic) == V-measure == 0.8 for the same labelling.
TEST(ScoreClustering, SklearnDocExample) {
  const ClusteringScores s = score_clustering(labels({"0", "0", "1", "1"}), labels({"0", "0", "1", "2"}));
  EXPECT_DOUBLE_EQ(s.ari, 4.0 / 7.0);
  EXPECT_NEAR(s.nmi, 0.8, 1e-12);
  EXPECT_EQ(s.documents, 4u);
  EXPECT_EQ(s.gold_clusters, 2u);
  EXPECT_EQ(s.predicted_clusters, 3u);
  EXPECT_EQ(s.gold_pairs, 2u);
  EXPECT_EQ(s.predicted_pairs, 1u);
  EXPECT_EQ(s.true_positive_pairs, 1u);
  EXPECT_DOUBLE_EQ(s.pairwise_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.pairwise_recall, 0.5);
  EXPECT_DOUBLE_EQ(s.pairwise_f1, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 0.75);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 6.0 / 7.0);
}

TEST(ScoreClustering, AriAndNmiAreSymmetric) {
  const ClusteringScores s = score_clustering(labels({"0", "0", "1", "2"}), labels({"0", "0", "1", "1"}));
  EXPECT_DOUBLE_EQ(s.ari, 4.0 / 7.0);
  EXPECT_NEAR(s.nmi, 0.8, 1e-12);
  // Precision and recall swap roles.
  EXPECT_DOUBLE_EQ(s.pairwise_precision, 0.5);
  EXPECT_DOUBLE_EQ(s.pairwise_recall, 1.0);
}

// More scikit-learn doc examples of adjusted_rand_score.
TEST(ScoreClustering, SklearnAriExamples) {
  EXPECT_DOUBLE_EQ(score_clustering(labels({"0", "0", "1", "1"}), labels({"1", "1", "0", "0"})).ari, 1.0);
  EXPECT_DOUBLE_EQ(score_clustering(labels({"0", "0", "1", "1"}), labels({"0", "1", "0", "1"})).ari, -0.5);
  const ClusteringScores s = score_clustering(labels({"0", "0", "0", "0"}), labels({"0", "1", "2", "3"}));
  EXPECT_DOUBLE_EQ(s.ari, 0.0);
  EXPECT_DOUBLE_EQ(s.nmi, 0.0);  // one cluster vs all singletons: no information
}

// Worked example: gold A={1..5}, B={6,7}; predicted X={1,2,3}, Y={4..7}.
// B-cubed precision = (3*1 + 2*2/4 + 2*2/4)/7 = 5/7;
// recall = (3*3/5 + 2*2/5 + 2*1)/7 = 23/35; F1 = 115/168.
// Pairs: gold 10+1 = 11, predicted 3+6 = 9, shared 3+1+1 = 5.
// ARI: tp=5 fp=4 fn=6 tn=6 -> 2(30-24)/(11*12 + 9*10) = 2/37.
// NMI 0.3156244234780851 from a naive reference implementation.
TEST(ScoreClustering, WorkedExample) {
  const ClusteringScores s =
      score_clustering(labels({"A", "A", "A", "A", "A", "B", "B"}), labels({"X", "X", "X", "Y", "Y", "Y", "Y"}));
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 5.0 / 7.0);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 23.0 / 35.0);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 115.0 / 168.0);
  EXPECT_EQ(s.gold_pairs, 11u);
  EXPECT_EQ(s.predicted_pairs, 9u);
  EXPECT_EQ(s.true_positive_pairs, 5u);
  EXPECT_DOUBLE_EQ(s.pairwise_precision, 5.0 / 9.0);
  EXPECT_DOUBLE_EQ(s.pairwise_recall, 5.0 / 11.0);
  EXPECT_DOUBLE_EQ(s.pairwise_f1, 0.5);
  EXPECT_DOUBLE_EQ(s.ari, 2.0 / 37.0);
  EXPECT_NEAR(s.nmi, 0.3156244234780851, 1e-12);
}

TEST(ScoreClustering, IdenticalPartitionsScoreExactlyOne) {
  const ClusteringScores s =
      score_clustering(labels({"a", "b", "a", "c", "c", "c", "d"}), labels({"7", "8", "7", "9", "9", "9", "x"}));
  for (double v : {s.pairwise_precision, s.pairwise_recall, s.pairwise_f1, s.bcubed_precision, s.bcubed_recall,
                   s.bcubed_f1, s.ari, s.nmi}) {
    EXPECT_EQ(v, 1.0);
  }
}

TEST(ScoreClustering, AllSingletonsOnBothSides) {
  const ClusteringScores s = score_clustering(labels({"1", "2", "3"}), labels({"a", "b", "c"}));
  EXPECT_EQ(s.gold_pairs, 0u);
  EXPECT_EQ(s.predicted_pairs, 0u);
  EXPECT_EQ(s.pairwise_precision, 1.0);  // no predicted pairs: nothing wrong
  EXPECT_EQ(s.pairwise_recall, 1.0);     // no gold pairs: nothing missed
  EXPECT_EQ(s.pairwise_f1, 1.0);
  EXPECT_EQ(s.ari, 1.0);
  EXPECT_EQ(s.nmi, 1.0);
}

TEST(ScoreClustering, OneClusterOnBothSides) {
  const ClusteringScores s = score_clustering(labels({"g", "g", "g"}), labels({"p", "p", "p"}));
  EXPECT_EQ(s.ari, 1.0);
  EXPECT_EQ(s.nmi, 1.0);
  EXPECT_EQ(s.pairwise_f1, 1.0);
}

TEST(ScoreClustering, SingletonPredictionAgainstPairs) {
  const ClusteringScores s = score_clustering(labels({"g", "g", "h"}), labels({"1", "2", "3"}));
  EXPECT_EQ(s.pairwise_precision, 1.0);
  EXPECT_EQ(s.pairwise_recall, 0.0);
  EXPECT_EQ(s.pairwise_f1, 0.0);
  EXPECT_EQ(s.ari, 0.0);
}

TEST(ScoreClustering, Empty) {
  const ClusteringScores s = score_clustering({}, {});
  EXPECT_EQ(s.documents, 0u);
  EXPECT_EQ(s.pairwise_f1, 1.0);
  EXPECT_EQ(s.bcubed_f1, 1.0);
  EXPECT_EQ(s.ari, 1.0);
  EXPECT_EQ(s.nmi, 1.0);
}

// A cluster of 200,000 documents is ~2e10 pairs: counted, not listed, and the
// ARI products (~1e20) stay exact.
TEST(ScoreClustering, HugeClustersAreCountedArithmetically) {
  const size_t n = 200000;
  std::vector<std::string> gold(n), pred(n, "all");
  for (size_t i = 0; i < n; ++i) gold[i] = i < n / 2 ? "left" : "right";
  const ClusteringScores s = score_clustering(gold, pred);
  EXPECT_EQ(s.predicted_pairs, uint64_t{n} * (n - 1) / 2);
  EXPECT_EQ(s.gold_pairs, 2 * (uint64_t{n / 2} * (n / 2 - 1) / 2));
  EXPECT_EQ(s.true_positive_pairs, s.gold_pairs);
  EXPECT_EQ(s.pairwise_recall, 1.0);
  EXPECT_NEAR(s.pairwise_precision, 0.5, 1e-5);
  EXPECT_EQ(s.ari, 0.0);  // one cluster against anything: tn = 0 and fn = 0
  EXPECT_EQ(s.nmi, 0.0);
}

TEST(ScorePairs, CountsTruePositivesByLabel) {
  const std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f"};
  const std::vector<std::string> pred = {"1", "1", "1", "2", "2", "3"};
  const std::vector<std::pair<std::string, std::string>> gold = {
      {"a", "b"}, {"b", "a"},   // one pair, found
      {"c", "d"},               // missed
      {"e", "d"},               // found
      {"a", "a"},               // self-pair: dropped
      {"a", "zz"}};             // unknown id: missed
  const PairScores s = score_pairs(ids, pred, gold);
  EXPECT_EQ(s.documents, 6u);
  EXPECT_EQ(s.predicted_pairs, 4u);  // 3 in cluster 1, 1 in cluster 2
  EXPECT_EQ(s.gold_pairs, 4u);
  EXPECT_EQ(s.true_positives, 2u);
  EXPECT_EQ(s.gold_pairs_missing, 1u);
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
}

TEST(ScorePairs, NoPairsAnywhere) {
  const PairScores s = score_pairs({"a", "b"}, {"1", "2"}, {});
  EXPECT_EQ(s.precision, 1.0);
  EXPECT_EQ(s.recall, 1.0);
  EXPECT_EQ(s.f1, 1.0);
}

TEST(ScorePairs, HugePredictedCluster) {
  const size_t n = 300000;
  std::vector<std::string> ids(n), pred(n, "one");
  for (size_t i = 0; i < n; ++i) ids[i] = std::to_string(i);
  const PairScores s = score_pairs(ids, pred, {{"1", "2"}, {"3", "4"}});
  EXPECT_EQ(s.predicted_pairs, uint64_t{n} * (n - 1) / 2);
  EXPECT_EQ(s.true_positives, 2u);
  EXPECT_EQ(s.recall, 1.0);
}

// ---------------------------------------------------------------------------
// Command line

class EvalCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::make_temp_dir("eval"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& content) {
    const auto p = dir_ / name;
    write_file(p, content);
    return p.string();
  }

  // Parses the --json output; fails the test when it is not one object.
  simdjson::dom::element parse(const std::string& out) {
    simdjson::dom::element doc;
    EXPECT_EQ(parser_.parse(out).get(doc), simdjson::SUCCESS) << out;
    return doc;
  }

  std::filesystem::path dir_;
  simdjson::dom::parser parser_;
};

double number(simdjson::dom::element e, const char* section, const char* key) {
  double v = -99;
  simdjson::dom::element x;
  if (e[section][key].get(x) == simdjson::SUCCESS) {
    if (x.is_double()) v = x.get_double().value_unsafe();
    else if (x.is_int64()) v = static_cast<double>(x.get_int64().value_unsafe());
    else if (x.is_uint64()) v = static_cast<double>(x.get_uint64().value_unsafe());
  }
  return v;
}

TEST_F(EvalCli, JsonNumbersFromTheSameFile) {
  // Gold labels as numbers, predicted labels as strings, ids mixed.
  const auto pred = file("pred.jsonl",
                         "{\"id\":1,\"group\":\"x\",\"gold\":0}\n"
                         "{\"id\":\"2\",\"group\":\"x\",\"gold\":0}\n"
                         "\n"
                         "{\"id\":3,\"group\":\"y\",\"gold\":1}\r\n"
                         "{\"id\":4,\"group\":\"z\",\"gold\":1}");  // no final newline
  const auto r = run_cli("eval --pred " + pred + " --gold-field gold --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_NEAR(number(doc, "clustering", "ari"), 4.0 / 7.0, 1e-9);
  EXPECT_NEAR(number(doc, "clustering", "nmi"), 0.8, 1e-9);
  EXPECT_NEAR(number(doc, "clustering", "pairwise_precision"), 1.0, 1e-12);
  EXPECT_NEAR(number(doc, "clustering", "pairwise_recall"), 0.5, 1e-12);
  EXPECT_NEAR(number(doc, "clustering", "bcubed_recall"), 0.75, 1e-12);
  EXPECT_EQ(number(doc, "clustering", "documents"), 4);
  EXPECT_EQ(number(doc, "clustering", "missing_predictions"), 0);
}

TEST_F(EvalCli, TableOutput) {
  const auto pred = file("pred.jsonl",
                         "{\"id\":\"a\",\"group\":1,\"gold\":\"0\"}\n{\"id\":\"b\",\"group\":1,\"gold\":\"0\"}\n"
                         "{\"id\":\"c\",\"group\":2,\"gold\":\"1\"}\n{\"id\":\"d\",\"group\":3,\"gold\":\"1\"}\n");
  const auto r = run_cli("eval --pred " + pred + " --gold-field gold");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ARI"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0.5714"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0.8000"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(EvalCli, MissingPredictionsCountAsSingletons) {
  const auto gold = file("gold.jsonl",
                         "{\"id\":\"a\",\"ev\":\"E1\"}\n{\"id\":\"b\",\"ev\":\"E1\"}\n"
                         "{\"id\":\"c\",\"ev\":\"E2\"}\n{\"id\":\"d\",\"ev\":\"E2\"}\n");
  // c and d are absent (singletons); e is not in gold (ignored).
  const auto pred = file("pred.jsonl",
                         "{\"id\":\"a\",\"group\":\"g\"}\n{\"id\":\"b\",\"group\":\"g\"}\n"
                         "{\"id\":\"e\",\"group\":\"g\"}\n");
  const auto r = run_cli("eval --pred " + pred + " --gold " + gold + " --gold-field ev --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_EQ(number(doc, "clustering", "documents"), 4);
  EXPECT_EQ(number(doc, "clustering", "missing_predictions"), 2);
  EXPECT_EQ(number(doc, "clustering", "ignored_predictions"), 1);
  EXPECT_EQ(number(doc, "clustering", "predicted_clusters"), 3);
  EXPECT_NEAR(number(doc, "clustering", "pairwise_precision"), 1.0, 1e-12);
  EXPECT_NEAR(number(doc, "clustering", "pairwise_recall"), 0.5, 1e-12);
  EXPECT_NEAR(number(doc, "clustering", "ari"), 4.0 / 7.0, 1e-9);
}

TEST_F(EvalCli, NullLabelIsASingleton) {
  const auto pred = file("pred.jsonl",
                         "{\"id\":\"a\",\"group\":null,\"gold\":1}\n{\"id\":\"b\",\"group\":null,\"gold\":1}\n");
  const auto r = run_cli("eval --pred " + pred + " --gold-field gold --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_EQ(number(doc, "clustering", "predicted_clusters"), 2);
  EXPECT_NEAR(number(doc, "clustering", "pairwise_recall"), 0.0, 1e-12);
}

TEST_F(EvalCli, GzipInput) {
  const auto path = (dir_ / "pred.jsonl.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  const std::string body =
      "{\"id\":1,\"group\":\"x\",\"gold\":0}\n{\"id\":2,\"group\":\"x\",\"gold\":0}\n"
      "{\"id\":3,\"group\":\"y\",\"gold\":1}\n{\"id\":4,\"group\":\"z\",\"gold\":1}\n";
  gzwrite(f, body.data(), static_cast<unsigned>(body.size()));
  gzclose(f);
  const auto r = run_cli("eval --pred " + path + " --gold-field gold --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NEAR(number(parse(r.out), "clustering", "ari"), 4.0 / 7.0, 1e-9);
}

TEST_F(EvalCli, TruncatedGzipIsAnError) {
  const auto path = (dir_ / "pred.jsonl.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "{\"id\":" + std::to_string(i) + ",\"group\":" + std::to_string(i * 7919 % 1000) + "}\n";
  gzwrite(f, body.data(), static_cast<unsigned>(body.size()));
  gzclose(f);
  const std::string whole = testing::read_file(path);
  write_file(path, whole.substr(0, whole.size() / 2));
  const auto r = run_cli("eval --pred " + path + " --gold-field group");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("read failed"), std::string::npos) << r.err;
}

TEST_F(EvalCli, CustomFields) {
  const auto pred = file("pred.jsonl", "{\"doc\":\"a\",\"c\":1}\n{\"doc\":\"b\",\"c\":1}\n{\"doc\":\"c\",\"c\":2}\n");
  const auto pairs = file("pairs.jsonl", "{\"left\":\"a\",\"right\":\"b\"}\n");
  const auto r = run_cli("eval --pred " + pred + " --id-field doc --pred-field c --gold-pairs " + pairs +
                         " --pair-fields left,right --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_EQ(number(doc, "pairs", "true_positives"), 1);
  EXPECT_NEAR(number(doc, "pairs", "f1"), 1.0, 1e-12);
}

TEST_F(EvalCli, GoldPairs) {
  const auto pred = file("pred.jsonl",
                         "{\"id\":1,\"group\":\"x\"}\n{\"id\":2,\"group\":\"x\"}\n{\"id\":3,\"group\":\"x\"}\n"
                         "{\"id\":4,\"group\":\"y\"}\n{\"id\":5,\"group\":\"z\"}\n");
  const auto pairs = file("pairs.jsonl",
                          "{\"id_a\":1,\"id_b\":2,\"jaccard\":1.0}\n{\"id_a\":4,\"id_b\":5}\n"
                          "{\"id_a\":2,\"id_b\":1}\n");
  const auto r = run_cli("eval --pred " + pred + " --gold-pairs " + pairs + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_EQ(number(doc, "pairs", "gold_pairs"), 2);
  EXPECT_EQ(number(doc, "pairs", "predicted_pairs"), 3);
  EXPECT_EQ(number(doc, "pairs", "true_positives"), 1);
  EXPECT_NEAR(number(doc, "pairs", "precision"), 1.0 / 3.0, 1e-9);
  EXPECT_NEAR(number(doc, "pairs", "recall"), 0.5, 1e-12);
  simdjson::dom::element unused;
  EXPECT_NE(doc["clustering"].get(unused), simdjson::SUCCESS);  // no --gold-field, no clustering section
}

TEST_F(EvalCli, MalformedLineNamesFileAndLine) {
  const auto pred = file("pred.jsonl", "{\"id\":1,\"group\":\"x\",\"gold\":0}\n{\"id\":2,\"group\":\n");
  const auto r = run_cli("eval --pred " + pred + " --gold-field gold");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(pred + ":2:"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(EvalCli, MissingGoldLabelNamesFileAndLine) {
  const auto gold = file("gold.jsonl", "{\"id\":1,\"ev\":0}\n\n{\"id\":2}\n");
  const auto pred = file("pred.jsonl", "{\"id\":1,\"group\":\"x\"}\n");
  const auto r = run_cli("eval --pred " + pred + " --gold " + gold + " --gold-field ev");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(gold + ":3: missing field 'ev'"), std::string::npos) << r.err;
}

TEST_F(EvalCli, BadLabelTypeAndDuplicateId) {
  const auto pred = file("pred.jsonl", "{\"id\":1,\"group\":[1],\"gold\":0}\n");
  auto r = run_cli("eval --pred " + pred + " --gold-field gold");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(pred + ":1: field 'group' must be a string or a number"), std::string::npos) << r.err;
  const auto dup = file("dup.jsonl", "{\"id\":1,\"group\":1,\"gold\":0}\n{\"id\":\"1\",\"group\":1,\"gold\":0}\n");
  r = run_cli("eval --pred " + dup + " --gold-field gold");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dup + ":2: duplicate id '1' (first on line 1)"), std::string::npos) << r.err;
}

TEST_F(EvalCli, MissingFile) {
  const std::string missing = (dir_ / "nope.jsonl").string();
  auto r = run_cli("eval --pred " + missing + " --gold-field gold");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  const auto pred = file("pred.jsonl", "{\"id\":1,\"group\":\"x\"}\n");
  r = run_cli("eval --pred " + pred + " --gold-pairs " + missing);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
}

TEST_F(EvalCli, NothingToScoreAgainstIsAnError) {
  const auto pred = file("pred.jsonl", "{\"id\":1,\"group\":\"x\"}\n");
  const auto r = run_cli("eval --pred " + pred);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--gold-field"), std::string::npos) << r.err;
}

TEST_F(EvalCli, HelpExplainsEveryOption) {
  const auto r = run_cli("eval --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* opt : {"--pred", "--pred-field", "--gold", "--gold-field", "--gold-pairs", "--pair-fields",
                          "--id-field", "--json"}) {
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
  }
}

// Real data: ECB+ clustered by `topic` scored against `subtopic` gives the
// floor quoted in datasets/README.md (pairwise F1 0.66, ARI 0.66). Values
// checked against a naive O(n^2) reference implementation.
TEST_F(EvalCli, EcbPlusTopicFloor) {
  const auto docs = testing::datasets_dir() / "ecbplus" / "docs.jsonl";
  if (!std::filesystem::exists(docs)) GTEST_SKIP() << "datasets not present: " << docs;
  const auto r = run_cli("eval --pred " + docs.string() + " --pred-field topic --gold-field subtopic --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = parse(r.out);
  EXPECT_EQ(number(doc, "clustering", "documents"), 772);
  EXPECT_EQ(number(doc, "clustering", "true_positive_pairs"), 4491);
  EXPECT_EQ(number(doc, "clustering", "predicted_pairs"), 9057);
  EXPECT_NEAR(number(doc, "clustering", "pairwise_f1"), 0.6629760850310008, 1e-9);
  EXPECT_NEAR(number(doc, "clustering", "ari"), 0.6560361835247656, 1e-9);
  EXPECT_NEAR(number(doc, "clustering", "nmi"), 0.9114989656503136, 1e-9);
  EXPECT_NEAR(number(doc, "clustering", "bcubed_f1"), 0.682572737393593, 1e-9);
}

}  // namespace
}  // namespace copydesk
