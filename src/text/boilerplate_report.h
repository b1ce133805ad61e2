// What strip() removed, per site and line (internal): the state behind
// BoilerplateReport, filled by BoilerplateModel::strip.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "copydesk/boilerplate.h"

namespace copydesk {

namespace boilerplate {

// One line strip() removed from a page.
struct RemovedLine {
  uint64_t key = 0;  // the line's key (boilerplate_lines.h)
  BoilerplateKind kind = BoilerplateKind::kFurniture;
  uint32_t pages_seen = 0;
  std::string_view text;  // trimmed
};

}  // namespace boilerplate

struct BoilerplateReport::Impl {
  struct LineEntry {
    std::string text;
    BoilerplateKind kind = BoilerplateKind::kFurniture;
    uint32_t pages_seen = 0;
    uint64_t pages_removed = 0;
  };
  struct SiteEntry {
    uint64_t pages = 0;
    uint64_t pages_stripped = 0;
    uint64_t lines_removed = 0;
    uint64_t bytes_removed = 0;
    std::unordered_map<uint64_t, LineEntry> lines;
  };

  // One stripped page of `site`: `removed` in page order (sorted here).
  void record(std::string_view site, uint64_t site_pages, std::vector<boilerplate::RemovedLine>& removed,
              uint64_t bytes_removed);
  void merge(const Impl& other);

  std::map<std::string, SiteEntry, std::less<>> sites;
};

}  // namespace copydesk
