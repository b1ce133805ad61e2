#include <gtest/gtest.h>
#include <omp.h>
#include <simdjson.h>
#include <xxhash.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <algorithm>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "copydesk/cluster.h"
#include "copydesk/dedup.h"
#include "copydesk/eval.h"
#include "copydesk/generator.h"
#include "copydesk/hamming.h"
#include "copydesk/reader.h"
#include "copydesk/simhash.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// SimHash as its definition reads: per bit, + weight where the feature's
// bit is 1, − weight where it is 0; the bit is 1 when the sum is positive.
uint64_t reference_simhash(const std::vector<uint64_t>& hashes, const std::vector<uint32_t>& weights) {
  uint64_t code = 0;
  for (int b = 0; b < 64; ++b) {
    int64_t v = 0;
    for (size_t j = 0; j < hashes.size(); ++j) v += (hashes[j] >> b & 1) ? int64_t{weights[j]} : -int64_t{weights[j]};
    if (v > 0) code |= uint64_t{1} << b;
  }
  return code;
}

uint64_t xxh3(const std::string& s) { return XXH3_64bits(s.data(), s.size()); }

Document doc(std::string id, std::string text) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

std::vector<uint64_t> codes_of(const std::vector<Document>& docs, const SimHashParams& p = {}) {
  Result<SimHashes> r = compute_simhashes(docs.data(), docs.size(), p);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r->codes : std::vector<uint64_t>{};
}

// Known answer, pinned forever: a change here changes every stored code.
// The expected value is also recomputed from the definition above.
TEST(SimHash, KnownAnswerCode) {
  const std::vector<uint64_t> hashes = {0x383ea04a760bc92cULL, 0x4f801377e3437ecbULL, 0x0123456789abcdefULL,
                                        0xfedcba9876543210ULL, 1, 0xFFFFFFFFFFFFFFFFULL};
  const std::vector<uint32_t> weights = {1024, 2000, 3, 500, 700, 1500};
  const uint64_t expected = reference_simhash(hashes, weights);
  for (SimdPath path : {SimdPath::kAuto, SimdPath::kPortable, SimdPath::kAvx2}) {
    EXPECT_EQ(simhash(hashes.data(), weights.data(), hashes.size(), path), expected);
  }
  EXPECT_EQ(expected, 0x7f9cb37ff7437ecbULL);  // also computed in Python from the definition
}

TEST(SimHash, TiesAndEmptyGiveZeroBits) {
  const std::vector<uint64_t> hashes = {1, 2};
  const std::vector<uint32_t> weights = {5, 5};  // bits 0 and 1: +5 − 5 = 0
  EXPECT_EQ(simhash(hashes.data(), weights.data(), 2), 0u);
  EXPECT_EQ(simhash(nullptr, nullptr, 0), 0u);
}

TEST(SimHash, PathsAgreeWithReferenceAcrossBlockBoundary) {
  uint64_t state = 5;
  for (size_t n : {1u, 7u, 64u, 1000u, 65536u + 300u}) {
    std::vector<uint64_t> hashes(n);
    std::vector<uint32_t> weights(n);
    for (size_t j = 0; j < n; ++j) {
      hashes[j] = splitmix(state);
      weights[j] = static_cast<uint32_t>(splitmix(state) % 65536);
    }
    const uint64_t expected = reference_simhash(hashes, weights);
    EXPECT_EQ(simhash(hashes.data(), weights.data(), n, SimdPath::kPortable), expected) << n;
    EXPECT_EQ(simhash(hashes.data(), weights.data(), n, SimdPath::kAvx2), expected) << n;
  }
}

TEST(SimHash, IdfWeightKnownValues) {
  EXPECT_EQ(idf_weight(0, 1), 314u);     // 1024 · (ln(1/2) + 1)
  EXPECT_EQ(idf_weight(99, 0), 5740u);   // 1024 · (ln(100) + 1)
  EXPECT_EQ(idf_weight(10, 10), 1024u);  // in every document: idf 1
  EXPECT_GT(idf_weight(1000, 2), idf_weight(1000, 20));
  EXPECT_LT(idf_weight(UINT32_MAX, 1), 65536u);  // fits the 16-bit table
}

