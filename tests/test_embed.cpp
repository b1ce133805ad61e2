#include <gtest/gtest.h>
#include <omp.h>
#include <simdjson.h>
#include <unistd.h>
#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/embed_external.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/embed_quality.h"
#include "copydesk/embed_sif.h"
#include "cli_runner.h"
#include "copydesk/embed_word_vectors.h"
#include "embed/doc_features.h"
#include "embed/half_float.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() { return fs::temp_directory_path() / ("copydesk_test_embed_" + std::to_string(::getpid())); }

std::string temp_path(const std::string& name) {
  fs::create_directories(temp_dir());
  return (temp_dir() / name).string();
}

// Removes this process's temporary folder after the last test.
class TempDirCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(temp_dir(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kCleanup = ::testing::AddGlobalTestEnvironment(new TempDirCleanup);

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string_view> views(const std::vector<std::string>& texts) {
  return std::vector<std::string_view>(texts.begin(), texts.end());
}

std::vector<float> embed_one(const Embedder& e, std::string_view text) {
  std::vector<float> v(e.dims());
  e.embed(text, v.data());
  return v;
}

double norm(const std::vector<float>& v) {
  double s = 0;
  for (float x : v) s += double{x} * x;
  return std::sqrt(s);
}

const std::vector<std::string> kSmallCorpus = {
    "Tara Reid enters rehab in Malibu.",
    "Reid, 33, checked into Promises in Malibu on Tuesday.",
    "An earthquake of magnitude 6.1 hit Indonesia on Tuesday.",
};

// ---------------------------------------------------------------- hashed

// Known answers from an independent Python transcription of the scheme in
// embed_hashed.h (XXH3 via `xxhsum -H3`); pinned forever.
TEST(HashedEmbedder, KnownAnswerProjection) {
  std::vector<float> v(16, 0.0f);
  HashedEmbedder::project(0xecd719f6c022b0f2ULL /* XXH3("earthquake") */, 1.0f, 1, 4, 16, v.data());
  const std::vector<float> expected = {0, 0, 0, 0, 0, 0, 0, 0, -0.5f, 0.5f, 0, -0.5f, 0, 0, 0, 0.5f};
  EXPECT_EQ(v, expected);
  std::vector<float> w(256, 0.0f);
  HashedEmbedder::project(0xecd719f6c022b0f2ULL, 1.0f, 7, 8, 256, w.data());
  for (int pos : {17, 160, 185, 220, 229}) EXPECT_NEAR(w[pos], 0.35355339f, 1e-7f) << pos;
  for (int pos : {3, 41, 50}) EXPECT_NEAR(w[pos], -0.35355339f, 1e-7f) << pos;
  EXPECT_NEAR(norm(w), 1.0, 1e-6);
}

TEST(HashedEmbedder, KnownAnswerEmbedding) {
  HashedEmbedderParams p;
  p.dims = 16;
  HashedEmbedder e(p);
  ASSERT_TRUE(e.fit(views(kSmallCorpus)).ok());
  EXPECT_EQ(e.distinct_features(), 5u);  // reid, in, malibu, on, tuesday reach min_df = 2
  const std::vector<float> expected1 = {0.138675f, -0.138675f, -0.416025f, 0.27735f, 0, 0, -0.138675f, 0.27735f,
                                        0.138675f, 0, 0.138675f, -0.416025f, -0.5547f, -0.27735f, -0.138675f, 0};
  const auto v1 = embed_one(e, kSmallCorpus[1]);
  for (size_t i = 0; i < 16; ++i) EXPECT_NEAR(v1[i], expected1[i], 2e-6f) << i;
  // Term frequency 2 (reid) and a text outside the fitted corpus.
  const std::vector<float> expected2 = {0.107236948f, -0.107236948f, -0.470372822f, 0.363135874f, 0, 0,
                                        -0.107236948f, 0.470372822f,  0, 0, 0, -0.577609771f,
                                        -0.214473897f, -0.107236948f, 0, 0};
  const auto v2 = embed_one(e, "Tuesday in Malibu: Reid and Reid.");
  for (size_t i = 0; i < 16; ++i) EXPECT_NEAR(v2[i], expected2[i], 2e-6f) << i;
}

TEST(HashedEmbedder, CapitalisedWordsInsideSentencesAreNames) {
  std::string out;
  embed_detail::append_capitalised_words("Tara Reid entered Promises. She left. \xC3\x89milie met \xC3\x89milie in Paris", out);
  EXPECT_EQ(out, "Reid Promises \xC3\x89milie Paris ");
}

TEST(HashedEmbedder, UnitNormAndZeroForNothingKnown) {
  HashedEmbedder e(HashedEmbedderParams{});
  ASSERT_TRUE(e.fit(views(kSmallCorpus)).ok());
  for (const auto& t : kSmallCorpus) EXPECT_NEAR(norm(embed_one(e, t)), 1.0, 1e-5);
  EXPECT_EQ(norm(embed_one(e, "")), 0.0);
  EXPECT_EQ(norm(embed_one(e, "zebra quantum")), 0.0);  // never seen in the fitted texts
  HashedEmbedderParams keep_all;
  keep_all.min_df = 1;
  HashedEmbedder all(keep_all);
  ASSERT_TRUE(all.fit(views(kSmallCorpus)).ok());
  EXPECT_NEAR(norm(embed_one(all, "rehab")), 1.0, 1e-5);  // seen once: kept with min_df 1
  EXPECT_EQ(norm(embed_one(e, "rehab")), 0.0);            // ... dropped with the default 2
  HashedEmbedder single(HashedEmbedderParams{});
  ASSERT_TRUE(single.fit({"One lone text"}).ok());          // fewer texts than min_df: the bar is 1
  EXPECT_NEAR(norm(embed_one(single, "One lone text")), 1.0, 1e-5);
}

TEST(HashedEmbedder, IdenticalTextsIdenticalVectorsAndSeedsMatter) {
  std::vector<std::string> texts = kSmallCorpus;
  texts.push_back(kSmallCorpus[1]);
  HashedEmbedder e(HashedEmbedderParams{});
  auto m = fit_and_embed(e, views(texts));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(std::vector<float>(m->row(1), m->row(1) + m->dims), std::vector<float>(m->row(3), m->row(3) + m->dims));
  HashedEmbedderParams other;
  other.seed = 2;
  HashedEmbedder f(other);
  auto n = fit_and_embed(f, views(texts));
  EXPECT_NE(m->values, n->values);
}

TEST(HashedEmbedder, SameBytesWhateverTheThreadCount) {
  std::vector<std::string> texts;
  for (int i = 0; i < 500; ++i) {
    texts.push_back("Story " + std::to_string(i % 37) + " about Malibu and the earthquake number " +
                    std::to_string(i % 11) + ". Reid said the Promises centre would reopen on Tuesday " +
                    std::to_string(i % 5) + ".");
  }
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  HashedEmbedder one(HashedEmbedderParams{});
  auto a = fit_and_embed(one, views(texts));
  omp_set_num_threads(4);
  HashedEmbedder four(HashedEmbedderParams{});
  auto b = fit_and_embed(four, views(texts));
  omp_set_num_threads(saved);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->values, b->values);
}

TEST(HashedEmbedder, RelatedTextsAreCloser) {
  const std::vector<std::string> texts = {
      "A magnitude 6.1 earthquake struck Indonesia on Tuesday, officials said.",
      "Officials in Indonesia said the earthquake on Tuesday had magnitude 6.1.",
      "The central bank raised interest rates on Tuesday, officials said.",
      "Interest rates were raised by the central bank, the officials said.",
  };
  HashedEmbedder e(HashedEmbedderParams{});
  auto m = fit_and_embed(e, views(texts));
  ASSERT_TRUE(m.ok());
  EXPECT_GT(dot(m->row(0), m->row(1), m->dims), dot(m->row(0), m->row(2), m->dims) + 0.2f);
  EXPECT_GT(dot(m->row(2), m->row(3), m->dims), dot(m->row(1), m->row(3), m->dims) + 0.2f);
}

TEST(HashedEmbedder, ParamsAreValidated) {
  HashedEmbedderParams p;
  p.dims = 0;
  EXPECT_FALSE(p.validate().ok());
  p = {};
  p.nonzeros = 0;
  EXPECT_FALSE(p.validate().ok());
  p = {};
  p.name_weight = -1;
  EXPECT_NE(p.validate().message().find("name_weight"), std::string::npos);
  p = {};
  p.dims = 0;
  HashedEmbedder e(p);
  EXPECT_FALSE(e.fit(views(kSmallCorpus)).ok());
}

// ---------------------------------------------------------------- batch helpers

TEST(EmbedBatch, NeedsFitAndChecksRepresentatives) {
  HashedEmbedder e(HashedEmbedderParams{});
  auto not_fitted = embed_texts(e, views(kSmallCorpus));
  ASSERT_FALSE(not_fitted.ok());
  EXPECT_NE(not_fitted.status().message().find("not fitted"), std::string::npos);
  auto bad = embed_representatives(e, views(kSmallCorpus), {0, 7});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("document 7"), std::string::npos);
  auto reps = embed_representatives(e, views(kSmallCorpus), {2, 1});
  ASSERT_TRUE(reps.ok());
  EXPECT_EQ(reps->rows(), 2u);
  EXPECT_EQ(e.fitted_texts(), 2u);  // fitted on the representatives only
}

