#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>

#include "cli_runner.h"
#include "copydesk/reader.h"

namespace copydesk {
namespace {

using testing::make_temp_dir;
using testing::write_file;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir("reader"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  Corpus read(const std::string& content) {
    const auto path = (dir_ / "in.jsonl").string();
    write_file(path, content);
    CorpusReader r;
    EXPECT_TRUE(r.add_path(path).ok());
    return r.take();
  }
  std::filesystem::path dir_;
};

TEST_F(ReaderTest, ReadsFieldsAndCarriesUnknownOnes) {
  const Corpus c = read(
      R"({"id":"a1","text":"Hello world","title":"T","url":"https://x.example/1","site":"x.example","date":"2024-03-01T10:00:00Z","lang":"en","tags":["a", "b"]})"
      "\n"
      R"({"id":42,"text":"Second"})"
      "\n");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_TRUE(c.rejects.empty());
  const Document& d = c.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_FALSE(d.id_is_number);
  EXPECT_EQ(d.text, "Hello world");
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.site, "x.example");
  EXPECT_EQ(d.date, 1709287200);
  EXPECT_EQ(d.carried, R"("lang":"en","tags":["a","b"])");
  EXPECT_EQ(c.docs[1].id, "42");
  EXPECT_TRUE(c.docs[1].id_is_number);
  EXPECT_EQ(c.records_seen, 2u);
}

TEST_F(ReaderTest, EveryBadRecordIsRejectedWithLineAndReason) {
  const Corpus c = read(
      "{\"id\":\"ok\",\"text\":\"fine\"}\n"
      "{\"id\":\"bad\",\"text\":\"unterminated}\n"     // 2 malformed
      "{\"text\":\"no id\"}\n"                          // 3 missing id
      "{\"id\":\"ok\",\"text\":\"again\"}\n"            // 4 duplicate id
      "{\"id\":[1],\"text\":\"x\"}\n"                   // 5 wrong id type
      "{\"id\":\"t\",\"text\":17}\n"                    // 6 wrong text type
      "{\"id\":\"e\",\"text\":\"   \"}\n"               // 7 empty text
      "{\"id\":\"m\"}\n"                                // 8 missing text
      "{\"id\":\"d\",\"text\":\"x\",\"date\":\"yesterday\"}\n"  // 9 bad date
      "[1,2,3]\n"                                       // 10 not an object
      "\n"                                              // blank: not a record
      "{\"id\":\"tt\",\"text\":\"x\",\"title\":5}\n");  // 12 wrong title type
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.rejects.size(), 10u);
  EXPECT_EQ(c.records_seen, 11u);
  const std::vector<std::pair<uint64_t, std::string>> expected = {
      {2, "malformed JSON"},  {3, "missing field 'id'"},           {4, "duplicate id 'ok'"},
      {5, "field 'id' must be a string or an integer"},            {6, "field 'text' must be a string"},
      {7, "field 'text' is empty"},                                {8, "missing field 'text'"},
      {9, "not an ISO 8601 date"},                                 {10, "not a JSON object"},
      {12, "field 'title' must be a string"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(c.rejects[i].line, expected[i].first);
    EXPECT_NE(c.rejects[i].reason.find(expected[i].second), std::string::npos) << c.rejects[i].reason;
    EXPECT_NE(c.rejects[i].source.find("in.jsonl"), std::string::npos);
  }
  EXPECT_EQ(c.rejects[2].id, "ok");
}

TEST_F(ReaderTest, InvalidUtf8IsRepairedAndCounted) {
  const Corpus c = read("{\"id\":\"u\",\"text\":\"caf\xE9 au lait \xF0\x9F\x98\"}\n");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "caf\xEF\xBF\xBD au lait \xEF\xBF\xBD");
  EXPECT_EQ(c.utf8_repaired, 1u);
}

TEST_F(ReaderTest, ReadsGzipAndLastLineWithoutNewline) {
  const auto path = (dir_ / "in.jsonl.gz").string();
  gzFile f = gzopen(path.c_str(), "wb");
  const std::string body = "{\"id\":1,\"text\":\"one\"}\r\n{\"id\":2,\"text\":\"two\"}";
  gzwrite(f, body.data(), static_cast<unsigned>(body.size()));
  gzclose(f);
  CorpusReader r;
  ASSERT_TRUE(r.add_path(path).ok());
  const Corpus c = r.take();
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].text, "two");
}

