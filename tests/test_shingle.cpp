#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>

#include "copydesk/shingle.h"

namespace copydesk {
namespace {

std::vector<uint64_t> shingles(std::string_view text, ShingleParams p) {
  Normalizer n;
  TokenizedText t;
  n.tokenize(text, t);
  Shingler s(p);
  std::vector<uint64_t> out;
  s.shingle(t, out);
  return out;
}

// Known answer, computed independently with `printf '...' | xxhsum -H3`
// (xxHash 0.8.1): XXH3-64, seed 0, of the five normalized tokens.
TEST(Shingle, KnownAnswerMatchesXxhsum) {
  ShingleParams p;
  p.size = 5;
  const auto h = shingles("Putin meets North Korea’s Kim", p);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0], 0x383ea04a760bc92cULL);
}

TEST(Shingle, KnownAnswersForWordThreeGrams) {
  ShingleParams p;
  p.size = 3;
  const auto h = shingles("Kim met Putin in Beijing", p);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0], XXH3_64bits("kim met putin", 13));
  EXPECT_EQ(h[1], XXH3_64bits("met putin in", 12));
  EXPECT_EQ(h[2], XXH3_64bits("putin in beijing", 16));
}

TEST(Shingle, DuplicatesAreRemovedInFirstSeenOrder) {
  ShingleParams p;
  p.size = 2;
  const auto h = shingles("a b a b a b c", p);
  // Bigrams: ab, ba, ab, ba, ab, bc → {ab, ba, bc}
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0], XXH3_64bits("a b", 3));
  EXPECT_EQ(h[1], XXH3_64bits("b a", 3));
  EXPECT_EQ(h[2], XXH3_64bits("b c", 3));
}

TEST(Shingle, ShortTextsGetOneShingleEmptyTextsNone) {
  ShingleParams p;
  p.size = 5;
  const auto h = shingles("Only three words", p);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0], XXH3_64bits("only three words", 16));
  EXPECT_TRUE(shingles("...", p).empty());
}

TEST(Shingle, SeedChangesEveryHash) {
  ShingleParams a, b;
  b.seed = 7;
  const auto ha = shingles("one two three four five six", a);
  const auto hb = shingles("one two three four five six", b);
  ASSERT_EQ(ha.size(), hb.size());
  for (size_t i = 0; i < ha.size(); ++i) EXPECT_NE(ha[i], hb[i]);
  EXPECT_EQ(hb[0], XXH3_64bits_withSeed("one two three four five", 23, 7));
}

TEST(Shingle, CharacterShinglesCountCodePoints) {
  ShingleParams p;
  p.kind = ShingleKind::kChar;
  p.size = 3;
  const auto h = shingles("Ab cd", p);  // normalized "ab cd": 5 code points → 3 trigrams
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0], XXH3_64bits("ab ", 3));
  EXPECT_EQ(h[2], XXH3_64bits(" cd", 3));
  const auto cjk = shingles("普京在北京", p);  // "普 京 在 北 京": 9 code points
  EXPECT_EQ(cjk.size(), 7u);
}

TEST(Shingle, LargeDocumentDeduplicatesExactly) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "w" + std::to_string(i % 1000) + " ";
  ShingleParams p;
  p.size = 1;
  auto h = shingles(text, p);
  EXPECT_EQ(h.size(), 1000u);
  std::sort(h.begin(), h.end());
  EXPECT_EQ(std::unique(h.begin(), h.end()), h.end());
}

TEST(Shingle, ValidateRejectsBadSize) {
  ShingleParams p;
  p.size = 0;
  EXPECT_FALSE(p.validate().ok());
  EXPECT_NE(p.validate().message().find("shingle size"), std::string::npos);
  p.size = 5;
  EXPECT_TRUE(p.validate().ok());
}

}  // namespace
}  // namespace copydesk