TEST(ConcatEmbedder, CosineIsTheWeightedMeanOfTheParts) {
  HashedEmbedderParams pa, pb;
  pa.dims = 64;
  pb.dims = 32;
  pb.seed = 9;
  std::vector<ConcatEmbedder::Part> parts;
  parts.push_back({std::make_unique<HashedEmbedder>(pa), 1.0f});
  parts.push_back({std::make_unique<HashedEmbedder>(pb), 0.5f});
  auto joined = ConcatEmbedder::create(std::move(parts));
  ASSERT_TRUE(joined.ok());
  ConcatEmbedder& c = **joined;
  EXPECT_EQ(c.dims(), 96u);
  EXPECT_EQ(c.name(), "hashed+hashed");
  auto m = fit_and_embed(c, views(kSmallCorpus));
  ASSERT_TRUE(m.ok());
  const auto a0 = embed_one(c.part(0), kSmallCorpus[1]), a1 = embed_one(c.part(0), kSmallCorpus[2]);
  const auto b0 = embed_one(c.part(1), kSmallCorpus[1]), b1 = embed_one(c.part(1), kSmallCorpus[2]);
  const float expected = (1.0f * dot(a0.data(), a1.data(), 64) + 0.25f * dot(b0.data(), b1.data(), 32)) / 1.25f;
  EXPECT_NEAR(dot(m->row(1), m->row(2), 96), expected, 1e-5f);
  std::vector<ConcatEmbedder::Part> bad;
  bad.push_back({std::make_unique<HashedEmbedder>(pa), 0.0f});
  EXPECT_FALSE(ConcatEmbedder::create(std::move(bad)).ok());
}

// ---------------------------------------------------------------- float16

