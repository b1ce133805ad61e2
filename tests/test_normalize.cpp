#include <gtest/gtest.h>

#include "copydesk/normalize.h"

namespace copydesk {
namespace {

std::string norm(std::string_view text) {
  Normalizer n;
  TokenizedText t;
  n.tokenize(text, t);
  return t.normalized;
}

TEST(Normalize, AsciiWordsAreLowercasedAndJoinedBySpaces) {
  EXPECT_EQ(norm("Putin meets North Korea's Kim in Beijing."), "putin meets north koreas kim in beijing");
  EXPECT_EQ(norm("  BEIJING (AP) —\tRussian\n\nPresident  "), "beijing ap russian president");
}

TEST(Normalize, TokenOffsetsPointAtTheTokens) {
  Normalizer n;
  TokenizedText t;
  n.tokenize("Kim, Putin & Xi", t);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.token(0), "kim");
  EXPECT_EQ(t.token(1), "putin");
  EXPECT_EQ(t.token(2), "xi");
}

TEST(Normalize, CurlyAndStraightApostrophesFoldTheSame) {
  EXPECT_EQ(norm("North Korea’s Kim"), norm("North Korea's Kim"));
  EXPECT_EQ(norm("Moscow’s troops"), "moscows troops");
  // An apostrophe that does not join two word characters separates.
  EXPECT_EQ(norm("'quoted' words'"), "quoted words");
}

TEST(Normalize, UnicodeNfkcAndCaseFolding) {
  EXPECT_EQ(norm("ＦＵＬＬ ｗｉｄｔｈ １２３"), "full width 123");  // NFKC compatibility forms
  EXPECT_EQ(norm("STRASSE"), norm("Straße"));                    // full case folding: ß → ss
  EXPECT_EQ(norm("ÉCOLE"), "école");
  EXPECT_EQ(norm("ﬁnance"), "finance");                          // ligature
  EXPECT_EQ(norm("“Significantly strengthened”"), "significantly strengthened");
}

TEST(Normalize, AsciiFastPathAgreesWithIcuPath) {
  const std::string ascii = "The Kremlin said in a post on social-media, 15,000 troops (AP).";
  // The trailing non-ASCII separator forces the ICU path over the same words.
  EXPECT_EQ(norm(ascii + " —"), norm(ascii));
}

TEST(Normalize, UnspacedScriptsGiveOneTokenPerCharacter) {
  Normalizer n;
  TokenizedText t;
  n.tokenize("普京在北京", t);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t.token(0), "普");
  EXPECT_EQ(t.normalized, "普 京 在 北 京");
  n.tokenize("กรุงเทพ", t);  // Thai
  EXPECT_EQ(t.size(), 7u);
  // Mixed text: Latin words stay words.
  n.tokenize("Putin 在北京 met Kim", t);
  EXPECT_EQ(t.normalized, "putin 在 北 京 met kim");
}

TEST(Normalize, NoWordsGivesNoTokens) {
  Normalizer n;
  TokenizedText t;
  n.tokenize("!!! --- ...", t);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.normalized, "");
}

TEST(Normalize, CombiningMarksStayInTheirWord) {
  // "e" + combining acute → NFKC composes to "é".
  EXPECT_EQ(norm("Cafe\xCC\x81 society"), "café society");
  EXPECT_EQ(norm("नमस्ते दुनिया"), "नमस्ते दुनिया");  // Devanagari vowel signs are marks
}

}  // namespace
}  // namespace copydesk
