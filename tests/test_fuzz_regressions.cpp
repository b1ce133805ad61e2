// Replays the fuzzers' seed corpora and every input they found (fuzz/) through
// the same entry functions, and checks the hostile inputs of the issue — a
// truncated gzip WARC, bad WARC headers, broken and deeply nested HTML, binary
// garbage, a 100 MB page — give clear errors naming the record and lose
// nothing else.
#include <gtest/gtest.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "copydesk/html.h"
#include "copydesk/reader.h"
#include "copydesk/warc.h"
#include "copydesk/writer.h"
#include "fuzz_targets.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(COPYDESK_SOURCE_DIR) / "fuzz";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A fuzz target aborts on a broken invariant: name the input that did it.
char g_replaying[4096];
extern "C" void say_which_input(int) {
  const char prefix[] = "\ntest_fuzz_regressions: aborted while replaying ";
  (void)!::write(2, prefix, sizeof prefix - 1);
  (void)!::write(2, g_replaying, std::strlen(g_replaying));
  (void)!::write(2, "\n", 1);
}

size_t replay(const fuzz::FuzzTarget& target, const fs::path& dir) {
  const std::vector<fs::path> files = files_in(dir);
  for (const fs::path& file : files) {
    const std::string bytes = read_file(file);
    std::snprintf(g_replaying, sizeof g_replaying, "%s", file.c_str());
    auto* previous = std::signal(SIGABRT, say_which_input);
    target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    std::signal(SIGABRT, previous);
  }
  return files.size();
}

class TempFile {
 public:
  explicit TempFile(const std::string& bytes) {
    path_ = (fs::temp_directory_path() / ("copydesk_fuzzreg_" + std::to_string(::getpid()) + "_" +
                                          std::to_string(counter_++)))
                .string();
    std::ofstream(path_, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() { fs::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

struct WarcOutcome {
  std::vector<WarcRecord> records;
  std::vector<std::string> errors;
};

WarcOutcome read_all(const std::string& path) {
  WarcOutcome out;
  auto reader = WarcReader::open(path);
  EXPECT_TRUE(reader.ok()) << reader.status().message();
  if (!reader.ok()) return out;
  WarcRecord rec;
  for (int guard = 0; guard < 10000; ++guard) {
    Result<bool> more = (*reader)->next(rec);
    if (!more.ok()) {
      out.errors.push_back(more.status().message());
      continue;
    }
    if (!*more) break;
    out.records.push_back(rec);
  }
  return out;
}

std::string seed(const std::string& target, const std::string& name) {
  const fs::path path = kFuzzDir / "corpus" / target / name;
  EXPECT_TRUE(fs::exists(path)) << path;
  return path.string();
}

// ---------------------------------------------------------------- replay

class FuzzReplay : public testing::TestWithParam<fuzz::FuzzTarget> {};

TEST_P(FuzzReplay, SeedCorpusAndRegressionsKeepEveryInvariant) {
  const fuzz::FuzzTarget& target = GetParam();
  const size_t seeds = replay(target, kFuzzDir / "corpus" / std::string(target.name));
  const size_t regressions = replay(target, kFuzzDir / "regressions" / std::string(target.name));
  EXPECT_GE(seeds, 5u) << "fuzz/corpus/" << target.name << " should hold the target's seed inputs";
  std::printf("fuzz_%s: %zu seeds and %zu regression inputs replayed\n", std::string(target.name).c_str(), seeds,
              regressions);
}

INSTANTIATE_TEST_SUITE_P(AllTargets, FuzzReplay, testing::ValuesIn(fuzz::fuzz_targets().begin(),
                                                                   fuzz::fuzz_targets().end()),
                         [](const testing::TestParamInfo<fuzz::FuzzTarget>& param) {
                           return std::string(param.param.name);
                         });

TEST(FuzzTargets, OneForEachParser) {
  std::vector<std::string> names;
  for (const fuzz::FuzzTarget& t : fuzz::fuzz_targets()) names.emplace_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"warc", "html", "jsonl", "meta", "boilerplate", "timeline"}));
  for (const std::string& name : names) {
    EXPECT_TRUE(fs::exists(kFuzzDir / ("fuzz_" + name + ".cpp"))) << "no libFuzzer main for " << name;
  }
}

// ---------------------------------------------------------------- the hostile inputs

TEST(HostileInputs, TruncatedGzipWarcKeepsTheRecordsBeforeTheCut) {
  const WarcOutcome got = read_all(seed("warc", "hostile_truncated_gzip.warc.gz"));
  // Four records, one gzip member each; the file ends inside the last member.
  ASSERT_EQ(got.records.size(), 3u);
  EXPECT_EQ(got.records[0].type, "warcinfo");
  EXPECT_EQ(got.records[1].target_uri, "https://site14.example/news/1");
  EXPECT_EQ(got.records[2].type, "request");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].find("hostile_truncated_gzip.warc.gz: record at byte "), std::string::npos) << got.errors[0];
  EXPECT_NE(got.errors[0].find("truncated gzip"), std::string::npos) << got.errors[0];
}