TEST(HalfFloat, EveryHalfRoundTripsAndRoundingIsToNearestEven) {
  using embed_detail::float_to_half;
  using embed_detail::half_to_float;
  for (uint32_t h = 0; h < 65536; ++h) {
    const float f = half_to_float(static_cast<uint16_t>(h));
    if (std::isnan(f)) continue;
    EXPECT_EQ(float_to_half(f), h) << h;
  }
  EXPECT_EQ(float_to_half(1.0f), 0x3C00);
  EXPECT_EQ(float_to_half(65504.0f), 0x7BFF);
  EXPECT_EQ(float_to_half(1e6f), 0x7C00);                  // overflow → infinity
  EXPECT_EQ(float_to_half(1.0f + 1.0f / 2048), 0x3C00);    // tie → even
  EXPECT_EQ(float_to_half(1.0f + 3.0f / 2048), 0x3C02);    // tie → even (up)
  EXPECT_EQ(float_to_half(std::ldexp(1.0f, -25)), 0x0000); // half the smallest subnormal → 0 (even)
  EXPECT_EQ(float_to_half(std::ldexp(1.5f, -25)), 0x0001);
  EXPECT_EQ(float_to_half(-2.0f), 0xC000);
  EXPECT_EQ(half_to_float(0x0001), std::ldexp(1.0f, -24));
  EXPECT_EQ(half_to_float(0x03FF), std::ldexp(1023.0f, -24));
  EXPECT_EQ(half_to_float(0x0400), std::ldexp(1.0f, -14));
  EXPECT_EQ(half_to_float(0x3555), 0.333251953125f);
  EXPECT_EQ(half_to_float(0x7C00), std::numeric_limits<float>::infinity());
  EXPECT_EQ(half_to_float(0xFC00), -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(half_to_float(0x7E00)));
  EXPECT_TRUE(std::signbit(half_to_float(0x8000)) && half_to_float(0x8000) == 0.0f);
  uint16_t row[4] = {0x3C00, 0xC000, 0x0001, 0x7BFF};
  float wide[4];
  embed_detail::halves_to_floats(row, wide, 4);
  EXPECT_EQ(std::vector<float>(wide, wide + 4), (std::vector<float>{1.0f, -2.0f, std::ldexp(1.0f, -24), 65504.0f}));
}

// ---------------------------------------------------------------- CDVEC files

WordVectorsData small_vectors() {
  WordVectorsData d;
  d.dims = 3;
  d.source_words = 10;
  d.words = {"the", "earthquake", "malibu", "rehab", "café"};
  d.ranks = {0, 3, 5, 7, 9};
  d.values = {0.5f, 0.5f, 0.5f, 1.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f, 0.9f, 0.1f, -0.25f, 0.125f, 3.0f};
  return d;
}

TEST(WordVectorsFile, RoundTripFloat32AndFloat16) {
  const WordVectorsData d = small_vectors();
  for (VectorScalar scalar : {VectorScalar::kFloat32, VectorScalar::kFloat16}) {
    const std::string path = temp_path("small.cdv");
    ASSERT_TRUE(write_word_vectors(path, d, scalar).ok());
    auto wv = WordVectors::open(path);
    ASSERT_TRUE(wv.ok()) << wv.status().message();
    const WordVectors& w = **wv;
    EXPECT_EQ(w.dims(), 3u);
    EXPECT_EQ(w.size(), 5u);
    EXPECT_EQ(w.source_words(), 10u);
    EXPECT_EQ(w.scalar(), scalar);
    for (uint32_t i = 0; i < 5; ++i) {
      const uint32_t row = w.find(d.words[i]);
      ASSERT_EQ(row, i) << d.words[i];
      EXPECT_EQ(w.word(row), d.words[i]);
      EXPECT_EQ(w.rank(row), d.ranks[i]);
      float v[3];
      w.vector(row, v);
      for (int k = 0; k < 3; ++k) EXPECT_NEAR(v[k], d.values[i * 3 + k], 1e-3f);
    }
    EXPECT_EQ(w.find("zebra"), WordVectors::kNotFound);
    EXPECT_EQ(w.find(""), WordVectors::kNotFound);
  }
}

