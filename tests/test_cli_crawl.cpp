// End-to-end tests of `copydesk dedup` on web crawls: WARC and HTML folders
// from the generator's per-site templates, boilerplate removal, bad records.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <regex>

#include "cli_runner.h"

namespace copydesk {
namespace {

using testing::CliResult;
using testing::count_lines;
using testing::make_temp_dir;
using testing::read_file;
using testing::run_cli;
using testing::write_file;


double ari_of(const std::string& eval_json) {
  std::smatch m;
  static const std::regex re("\"ari\":([0-9.eE+-]+)");
  return std::regex_search(eval_json, m, re) ? std::stod(m[1]) : -1.0;
}

class CliCrawl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = make_temp_dir("crawl");
    const CliResult gen =
        run_cli("generate --docs 1500 --seed 11 --format warc --gzip-level 1 -o " + path("crawl.warc.gz"));
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::string path(const std::string& name) { return (dir_ / name).string(); }
  // ARI of `copydesk dedup FLAGS crawl.warc.gz` against the generator's gold.
  static double ari(const std::string& flags) {
    const CliResult r = run_cli("dedup -q " + flags + " " + path("crawl.warc.gz") + " -o " + path("a.jsonl"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(count_lines(read_file(path("a.jsonl"))), 1500u);
    const CliResult e = run_cli("eval --json --pred " + path("a.jsonl") + " --gold " + path("crawl.gold.jsonl") +
                                " --gold-field gold_group");
    EXPECT_EQ(e.exit_code, 0) << e.err;
    return ari_of(e.out);
  }
  static std::filesystem::path dir_;
};
std::filesystem::path CliCrawl::dir_;

TEST_F(CliCrawl, WarcCopyGroupsMatchGold) {
  EXPECT_GE(ari("--containment"), 0.95);
  EXPECT_GE(ari("--containment --boilerplate off"), 0.95);  // main-content extraction alone
}

TEST_F(CliCrawl, BoilerplateRemovalRescuesAllVisibleText) {
  // With every visible line kept, each site's furniture makes its pages look
  // alike and hides the shared story; removing what recurs across the site
  // brings the copy groups back.
  const double with = ari("--containment --all-text --boilerplate on --report-boilerplate " + path("bp.jsonl"));
  const double without = ari("--containment --all-text --boilerplate off");
  EXPECT_GE(with, 0.95);
  EXPECT_LT(without, 0.6);
  const std::string report = read_file(path("bp.jsonl"));
  EXPECT_GT(count_lines(report), 30u);  // most of the 40 sites lost something
  EXPECT_NE(report.find("\"kind\":\"furniture\""), std::string::npos);
}

TEST_F(CliCrawl, OutputCarriesPageMetadata) {
  ASSERT_EQ(run_cli("dedup -q " + path("crawl.warc.gz") + " -o " + path("m.jsonl")).exit_code, 0);
  std::ifstream in(path("m.jsonl"));
  std::string line;
  size_t lines = 0, with_title = 0, with_date = 0, with_site = 0, with_wire = 0;
  while (std::getline(in, line)) {
    ++lines;
    with_title += line.find("\"title\":") != std::string::npos;
    with_date += line.find("\"date\":") != std::string::npos;
    with_site += line.find("\"site\":\"site") != std::string::npos;
    with_wire += line.find("\"wire\":") != std::string::npos;
    EXPECT_EQ(line.rfind("{\"id\":\"https://", 0), 0u) << line;  // id = WARC-Target-URI
  }
  EXPECT_EQ(lines, 1500u);
  EXPECT_EQ(with_title, lines);
  EXPECT_EQ(with_date, lines);
  EXPECT_EQ(with_site, lines);
  EXPECT_GT(with_wire, lines / 3);  // wire stories carry a dateline "(AP) —" / "(Reuters) -"
}

TEST_F(CliCrawl, ADamagedRecordIsRejectedAndTheRestRead) {
  const auto dir = make_temp_dir("warcbad");
  const std::string warc = (dir / "c.warc").string();
  ASSERT_EQ(run_cli("generate --docs 50 --seed 2 --format warc --no-gzip -o " + warc).exit_code, 0);
  std::string bytes = read_file(warc);
  // Break the version line of the 10th record: "WARC/1.1" → "WARX/1.1".
  size_t at = 0;
  for (int k = 0; k < 11; ++k) at = bytes.find("WARC/1.1\r\n", at + 1);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 3] = 'X';
  write_file(warc, bytes + "garbage at the end \x01\x02\x03");
  const CliResult fail = run_cli("dedup " + warc + " -o " + (dir / "a.jsonl").string());
  EXPECT_EQ(fail.exit_code, 2);
  EXPECT_NE(fail.err.find(": at byte "), std::string::npos) << fail.err;
  EXPECT_EQ(fail.err.find(".warc:0:"), std::string::npos) << fail.err;  // no line numbers in WARC
  const CliResult skip = run_cli("dedup -q --on-error skip " + warc + " -o " + (dir / "a.jsonl").string() +
                                 " --rejects " + (dir / "r.jsonl").string());
  ASSERT_EQ(skip.exit_code, 0) << skip.err;
  const size_t docs = count_lines(read_file(dir / "a.jsonl"));
  const size_t rejects = count_lines(read_file(dir / "r.jsonl"));
  EXPECT_GE(rejects, 1u);
  EXPECT_EQ(docs, 49u);  // only the broken record is lost
  std::filesystem::remove_all(dir);
}

TEST_F(CliCrawl, HtmlFolderAndHtmlFieldGiveTheSameGroupsAsWarc) {
  const auto dir = make_temp_dir("html");
  ASSERT_EQ(run_cli("generate --docs 400 --seed 4 --format html -o " + (dir / "pages").string()).exit_code, 0);
  ASSERT_EQ(run_cli("generate --docs 400 --seed 4 --format jsonl-html -o " + (dir / "p.jsonl").string()).exit_code, 0);
  ASSERT_EQ(run_cli("dedup -q --containment " + (dir / "pages").string() + " --groups " + (dir / "g1.jsonl").string() +
                    " -o " + (dir / "a1.jsonl").string())
                .exit_code,
            0);
  ASSERT_EQ(run_cli("dedup -q --containment --boilerplate on " + (dir / "p.jsonl").string() + " --groups " +
                    (dir / "g2.jsonl").string() + " -o " + (dir / "a2.jsonl").string())
                .exit_code,
            0);
  EXPECT_EQ(count_lines(read_file(dir / "a1.jsonl")), 400u);
  EXPECT_EQ(count_lines(read_file(dir / "a2.jsonl")), 400u);
  // Same pages, named differently: the same number of groups of each size.
  auto sizes = [](const std::string& groups) {
    std::multiset<int> out;
    std::smatch m;
    static const std::regex re("\"size\":([0-9]+)");
    for (auto it = std::sregex_iterator(groups.begin(), groups.end(), re); it != std::sregex_iterator(); ++it) {
      out.insert(std::stoi((*it)[1]));
    }
    return out;
  };
  const auto s1 = sizes(read_file(dir / "g1.jsonl"));
  EXPECT_GT(s1.size(), 20u);
  EXPECT_EQ(s1, sizes(read_file(dir / "g2.jsonl")));
  std::filesystem::remove_all(dir);
}

TEST_F(CliCrawl, HostilePagesAreRejectedByNameAndNothingElseIsLost) {
  const auto dir = make_temp_dir("hostile");
  std::string huge = "<html><body><p>";
  huge.reserve(101u << 20);
  while (huge.size() < (100u << 20)) huge += "A hundred megabytes of one paragraph that never ends. ";
  std::string garbage(4096, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
  std::string jsonl;
  jsonl += "{\"id\":\"ok1\",\"html\":\"<html><body><p>WASHINGTON (AP) — A fine page with enough words to be a "
           "paragraph of content here.</p></body></html>\"}\n";
  jsonl += "{\"id\":\"huge\",\"html\":\"" + huge + "\"}\n";
  jsonl += "{\"id\":\"empty\",\"html\":\"<html><body><script>x()</script></body></html>\"}\n";
  std::string escaped;
  for (unsigned char c : garbage) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", c);
    escaped += buf;
  }
  jsonl += "{\"id\":\"binary\",\"html\":\"" + escaped + "\"}\n";
  jsonl += "{\"id\":\"ok2\",\"text\":\"plain text document\"}\n";
  write_file(dir / "in.jsonl", jsonl);
  const CliResult r = run_cli("dedup -q --on-error skip " + (dir / "in.jsonl").string() + " -o " +
                              (dir / "a.jsonl").string() + " --rejects " + (dir / "r.jsonl").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string out = read_file(dir / "a.jsonl"), rejects = read_file(dir / "r.jsonl");
  EXPECT_EQ(count_lines(out), 2u);
  EXPECT_EQ(count_lines(rejects), 3u);
  EXPECT_NE(rejects.find("\"id\":\"huge\""), std::string::npos);
  EXPECT_NE(rejects.find("\"id\":\"empty\""), std::string::npos);
  EXPECT_NE(rejects.find("\"id\":\"binary\""), std::string::npos);
  EXPECT_NE(rejects.find("no text in page"), std::string::npos) << rejects.substr(0, 2000);
  EXPECT_NE(rejects.find("not HTML"), std::string::npos) << rejects.substr(0, 2000);
  EXPECT_LT(rejects.size(), 3u << 20);  // the 100 MB record is kept cut, not whole
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace copydesk