TEST(HostileInputs, BadWarcHeadersCostOnlyTheirOwnRecords) {
  const WarcOutcome got = read_all(seed("warc", "hostile_bad_headers.warc"));
  // Good: warcinfo, the resource after the bad version line, the resource
  // after the invalid length, the response before the overlong length.
  std::vector<std::string> uris;
  for (const WarcRecord& r : got.records) uris.push_back(r.type + " " + r.target_uri);
  EXPECT_EQ(uris, (std::vector<std::string>{"warcinfo ", "resource file:///a.txt", "resource file:///a.txt",
                                            "response https://site14.example/news/1"}));
  ASSERT_GE(got.errors.size(), 5u);
  const std::vector<std::string> problems = {"bad WARC version line", "no Content-Length", "invalid Content-Length",
                                             "no WARC-Type", "runs past the end of the file"};
  for (const std::string& problem : problems) {
    const auto it = std::find_if(got.errors.begin(), got.errors.end(),
                                 [&](const std::string& e) { return e.find(problem) != std::string::npos; });
    ASSERT_NE(it, got.errors.end()) << "no error says '" << problem << "'";
    EXPECT_NE(it->find("hostile_bad_headers.warc: record at byte "), std::string::npos) << *it;
  }
}

TEST(HostileInputs, BinaryGarbageIsOneErrorNotACrash) {
  const WarcOutcome warc = read_all(seed("warc", "hostile_random_binary.bin"));
  EXPECT_TRUE(warc.records.empty());
  ASSERT_FALSE(warc.errors.empty());
  EXPECT_NE(warc.errors[0].find("garbage where a WARC record should begin"), std::string::npos) << warc.errors[0];

  const Result<HtmlPage> page = extract_html(read_file(seed("html", "hostile_random_binary.bin")));
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), StatusCode::kParseError);
  EXPECT_NE(page.status().message().find("not HTML"), std::string::npos) << page.status().message();

  CorpusReader reader;
  ASSERT_TRUE(reader.add_path(seed("jsonl", "hostile_random_binary.bin")).ok());
  const Corpus corpus = reader.take();
  EXPECT_EQ(corpus.documents, 0u);
  ASSERT_FALSE(corpus.rejects.empty());
  EXPECT_GT(corpus.rejects[0].line, 0u);
  EXPECT_NE(corpus.rejects[0].reason.find("malformed JSON"), std::string::npos) << corpus.rejects[0].reason;
}

TEST(HostileInputs, BrokenAndDeeplyNestedHtmlKeepTheirText) {
  const Result<HtmlPage> broken = extract_html(read_file(seed("html", "hostile_broken.html")), {.main_content = false});
  ASSERT_TRUE(broken.ok()) << broken.status().message();
  // As in a browser (HTML5 tokenizer): the quote left open in <a href="x>
  // takes the rest of the file into the attribute, and a tag cut by the end
  // of the file is dropped; the text before it stays.
  EXPECT_EQ(broken->text, "Unclosed paragraph\ninside span");

  const Result<HtmlPage> deep = extract_html(read_file(seed("html", "hostile_deep_nesting.html")));
  ASSERT_TRUE(deep.ok()) << deep.status().message();
  EXPECT_NE(deep->text.find("deep text deep text"), std::string::npos);
  EXPECT_NE(deep->text.find("inline"), std::string::npos);
}

TEST(HostileInputs, AHundredMegabytePageIsRefusedAndTheOthersAreRead) {
  const std::string paragraph = "<p>" + std::string(1000, 'x') + "</p>\n";
  std::string huge = "<html><body>";
  while (huge.size() < (size_t{100} << 20)) huge += paragraph;
  const std::string small = "<html><body><p>A short page with a paragraph of ordinary text in it.</p></body></html>";

  StringSink sink;
  WarcWriter writer(sink, {.gzip = false});
  ASSERT_TRUE(writer.write_response("https://a.example/1", 1772619300, small).ok());
  ASSERT_TRUE(writer.write_response("https://a.example/huge", 1772619300, huge).ok());
  ASSERT_TRUE(writer.write_response("https://a.example/3", 1772619300, small).ok());
  huge.clear();
  huge.shrink_to_fit();
  const TempFile file(sink.data);
  sink.data.clear();
  sink.data.shrink_to_fit();

  const WarcOutcome got = read_all(file.path());
  ASSERT_TRUE(got.errors.empty()) << got.errors.front();
  ASSERT_EQ(got.records.size(), 3u);
  std::vector<std::string> texts, errors;
  for (const WarcRecord& r : got.records) {
    ASSERT_TRUE(is_html_response(r));
    const Result<HtmlPage> page = extract_html(r.body);
    if (page.ok()) {
      texts.push_back(page->text);
    } else {
      errors.push_back(r.target_uri + ": " + page.status().message());
    }
  }
  EXPECT_EQ(texts.size(), 2u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("https://a.example/huge: page is 10")) << errors[0];
  EXPECT_NE(errors[0].find("above the limit of 67108864"), std::string::npos) << errors[0];
}

}  // namespace
}  // namespace copydesk