TEST(WordVectorsFile, DamageIsAnErrorNamingTheFile) {
  const std::string good = temp_path("good.cdv");
  ASSERT_TRUE(write_word_vectors(good, small_vectors(), VectorScalar::kFloat32).ok());
  const std::string bytes = read_file(good);
  const auto open_message = [&](const std::string& name, const std::string& content) {
    const std::string path = temp_path(name);
    write_file(path, content);
    auto wv = WordVectors::open(path);
    EXPECT_FALSE(wv.ok()) << name;
    EXPECT_NE(wv.status().message().find(path), std::string::npos) << wv.status().message();
    return wv.ok() ? std::string() : wv.status().message();
  };
  std::string magic = bytes;
  magic[0] = 'X';
  EXPECT_NE(open_message("magic.cdv", magic).find("bad magic"), std::string::npos);
  EXPECT_NE(open_message("cut.cdv", bytes.substr(0, bytes.size() - 100)).find("truncated"), std::string::npos);
  EXPECT_NE(open_message("tiny.cdv", bytes.substr(0, 50)).find("shorter than the 128-byte header"), std::string::npos);
  std::string version = bytes;
  version[8] = 9;
  EXPECT_NE(open_message("version.cdv", version).find("version 9 is not supported"), std::string::npos);
  std::string flipped = bytes;
  flipped[200] = static_cast<char>(flipped[200] ^ 0x40);
  EXPECT_NE(open_message("flipped.cdv", flipped).find("checksum"), std::string::npos);
  std::string offsets = bytes;
  offsets[75] = 0x7F;  // table offset far beyond the end
  EXPECT_NE(open_message("offsets.cdv", offsets).find("outside the file"), std::string::npos);
  auto missing = WordVectors::open(temp_path("does-not-exist.cdv"));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(WordVectorsFile, DataIsValidated) {
  WordVectorsData d = small_vectors();
  d.words[2] = "the";
  EXPECT_NE(d.validate().message().find("appears twice"), std::string::npos);
  d = small_vectors();
  d.values[4] = std::nanf("");
  EXPECT_NE(d.validate().message().find("'earthquake'"), std::string::npos);
  d = small_vectors();
  d.values.pop_back();
  EXPECT_FALSE(d.validate().ok());
  d = small_vectors();
  d.values[0] = 1e5f;
  EXPECT_NE(write_word_vectors(temp_path("big.cdv"), d, VectorScalar::kFloat16).message().find("float16"),
            std::string::npos);
}

// A miniature of the wink package: the same JSON layout.
const char kWinkJson[] =
    R"({"precision":8,"l2NormIndex":3,"wordIndex":4,"size":7,"dimensions":3,)"
    R"("words":["the",",","well-known","earthquake","cafe\u0301","café","rehab"],)"
    R"("vectors":{"the":[0.1,0.2,0.3,0.37,0],",":[1,1,1,1.7,1],"well-known":[2,2,2,3.4,2],)"
    R"("earthquake":[0.5,-0.5,0.25,0.75,3],"cafe\u0301":[9,9,9,15.6,4],"café":[7,7,7,12.1,5],)"
    R"("rehab":[-1,0,1,1.41,6]},"unkVector":[0,0,0,0,-1]})";

std::string tar_member(const std::string& name, const std::string& body) {
  std::string header(512, '\0');
  std::copy(name.begin(), name.end(), header.begin());
  std::snprintf(header.data() + 124, 12, "%011o", static_cast<unsigned>(body.size()));
  header[156] = '0';
  std::copy_n("ustar", 5, header.begin() + 257);
  std::string padded = body;
  padded.resize((body.size() + 511) / 512 * 512, '\0');
  return header + padded;
}

void write_gzip(const std::string& path, const std::string& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
}

TEST(WinkVectors, ReadsThePackageJsonAndTarball) {
  const std::string json_path = temp_path("wink.json");
  write_file(json_path, kWinkJson);
  const std::string tgz_path = temp_path("wink.tgz");
  write_gzip(tgz_path, tar_member("package/package.json", "{}") + tar_member("package/wink.json", kWinkJson) +
                           std::string(1024, '\0'));
  for (const std::string& path : {json_path, tgz_path}) {
    ConvertStats stats;
    auto data = read_wink_vectors(path, &stats);
    ASSERT_TRUE(data.ok()) << data.status().message();
    EXPECT_EQ(stats.source_words, 7u);
    EXPECT_EQ(stats.not_one_token, 2u);  // "," and "well-known"
    EXPECT_EQ(stats.duplicates, 1u);     // "café" in NFC after its NFD twin
    EXPECT_EQ(data->words, (std::vector<std::string>{"the", "earthquake", "café", "rehab"}));
    EXPECT_EQ(data->ranks, (std::vector<uint32_t>{0, 3, 4, 6}));
    EXPECT_EQ(data->values[3], 0.5f);
    EXPECT_EQ(data->values[6], 9.0f);  // the more frequent (NFD) spelling's vector
  }
  const std::string out = temp_path("wink.cdv");
  auto converted = convert_wink_vectors(tgz_path, out);
  ASSERT_TRUE(converted.ok()) << converted.status().message();
  auto wv = WordVectors::open(out);
  ASSERT_TRUE(wv.ok());
  EXPECT_EQ((*wv)->scalar(), VectorScalar::kFloat16);
  EXPECT_EQ((*wv)->find("café"), 2u);
}

TEST(WinkVectors, BadInputsAreErrors) {
  const std::string path = temp_path("bad-wink.json");
  write_file(path, R"({"dimensions":3,"wordIndex":4,"vectors":{"the":[0.1,0.2]}})");
  auto short_vector = read_wink_vectors(path);
  ASSERT_FALSE(short_vector.ok());
  EXPECT_NE(short_vector.status().message().find("vector of 'the' has 2 numbers"), std::string::npos);
  write_file(path, R"({"vectors":{"the":[0.1,0.2,0.3,1,0]},"dimensions":3,"wordIndex":4})");
  EXPECT_NE(read_wink_vectors(path).status().message().find("must come before"), std::string::npos);
  write_file(path, "[1,2]");
  EXPECT_FALSE(read_wink_vectors(path).ok());
  const std::string tgz = temp_path("empty.tgz");
  write_gzip(tgz, tar_member("package/package.json", "{}") + std::string(1024, '\0'));
  EXPECT_EQ(read_wink_vectors(tgz).status().code(), StatusCode::kNotFound);
  write_gzip(tgz, tar_member("package/wink.json", kWinkJson).substr(0, 700));
  EXPECT_NE(read_wink_vectors(tgz).status().message().find("truncated"), std::string::npos);
}

// ---------------------------------------------------------------- SIF

std::shared_ptr<const WordVectors> open_small_vectors() {
  const std::string path = temp_path("sif.cdv");
  EXPECT_TRUE(write_word_vectors(path, small_vectors(), VectorScalar::kFloat32).ok());
  auto wv = WordVectors::open(path);
  EXPECT_TRUE(wv.ok());
  return *wv;
}

TEST(SifEmbedder, UnitVectorsOrthogonalToTheRemovedComponent) {
  SifEmbedder sif(open_small_vectors(), SifEmbedderParams{});
  const std::vector<std::string> texts = {"The earthquake", "the rehab in Malibu", "Café and the earthquake",
                                          "nothing known here"};
  auto m = fit_and_embed(sif, views(texts));
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(sif.components().size(), 1u);
  EXPECT_NEAR(sif.coverage(), 8.0 / 13.0, 1e-9);
  for (size_t i = 0; i < 3; ++i) {
    const std::vector<float> v(m->row(i), m->row(i) + 3);
    EXPECT_NEAR(norm(v), 1.0, 1e-5) << i;
    EXPECT_NEAR(dot(v.data(), sif.components()[0].data(), 3), 0.0f, 1e-5f) << i;
  }
  EXPECT_EQ(norm(std::vector<float>(m->row(3), m->row(3) + 3)), 0.0);
}

TEST(SifEmbedder, WeightsFollowTheFrequencySource) {
  // One word per text: after normalisation only the direction counts, so use
  // two words and compare how much "the" (rank 0, frequent) pulls.
  SifEmbedderParams rank_params;
  rank_params.remove_components = 0;
  SifEmbedder by_rank(open_small_vectors(), rank_params);
  ASSERT_TRUE(by_rank.fit({"x"}).ok());
  const auto v = embed_one(by_rank, "the earthquake");
  // weights a/(a+p): "the" p = 1/H10, "earthquake" p = 1/(4 H10); a = 3e-4.
  const double h10 = 2.9289682539682538, a = 3e-4;
  const double w_the = a / (a + 1 / h10), w_eq = a / (a + 1 / (4 * h10));
  std::vector<float> expected = {static_cast<float>(0.5 * w_the + w_eq), static_cast<float>(0.5 * w_the),
                                 static_cast<float>(0.5 * w_the)};
  l2_normalize(expected.data(), 3);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(v[k], expected[k], 1e-5f);

  SifEmbedderParams corpus_params = rank_params;
  corpus_params.frequency = WordFrequency::kCorpus;
  SifEmbedder by_corpus(open_small_vectors(), corpus_params);
  ASSERT_TRUE(by_corpus.fit({"the the the earthquake"}).ok());  // p(the) = 3/4, p(earthquake) = 1/4
  const auto c = embed_one(by_corpus, "the earthquake");
  const double cw_the = a / (a + 0.75), cw_eq = a / (a + 0.25);
  std::vector<float> expected_c = {static_cast<float>(0.5 * cw_the + cw_eq), static_cast<float>(0.5 * cw_the),
                                   static_cast<float>(0.5 * cw_the)};
  l2_normalize(expected_c.data(), 3);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(c[k], expected_c[k], 1e-5f);
}

TEST(SifEmbedder, PretrainedJoinsHashedAndSif) {
  auto e = make_pretrained_embedder(open_small_vectors(), PretrainedEmbedderParams{});
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ((*e)->dims(), 256u + 3u);
  EXPECT_EQ((*e)->name(), "hashed+sif");
  auto m = fit_and_embed(**e, views(kSmallCorpus));
  ASSERT_TRUE(m.ok());
  for (size_t i = 0; i < m->rows(); ++i) {
    EXPECT_NEAR(norm(std::vector<float>(m->row(i), m->row(i) + m->dims)), 1.0, 1e-5);
  }
  PretrainedEmbedderParams bad;
  bad.sif_weight = 0;
  EXPECT_FALSE(make_pretrained_embedder(open_small_vectors(), bad).ok());
}

// ---------------------------------------------------------------- external vectors

IdTable ids_of(size_t n) {
  IdTable ids;
  for (size_t i = 0; i < n; ++i) ids.insert("d" + std::to_string(i), false);
  return ids;
}

EmbeddingMatrix sample_matrix() {
  EmbeddingMatrix m;
  m.dims = 3;
  m.values = {1, 2, 2, 0, 0, 0, -1.5f, 0.25f, 1e-3f};
  return m;
}

std::string npy_bytes(const std::string& header, const std::string& data) {
  std::string h = header;
  while ((10 + h.size() + 1) % 64 != 0) h.push_back(' ');
  h.push_back('\n');
  return std::string("\x93NUMPY\x01\x00", 8) + static_cast<char>(h.size()) + '\0' + h + data;
}

TEST(ExternalVectors, RoundTripEveryFormat) {
  const EmbeddingMatrix m = sample_matrix();
  const IdTable ids = ids_of(3);
  const std::string npy = temp_path("v.npy"), fvecs = temp_path("v.fvecs"), jsonl = temp_path("v.jsonl");
  ASSERT_TRUE(write_npy(npy, m).ok());
  ASSERT_TRUE(write_fvecs(fvecs, m).ok());
  ASSERT_TRUE(write_vectors_jsonl(jsonl, m, ids).ok());
  ExternalVectorParams raw;
  raw.normalize = false;
  for (const std::string& path : {npy, fvecs, jsonl}) {
    auto back = read_document_vectors(path, ids, raw);
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->dims, 3u);
    EXPECT_EQ(back->values, m.values) << path;
    auto unit = read_document_vectors(path, ids);
    ASSERT_TRUE(unit.ok());
    EXPECT_NEAR(unit->row(0)[0], 1.0f / 3, 1e-6f);
    EXPECT_EQ(unit->row(1)[0], 0.0f);  // a zero vector stays zero
  }
  // float64 and JSON Lines in another order with integer ids.
  const double f8[] = {1, 0, 0, 1};
  write_file(npy, npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }",
                            std::string(reinterpret_cast<const char*>(f8), sizeof f8)));
  auto wide = read_npy(npy);
  ASSERT_TRUE(wide.ok()) << wide.status().message();
  EXPECT_EQ(wide->values, (std::vector<float>{1, 0, 0, 1}));
  IdTable numeric;
  numeric.insert("7", true);
  numeric.insert("x", false);
  write_file(jsonl, "{\"id\":\"x\",\"vector\":[3,4],\"model\":\"m\"}\n\n{\"id\":7,\"vector\":[1,0]}\n");
  auto reordered = read_vectors_jsonl(jsonl, numeric);
  ASSERT_TRUE(reordered.ok()) << reordered.status().message();
  EXPECT_EQ(reordered->values, (std::vector<float>{1, 0, 3, 4}));
}

