// The state of a BoilerplateModel (internal): the site table, the pass-1
// counts and the verdicts of finalize(), shared by boilerplate.cpp (pass 1,
// merge, finalize) and boilerplate_strip.cpp (pass 2).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copydesk/boilerplate.h"
#include "text/boilerplate_lines.h"
#include "text/boilerplate_table.h"

namespace copydesk {

namespace boilerplate {

// Pass 1: one (site, line). 16 bytes.
struct LineCount {
  uint32_t pages = 0;
  uint32_t site : 31 = 0;
  uint32_t long_line : 1 = 0;
  uint32_t neighbourhood_min = std::numeric_limits<uint32_t>::max();
  uint32_t neighbourhood_max = 0;
};

static_assert(sizeof(LineCount) == 16, "pass 1 holds 24 bytes per (site, line) with its key");

// After finalize: one furniture or recurring (site, line).
struct LineVerdict {
  uint32_t pages = 0;
  BoilerplateKind kind = BoilerplateKind::kFurniture;
};

struct SiteNameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One occurrence of a line on the page being counted.
struct Occurrence {
  uint64_t key;
  uint32_t neighbourhood;
  bool long_line;
};

}  // namespace boilerplate

struct BoilerplateModel::Impl {
  BoilerplateParams params;
  bool finalized = false;

  std::vector<std::string> site_names;
  std::vector<uint64_t> site_seeds;
  std::vector<uint64_t> site_pages;
  std::unordered_map<std::string, uint32_t, boilerplate::SiteNameHash, std::equal_to<>> site_ids;

  boilerplate::FlatTable<boilerplate::LineCount> counts;      // pass 1
  boilerplate::FlatTable<boilerplate::LineVerdict> verdicts;  // after finalize
  uint64_t counted_lines = 0;  // the size of `counts` when finalize freed it
  uint64_t count_bytes = 0;

  boilerplate::LineScanner scanner;  // pass 1 scratch
  std::vector<boilerplate::Line> lines;
  std::vector<boilerplate::Occurrence> occurrences;

  uint32_t intern(std::string_view site) {
    if (auto it = site_ids.find(site); it != site_ids.end()) return it->second;
    const auto id = static_cast<uint32_t>(site_names.size());
    site_names.emplace_back(site);
    site_seeds.push_back(boilerplate::site_seed(site));
    site_pages.push_back(0);
    site_ids.emplace(site_names.back(), id);
    return id;
  }

  void add_page(std::string_view site, std::string_view text);
  void classify();
  std::string strip(std::string_view site, std::string_view text, std::string_view title, StripStats& stats,
                    BoilerplateReport* report) const;
};

}  // namespace copydesk
