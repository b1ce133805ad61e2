#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "copydesk/pod_array.h"

namespace copydesk {
namespace {

TEST(PodArray, GrowsKeepingItsValues) {
  PodArray<uint32_t> a;
  EXPECT_TRUE(a.empty());
  for (uint32_t i = 0; i < 3000000; ++i) a.push_back(i * 7u);
  ASSERT_EQ(a.size(), 3000000u);
  for (uint32_t i = 0; i < a.size(); i += 1237) ASSERT_EQ(a[i], i * 7u);
  EXPECT_EQ(a.back(), 2999999u * 7u);
}

TEST(PodArray, ResizeZeroFillsEvenAfterShrinking) {
  PodArray<uint64_t> a(4);
  for (auto& v : a) v = 99;
  a.resize(1);
  a.resize(6);
  EXPECT_EQ(a[0], 99u);
  for (size_t i = 1; i < 6; ++i) EXPECT_EQ(a[i], 0u);
}

TEST(PodArray, AppendCopyAndMove) {
  std::vector<uint64_t> src(100000);
  std::iota(src.begin(), src.end(), 5);
  PodArray<uint64_t> a;
  a.append(src.data(), src.size());
  a.append(src.data(), 3);
  ASSERT_EQ(a.size(), src.size() + 3);
  EXPECT_EQ(a[100000], 5u);
  PodArray<uint64_t> b = a;
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  PodArray<uint64_t> c = std::move(a);
  EXPECT_EQ(c.size(), b.size());
  EXPECT_EQ(a.size(), 0u);  // NOLINT: a moved-from PodArray is empty
  c.release();
  EXPECT_EQ(c.capacity(), 0u);
}

}  // namespace
}  // namespace copydesk