std::string error_of(const Result<EmbeddingMatrix>& r) { return r.ok() ? "(no error)" : r.status().message(); }

TEST(ExternalVectors, NpyErrors) {
  const std::string path = temp_path("bad.npy");
  const std::string four_floats(16, '\0');
  const auto npy_error = [&](const std::string& header, const std::string& data) {
    write_file(path, npy_bytes(header, data));
    return error_of(read_npy(path));
  };
  write_file(path, "not numpy at all");
  EXPECT_NE(error_of(read_npy(path)).find("bad magic"), std::string::npos);
  EXPECT_NE(npy_error("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", four_floats).find("'>f4'"),
            std::string::npos);
  EXPECT_NE(npy_error("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", four_floats).find("'<i4'"),
            std::string::npos);
  EXPECT_NE(npy_error("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", four_floats).find("Fortran"),
            std::string::npos);
  EXPECT_NE(npy_error("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", four_floats).find("2-D"),
            std::string::npos);
  EXPECT_NE(npy_error("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", four_floats).find("truncated"),
            std::string::npos);
  const float with_nan[] = {1, 2, 3, std::nanf("")};
  const std::string nan_msg = npy_error("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }",
                                        std::string(reinterpret_cast<const char*>(with_nan), sizeof with_nan));
  EXPECT_NE(nan_msg.find(path + ": row 1, component 1 is not a finite number"), std::string::npos) << nan_msg;
}

