#include <gtest/gtest.h>

#include "copydesk/date.h"

namespace copydesk {
namespace {

TEST(Date, ParsesTheIsoForms) {
  EXPECT_EQ(parse_iso8601("1970-01-01"), 0);
  EXPECT_EQ(parse_iso8601("2024-03-01T10:00:00Z"), 1709287200);
  EXPECT_EQ(parse_iso8601("2024-03-01 10:00:00"), 1709287200);
  EXPECT_EQ(parse_iso8601("2024-03-01T12:00:00+02:00"), 1709287200);
  EXPECT_EQ(parse_iso8601("2024-03-01T05:30:00-0430"), 1709287200);
  EXPECT_EQ(parse_iso8601("2024-03-01T10:00"), 1709287200);
  EXPECT_EQ(parse_iso8601("1987-02-26T15:01:01.79"), 541350061);  // Reuters-21578 style
  EXPECT_EQ(parse_iso8601("1969-12-31T23:59:59Z"), -1);
}

TEST(Date, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "yesterday", "2024-13-01", "2024-02-30", "2023-02-29", "2024-03-01T25:00:00",
                          "2024-03-01T10:00:00Q", "2024-3-1", "2024-03-01T10", "2024-03-01T10:00:00.Z"}) {
    EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
  }
  EXPECT_TRUE(parse_iso8601("2024-02-29").has_value());  // leap year
}

TEST(Date, FormatsRoundTrip) {
  for (int64_t t : {int64_t{0}, int64_t{1709287200}, int64_t{-1}, int64_t{951782400}, int64_t{4102444799}}) {
    EXPECT_EQ(parse_iso8601(format_iso8601(t)), t) << format_iso8601(t);
  }
  EXPECT_EQ(format_iso8601(1709287200), "2024-03-01T10:00:00Z");
}

}  // namespace
}  // namespace copydesk
