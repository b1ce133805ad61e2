#include "text/boilerplate_report.h"

#include <algorithm>

namespace copydesk {

using boilerplate::RemovedLine;

void BoilerplateReport::Impl::record(std::string_view site, uint64_t site_pages, std::vector<RemovedLine>& removed,
                                     uint64_t bytes_removed) {
  auto it = sites.find(site);
  if (it == sites.end()) it = sites.emplace(std::string(site), SiteEntry{}).first;
  SiteEntry& entry = it->second;
  entry.pages = std::max(entry.pages, site_pages);
  entry.pages_stripped += 1;
  entry.lines_removed += removed.size();
  entry.bytes_removed += bytes_removed;
  // A line removed twice from one page counts once; keep its smallest variant.
  std::sort(removed.begin(), removed.end(), [](const RemovedLine& a, const RemovedLine& b) {
    return a.key != b.key ? a.key < b.key : a.text < b.text;
  });
  for (size_t i = 0; i < removed.size(); ++i) {
    if (i > 0 && removed[i].key == removed[i - 1].key) continue;
    const RemovedLine& r = removed[i];
    auto [line, inserted] = entry.lines.try_emplace(r.key);
    if (inserted) {
      line->second.text.assign(r.text);
      line->second.kind = r.kind;
      line->second.pages_seen = r.pages_seen;
    } else if (r.text < line->second.text) {
      line->second.text.assign(r.text);
    }
    line->second.pages_removed += 1;
  }
}

void BoilerplateReport::Impl::merge(const Impl& other) {
  for (const auto& [name, theirs] : other.sites) {
    auto it = sites.find(name);
    if (it == sites.end()) {
      sites.emplace(name, theirs);
      continue;
    }
    SiteEntry& ours = it->second;
    ours.pages = std::max(ours.pages, theirs.pages);
    ours.pages_stripped += theirs.pages_stripped;
    ours.lines_removed += theirs.lines_removed;
    ours.bytes_removed += theirs.bytes_removed;
    for (const auto& [key, line] : theirs.lines) {
      auto [mine, inserted] = ours.lines.try_emplace(key, line);
      if (inserted) continue;
      mine->second.pages_removed += line.pages_removed;
      if (line.text < mine->second.text) mine->second.text = line.text;
    }
  }
}

BoilerplateReport::BoilerplateReport() : impl_(std::make_unique<Impl>()) {}
BoilerplateReport::~BoilerplateReport() = default;
BoilerplateReport::BoilerplateReport(BoilerplateReport&&) noexcept = default;
BoilerplateReport& BoilerplateReport::operator=(BoilerplateReport&&) noexcept = default;

void BoilerplateReport::merge(const BoilerplateReport& other) { impl_->merge(*other.impl_); }

std::vector<SiteBoilerplate> BoilerplateReport::sites(size_t max_lines_per_site) const {
  std::vector<SiteBoilerplate> out;
  out.reserve(impl_->sites.size());
  for (const auto& [name, entry] : impl_->sites) {
    SiteBoilerplate site;
    site.site = name;
    site.pages = entry.pages;
    site.pages_stripped = entry.pages_stripped;
    site.lines_removed = entry.lines_removed;
    site.bytes_removed = entry.bytes_removed;
    site.distinct_lines = entry.lines.size();
    site.lines.reserve(entry.lines.size());
    for (const auto& [key, line] : entry.lines) {
      site.lines.push_back({line.text, line.kind, line.pages_seen, line.pages_removed});
    }
    std::sort(site.lines.begin(), site.lines.end(), [](const BoilerplateLine& a, const BoilerplateLine& b) {
      if (a.pages_removed != b.pages_removed) return a.pages_removed > b.pages_removed;
      if (a.text != b.text) return a.text < b.text;
      return a.kind < b.kind;
    });
    if (max_lines_per_site != 0 && site.lines.size() > max_lines_per_site) site.lines.resize(max_lines_per_site);
    out.push_back(std::move(site));
  }
  return out;
}

}  // namespace copydesk