TEST(ExternalVectors, FvecsErrors) {
  const std::string path = temp_path("bad.fvecs");
  const auto record = [](int32_t d, std::vector<float> v) {
    return std::string(reinterpret_cast<const char*>(&d), 4) +
           std::string(reinterpret_cast<const char*>(v.data()), v.size() * 4);
  };
  write_file(path, record(2, {1, 2}) + record(3, {1, 2, 3}));
  EXPECT_NE(error_of(read_fvecs(path)).find("vector 1: dimension 3, the first vector has 2"), std::string::npos);
  write_file(path, record(2, {1, 2}) + record(2, {1, 2}).substr(0, 6));
  EXPECT_NE(error_of(read_fvecs(path)).find("vector 1: truncated"), std::string::npos);
  write_file(path, record(2, {1, std::numeric_limits<float>::infinity()}));
  EXPECT_NE(error_of(read_fvecs(path)).find("vector 0, component 1 is not a finite number"), std::string::npos);
  write_file(path, record(-5, {}));
  EXPECT_NE(error_of(read_fvecs(path)).find("dimension -5"), std::string::npos);
  write_file(path, "");
  EXPECT_NE(error_of(read_fvecs(path)).find("no vectors"), std::string::npos);
}

TEST(ExternalVectors, JsonlErrorsNameLineAndRecord) {
  const std::string path = temp_path("bad.jsonl");
  const IdTable ids = ids_of(2);
  const auto jsonl_error = [&](const std::string& content) {
    write_file(path, content);
    return error_of(read_vectors_jsonl(path, ids));
  };
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,2]}\n{\"id\":\"d1\",\"vector\":[1,2,3]}\n")
                .find(path + ":2: record 'd1': vector has 3 numbers, the first record has 2"),
            std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,2]}\n{\"id\":\"d9\",\"vector\":[1,2]}\n")
                .find(":2: id 'd9' is not a document"),
            std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,2]}\n{\"id\":\"d0\",\"vector\":[1,2]}\n")
                .find(":2: id 'd0' already has a vector (line 1)"),
            std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,2]}\n").find("1 of 2 documents have no vector (the first is 'd1')"),
            std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,\"x\"]}\n").find("vector[1] is not a number"), std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,1e300]}\n").find("vector[1] is not a finite float"),
            std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\",\"vector\":[1,2]\n").find(":1: not JSON"), std::string::npos);
  EXPECT_NE(jsonl_error("{\"vector\":[1,2]}\n").find(":1: no 'id' field"), std::string::npos);
  EXPECT_NE(jsonl_error("{\"id\":\"d0\"}\n").find("'vector' must be an array"), std::string::npos);
}

TEST(ExternalVectors, CountAndDimsMustMatchTheDocuments) {
  const std::string path = temp_path("count.npy");
  ASSERT_TRUE(write_npy(path, sample_matrix()).ok());
  auto r = read_document_vectors(path, ids_of(4));
  EXPECT_NE(error_of(r).find(path + ": 3 vectors for 4 documents"), std::string::npos);
  ExternalVectorParams p;
  p.expected_dims = 384;
  EXPECT_NE(error_of(read_document_vectors(path, ids_of(3), p)).find("3 dimensions, expected 384"), std::string::npos);
  EXPECT_EQ(read_document_vectors(temp_path("absent.npy"), ids_of(3)).status().code(), StatusCode::kNotFound);
}

// ---------------------------------------------------------------- copydesk vectors

