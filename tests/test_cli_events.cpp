// End-to-end tests of `copydesk events`: copy groups, events and storylines
// of a generated crawl against its gold labels, the three output files, the
// thread count never changing a byte, and bad input.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace copydesk {
namespace {

using testing::CliResult;
using testing::count_lines;
using testing::make_temp_dir;
using testing::read_file;
using testing::run_cli;
using testing::write_file;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The crawl, generated once for the suite, and one events run over it.
class CliEvents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(make_temp_dir("cli-events"));
    const CliResult g = run_cli("generate --docs 20000 --seed 5 -o " + path("crawl.jsonl"));
    ASSERT_EQ(g.exit_code, 0) << g.err;
    run_ = new CliResult(run_cli("events -q -j 2 " + path("crawl.jsonl") + " -o " + path("docs.jsonl") +
                                 " --events " + path("events.jsonl") + " --storylines " +
                                 path("storylines.jsonl") + " --stats " + path("stats.json") +
                                 " --score-groups gold_group --score gold_event --score-storylines gold_storyline"));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete run_;
  }
  static std::string path(const std::string& name) { return (*dir_ / name).string(); }

  static std::filesystem::path* dir_;
  static CliResult* run_;
};
std::filesystem::path* CliEvents::dir_ = nullptr;
CliResult* CliEvents::run_ = nullptr;

TEST_F(CliEvents, ScoresEventsAndStorylinesAgainstGold) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  simdjson::dom::parser parser;
  simdjson::dom::element stats = parser.load(path("stats.json"));
  std::map<std::string, double> ari;
  for (simdjson::dom::element s : stats["scores"].get_array()) {
    ari[std::string(std::string_view(s["score"]))] = double(s["ari"]);
  }
  ASSERT_EQ(ari.size(), 3u) << run_->err;
  // The issue asks for event and storyline ARI >= 0.9 on the generated crawl.
  // Measured here (20,000 documents, seed 5): copy groups 0.999, events
  // 0.985, storylines 0.934 (storylines.h has how).
  EXPECT_GE(ari["copy groups"], 0.99) << run_->err;
  EXPECT_GE(ari["events"], 0.95) << run_->err;
  EXPECT_GE(ari["storylines"], 0.9) << run_->err;
  EXPECT_EQ(uint64_t(stats["documents"]), 20000u);
}

TEST_F(CliEvents, OneLinePerDocumentInInputOrder) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  const std::vector<std::string> crawl = lines_of(read_file(path("crawl.jsonl")));
  const std::vector<std::string> docs = lines_of(read_file(path("docs.jsonl")));
  ASSERT_EQ(docs.size(), crawl.size());
  simdjson::dom::parser p1, p2;
  for (size_t i = 0; i < docs.size(); ++i) {
    simdjson::dom::element in = p1.parse(crawl[i]);
    simdjson::dom::element out = p2.parse(docs[i]);
    ASSERT_EQ(std::string_view(in["id"]), std::string_view(out["id"])) << i;
    for (const char* f : {"group", "event", "storyline"}) {
      uint64_t v;
      ASSERT_EQ(out[f].get(v), simdjson::SUCCESS) << f << " missing in " << docs[i];
    }
    std::string_view canonical;
    ASSERT_EQ(out["canonical"].get(canonical), simdjson::SUCCESS) << docs[i];
    // Known fields and the carried gold labels come through.
    EXPECT_EQ(std::string_view(in["title"]), std::string_view(out["title"]));
    EXPECT_EQ(std::string_view(in["site"]), std::string_view(out["site"]));
    EXPECT_EQ(std::string_view(in["date"]), std::string_view(out["date"]));
    EXPECT_EQ(std::string_view(in["gold_event"]), std::string_view(out["gold_event"]));
  }
}