// Counts from three counters (one document in three each, more than one
// 2^20 buffer in all), merged, equal a std::map count.
TEST(DocumentFrequency, ExactCountsAfterMerging) {
  uint64_t state = 9;
  std::vector<uint64_t> pool(200000);
  for (auto& f : pool) f = splitmix(state);
  std::unordered_map<uint64_t, uint32_t> expected;
  DocumentFrequencyCounter counters[3];
  std::vector<uint64_t> features;
  const uint64_t docs = 3000;
  for (uint64_t d = 0; d < docs; ++d) {
    features.clear();
    while (features.size() < 500) {
      // Skewed: low pool indices are common, high ones rare.
      const uint64_t r = splitmix(state) % pool.size();
      features.push_back(pool[r * r / pool.size()]);
    }
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    for (uint64_t f : features) ++expected[f];
    counters[d % 3].add_document(features.data(), features.size());
  }
  counters[1].merge(std::move(counters[2]));
  counters[0].merge(std::move(counters[1]));
  EXPECT_EQ(counters[1].documents(), 0u);
  ASSERT_EQ(counters[0].documents(), docs);
  const DocumentFrequency df = std::move(counters[0]).finish();
  EXPECT_EQ(df.documents(), docs);
  size_t at_least_two = 0;
  for (const auto& [f, count] : expected) {
    at_least_two += count >= 2;
    ASSERT_EQ(df.document_frequency(f), count) << std::hex << f;
    ASSERT_EQ(df.weight(f), idf_weight(docs, count));
  }
  EXPECT_GT(at_least_two, 1000u);
  EXPECT_LT(at_least_two, expected.size());  // some features are singletons: not stored
  EXPECT_EQ(df.stored_features(), at_least_two);
  EXPECT_EQ(df.document_frequency(12345), 1u);  // unseen
  EXPECT_EQ(df.weight(12345), idf_weight(docs, 1));
  EXPECT_GT(df.memory_bytes(), at_least_two * 14);
}

TEST(DocumentFrequency, EmptyCounterFinishes) {
  const DocumentFrequency df = DocumentFrequencyCounter().finish();
  EXPECT_EQ(df.documents(), 0u);
  EXPECT_EQ(df.stored_features(), 0u);
  EXPECT_EQ(df.document_frequency(7), 1u);
  EXPECT_EQ(df.sign(nullptr, 0), 0u);
}

// The whole chain on a tiny corpus, recomputed by hand: word trigrams hashed
// with XXH3 of the normalized words joined by spaces, IDF over the corpus.
TEST(SimHash, CorpusKnownAnswer) {
  const std::vector<Document> docs = {doc("0", "A b, C d."), doc("1", "a B c e"), doc("2", "x y z")};
  Result<SimHashes> r = compute_simhashes(docs.data(), docs.size(), SimHashParams{});
  ASSERT_TRUE(r.ok());
  const uint32_t shared = idf_weight(3, 2), own = idf_weight(3, 1);
  EXPECT_EQ(r->document_frequency.document_frequency(xxh3("a b c")), 2u);
  EXPECT_EQ(r->codes[0], reference_simhash({xxh3("a b c"), xxh3("b c d")}, {shared, own}));
  EXPECT_EQ(r->codes[1], reference_simhash({xxh3("a b c"), xxh3("b c e")}, {shared, own}));
  EXPECT_EQ(r->codes[2], reference_simhash({xxh3("x y z")}, {own}));
  EXPECT_EQ(r->feature_counts, (std::vector<uint32_t>{2, 2, 1}));
  EXPECT_EQ(r->codes[0], 0x25dc42ac567ebafbULL);  // pinned; also from `xxhsum -H3` and Python
}

// A synthetic corpus: `unrelated` texts of random words, then near copies.
struct Corpus3 {
  std::vector<Document> docs;
  std::vector<std::pair<uint32_t, uint32_t>> identical, edited;
  uint32_t unrelated = 0;
};

Corpus3 synthetic_corpus() {
  uint64_t state = 77;
  auto word = [&] { return "w" + std::to_string(splitmix(state) % 20000); };
  Corpus3 c;
  c.unrelated = 300;
  std::vector<std::vector<std::string>> words(c.unrelated);
  for (uint32_t i = 0; i < c.unrelated; ++i) {
    std::string text;
    for (int k = 0; k < 300; ++k) {
      words[i].push_back(word());
      text += words[i].back() + " ";
    }
    c.docs.push_back(doc(std::to_string(i), text));
  }
  for (uint32_t i = 0; i < 20; ++i) {  // one word replaced, one deleted
    std::vector<std::string> w = words[i];
    w[splitmix(state) % w.size()] = word();
    w.erase(w.begin() + static_cast<int64_t>(splitmix(state) % w.size()));
    std::string text;
    for (const auto& s : w) text += s + " ";
    c.edited.emplace_back(i, static_cast<uint32_t>(c.docs.size()));
    c.docs.push_back(doc("e" + std::to_string(i), text));
  }
  for (uint32_t i = 0; i < 5; ++i) {
    c.identical.emplace_back(i, static_cast<uint32_t>(c.docs.size()));
    c.docs.push_back(doc("i" + std::to_string(i), c.docs[i].text));
  }
  c.docs.push_back(doc("empty", "— … !"));
  return c;
}