TEST(VectorsCli, ConvertInfoEmbedAndScore) {
  fs::create_directories(temp_dir());
  const std::string dir = temp_dir().string();
  const std::string tgz = dir + "/cli-wink.tgz", cdv = dir + "/cli-wink.cdv";
  write_gzip(tgz, tar_member("package/wink.json", kWinkJson) + std::string(1024, '\0'));
  auto convert = testing::run_cli("vectors convert " + tgz + " -o " + cdv);
  ASSERT_EQ(convert.exit_code, 0) << convert.err;
  EXPECT_NE(convert.err.find("kept 4"), std::string::npos) << convert.err;
  auto info = testing::run_cli("vectors info " + cdv + " -w earthquake -w zebra");
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("dims          3"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("earthquake: row 1, rank 3, [0.5000 -0.5000 0.2500 ...]"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("zebra: not found"), std::string::npos);

  const std::string crawl = dir + "/cli-crawl.jsonl", npy = dir + "/cli.npy";
  write_file(crawl,
             "{\"id\":\"a\",\"text\":\"The earthquake hit Malibu on Tuesday.\",\"event\":1,\"topic\":\"q\"}\n"
             "{\"id\":\"b\",\"text\":\"An earthquake in Malibu, Tuesday.\",\"event\":1,\"topic\":\"q\"}\n"
             "{\"id\":\"c\",\"text\":\"Reid checked into rehab in Malibu.\",\"event\":2,\"topic\":\"r\"}\n"
             "{\"id\":\"d\",\"text\":\"Rehab for Reid, in Malibu.\",\"event\":2,\"topic\":\"r\"}\n");
  auto embed = testing::run_cli("vectors embed " + crawl + " -o " + npy + " --score event,topic -j 1");
  ASSERT_EQ(embed.exit_code, 0) << embed.err;
  EXPECT_NE(embed.out.find("\"nn_same_event\":1.0000,\"nn_same_topic\":1.0000"), std::string::npos) << embed.out;
  auto m = read_npy(npy);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->rows(), 4u);
  EXPECT_EQ(m->dims, 256u);
  auto joined = testing::run_cli("vectors embed " + crawl + " -e pretrained --vectors " + cdv + " -o " + npy);
  ASSERT_EQ(joined.exit_code, 0) << joined.err;
  EXPECT_EQ(read_npy(npy)->dims, 259u);
  auto from_file = testing::run_cli("vectors embed " + crawl + " -e file --from " + npy + " --score event,topic");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_NE(from_file.out.find("\"embedder\":\"file\""), std::string::npos);
}

TEST(VectorsCli, ErrorsExitTwoWithAMessage) {
  fs::create_directories(temp_dir());
  const std::string dir = temp_dir().string();
  auto missing = testing::run_cli("vectors info " + dir + "/nothing.cdv");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nothing.cdv: cannot open"), std::string::npos) << missing.err;
  const std::string crawl = dir + "/cli-two.jsonl", npy = dir + "/cli-three.npy";
  write_file(crawl, "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n");
  EXPECT_EQ(testing::run_cli("vectors embed " + crawl).exit_code, 2);  // no output, no score
  ASSERT_TRUE(write_npy(npy, sample_matrix()).ok());
  auto count = testing::run_cli("vectors embed " + crawl + " -e file --from " + npy + " -o -");
  EXPECT_EQ(count.exit_code, 2);
  EXPECT_NE(count.err.find("3 vectors for 2 documents"), std::string::npos) << count.err;
  auto no_vectors = testing::run_cli("vectors embed " + crawl + " -e sif --vectors " + dir + "/nothing.cdv -o -");
  EXPECT_EQ(no_vectors.exit_code, 2);
  EXPECT_NE(no_vectors.err.find("fetch_vectors.sh"), std::string::npos) << no_vectors.err;
}

// ---------------------------------------------------------------- quality figures

TEST(NeighbourQuality, HandMadeAnswers) {
  EmbeddingMatrix m;
  m.dims = 2;
  // Two topics; topic 0 has events 0 and 1, topic 1 has event 2.
  m.values = {1, 0, 0.8f, 0.6f, 0.6f, 0.8f, 0, 1};
  const std::vector<uint32_t> fine = {0, 0, 1, 2}, coarse = {0, 0, 0, 1};
  auto q = neighbour_quality(m, fine, coarse);
  ASSERT_TRUE(q.ok());
  // Nearest: 0→1 (0.8), 1→2 (0.96), 2→1 (0.96), 3→2 (0.8).
  EXPECT_DOUBLE_EQ(q->nn_same_fine, 0.25);
  EXPECT_DOUBLE_EQ(q->nn_same_coarse, 0.75);
  EXPECT_NEAR(q->cos_same_fine, 0.8, 1e-6);
  EXPECT_NEAR(q->cos_same_coarse_other_fine, (0.6 + 0.96) / 2, 1e-6);
  EXPECT_NEAR(q->cos_other_coarse, (0.0 + 0.6 + 0.8) / 3, 1e-6);
  EXPECT_DOUBLE_EQ(q->within_coarse_auc, 0.5);  // 0.8 beats 0.6, loses to 0.96
  EXPECT_FALSE(neighbour_quality(m, {0, 1}, coarse).ok());
}

// ---------------------------------------------------------------- ECB+ (real data)

struct Labelled {
  std::vector<std::string> texts;
  std::vector<uint32_t> fine, coarse;
};

bool load_ecbplus(Labelled& out) {
  std::ifstream in(std::string(COPYDESK_DATASETS_DIR) + "/ecbplus/docs.jsonl");
  if (!in) return false;
  simdjson::dom::parser parser;
  std::map<std::string, uint32_t> subtopics;
  std::string line;
  while (std::getline(in, line)) {
    simdjson::dom::element doc = parser.parse(line);
    out.texts.emplace_back(std::string_view(doc["text"]));
    out.coarse.push_back(static_cast<uint32_t>(int64_t(doc["topic"])));
    const std::string sub{std::string_view(doc["subtopic"])};
    out.fine.push_back(subtopics.emplace(sub, static_cast<uint32_t>(subtopics.size())).first->second);
  }
  return !out.texts.empty();
}

NeighbourQuality quality_of(Embedder& e, const Labelled& d) {
  auto m = fit_and_embed(e, views(d.texts));
  EXPECT_TRUE(m.ok());
  auto q = neighbour_quality(*m, d.fine, d.coarse);
  EXPECT_TRUE(q.ok());
  return *q;
}