TEST_F(CliEvents, SummariesAgreeWithTheDocuments) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  simdjson::dom::parser parser;
  // Documents per event and storyline, and each event's storyline, from the per-document file.
  std::map<uint64_t, uint64_t> docs_of_event, storyline_of_event;
  std::map<uint64_t, std::set<std::string>> sites_of_event;
  std::map<uint64_t, std::string> first_date, last_date;
  for (const std::string& l : lines_of(read_file(path("docs.jsonl")))) {
    simdjson::dom::element d = parser.parse(l);
    const uint64_t e = uint64_t(d["event"]);
    ++docs_of_event[e];
    storyline_of_event[e] = uint64_t(d["storyline"]);
    sites_of_event[e].insert(std::string{std::string_view(d["site"])});
    const std::string date{std::string_view(d["date"])};
    if (first_date[e].empty() || date < first_date[e]) first_date[e] = date;
    if (date > last_date[e]) last_date[e] = date;
  }
  const std::vector<std::string> events = lines_of(read_file(path("events.jsonl")));
  ASSERT_EQ(events.size(), docs_of_event.size());
  for (size_t i = 0; i < events.size(); ++i) {
    simdjson::dom::element e = parser.parse(events[i]);
    ASSERT_EQ(uint64_t(e["event"]), i) << "events are written in event order";
    EXPECT_EQ(uint64_t(e["documents"]), docs_of_event[i]);
    EXPECT_EQ(uint64_t(e["storyline"]), storyline_of_event[i]);
    EXPECT_EQ(std::string_view(e["start"]), first_date[i]);
    EXPECT_EQ(std::string_view(e["end"]), last_date[i]);
    EXPECT_EQ(e["sources"].get_array().size(), sites_of_event[i].size());
    std::string_view headline;
    EXPECT_EQ(e["headline"].get(headline), simdjson::SUCCESS);
    EXPECT_FALSE(headline.empty());
    EXPECT_GT(e["top_terms"].get_array().size(), 0u) << events[i];
  }
  // Each storyline lists its events in time order, and every event exactly once.
  std::set<uint64_t> seen;
  std::map<uint64_t, std::string> start_of;
  for (size_t i = 0; i < events.size(); ++i) {
    start_of[i] = std::string{std::string_view(parser.parse(events[i])["start"])};
  }
  const std::vector<std::string> storylines = lines_of(read_file(path("storylines.jsonl")));
  for (size_t s = 0; s < storylines.size(); ++s) {
    simdjson::dom::element st = parser.parse(storylines[s]);
    ASSERT_EQ(uint64_t(st["storyline"]), s);
    std::string previous;
    for (uint64_t e : st["events"].get_array()) {
      EXPECT_TRUE(seen.insert(e).second) << "event " << e << " in two storylines";
      EXPECT_EQ(storyline_of_event[e], s);
      EXPECT_LE(previous, start_of[e]) << "storyline " << s << " is not in time order";
      previous = start_of[e];
    }
  }
  EXPECT_EQ(seen.size(), events.size());
  // The generated crawl has follow-ups: some storylines must hold several events.
  EXPECT_LT(storylines.size(), events.size());
}

TEST_F(CliEvents, ThreadCountNeverChangesTheOutput) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  const CliResult one = run_cli("events -q -j 1 " + path("crawl.jsonl") + " -o " + path("docs1.jsonl") +
                                " --events " + path("events1.jsonl") + " --storylines " + path("storylines1.jsonl"));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(read_file(path("docs1.jsonl")), read_file(path("docs.jsonl")));
  EXPECT_EQ(read_file(path("events1.jsonl")), read_file(path("events.jsonl")));
  EXPECT_EQ(read_file(path("storylines1.jsonl")), read_file(path("storylines.jsonl")));
}

TEST_F(CliEvents, GroupsFromADedupRunGiveTheSameCopyGroups) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  ASSERT_EQ(run_cli("dedup -q --containment " + path("crawl.jsonl") + " -o " + path("assign.jsonl")).exit_code, 0);
  const CliResult r = run_cli("events -q " + path("crawl.jsonl") + " --groups " + path("assign.jsonl") + " -o " +
                              path("docs-g.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(path("docs-g.jsonl")), read_file(path("docs.jsonl")));
}

// Standard input is read more than once (copied to a temporary file): the
// same crawl through a pipe gives the same bytes as the file.
TEST_F(CliEvents, StdinGivesTheSameOutputsAsTheFile) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  const CliResult piped = run_cli("events -q -j 2 - -o " + path("docs-in.jsonl") + " --events " +
                                      path("events-in.jsonl") + " --storylines " + path("storylines-in.jsonl"),
                                  path("crawl.jsonl"));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(read_file(path("docs-in.jsonl")), read_file(path("docs.jsonl")));
  EXPECT_EQ(read_file(path("events-in.jsonl")), read_file(path("events.jsonl")));
  EXPECT_EQ(read_file(path("storylines-in.jsonl")), read_file(path("storylines.jsonl")));
}