TEST(SimHash, DistancesTrackEdits) {
  const Corpus3 c = synthetic_corpus();
  Result<SimHashes> r = compute_simhashes(c.docs.data(), c.docs.size(), SimHashParams{});
  ASSERT_TRUE(r.ok());
  const std::vector<uint64_t>& codes = r->codes;
  for (auto [a, b] : c.identical) EXPECT_EQ(hamming_distance(codes[a], codes[b]), 0u);
  double edited_sum = 0;
  uint32_t edited_max = 0;
  for (auto [a, b] : c.edited) {
    const uint32_t d = hamming_distance(codes[a], codes[b]);
    edited_sum += d;
    edited_max = std::max(edited_max, d);
  }
  double unrelated_sum = 0;
  uint32_t unrelated_min = 64, pairs = 0;
  for (uint32_t a = 0; a < c.unrelated; ++a) {
    for (uint32_t b = a + 1; b < c.unrelated; ++b, ++pairs) {
      const uint32_t d = hamming_distance(codes[a], codes[b]);
      unrelated_sum += d;
      unrelated_min = std::min(unrelated_min, d);
    }
  }
  const double edited_mean = edited_sum / c.edited.size(), unrelated_mean = unrelated_sum / pairs;
  std::printf("two words edited of 300: mean distance %.2f, max %u; unrelated: mean %.2f, min %u\n", edited_mean,
              edited_max, unrelated_mean, unrelated_min);
  // ~6 of 298 trigrams changed: cosine ≈ 0.98, expected distance ≈ 64·acos(0.98)/π ≈ 4.
  EXPECT_LE(edited_mean, 6.0);
  EXPECT_LE(edited_max, 10u);
  EXPECT_NEAR(unrelated_mean, 32.0, 1.0);
  EXPECT_GE(unrelated_min, 14u);
  EXPECT_EQ(r->feature_counts.back(), 0u);  // no word: no feature, code 0
  EXPECT_EQ(codes.back(), 0u);
}

TEST(SimHash, SameCodesWithOneAndTwoThreads) {
  const Corpus3 c = synthetic_corpus();
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  Result<SimHashes> one = compute_simhashes(c.docs.data(), c.docs.size(), SimHashParams{});
  omp_set_num_threads(2);
  Result<SimHashes> two = compute_simhashes(c.docs.data(), c.docs.size(), SimHashParams{});
  omp_set_num_threads(saved);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(one->codes, two->codes);
  EXPECT_EQ(one->document_frequency.stored_features(), two->document_frequency.stored_features());
}

TEST(SimHash, OtherFeaturesAndBadParams) {
  SimHashParams tokens;
  tokens.features.size = 1;
  const std::vector<Document> docs = {doc("0", "alpha beta"), doc("1", "beta alpha")};
  const std::vector<uint64_t> codes = codes_of(docs, tokens);
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes[0], codes[1]);  // single tokens: word order does not matter
  EXPECT_NE(codes_of(docs)[0], codes_of(docs)[1]);  // trigram of two words: it does

  SimHashParams bad;
  bad.features.size = 0;
  Result<SimHashes> r = compute_simhashes(docs.data(), docs.size(), bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------
// Quality on real data (skips when ../shared/datasets is absent) and on the
// generated crawl: SimHash (word trigrams, IDF) → Hamming radius → copy groups.

#define SKIP_WITHOUT(path)                                                                      \
  if (!fs::exists(path)) GTEST_SKIP() << "dataset not found: " << (path) << " (../shared/datasets absent)"

// Copy groups from SimHash pairs, clustered as the MinHash path clusters
// (cluster.h) with similarity 1 − d/64 and threshold 1 − radius/64. The
// Similarity of verify.h reads MinHash-style signatures; a "signature" whose
// 64 entries are the code's bits scores exactly (64 − d)/64 under it.
CopyGroups simhash_groups(const SimHashes& s, const std::vector<CanonicalKey>& keys, uint32_t radius) {
  const size_t n = s.codes.size();
  std::vector<uint8_t> eligible(n);
  for (size_t i = 0; i < n; ++i) eligible[i] = s.feature_counts[i] > 0;
  HammingParams hp;
  hp.radius = radius;
  Result<HammingPairs> near = find_hamming_pairs(s.codes.data(), n, eligible, hp);
  EXPECT_TRUE(near.ok());
  Fingerprints bits;
  bits.num_perm = 64;
  bits.signatures.resize(n * 64);
  bits.set_sizes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    for (int b = 0; b < 64; ++b) bits.signatures[i * 64 + b] = s.codes[i] >> b & 1;
    bits.set_sizes[i] = s.feature_counts[i];
  }
  const Similarity similarity(bits, Measure::kJaccard, false);
  std::vector<ScoredPair> verified;
  for (size_t k = 0; k < near->pairs.size(); ++k) {
    const uint32_t a = pair_first(near->pairs[k]), b = pair_second(near->pairs[k]);
    EXPECT_DOUBLE_EQ(similarity(a, b), simhash_similarity(near->distances[k]));
    verified.push_back({a, b, static_cast<float>(simhash_similarity(near->distances[k]))});
  }
  ClusterParams cp;
  cp.threshold = simhash_threshold(radius);
  return cluster_copies(n, verified, similarity, keys, cp);
}