// Measured with the defaults: nn subtopic 0.975, nn topic
// 0.996, within-topic AUC 0.899; name and number weights 1 give AUC 0.863.
TEST(EmbedQuality, EcbPlusHashedSeparatesLookAlikeEvents) {
  Labelled d;
  if (!load_ecbplus(d)) GTEST_SKIP() << "ECB+ not found under " << COPYDESK_DATASETS_DIR << "/ecbplus";
  HashedEmbedder e(HashedEmbedderParams{});
  const NeighbourQuality q = quality_of(e, d);
  EXPECT_GE(q.nn_same_fine, 0.95);
  EXPECT_GE(q.nn_same_coarse, 0.98);
  EXPECT_GE(q.within_coarse_auc, 0.88);
  EXPECT_GT(q.cos_same_fine, q.cos_same_coarse_other_fine + 0.15);
  EXPECT_GT(q.cos_same_coarse_other_fine, q.cos_other_coarse + 0.08);

  HashedEmbedderParams plain;
  plain.name_weight = 1;
  plain.number_weight = 1;
  HashedEmbedder without_names(plain);
  EXPECT_GT(q.within_coarse_auc, quality_of(without_names, d).within_coarse_auc + 0.02);
}

// Runs when scripts/fetch_vectors.sh has made the vector file (see
// default_word_vectors_path: $COPYDESK_VECTORS, $COPYDESK_DATA_DIR, ~/.cache/copydesk).
TEST(EmbedQuality, EcbPlusPretrainedVectors) {
  const std::string path = default_word_vectors_path();
  if (!fs::exists(path)) GTEST_SKIP() << "word vectors not found at " << path << " (run scripts/fetch_vectors.sh)";
  auto wv = WordVectors::open(path);
  ASSERT_TRUE(wv.ok()) << wv.status().message();
  EXPECT_EQ((*wv)->dims(), 100u);
  EXPECT_GT((*wv)->size(), 300000u);
  Labelled d;
  if (!load_ecbplus(d)) GTEST_SKIP() << "ECB+ not found under " << COPYDESK_DATASETS_DIR << "/ecbplus";
  SifEmbedder sif(*wv, SifEmbedderParams{});
  const NeighbourQuality s = quality_of(sif, d);
  EXPECT_GE(sif.coverage(), 0.9);
  EXPECT_GE(s.nn_same_fine, 0.90);
  EXPECT_GE(s.nn_same_coarse, 0.97);
  EXPECT_GT(s.cos_same_coarse_other_fine, s.cos_other_coarse + 0.4);
  auto joined = make_pretrained_embedder(*wv, PretrainedEmbedderParams{});
  ASSERT_TRUE(joined.ok());
  const NeighbourQuality j = quality_of(**joined, d);
  EXPECT_GE(j.nn_same_fine, 0.95);
  EXPECT_GE(j.nn_same_coarse, 0.99);
  EXPECT_GE(j.within_coarse_auc, 0.86);
}

}  // namespace
}  // namespace copydesk

namespace copydesk {
namespace {

// side_by_side: the dot product of joined rows mixes the two cosines.
TEST(SideBySide, DotProductMixesTheTwoCosines) {
  EmbeddingMatrix a{2, {1, 0, 0.6f, 0.8f}};     // cosine of the rows: 0.6
  EmbeddingMatrix b{2, {0, 1, 0, 1}};           // cosine 1
  Result<EmbeddingMatrix> j = side_by_side(a, b, 0.25);
  ASSERT_TRUE(j.ok()) << j.status().message();
  ASSERT_EQ(j->dims, 4u);
  ASSERT_EQ(j->rows(), 2u);
  float dot = 0, self = 0;
  for (uint32_t d = 0; d < 4; ++d) dot += j->row(0)[d] * j->row(1)[d], self += j->row(0)[d] * j->row(0)[d];
  EXPECT_NEAR(dot, 0.75 * 0.6 + 0.25 * 1.0, 1e-6);
  EXPECT_NEAR(self, 1.0, 1e-6);
  EmbeddingMatrix zero{2, {0, 0, 0, 0}};       // no names: the words' share alone
  Result<EmbeddingMatrix> z = side_by_side(a, zero, 0.25);
  ASSERT_TRUE(z.ok());
  EXPECT_NEAR(z->row(0)[0], std::sqrt(0.75f), 1e-6);
  EXPECT_EQ(side_by_side(a, EmbeddingMatrix{2, {1, 0}}, 0.5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(side_by_side(a, b, 1.5).status().code(), StatusCode::kInvalidArgument);
}

// The writer form: b's rows written straight into the joined rows, scaled
// and strided as the matrix form lays them out.
TEST(SideBySide, WriterFormJoinsAsTheMatrixForm) {
  EmbeddingMatrix a{2, {1, 0, 0.6f, 0.8f}};
  EmbeddingMatrix b{3, {0, 1, 0, 0.6f, 0, 0.8f}};
  size_t calls = 0;
  const RowWriter write_b = [&](float* out, size_t stride, float scale) {
    ++calls;
    EXPECT_EQ(stride, 5u);
    for (size_t i = 0; i < b.rows(); ++i) {
      for (uint32_t j = 0; j < b.dims; ++j) out[i * stride + j] = scale * b.row(i)[j];
    }
  };
  Result<EmbeddingMatrix> written = side_by_side(a, b.dims, write_b, 0.4);
  Result<EmbeddingMatrix> joined = side_by_side(a, b, 0.4);
  ASSERT_TRUE(written.ok() && joined.ok());
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(written->dims, 5u);
  EXPECT_EQ(written->values, joined->values);
  EXPECT_FLOAT_EQ(written->row(1)[4], std::sqrt(0.4f) * 0.8f);
  EXPECT_EQ(side_by_side(a, b.dims, write_b, -0.1).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace copydesk
