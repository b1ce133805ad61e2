#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "copydesk/generator.h"
#include "copydesk/reader.h"
#include "copydesk/wire.h"

namespace copydesk {
namespace {

using Evidence = WireAttribution::Evidence;

WireAttribution mentions(std::string_view text) {
  WireParams p;
  p.report_mentions = true;
  return detect_wire(text, p);
}

void expect_wire(std::string_view text, const char* agency, Evidence evidence, std::string_view at_name = {}) {
  const WireAttribution w = detect_wire(text);
  EXPECT_EQ(w.agency, agency) << text;
  EXPECT_EQ(evidence_name(w.evidence), evidence_name(evidence)) << text;
  if (!at_name.empty()) {
    EXPECT_EQ(text.substr(w.offset, at_name.size()), at_name) << text;
  }
}

void expect_no_wire(std::string_view text) {
  const WireAttribution w = detect_wire(text);
  EXPECT_FALSE(w.attributed()) << text << " → " << w.agency << " (" << evidence_name(w.evidence) << ")";
  EXPECT_EQ(w.agency, "") << text;
}

TEST(Wire, CanonicalNames) {
  EXPECT_EQ(canonical_agency("AP"), "AP");
  EXPECT_EQ(canonical_agency("The Associated Press"), "AP");
  EXPECT_EQ(canonical_agency("ASSOCIATED PRESS"), "AP");
  EXPECT_EQ(canonical_agency(" Reuters. "), "Reuters");
  EXPECT_EQ(canonical_agency("REUTER"), "Reuters");
  EXPECT_EQ(canonical_agency("Agence France-Presse"), "AFP");
  EXPECT_EQ(canonical_agency("Press Trust of India"), "PTI");
  EXPECT_EQ(canonical_agency("Xinhua"), "Xinhua");
  EXPECT_EQ(canonical_agency("DPA"), "dpa");
  EXPECT_EQ(canonical_agency("dpa"), "dpa");
  EXPECT_EQ(canonical_agency("The Canadian Press"), "CP");
  // Case matters for acronyms; other spellings are not agencies.
  EXPECT_EQ(canonical_agency("ap"), "");
  EXPECT_EQ(canonical_agency("Ap"), "");
  EXPECT_EQ(canonical_agency("afp"), "");
  EXPECT_EQ(canonical_agency("reuters"), "");
  EXPECT_EQ(canonical_agency("CP"), "");
  EXPECT_EQ(canonical_agency("CNN"), "");
  EXPECT_EQ(canonical_agency(""), "");
}

TEST(Wire, Datelines) {
  expect_wire("BEIJING (AP) \xE2\x80\x94 Chinese leader Xi", "AP", Evidence::kDateline, "AP)");
  expect_wire("WASHINGTON, Jan 8 (Reuters) - The Senate", "Reuters", Evidence::kDateline, "Reuters)");
  expect_wire("NEW DELHI, Jan 8 (IANS) The government said", "IANS", Evidence::kDateline, "IANS");
  expect_wire("Beijing, Sept 3 (Xinhua) -- China", "Xinhua", Evidence::kDateline);
  expect_wire("BERLIN (dpa) - Germany", "dpa", Evidence::kDateline);
  expect_wire("PARIS (AFP) - France", "AFP", Evidence::kDateline);
  expect_wire("WASHINGTON, March 12, Reuter - A U.S. judge", "Reuters", Evidence::kDateline, "Reuter -");
  // The dateline outranks a byline above it.
  expect_wire("Title\nBy Jane Doe, Reuters\nBEIJING (AP) \xE2\x80\x94 x\nmore", "AP", Evidence::kDateline);
  // A title and the dateline run together on one line: "(Agency) —" in the head.
  expect_wire("Putin meets Kim BEIJING (AP) \xE2\x80\x94 Russian President", "AP", Evidence::kDateline, "AP)");
  // Not a wire agency: the dateline is found, the attribution is not.
  expect_no_wire("HONG KONG (CNN) \xE2\x80\x94 Markets fell.");
}

TEST(Wire, Bylines) {
  expect_wire("Putin meets Kim\nBy JIM HEINTZ and KATIE MARIE DAVIES Associated Press\nBEIJING \xE2\x80\x94 Russian",
              "AP", Evidence::kByline, "Associated Press");
  expect_wire("Markets fall\nBy Reuters Staff\nStocks fell on Monday.", "Reuters", Evidence::kByline);
  expect_wire("Markets fall\nJane Doe, Associated Press\nStocks fell on Monday.", "AP", Evidence::kByline);
  expect_wire("Markets fall\nJane Doe | AFP\nStocks fell on Monday.", "AFP", Evidence::kByline);
  expect_wire("Markets fall\nBY AFP\nStocks fell on Monday.", "AFP", Evidence::kByline);
}

TEST(Wire, Credits) {
  expect_wire("Kim met Putin.\n\nNone of the three confirmed such an event. (AP)\n\nHot this week\n", "AP",
              Evidence::kCredit, "AP)");
  expect_wire("The minister said. \xE2\x80\x94 PTI\n", "PTI", Evidence::kCredit, "PTI");
  expect_wire("The minister said.--IANS", "IANS", Evidence::kCredit);
  expect_wire("The minister said.\n- Reuters", "Reuters", Evidence::kCredit);
  expect_wire("Profit rose.\n Reuter\n", "Reuters", Evidence::kCredit, "Reuter");
  expect_wire("Profit rose.\n REUTER", "Reuters", Evidence::kCredit);
  expect_wire("Coins of a tenth of an ounce. REUTER", "Reuters", Evidence::kCredit, "REUTER");
  expect_wire("Profit rose.\nCopyright 2026 The Associated Press. All rights reserved.", "AP", Evidence::kCredit,
              "Associated Press");
  expect_wire("Profit rose.\n\xC2\xA9 2026 Agence France-Presse", "AFP", Evidence::kCredit);
  expect_wire("Profit rose. Copyright 2026 Reuters. All rights reserved.", "Reuters", Evidence::kCredit);
  // The dateline outranks a credit of another agency.
  expect_wire("BEIJING (AP) \xE2\x80\x94 x.\nCopyright Reuters", "AP", Evidence::kDateline);
}

// A story that names an agency is not that agency's story.
TEST(Wire, MentionsAreNotAttribution) {
  for (const char* text : {
           "The minister told Reuters on Monday that talks would resume.",
           "According to AFP, the convoy was stopped at the border.",
           "Reuters reported last week that the deal was close.",
           "Kim met Putin.\nThe Associated Press contributed to this report.",
           "Kim met Putin.\nAdditional reporting by Reuters in London.",
           "Kim and Putin shake hands. (AP Photo/Andy Wong)",
           "Kim met Putin.\nPhoto: John Smith - AFP",
           "The YSRCP and TDP clashed in Andhra Pradesh (AP)",
           "The PTI rally in Lahore drew thousands.",
           "Copyright 2026 Meghalaya Times. All rights reserved.",
           "The company's treasurer told\nReuters.\nThe talks resumed on Monday.",
           "Ties were cut, an official told The Associated Press.",
       }) {
    expect_no_wire(text);
  }
  const WireAttribution told = mentions("The minister told Reuters on Monday.");
  EXPECT_EQ(told.agency, "Reuters");
  EXPECT_EQ(told.evidence, Evidence::kMention);
  EXPECT_EQ(told.offset, std::string_view("The minister told ").size());
  EXPECT_FALSE(told.attributed());
  // Ambiguous acronyms are not even mentions.
  EXPECT_EQ(mentions("PTI chief Imran Khan spoke. AP Dhillon sang. UPI payments rose.").evidence, Evidence::kNone);
  // A signed text is reported as signed, whatever it mentions.
  EXPECT_EQ(mentions("He told Reuters.\nThe talks ended. (AP)").agency, "AP");
}

TEST(Wire, CaseAndWordBoundaries) {
  for (const char* text : {
           "The apple harvest. (ap)",
           "Shares of the fund. (APT)",
           "Results of the APEC summit. (APEC)",
           "The minister said. - afp",
           "The minister said. - Reutersville",
           "Prices rose - CAPITAL",
       }) {
    expect_no_wire(text);
  }
  EXPECT_EQ(mentions("the Reutersville mayor and the apparatus").evidence, Evidence::kNone);
  EXPECT_EQ(mentions("ITAR-TASS said").agency, "TASS");
  EXPECT_EQ(mentions("data from Xinhua\xE2\x80\x99s report").agency, "Xinhua");
}

TEST(Wire, EmptyAndGarbage) {
  expect_no_wire("");
  expect_no_wire("\n\n\n");
  expect_no_wire("()");
  expect_no_wire(")");
  expect_no_wire("(");
  expect_no_wire("- ");
  expect_no_wire("\xE2\x80");
  uint64_t state = 99;
  std::string bytes;
  for (int round = 0; round < 2000; ++round) {
    bytes.clear();
    for (int i = 0; i < round % 131; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes.push_back(static_cast<char>(state >> 56));
    }
    const WireAttribution w = mentions(bytes);
    EXPECT_LE(w.offset, bytes.size());
  }
  // Random runs of the pieces every rule looks for.
  const char* pieces[] = {"AP", "Reuters", "Reuter", "The Associated Press", "(", ")", "(AP)", "\xE2\x80\x94", "-",
                          "--", " ", "\n", "\n\n", ".", "By ", "Copyright ", "\xC2\xA9", "(c)", "Photo", ",", "|",
                          "BEIJING", "x", "\xE2\x80", "\xC2", "told "};
  for (int round = 0; round < 20000; ++round) {
    bytes.clear();
    const int n = 1 + round % 14;
    for (int i = 0; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes += pieces[(state >> 33) % (sizeof pieces / sizeof pieces[0])];
    }
    const WireAttribution w = mentions(bytes);
    ASSERT_LE(w.offset, bytes.size()) << bytes;
    if (w.evidence != Evidence::kNone) {
      ASSERT_FALSE(w.agency.empty()) << bytes;
      ASSERT_LT(w.offset, bytes.size()) << bytes;
    }
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The seed page: AP's credit "(AP)" closes the article; the site's sidebar
// follows it, with its own datelines.
TEST(Wire, SeedPage) {
  const std::string path = std::string(COPYDESK_DATASETS_DIR) + "/seed/ap-putin-kim-beijing.txt";
  const std::string text = read_file(path);
  if (text.empty()) GTEST_SKIP() << "seed page not found: " << path;
  const WireAttribution w = detect_wire(text);
  EXPECT_EQ(w.agency, "AP");
  EXPECT_EQ(w.evidence, Evidence::kCredit);
  EXPECT_EQ(w.offset, text.find("(AP)\n") + 1);
  EXPECT_LT(w.offset, text.find("Hot this week"));
}

// Every Reuters-21578 story is Reuters copy; most end in the credit line
// "Reuter". The body alone must be attributed through it, and nothing may be
// attributed to another agency.
TEST(Wire, Reuters21578) {
  const std::string path = std::string(COPYDESK_DATASETS_DIR) + "/reuters21578/docs.jsonl.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "Reuters-21578 not found: " << path;
  CorpusReader reader;
  ASSERT_TRUE(reader.add_jsonl(path).ok());
  size_t credited = 0, credited_found = 0, attributed = 0, attributed_reuters = 0;
  for (const Document& doc : reader.corpus().docs) {
    const size_t last = doc.text.find_last_not_of(" \t\r\n");
    const std::string_view body = std::string_view(doc.text).substr(0, last == std::string::npos ? 0 : last + 1);
    const bool ends_in_credit = body.size() >= 6 && (body.substr(body.size() - 6) == "Reuter" ||
                                                     body.substr(body.size() - 6) == "REUTER");
    const WireAttribution w = detect_wire(doc.text);
    if (ends_in_credit) {
      ++credited;
      credited_found += w.agency == "Reuters" && w.evidence == Evidence::kCredit;
    }
    if (w.attributed()) {
      ++attributed;
      attributed_reuters += w.agency == "Reuters";
    }
  }
  const size_t docs = reader.corpus().docs.size();
  std::printf("Reuters-21578: %zu docs; %zu end in the credit \"Reuter\", %zu of them attributed to Reuters "
              "(%.2f%%); %zu attributed in all (%.2f%%), %zu of them to Reuters (%.2f%%)\n",
              docs, credited, credited_found, 100.0 * double(credited_found) / double(credited), attributed,
              100.0 * double(attributed) / double(docs), attributed_reuters,
              100.0 * double(attributed_reuters) / double(attributed));
  EXPECT_GE(double(credited_found) / double(credited), 0.999);
  EXPECT_GE(double(attributed_reuters) / double(attributed), 0.999);
}

// ECB+ and BBC News name agencies often ("told Reuters", "according to the
// Associated Press") but are not signed by one: nothing may be attributed.
TEST(Wire, MentionsInRealNewsAreNotAttribution) {
  size_t docs = 0, attributed = 0, mentioning = 0;
  for (const char* file : {"/ecbplus/docs.jsonl", "/bbc/docs.jsonl"}) {
    const std::string path = std::string(COPYDESK_DATASETS_DIR) + file;
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "dataset not found: " << path;
    CorpusReader reader;
    ASSERT_TRUE(reader.add_jsonl(path).ok());
    for (const Document& doc : reader.corpus().docs) {
      ++docs;
      const WireAttribution w = mentions(doc.text);
      attributed += w.attributed();
      mentioning += w.evidence == Evidence::kMention;
      if (w.attributed()) ADD_FAILURE() << doc.id << ": " << w.agency << " (" << evidence_name(w.evidence) << ")";
    }
  }
  std::printf("ECB+ and BBC: %zu docs, %zu attributed, %zu with a bare mention\n", docs, attributed, mentioning);
  EXPECT_GT(mentioning, 20u);
}

// The built-in generator writes AP, Reuters and AFP datelines and local ones
// without an agency, below a site's navigation line.
TEST(Wire, GeneratedCrawl) {
  GeneratorParams p;
  p.num_docs = 3000;
  p.seed = 7;
  size_t docs = 0, agreeing = 0, local = 0, local_unattributed = 0;
  const Status s = generate_crawl(p, [&](const Document& d) {
    ++docs;
    const Dateline dateline = parse_dateline(d.text, d.date);
    const WireAttribution w = detect_wire(d.text);
    if (dateline.agency.empty()) {
      ++local;
      local_unattributed += !w.attributed();
    } else {
      agreeing += w.agency == dateline.agency && w.evidence == Evidence::kDateline;
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(agreeing + local, docs);
  EXPECT_EQ(local_unattributed, local);
  EXPECT_GT(local, 0u);
}

}  // namespace
}  // namespace copydesk