std::vector<std::string> labels_of(const CopyGroups& g) {
  std::vector<std::string> out;
  for (uint32_t x : g.group_of) out.push_back(std::to_string(x));
  return out;
}

std::vector<std::pair<std::string, std::string>> read_pairs(const fs::path& path) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::ifstream in(path);
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element e = parser.parse(line);
    auto id = [](simdjson::dom::element v) {
      return v.is_string() ? std::string(std::string_view(v)) : std::to_string(int64_t(v));
    };
    pairs.emplace_back(id(e["id_a"]), id(e["id_b"]));
  }
  return pairs;
}

// Reuters-21578 silver pairs (word 5-gram Jaccard ≥ 0.8). Measured at the
// default radius 6: P 0.937, R 0.916 (MinHash at J ≥ 0.8: P 0.966, R 0.936).
TEST(SimHashQuality, Reuters21578SilverPairs) {
  const fs::path dir = testing::datasets_dir() / "reuters21578";
  SKIP_WITHOUT(dir / "docs.jsonl.gz");
  CorpusReader reader;
  ASSERT_TRUE(reader.add_path((dir / "docs.jsonl.gz").string()).ok());
  const Corpus corpus = reader.take();
  ASSERT_GT(corpus.docs.size(), 19000u);
  Result<SimHashes> s = compute_simhashes(corpus.docs.data(), corpus.docs.size(), SimHashParams{});
  ASSERT_TRUE(s.ok());
  std::vector<std::string> ids;
  std::vector<CanonicalKey> keys;
  for (const Document& d : corpus.docs) {
    ids.push_back(d.id);
    keys.push_back({d.date, d.text.size()});
  }
  const auto silver = read_pairs(dir / "silver_neardup_pairs.jsonl");
  PairScores at_default;
  for (uint32_t radius = 2; radius <= 8; ++radius) {
    const PairScores p = score_pairs(ids, labels_of(simhash_groups(*s, keys, radius)), silver);
    std::printf("Reuters-21578 simhash radius %u: P %.3f R %.3f F1 %.3f (%llu predicted pairs)\n", radius,
                p.precision, p.recall, p.f1, static_cast<unsigned long long>(p.predicted_pairs));
    if (radius == HammingParams{}.radius) at_default = p;
  }
  EXPECT_GE(at_default.precision, 0.90);
  EXPECT_GE(at_default.recall, 0.89);
}

// The generated crawl: copies of one wire story under different site
// boilerplate, edits and cuts. SimHash never glues unrelated stories; like
// MinHash with Jaccard it misses copies cut to 60-90 % (README "SimHash").
TEST(SimHashQuality, GeneratedCrawl) {
  GeneratorParams gp;
  gp.num_docs = 20000;
  gp.seed = 99;
  std::vector<Document> docs;
  std::vector<std::string> gold;
  ASSERT_TRUE(generate_crawl(gp, [&](const Document& d) {
                const std::string key = "\"gold_group\":\"";
                const size_t at = d.carried.find(key) + key.size();
                gold.push_back(d.carried.substr(at, d.carried.find('"', at) - at));
                docs.push_back(d);
                return Status::Ok();
              }).ok());
  Result<SimHashes> s = compute_simhashes(docs.data(), docs.size(), SimHashParams{});
  ASSERT_TRUE(s.ok());
  std::vector<CanonicalKey> keys;
  for (const Document& d : docs) keys.push_back({d.date, d.text.size()});
  ClusteringScores at_default;
  for (uint32_t radius = 2; radius <= 8; ++radius) {
    const ClusteringScores c = score_clustering(gold, labels_of(simhash_groups(*s, keys, radius)));
    std::printf("generated crawl 20k simhash radius %u: P %.3f R %.3f F1 %.3f ARI %.3f\n", radius,
                c.pairwise_precision, c.pairwise_recall, c.pairwise_f1, c.ari);
    if (radius == HammingParams{}.radius) at_default = c;
  }
  EXPECT_GE(at_default.pairwise_precision, 0.99);
  EXPECT_GE(at_default.pairwise_recall, 0.55);  // measured 0.577 (MinHash J ≥ 0.8: 0.674)
}

}  // namespace
}  // namespace copydesk
