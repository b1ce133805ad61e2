// End-to-end tests of `copydesk dedup`: outputs, exit codes, one test per
// bad-input case, and byte-identical output whatever the thread count.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli_runner.h"

namespace copydesk {
namespace {

using testing::CliResult;
using testing::count_lines;
using testing::make_temp_dir;
using testing::read_file;
using testing::run_cli;
using testing::write_file;

const char* kStory =
    "BEIJING (AP) — Russian President Vladimir Putin and North Korean leader Kim Jong Un met to begin bilateral "
    "talks in Beijing on Wednesday after attending a military parade that marked the 80th anniversary of the end "
    "of World War II. The two leaders travelled from a formal reception to the negotiations in the same car, the "
    "Kremlin said in a post on social media.";

std::string line(const std::string& id, const std::string& text, const std::string& extra = "") {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"" + extra + "}\n";
}


class CliDedup : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("cli-dedup"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string good_input() {
    const std::string story = kStory;
    std::string in = line("orig", story, ",\"date\":\"2025-09-03T08:00:00Z\",\"site\":\"apnews.com\"");
    in += line("copy1", story + " Hot this week: local news.", ",\"date\":\"2025-09-03T09:00:00Z\"");
    in += line("other", "A completely different story about the monsoon rains flooding low-lying districts of "
                        "Guwahati, where officials opened relief camps and schools were closed for the week.");
    in += line("copy2", "Putin meets Kim. " + story, ",\"lang\":\"en\"");
    return in;
  }
  std::filesystem::path dir_;
};

TEST_F(CliDedup, GroupsCopiesAndKeepsInputOrder) {
  write_file(path("in.jsonl"), good_input());
  const CliResult r = run_cli("dedup " + path("in.jsonl") + " -o " + path("out.jsonl") + " --groups " +
                              path("groups.jsonl") + " --keep " + path("keep.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string out = read_file(path("out.jsonl"));
  std::istringstream lines(out);
  std::string l1, l2, l3, l4;
  std::getline(lines, l1);
  std::getline(lines, l2);
  std::getline(lines, l3);
  std::getline(lines, l4);
  EXPECT_EQ(l1.rfind("{\"id\":\"orig\",\"group\":0,\"group_size\":3,\"canonical\":\"orig\",\"similarity\":1", 0), 0u) << l1;
  EXPECT_EQ(l2.rfind("{\"id\":\"copy1\",\"group\":0,", 0), 0u) << l2;
  EXPECT_EQ(l3.rfind("{\"id\":\"other\",\"group\":1,\"group_size\":1", 0), 0u) << l3;
  EXPECT_EQ(l4.rfind("{\"id\":\"copy2\",\"group\":0,", 0), 0u) << l4;
  EXPECT_NE(l4.find("\"lang\":\"en\""), std::string::npos);  // unknown field carried
  EXPECT_EQ(read_file(path("groups.jsonl")),
            "{\"group\":0,\"size\":3,\"canonical\":\"orig\",\"members\":[\"orig\",\"copy1\",\"copy2\"]}\n");
  EXPECT_EQ(read_file(path("keep.txt")), "orig\nother\n");
  EXPECT_NE(r.err.find("4 documents"), std::string::npos) << r.err;
}

TEST_F(CliDedup, ReadsStdinAndWritesStdout) {
  write_file(path("in.jsonl"), good_input());
  const CliResult r = run_cli("dedup - -q", path("in.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines(r.out), 4u);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(CliDedup, ReadsAFolderOfTextFiles) {
  std::filesystem::create_directories(dir_ / "txt");
  write_file(dir_ / "txt" / "a.txt", kStory);
  write_file(dir_ / "txt" / "b.txt", std::string(kStory) + " (AP)");
  const CliResult r = run_cli("dedup -q " + (dir_ / "txt").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // No dates: the longer text is canonical.
  EXPECT_NE(r.out.find("{\"id\":\"a.txt\",\"group\":0,\"group_size\":2,\"canonical\":\"b.txt\""), std::string::npos)
      << r.out;
}

// One test per bad-input case: with the default --on-error=fail, exit 2, the
// message names file, line and problem, and no output file is written.
struct BadCase {
  const char* name;
  std::string record;
  const char* message;
};

class CliDedupBadInput : public CliDedup, public ::testing::WithParamInterface<BadCase> {};

TEST_P(CliDedupBadInput, FailsBeforeWritingAnything) {
  const BadCase& c = GetParam();
  write_file(path("in.jsonl"), good_input() + c.record + "\n");
  const CliResult r = run_cli("dedup " + path("in.jsonl") + " -o " + path("out.jsonl"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("in.jsonl:5:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path("out.jsonl")));
}

TEST_P(CliDedupBadInput, SkipGoesOnAndListsTheReject) {
  const BadCase& c = GetParam();
  write_file(path("in.jsonl"), good_input() + c.record + "\n");
  const CliResult r = run_cli("dedup --on-error=skip " + path("in.jsonl") + " -o " + path("out.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Nothing is lost: inputs = outputs + rejects.
  EXPECT_EQ(count_lines(read_file(path("out.jsonl"))), 4u);
  const std::string rejects = read_file(path("out.jsonl.rejects.jsonl"));
  EXPECT_EQ(count_lines(rejects), 1u);
  EXPECT_NE(rejects.find("\"line\":5"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find(c.message), std::string::npos) << rejects;
  EXPECT_NE(r.err.find("1 rejected"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliDedupBadInput,
    ::testing::Values(BadCase{"malformed", "{\"id\":\"x\",\"text\":\"unterminated", "malformed JSON"},
                      BadCase{"missing_id", "{\"text\":\"no id here\"}", "missing field 'id'"},
                      BadCase{"duplicate_id", "{\"id\":\"orig\",\"text\":\"again\"}", "duplicate id 'orig'"},
                      BadCase{"wrong_type", "{\"id\":\"w\",\"text\":[\"not\",\"a\",\"string\"]}",
                              "field 'text' must be a string"},
                      BadCase{"empty_text", "{\"id\":\"e\",\"text\":\"  \"}", "field 'text' is empty"},
                      BadCase{"missing_text", "{\"id\":\"m\",\"title\":\"only a title\"}", "missing field 'text'"},
                      BadCase{"bad_date", "{\"id\":\"d\",\"text\":\"x\",\"date\":\"3rd of May\"}",
                              "not an ISO 8601 date"}),
    [](const ::testing::TestParamInfo<BadCase>& case_info) { return std::string(case_info.param.name); });

TEST_F(CliDedup, InvalidUtf8IsRepairedNotFatal) {
  write_file(path("in.jsonl"), good_input() + line("bad-utf8", "caf\xE9 cr\xE8me story"));
  const CliResult r = run_cli("dedup " + path("in.jsonl") + " -o " + path("out.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines(read_file(path("out.jsonl"))), 5u);
  EXPECT_NE(r.err.find("1 with invalid UTF-8 repaired"), std::string::npos) << r.err;
}

TEST_F(CliDedup, MissingInputFileIsAnError) {
  const CliResult r = run_cli("dedup " + path("absent.jsonl"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("absent.jsonl: no such file"), std::string::npos) << r.err;
}

TEST_F(CliDedup, BadOptionsAreErrors) {
  EXPECT_EQ(run_cli("dedup --threshold 1.5 -").exit_code, 2);
  EXPECT_EQ(run_cli("dedup --bands 64 --rows 4 -").exit_code, 2);  // 256 > num_perm
  EXPECT_EQ(run_cli("dedup --no-such-flag").exit_code, 2);
  EXPECT_EQ(run_cli("").exit_code, 2);  // a subcommand is required
}

TEST_F(CliDedup, HelpExplainsEveryOption) {
  const CliResult r = run_cli("dedup --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"--output", "--groups", "--keep", "--rejects", "--on-error", "--threshold", "--ngram",
                           "--char-ngrams", "--num-perm", "--bands", "--rows", "--max-bucket", "--exact",
                           "--containment", "--threads", "--stats", "--progress"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
}

TEST_F(CliDedup, ContainmentFindsACopyCutShort) {
  const std::string story = std::string(kStory) + " " + kStory;  // long enough to cut
  const std::string cut = std::string(kStory);
  std::string in = line("full", std::string(kStory) +
                                    " North Korea has sent around 15,000 troops to Russia since last year, according to "
                                    "South Korean assessments, and large quantities of military equipment including "
                                    "ballistic missiles and artillery to help fuel the invasion of Ukraine.");
  in += line("cut", kStory);
  write_file(path("in.jsonl"), in);
  const CliResult jaccard = run_cli("dedup -q " + path("in.jsonl"));
  EXPECT_NE(jaccard.out.find("{\"id\":\"cut\",\"group\":1,"), std::string::npos) << jaccard.out;
  const CliResult containment = run_cli("dedup -q --containment " + path("in.jsonl"));
  EXPECT_NE(containment.out.find("{\"id\":\"cut\",\"group\":0,"), std::string::npos) << containment.out;
  const CliResult exact = run_cli("dedup -q --containment --exact " + path("in.jsonl"));
  EXPECT_NE(exact.out.find("{\"id\":\"cut\",\"group\":0,\"group_size\":2,\"canonical\":\"full\",\"similarity\":1"),
            std::string::npos)
      << exact.out;
}

TEST_F(CliDedup, SameBytesWhateverTheThreadCount) {
  const CliResult gen = run_cli("generate --docs 3000 --seed 5 --output " + path("crawl.jsonl"));
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  for (const char* mode : {"", "--containment", "--exact", "--method simhash", "--method both"}) {
    const std::string common = std::string("dedup -q ") + mode + " " + path("crawl.jsonl");
    ASSERT_EQ(run_cli(common + " -j 1 -o " + path("one.jsonl") + " --groups " + path("g1.jsonl")).exit_code, 0);
    ASSERT_EQ(run_cli(common + " -j 2 -o " + path("two.jsonl") + " --groups " + path("g2.jsonl")).exit_code, 0);
    const std::string one = read_file(path("one.jsonl"));
    EXPECT_EQ(count_lines(one), 3000u);
    EXPECT_EQ(one, read_file(path("two.jsonl"))) << mode;
    EXPECT_EQ(read_file(path("g1.jsonl")), read_file(path("g2.jsonl"))) << mode;
  }
}

TEST_F(CliDedup, BuiltInCrawlPrintsAReadableReport) {
  const CliResult r = run_cli("dedup --demo-docs 500");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Largest copy groups"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ARI"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("built-in generated crawl"), std::string::npos) << r.err;
}

TEST_F(CliDedup, StatsFileHasCountsAndStageTimes) {
  write_file(path("in.jsonl"), good_input());
  ASSERT_EQ(run_cli("dedup -q " + path("in.jsonl") + " -o /dev/null --stats " + path("stats.json")).exit_code, 0);
  const std::string stats = read_file(path("stats.json"));
  for (const char* key : {"\"documents\":4", "\"duplicates\":2", "\"seconds\":", "\"lsh\":", "\"verify\":"}) {
    EXPECT_NE(stats.find(key), std::string::npos) << key << " in " << stats;
  }
}

}  // namespace
}  // namespace copydesk
