#include <gtest/gtest.h>

#include <string>

#include "copydesk/id_table.h"

namespace copydesk {
namespace {

TEST(IdTable, InsertsInOrderAndRejectsDuplicates) {
  IdTable ids;
  EXPECT_EQ(ids.find("a"), IdTable::kNotFound);
  EXPECT_TRUE(ids.insert("a", false));
  EXPECT_TRUE(ids.insert("17", true));
  EXPECT_FALSE(ids.insert("a", false));
  EXPECT_FALSE(ids.insert("17", false));  // same text is the same id, number or not
  EXPECT_TRUE(ids.insert("", false));
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.id(0), "a");
  EXPECT_EQ(ids.id(1), "17");
  EXPECT_EQ(ids.id(2), "");
  EXPECT_EQ(ids.find("17"), 1u);
  EXPECT_EQ(ids.find(""), 2u);
  EXPECT_FALSE(ids.is_number(0));
  EXPECT_TRUE(ids.is_number(1));
}

TEST(IdTable, WritesJsonValues) {
  IdTable ids;
  ids.insert("x \"q\"", false);
  ids.insert("42", true);
  std::string out;
  ids.append_json(out, 0);
  out += ',';
  ids.append_json(out, 1);
  EXPECT_EQ(out, "\"x \\\"q\\\"\",42");
}

TEST(IdTable, StaysCorrectThroughGrowth) {
  IdTable ids;
  constexpr uint32_t kIds = 200000;
  for (uint32_t i = 0; i < kIds; ++i) ASSERT_TRUE(ids.insert("doc-" + std::to_string(i), false));
  for (uint32_t i = 0; i < kIds; i += 997) {
    EXPECT_EQ(ids.find("doc-" + std::to_string(i)), i);
    EXPECT_EQ(ids.id(i), "doc-" + std::to_string(i));
  }
  EXPECT_EQ(ids.find("doc-200000"), IdTable::kNotFound);
  EXPECT_FALSE(ids.insert("doc-199999", false));
  // Compact: the ids' bytes plus a few words each, not a heap block per id.
  EXPECT_LT(ids.memory_bytes(), kIds * (11 + 40));
}

}  // namespace
}  // namespace copydesk