class CliEventsInput : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("cli-events-input"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(CliEventsInput, BadRecordFailsNamingFileAndLineAndWritesNothing) {
  write_file(path("in.jsonl"),
             "{\"id\":\"a\",\"text\":\"Flooding in Guwahati closed schools on Monday.\"}\n"
             "{\"id\":\"b\",\"text\":\n"
             "{\"id\":\"c\",\"text\":\"The central bank raised rates in Rome.\"}\n");
  const CliResult r = run_cli("events " + path("in.jsonl") + " -o " + path("out.jsonl"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("in.jsonl:2"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path("out.jsonl")));
}

TEST_F(CliEventsInput, SkipListsRejectsAndAccountsForEveryRecord) {
  write_file(path("in.jsonl"),
             "{\"id\":\"a\",\"text\":\"Flooding in Guwahati closed schools on Monday.\"}\n"
             "{\"id\":\"a\",\"text\":\"A duplicate id.\"}\n"
             "{\"id\":\"c\",\"text\":\"\"}\n"
             "{\"id\":\"d\",\"text\":\"The central bank raised rates in Rome.\"}\n");
  const CliResult r = run_cli("events -q --on-error skip " + path("in.jsonl") + " -o " + path("out.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines(read_file(path("out.jsonl"))), 2u);
  const std::string rejects = read_file(path("out.jsonl.rejects.jsonl"));
  EXPECT_EQ(count_lines(rejects), 2u) << rejects;
  EXPECT_NE(rejects.find("duplicate"), std::string::npos) << rejects;
}

// Two happenings, six reports each, every report an item of its own
// (--copies off; with copy groups this crawl is two items, too few to fit
// the embedder's word weights on): every line names its event, the two
// events are apart, and --score finds ARI 1.
TEST_F(CliEventsInput, WritesOneLinePerDocumentAndScores) {
  std::string jsonl;
  const char* quake = "A magnitude 6.1 earthquake struck Ardena Province on Tuesday, the Geological Survey said. ";
  const char* vote = "Voters in Belmora went to the polls on Sunday to elect a new parliament, officials said. ";
  for (int i = 0; i < 6; ++i) {
    jsonl += "{\"id\":\"q" + std::to_string(i) + "\",\"date\":\"2026-03-0" + std::to_string(1 + i % 3) +
             "\",\"gold\":\"quake\",\"text\":\"" + quake + "Rescuers in Ardena searched collapsed homes, report " +
             std::to_string(i) + ".\"}\n";
    jsonl += "{\"id\":" + std::to_string(100 + i) + ",\"date\":\"2026-03-0" + std::to_string(1 + i % 3) +
             "\",\"gold\":\"vote\",\"text\":\"" + vote + "Turnout in Belmora was high, report " + std::to_string(i) +
             ".\"}\n";
  }
  write_file(path("in.jsonl"), jsonl);
  const CliResult r = run_cli("events --copies off " + path("in.jsonl") + " -o " + path("out.jsonl") + " --score gold -j 2");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> out = lines_of(read_file(path("out.jsonl")));
  ASSERT_EQ(out.size(), 12u);
  EXPECT_EQ(out[0].rfind("{\"id\":\"q0\",\"group\":0,\"canonical\":\"q0\",\"event\":0,\"storyline\":0,", 0), 0u)
      << out[0];
  simdjson::dom::parser parser;
  std::set<uint64_t> quake_events, vote_events;
  for (size_t i = 0; i < out.size(); ++i) {
    simdjson::dom::element e = parser.parse(out[i]);
    (i % 2 == 0 ? quake_events : vote_events).insert(uint64_t(e["event"]));
    EXPECT_EQ(std::string_view(e["gold"]), i % 2 == 0 ? "quake" : "vote") << "carried fields come through";
  }
  EXPECT_EQ(quake_events, std::set<uint64_t>{0});
  EXPECT_EQ(vote_events, std::set<uint64_t>{1});
  EXPECT_NE(r.err.find("\"ari\":1"), std::string::npos) << r.err;

  const CliResult bad = run_cli("events " + path("in.jsonl") + " --k 0");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("k must be"), std::string::npos) << bad.err;
  for (const char* option : {"--event-datelines", "--storyline-datelines"}) {
    const CliResult place = run_cli("events " + path("in.jsonl") + " " + option + " 1");
    EXPECT_EQ(place.exit_code, 2) << option;
    EXPECT_NE(place.err.find("dateline"), std::string::npos) << place.err;
  }
}

// ECB+ (gold = subtopic) through the command line at its defaults. Measured:
// ARI 0.912 / pairwise F1 0.913 with the dates ignored, 0.851 / 0.853 with
// ECB+'s partial dates (not publication dates: one event's articles span up
// to two years); the issue asks for 0.85.
TEST_F(CliEventsInput, EcbPlusEvents) {
  const std::filesystem::path ecb = testing::datasets_dir() / "ecbplus" / "docs.jsonl";
  if (!std::filesystem::exists(ecb)) GTEST_SKIP() << "dataset not found: " << ecb;
  for (const std::string& dates : {std::string("--window 0 --decay 0"), std::string()}) {
    const CliResult r = run_cli("events -q " + ecb.string() + " -o /dev/null --score subtopic --stats " +
                                path("s.json") + " " + dates);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    simdjson::dom::parser parser;
    simdjson::dom::element score = parser.load(path("s.json"))["scores"].at(0);
    const double floor = dates.empty() ? 0.85 : 0.9;
    EXPECT_GE(double(score["ari"]), floor) << dates << ": " << r.err;
    EXPECT_GE(double(score["pairwise_f1"]), floor) << dates << ": " << r.err;
  }
}

// What an event file says of an event, without the numbers and the
// representative's id, which depend on how the input names and orders its
// documents.
std::multiset<std::string> event_contents(const std::string& events_jsonl) {
  std::multiset<std::string> out;
  simdjson::dom::parser parser;
  for (const std::string& line : lines_of(events_jsonl)) {
    simdjson::dom::element e = parser.parse(line);
    std::string about = std::to_string(uint64_t(e["documents"])) + "|" + std::to_string(uint64_t(e["groups"]));
    for (const char* field : {"start", "end", "wire", "headline"}) {
      std::string_view v;
      about += "|" + std::string(e[field].get(v) == simdjson::SUCCESS ? v : "-");
    }
    for (const char* list : {"sources", "top_terms"}) {
      about += "|";
      for (simdjson::dom::element w : e[list].get_array()) about += std::string(std::string_view(w)) + ",";
    }
    out.insert(about);
  }
  return out;
}

// Web pages (read in passes: extracted once and spooled, boilerplate counted
// over the crawl, then stripped from every page): the same pages as a WARC
// file and as a folder give the same events, which match the gold labels; a
// file of the folder without text is rejected and the rest still read; the
// thread count changes nothing.
TEST_F(CliEventsInput, WebPagesAsWarcOrFolderGiveTheSameStories) {
  ASSERT_EQ(run_cli("generate --docs 1500 --seed 11 --format warc --gzip-level 1 -o " + path("c.warc.gz")).exit_code, 0);
  ASSERT_EQ(run_cli("generate --docs 1500 --seed 11 --format html -o " + path("pages")).exit_code, 0);
  write_file(path("pages/site01.example/empty.txt"), " \n");
  for (const std::string threads : {"1", "2"}) {
    const CliResult r = run_cli("events -q -j " + threads + " " + path("c.warc.gz") + " -o " + path("w" + threads) +
                                " --events " + path("we" + threads) + " --storylines " + path("ws" + threads));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(read_file(path("w1")), read_file(path("w2")));
  EXPECT_EQ(read_file(path("we1")), read_file(path("we2")));
  EXPECT_EQ(read_file(path("ws1")), read_file(path("ws2")));
  const CliResult folder = run_cli("events -q --on-error skip " + path("pages") + " -o " + path("f") + " --events " +
                                   path("fe") + " --rejects " + path("rejects"));
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(count_lines(read_file(path("w2"))), 1500u);
  EXPECT_EQ(count_lines(read_file(path("f"))), 1500u);
  const std::string rejects = read_file(path("rejects"));
  EXPECT_EQ(count_lines(rejects), 1u);
  EXPECT_NE(rejects.find("empty.txt"), std::string::npos) << rejects;
  const std::multiset<std::string> events = event_contents(read_file(path("we2")));
  EXPECT_GT(events.size(), 100u);
  EXPECT_EQ(events, event_contents(read_file(path("fe"))));
  // Measured: ARI 1 (copy groups), 0.994 (events), 0.954 (storylines).
  for (const auto& [docs, gold] : {std::pair{"w2", "c.gold.jsonl"}, std::pair{"f", "pages.gold.jsonl"}}) {
    for (const auto& [field, floor] : {std::pair{"group", 0.99}, std::pair{"event", 0.95}, std::pair{"storyline", 0.9}}) {
      const CliResult e = run_cli("eval --json --pred " + path(docs) + " --pred-field " + field + " --gold " +
                                  path(gold) + " --gold-field gold_" + field);
      ASSERT_EQ(e.exit_code, 0) << e.err;
      simdjson::dom::parser parser;
      EXPECT_GE(double(parser.parse(e.out)["clustering"]["ari"]), floor) << docs << " " << field << ": " << e.out;
    }
  }
}

TEST_F(CliEventsInput, HelpExplainsTheOutputs) {
  const CliResult r = run_cli("events --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* word : {"--events", "--storylines", "--groups", "--window", "--score-storylines", "storyline"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace copydesk