TEST_F(ReaderTest, ReadsAFolderOfTextFilesInPathOrder) {
  std::filesystem::create_directories(dir_ / "txt" / "sub");
  write_file(dir_ / "txt" / "b.txt", "Bravo text");
  write_file(dir_ / "txt" / "sub" / "a.txt", "Alpha text");
  write_file(dir_ / "txt" / "skip.md", "not a text file");
  write_file(dir_ / "txt" / "empty.txt", "");
  CorpusReader r;
  ASSERT_TRUE(r.add_path((dir_ / "txt").string()).ok());
  const Corpus c = r.take();
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "b.txt");
  EXPECT_EQ(c.docs[1].id, "sub/a.txt");
  EXPECT_EQ(c.docs[1].text, "Alpha text");
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].id, "empty.txt");
}

TEST_F(ReaderTest, MissingFileIsAnError) {
  CorpusReader r;
  const Status s = r.add_path((dir_ / "nope.jsonl").string());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("nope.jsonl"), std::string::npos);
}

TEST_F(ReaderTest, DuplicateIdsAcrossFilesAreRejected) {
  write_file(dir_ / "a.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n");
  write_file(dir_ / "b.jsonl", "{\"id\":\"x\",\"text\":\"two\"}\n");
  CorpusReader r;
  ASSERT_TRUE(r.add_path((dir_ / "a.jsonl").string()).ok());
  ASSERT_TRUE(r.add_path((dir_ / "b.jsonl").string()).ok());
  const Corpus c = r.take();
  EXPECT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_NE(c.rejects[0].source.find("b.jsonl"), std::string::npos);
}

TEST_F(ReaderTest, HugeRejectedRecordIsCutNotLost) {
  ReadParams p;
  p.max_reject_record_bytes = 100;
  const auto path = (dir_ / "big.jsonl").string();
  write_file(path, "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'x') + "\n");
  CorpusReader r(p);
  ASSERT_TRUE(r.add_path(path).ok());
  const Corpus c = r.take();
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].record.size(), 100u);
  EXPECT_NE(c.rejects[0].reason.find("cut to 100"), std::string::npos);
}

TEST(ReadParams, ValidateNamesTheField) {
  ReadParams p;
  p.text_field = "";
  EXPECT_NE(p.validate().message().find("text_field"), std::string::npos);
}

TEST_F(ReaderTest, HandlerGetsDocumentsAndReplayResendsThemByIndex) {
  const auto path = (dir_ / "in.jsonl").string();
  write_file(path,
             "{\"id\":\"a\",\"text\":\"one\"}\n"
             "{\"id\":\"b\",\"text\":\"  \"}\n"        // rejected: blank text
             "{\"id\":\"b\",\"text\":\"two\"}\n"       // so this b is the first valid one
             "{\"id\":\"a\",\"text\":\"dup\"}\n"       // rejected: duplicate
             "not json\n"
             "{\"id\":3,\"text\":\"three\"}\n");
  std::vector<std::string> texts;
  CorpusReader pass1(ReadParams{}, [&](Document&& d) { texts.push_back(d.text); });
  ASSERT_TRUE(pass1.add_path(path).ok());
  const Corpus seen = pass1.take();
  EXPECT_TRUE(seen.docs.empty());
  EXPECT_EQ(texts, (std::vector<std::string>{"one", "two", "three"}));
  ASSERT_EQ(seen.ids.size(), 3u);
  EXPECT_EQ(seen.ids.id(1), "b");
  EXPECT_TRUE(seen.ids.is_number(2));
  EXPECT_EQ(seen.documents, 3u);
  EXPECT_EQ(seen.rejects.size(), 3u);
  EXPECT_EQ(seen.records_seen, 6u);

  std::vector<std::string> again;
  CorpusReader pass2 = CorpusReader::replaying(seen.ids, ReadParams{}, [&](Document&& d) { again.push_back(d.text); });
  ASSERT_TRUE(pass2.add_path(path).ok());
  EXPECT_EQ(again, texts);
  EXPECT_EQ(pass2.corpus().documents, 3u);
  EXPECT_TRUE(pass2.corpus().rejects.empty());
  EXPECT_EQ(pass2.corpus().ids.size(), 0u);
}

}  // namespace
}  // namespace copydesk
