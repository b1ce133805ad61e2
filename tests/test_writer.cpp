#include <gtest/gtest.h>

#include "cli_runner.h"
#include "copydesk/reader.h"
#include "copydesk/writer.h"

namespace copydesk {
namespace {

struct Fixture {
  Corpus corpus;
  CopyGroups groups;
  Fixture() {
    Document a;
    a.id = "a";
    a.title = "Title \"quoted\"";
    a.date_text = "2024-01-01";
    a.carried = "\"gold\":\"g1\"";
    Document b;
    b.id = "7";
    b.id_is_number = true;
    Document c;
    c.id = "c";
    corpus.docs = {a, b, c};
    for (const Document& d : corpus.docs) corpus.ids.insert(d.id, d.id_is_number);
    groups.group_of = {0, 0, 1};
    groups.canonical = {1, 2};
    groups.group_size = {2, 1};
    groups.similarity = {0.91234f, 1.0f, 1.0f};
    corpus.rejects.push_back({"in.jsonl", 4, "", "malformed JSON: x", "{oops\n"});
  }
};

TEST(Writer, AssignmentsOneLinePerDocumentInInputOrder) {
  Fixture f;
  StringSink sink;
  ASSERT_TRUE(write_assignments(f.corpus, f.groups, sink).ok());
  EXPECT_EQ(sink.data,
            "{\"id\":\"a\",\"group\":0,\"group_size\":2,\"canonical\":7,\"similarity\":0.9123,"
            "\"title\":\"Title \\\"quoted\\\"\",\"date\":\"2024-01-01\",\"gold\":\"g1\"}\n"
            "{\"id\":7,\"group\":0,\"group_size\":2,\"canonical\":7,\"similarity\":1}\n"
            "{\"id\":\"c\",\"group\":1,\"group_size\":1,\"canonical\":\"c\",\"similarity\":1}\n");
}

TEST(Writer, GroupsListOnlyGroupsOfTwoOrMore) {
  Fixture f;
  StringSink sink;
  ASSERT_TRUE(write_groups(f.corpus.ids, f.groups, sink).ok());
  EXPECT_EQ(sink.data, "{\"group\":0,\"size\":2,\"canonical\":7,\"members\":[\"a\",7]}\n");
}

TEST(Writer, KeepListsOneCanonicalPerGroup) {
  Fixture f;
  StringSink sink;
  ASSERT_TRUE(write_keep(f.corpus.ids, f.groups, sink).ok());
  EXPECT_EQ(sink.data, "7\nc\n");
}

TEST(Writer, RejectsCarryPlaceReasonAndRecord) {
  Fixture f;
  StringSink sink;
  ASSERT_TRUE(write_rejects(f.corpus.rejects, sink).ok());
  EXPECT_EQ(sink.data,
            "{\"source\":\"in.jsonl\",\"line\":4,\"id\":\"\",\"reason\":\"malformed JSON: x\","
            "\"record\":\"{oops\\n\"}\n");
}

TEST(Writer, ManyLinesKeepTheirOrder) {
  IdTable ids;
  CopyGroups groups;
  for (uint32_t i = 0; i < 50000; ++i) {
    ASSERT_TRUE(ids.insert(std::to_string(i), false));
    groups.group_of.push_back(i);
    groups.canonical.push_back(i);
    groups.group_size.push_back(1);
    groups.similarity.push_back(1);
  }
  StringSink sink;
  ASSERT_TRUE(write_keep(ids, groups, sink).ok());
  std::string expected;
  for (uint32_t i = 0; i < 50000; ++i) expected += std::to_string(i) + "\n";
  EXPECT_EQ(sink.data, expected);
}

TEST(Writer, DocumentRecordsReadBackUnchanged) {
  Document d;
  d.id = "x \"1\"";
  d.text = "Line one\n\tLine two \xE2\x80\x94 done";
  d.title = "A title";
  d.date_text = "2026-03-01T10:00:00Z";
  d.date = 1772359200;
  d.carried = "\"gold_group\":\"w000001\",\"n\":[1,2]";
  Document n;
  n.id = "17";
  n.id_is_number = true;
  n.text = "numeric id";
  std::string jsonl;
  append_document_jsonl(jsonl, d);
  append_document_jsonl(jsonl, n);
  const auto dir = testing::make_temp_dir("writer");
  testing::write_file(dir / "docs.jsonl", jsonl);
  CorpusReader reader;
  ASSERT_TRUE(reader.add_path((dir / "docs.jsonl").string()).ok());
  const Corpus c = reader.take();
  std::filesystem::remove_all(dir);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, d.id);
  EXPECT_EQ(c.docs[0].text, d.text);
  EXPECT_EQ(c.docs[0].title, d.title);
  EXPECT_EQ(c.docs[0].date, d.date);
  EXPECT_EQ(c.docs[0].carried, d.carried);
  EXPECT_TRUE(c.docs[1].id_is_number);
  EXPECT_EQ(c.docs[1].id, "17");
}

TEST(Writer, FileSinkReportsTheFileItCannotCreate) {
  auto sink = FileSink::open("/nonexistent-dir/out.jsonl");
  ASSERT_FALSE(sink.ok());
  EXPECT_NE(sink.status().message().find("/nonexistent-dir/out.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace copydesk
