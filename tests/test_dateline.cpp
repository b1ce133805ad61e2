#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "copydesk/date.h"
#include "copydesk/dateline.h"
#include "copydesk/reader.h"

namespace copydesk {
namespace {

int64_t at(const char* iso) { return *parse_iso8601(iso); }

Dateline parse(std::string_view text, const char* reference = nullptr) {
  return parse_dateline(text, reference != nullptr ? at(reference) : kNoDate);
}

TEST(Dateline, IndianRegionalStyle) {
  const std::string text = "Beijing, Sept 3: Russian President Vladimir Putin and Kim met.";
  const Dateline d = parse(text, "2025-09-04");
  ASSERT_TRUE(d.found());
  EXPECT_EQ(d.place, "Beijing");
  EXPECT_EQ(d.region, "");
  EXPECT_EQ(d.month, 9);
  EXPECT_EQ(d.day, 3);
  EXPECT_EQ(d.date, "2025-09-03");
  EXPECT_EQ(d.agency, "");
  EXPECT_EQ(d.begin, 0u);
  EXPECT_EQ(text.substr(d.end), "Russian President Vladimir Putin and Kim met.");
}

TEST(Dateline, ApStyle) {
  const std::string text = "BEIJING (AP) \xE2\x80\x94 Chinese leader Xi Jinping";
  const Dateline d = parse(text, "2025-09-04");
  EXPECT_EQ(d.place, "BEIJING");
  EXPECT_EQ(d.agency, "AP");
  EXPECT_EQ(d.month, 0);
  EXPECT_EQ(d.date, "");
  EXPECT_EQ(text.substr(d.end), "Chinese leader Xi Jinping");

  const Dateline st_louis = parse("ST. LOUIS (AP) \xE2\x80\x94 A jury");
  EXPECT_EQ(st_louis.place, "ST. LOUIS");
  EXPECT_EQ(st_louis.agency, "AP");
}

TEST(Dateline, ReutersStyle) {
  const std::string text = "WASHINGTON, Jan 8 (Reuters) - The Senate voted";
  const Dateline d = parse(text, "2026-01-08T14:00:00Z");
  EXPECT_EQ(d.place, "WASHINGTON");
  EXPECT_EQ(d.agency, "Reuters");
  EXPECT_EQ(d.date, "2026-01-08");
  EXPECT_EQ(text.substr(d.end), "The Senate voted");

  const Dateline london = parse("LONDON, Oct 19 (Reuters) - Shares fell", "2025-10-20");
  EXPECT_EQ(london.place, "LONDON");
  EXPECT_EQ(london.date, "2025-10-19");
}

TEST(Dateline, PlaceAndDateWithoutAgency) {
  const Dateline ny = parse("NEW YORK, March 3 - Stocks rose", "1987-03-03");
  EXPECT_EQ(ny.place, "NEW YORK");
  EXPECT_EQ(ny.date, "1987-03-03");
  EXPECT_EQ(ny.agency, "");

  const Dateline guwahati = parse("Guwahati, Sept 25: There was rain", "2025-09-26");
  EXPECT_EQ(guwahati.place, "Guwahati");
  EXPECT_EQ(guwahati.date, "2025-09-25");

  const Dateline no_comma = parse("Guwahati Sept 25: There was rain", "2025-09-26");
  EXPECT_EQ(no_comma.place, "Guwahati");
  EXPECT_EQ(no_comma.date, "2025-09-25");

  const Dateline shillong = parse("Shillong, Nov 28: Though it took nearly 25 years", "2025-11-28");
  EXPECT_EQ(shillong.place, "Shillong");
  EXPECT_EQ(shillong.date, "2025-11-28");
}

TEST(Dateline, MultiWordPlacesAndRegions) {
  EXPECT_EQ(parse("Rio de Janeiro, Feb 26 - Brazil's").place, "Rio de Janeiro");
  EXPECT_EQ(parse("RIO DE JANEIRO, Feb 26 - Brazil's").place, "RIO DE JANEIRO");
  EXPECT_EQ(parse("Hong Kong, May 1 - Markets").place, "Hong Kong");
  EXPECT_EQ(parse("MAR DEL PLATA, March 3 - Argentina").place, "MAR DEL PLATA");
  EXPECT_EQ(parse("DALLAS/FORT WORTH, Texas, March 3 - x").place, "DALLAS/FORT WORTH");
  EXPECT_EQ(parse("ATLANTA , March 3 - x").place, "ATLANTA");
  EXPECT_EQ(parse("MINNEAPOLIS, MINN.,March 13 - x").region, "MINN.");
  EXPECT_EQ(parse("NEW DELHI, Jan 8 (IANS) The government said").place, "NEW DELHI");
  EXPECT_EQ(parse("THE HAGUE, March 2 - Dutch imports").place, "THE HAGUE");
  EXPECT_EQ(parse("S\xC3\x83O PAULO, March 2 - Brazil").place, "S\xC3\x83O PAULO");

  const Dateline culver = parse("CULVER CITY, Calif., Oct 19 - The studio", "1987-10-19");
  EXPECT_EQ(culver.place, "CULVER CITY");
  EXPECT_EQ(culver.region, "Calif.");
  EXPECT_EQ(culver.date, "1987-10-19");

  const Dateline richmond = parse("RICHMOND, Va. Feb 26 - The bank");
  EXPECT_EQ(richmond.place, "RICHMOND");
  EXPECT_EQ(richmond.region, "Va.");
  EXPECT_EQ(richmond.day, 26);

  const Dateline soweto = parse("SOWETO, South Africa, March 2 - Police");
  EXPECT_EQ(soweto.place, "SOWETO");
  EXPECT_EQ(soweto.region, "South Africa");
}

TEST(Dateline, MonthSpellings) {
  for (const char* text : {"PARIS, Sept. 3 - x", "PARIS, Sep 3 - x", "PARIS, September 3 - x", "PARIS, SEPT 3 - x",
                           "PARIS, sept 3 - x", "PARIS, 3 September - x", "PARIS, 3 Sept. - x",
                           "PARIS, Sept 3rd - x"}) {
    const Dateline d = parse(text);
    EXPECT_EQ(d.place, "PARIS") << text;
    EXPECT_EQ(d.month, 9) << text;
    EXPECT_EQ(d.day, 3) << text;
  }
  const Dateline with_year = parse("WASHINGTON, Jan. 8, 2025 (AP) \xE2\x80\x94 x");
  EXPECT_EQ(with_year.date, "2025-01-08");  // written year, no reference needed
  EXPECT_EQ(with_year.agency, "AP");
}

TEST(Dateline, SeparatorsAndBarePlaces) {
  EXPECT_EQ(parse("NEW DELHI: The government said on Monday.").place, "NEW DELHI");
  EXPECT_EQ(parse("KABUL -- Taliban fighters took the town.").place, "KABUL");
  EXPECT_EQ(parse("KABUL \xE2\x80\x93 Taliban fighters took the town.").place, "KABUL");
  EXPECT_EQ(parse("KANSAS CITY, Mo. - March 13 - American City said").day, 13);
  EXPECT_EQ(parse("****LONDON, March 5 - India bought sugar").place, "LONDON");
  EXPECT_EQ(parse("WASHINGTON, March 12, Reuter - A U.S. judge").agency, "Reuters");
  EXPECT_EQ(parse("BEIJING\xE2\x80\x94" "Chinese troops.").place, "");  // bare place needs a space after the dash
  // A bare place must be ALL CAPS: a title-case word before a colon is a label.
  EXPECT_FALSE(parse("Note: prices fell").found());
  EXPECT_FALSE(parse("London: prices fell").found());
  EXPECT_FALSE(parse("BREAKING: prices fell").found());
  EXPECT_FALSE(parse("UPDATE - prices fell").found());
  // ... and be followed by a lede, not a headline after a kicker.
  EXPECT_FALSE(parse("MUST SEE: Navy pins down Somali pirates in heroic face - off\nThe navy said.").found());
  EXPECT_FALSE(parse("NCAA: Improper gifts, assistance given to athletes\nThe NCAA said.").found());
  EXPECT_FALSE(parse("A FIRE - BOMB attack on a bank in Athens left three dead.").found());
  EXPECT_FALSE(parse("CHARGED WITH MURDER: What most of the liberal media won't tell you about the shooting at "
                     "the plant, where a female employee shot three co-workers").found());
  EXPECT_FALSE(parse("U.S. DIVIDEND MEETINGS - MARCH 3\n Mickelberry Corp").found());
  EXPECT_FALSE(parse("COPPER GRADE A - 2650 tonnes mainly carries cash nil").found());
  EXPECT_EQ(parse("DENVER -- It was about family. And Chicago.").place, "DENVER");
  EXPECT_EQ(parse("TOKYO - The Bank of Japan intervened in early\nafternoon trading").place, "TOKYO");
  EXPECT_EQ(parse("WOODBRIDGE, N.J. - Supermarkets General Corp reported sales.").region, "N.J.");
}

TEST(Dateline, LooksPastTitleAndByline) {
  const std::string text =
      "Putin meets North Korea\xE2\x80\x99s Kim in Beijing\n\nBy JIM HEINTZ\n"
      "BEIJING (AP) \xE2\x80\x94 Russian President";
  const Dateline d = parse(text);
  EXPECT_EQ(d.place, "BEIJING");
  EXPECT_EQ(d.begin, text.find("BEIJING (AP)"));

  // A strong dateline (with a date or agency) beats an earlier bare one.
  const Dateline strong = parse("SPORTS: roundup\nLONDON, Oct 19 (Reuters) - x");
  EXPECT_EQ(strong.place, "LONDON");
  EXPECT_EQ(strong.agency, "Reuters");
}

TEST(Dateline, OnlyTheHeadIsSearched) {
  const std::string late = "one\ntwo\nthree\nfour\nfive\nBEIJING, Sept 3: x";
  EXPECT_FALSE(parse(late).found());
  const std::string far = std::string(500, 'x') + "\nBEIJING, Sept 3: x";
  EXPECT_FALSE(parse(far).found());
  DatelineParams wide;
  wide.head_lines = 6;
  EXPECT_EQ(parse_dateline(late, kNoDate, wide).place, "BEIJING");
}

TEST(Dateline, OrdinarySentencesAreNotDatelines) {
  for (const char* text : {
           "Putin and Kim travelled, the Kremlin said.",
           "Officials, March 3 marks the anniversary of the flood.",
           "Moscow, Beijing and Pyongyang have agreed.",
           "On Sept 3: the parade.",
           "Updated Jan 8: new figures.",
           "Published Sept 3, 2025 - 10:30",
           "TUE, APR 07 - INDIA, BOMBAY",
           "Putin (left) and Kim shake hands.",
           "Sept 3 (Reuters) - no place",
           "March 3 - no place",
           "MARCH 3 - NO PLACE",
           "The studies found that in March 3 - 5 percent of the",
           "Beijing, Sept 31: no such day",
           "Sales of the Very Big Long Company Name, March 3 - x",
           "In the capital, prices rose.",
           "lowercase city, March 3 - x",
       }) {
    EXPECT_FALSE(parse(text).found()) << text << " → " << parse(text).place;
  }
}

TEST(Dateline, EmptyAndGarbage) {
  EXPECT_FALSE(parse("").found());
  EXPECT_FALSE(parse("\n\n   \n").found());
  EXPECT_FALSE(parse("(").found());
  EXPECT_FALSE(parse("BEIJING (").found());
  EXPECT_FALSE(parse("BEIJING, Sept").found());
  std::string bytes;
  uint64_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    bytes.clear();
    const int n = round % 97;
    for (int i = 0; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes.push_back(static_cast<char>(state >> 56));
    }
    const Dateline d = parse_dateline(bytes, at("2025-01-01"));
    EXPECT_LE(d.end, bytes.size());
    if (d.found()) {
      EXPECT_LE(d.begin + d.place.size(), bytes.size());
    }
  }
  // Random runs of dateline pieces reach every branch of the grammar.
  const char* pieces[] = {"BEIJING", "St.", "de", "Rio", ",", " ", "  ", "Sept", "Sept.", "3", "31", "2025", "(AP)",
                          "(CNN)", "(", ")", "\xE2\x80\x94", "\xE2\x80", "-", "--", ":", "\n", "*", "Calif.",
                          ", Reuter", "\xC2\xA0", "\xC3\x89", "x", "The"};
  for (int round = 0; round < 20000; ++round) {
    bytes.clear();
    const int n = 1 + round % 12;
    for (int i = 0; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes += pieces[(state >> 33) % (sizeof pieces / sizeof pieces[0])];
    }
    const Dateline d = parse_dateline(bytes, at("2025-01-01"));
    ASSERT_LE(d.end, bytes.size()) << bytes;
    if (d.found()) {
      ASSERT_EQ(bytes.compare(d.begin, d.place.size(), d.place), 0) << bytes;
      ASSERT_LE(d.begin + d.place.size(), d.end) << bytes;
      if (!d.date.empty()) {
        ASSERT_TRUE(parse_iso8601(d.date).has_value()) << bytes;
      }
    }
  }
  // A prefix of a valid dateline is never read past its end.
  const std::string full = "WASHINGTON, Jan 8 (Reuters) - The Senate";
  for (size_t n = 0; n <= full.size(); ++n) {
    const Dateline d = parse(full.substr(0, n));
    EXPECT_LE(d.end, n);
  }
}

TEST(Dateline, YearResolution) {
  // Closest to the reference, never more than a week after it.
  EXPECT_EQ(resolve_dateline_year(12, 31, at("2026-01-02")), 2025);
  EXPECT_EQ(resolve_dateline_year(1, 2, at("2025-12-30")), 2026);
  EXPECT_EQ(resolve_dateline_year(1, 5, at("2026-01-02")), 2026);  // 3 days after: same year
  EXPECT_EQ(resolve_dateline_year(1, 20, at("2026-01-02")), 2025);  // 18 days after: last year's
  EXPECT_EQ(resolve_dateline_year(9, 3, at("2025-09-04")), 2025);
  EXPECT_EQ(resolve_dateline_year(2, 29, at("2025-03-01")), 2024);
  EXPECT_EQ(resolve_dateline_year(2, 29, at("2023-03-01")), 0);  // no leap year among 2022..2024
  EXPECT_EQ(resolve_dateline_year(2, 30, at("2025-03-01")), 0);
  EXPECT_EQ(resolve_dateline_year(9, 3, kNoDate), 0);
  EXPECT_EQ(resolve_dateline_year(1, 20, at("2026-01-02"), 30), 2026);

  EXPECT_EQ(parse("Beijing, Dec 31: x", "2026-01-02").date, "2025-12-31");
  EXPECT_EQ(parse("Beijing, Jan 1: x", "2025-12-31T23:00:00Z").date, "2026-01-01");
  EXPECT_EQ(parse("Beijing, Dec 31: x").date, "");  // no reference: month and day only
  EXPECT_EQ(parse("Beijing, Dec 31: x").month, 12);
}

TEST(Dateline, ParamsValidate) {
  EXPECT_TRUE(DatelineParams{}.validate().ok());
  DatelineParams p;
  p.head_lines = 0;
  EXPECT_EQ(p.validate().code(), StatusCode::kInvalidArgument);
  p = {};
  p.max_place_words = 9;
  EXPECT_FALSE(p.validate().ok());
  p = {};
  p.max_days_after_reference = -1;
  EXPECT_FALSE(p.validate().ok());
  p = {};
  p.head_bytes = 0;
  EXPECT_FALSE(p.validate().ok());
}

// The seed page: an AP story republished by an Indian regional site.
TEST(Dateline, SeedPage) {
  const std::string path = std::string(COPYDESK_DATASETS_DIR) + "/seed/ap-putin-kim-beijing.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "seed page not found: " << path;
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  const Dateline d = parse_dateline(text, at("2025-09-04"));
  EXPECT_EQ(d.place, "Beijing");
  EXPECT_EQ(d.date, "2025-09-03");
  EXPECT_EQ(d.agency, "");
  EXPECT_EQ(text.compare(d.end, 17, "Russian President"), 0);
}

// Reuters-21578 keeps each story's dateline in a field of its own
// ("CULVER CITY, Calif., Oct 19"); on the wire it opened the body followed by
// " - " (the SGML <DATELINE> ends so). The test puts it back and parses.
struct ReutersDoc {
  std::string dateline, text;
  int64_t date = kNoDate;
};

std::vector<ReutersDoc> load_reuters(std::string& why) {
  const std::string path = std::string(COPYDESK_DATASETS_DIR) + "/reuters21578/docs.jsonl.gz";
  std::vector<ReutersDoc> out;
  if (!std::filesystem::exists(path)) {
    why = "Reuters-21578 not found: " + path;
    return out;
  }
  CorpusReader reader;
  if (Status s = reader.add_jsonl(path); !s.ok()) {
    why = s.message();
    return out;
  }
  simdjson::dom::parser parser;
  for (const Document& doc : reader.corpus().docs) {
    ReutersDoc r;
    r.text = doc.text;
    r.date = doc.date;
    const simdjson::padded_string carried("{" + doc.carried + "}");
    std::string_view dateline;
    if (parser.parse(carried)["dateline"].get(dateline) == simdjson::SUCCESS) r.dateline = dateline;
    out.push_back(std::move(r));
  }
  return out;
}

TEST(Dateline, Reuters21578) {
  std::string why;
  const std::vector<ReutersDoc> docs = load_reuters(why);
  if (docs.empty()) GTEST_SKIP() << why;

  size_t with_dateline = 0, found = 0, exact_span = 0, dated = 0, near_doc_date = 0, body_only_found = 0;
  std::vector<std::string> misses;
  for (const ReutersDoc& doc : docs) {
    if (parse_dateline(doc.text, doc.date).found()) ++body_only_found;
    if (doc.dateline.empty()) continue;
    ++with_dateline;
    const std::string raw = doc.dateline + " - " + doc.text;
    const Dateline d = parse_dateline(raw, doc.date);
    if (!d.found()) {
      if (misses.size() < 12) misses.push_back(doc.dateline);
      continue;
    }
    ++found;
    // The place is the dateline's own start, as written; the region and the
    // date follow it; the lede starts right after " - ".
    const size_t body = doc.text.find_first_not_of(" \t\r\n");
    const bool span_ok = d.begin == 0 && doc.dateline.compare(0, d.place.size(), d.place) == 0 &&
                         (d.region.empty() || doc.dateline.find(d.region) != std::string::npos) &&
                         d.end == doc.dateline.size() + 3 + (body == std::string::npos ? doc.text.size() : body);
    exact_span += span_ok;
    if (d.date.empty()) continue;
    ++dated;
    const int64_t days = (doc.date - *parse_iso8601(d.date)) / 86400;
    near_doc_date += days >= 0 && days <= 3;
  }
  const double found_share = double(found) / double(with_dateline);
  const double span_share = double(exact_span) / double(found);
  const double date_share = double(near_doc_date) / double(dated);
  std::printf("Reuters-21578: %zu docs, %zu with a dateline field; found %zu (%.2f%%), exact place/span %.2f%%, "
              "dated %zu, date 0..3 days before the doc date %.2f%%; found in bodies without dateline %zu\n",
              docs.size(), with_dateline, found, 100 * found_share, 100 * span_share, dated, 100 * date_share,
              body_only_found);
  for (const std::string& m : misses) std::printf("  missed: %s\n", m.c_str());
  EXPECT_GE(found_share, 0.98);
  EXPECT_GE(span_share, 0.99);
  EXPECT_GE(date_share, 0.97);
  EXPECT_LE(double(body_only_found) / double(docs.size()), 0.01);
}

}  // namespace
}  // namespace copydesk
