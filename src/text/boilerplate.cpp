#include "copydesk/boilerplate.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "text/boilerplate_model.h"

namespace copydesk {

using boilerplate::LineCount;
using boilerplate::LineVerdict;
using boilerplate::Occurrence;

namespace {

bool same_params(const BoilerplateParams& a, const BoilerplateParams& b) {
  return a.min_page_fraction == b.min_page_fraction && a.min_pages == b.min_pages &&
         a.long_line_words == b.long_line_words && a.long_line_page_fraction == b.long_line_page_fraction &&
         a.list_min_pages == b.list_min_pages && a.list_min_lines == b.list_min_lines &&
         a.list_gap_lines == b.list_gap_lines;
}

// Pages needed for `fraction` of `site_pages`, at least `floor_pages`.
uint64_t pages_needed(double fraction, uint64_t site_pages, uint32_t floor_pages) {
  const auto share = static_cast<uint64_t>(std::ceil(fraction * static_cast<double>(site_pages) - 1e-9));
  return std::max<uint64_t>(share, floor_pages);
}

}  // namespace

Status BoilerplateParams::validate() const {
  if (!(min_page_fraction > 0 && min_page_fraction <= 1)) {
    return Status::InvalidArgument("min_page_fraction must be in (0, 1], got " + std::to_string(min_page_fraction));
  }
  if (min_pages < 2) return Status::InvalidArgument("min_pages must be >= 2, got " + std::to_string(min_pages));
  if (long_line_words < 1) return Status::InvalidArgument("long_line_words must be >= 1");
  if (!(long_line_page_fraction >= min_page_fraction && long_line_page_fraction <= 1)) {
    return Status::InvalidArgument("long_line_page_fraction must be in [min_page_fraction, 1], got " +
                                   std::to_string(long_line_page_fraction));
  }
  if (list_min_pages < 2) {
    return Status::InvalidArgument("list_min_pages must be >= 2, got " + std::to_string(list_min_pages));
  }
  if (list_min_lines < 1) return Status::InvalidArgument("list_min_lines must be >= 1");
  return Status::Ok();
}

void BoilerplateModel::Impl::add_page(std::string_view site, std::string_view text) {
  const uint32_t id = intern(site);
  site_pages[id] += 1;
  scanner.scan(text, site_seeds[id], lines);
  occurrences.clear();
  uint64_t previous = boilerplate::kPageEdge;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].is_separator()) continue;
    size_t next = i + 1;
    while (next < lines.size() && lines[next].is_separator()) ++next;
    const uint64_t next_key = next < lines.size() ? lines[next].key : boilerplate::kPageEdge;
    occurrences.push_back({lines[i].key, boilerplate::neighbourhood(previous, next_key),
                           lines[i].words > params.long_line_words});
    previous = lines[i].key;
  }
  std::sort(occurrences.begin(), occurrences.end(),
            [](const Occurrence& a, const Occurrence& b) { return a.key < b.key; });
  for (size_t i = 0; i < occurrences.size();) {
    bool inserted = false;
    LineCount& count = counts.upsert(occurrences[i].key, inserted);
    if (inserted) {
      count.site = id;
      count.long_line = occurrences[i].long_line;
    }
    count.pages += 1;  // once per page, however often the line is on it
    const uint64_t key = occurrences[i].key;
    for (; i < occurrences.size() && occurrences[i].key == key; ++i) {
      count.neighbourhood_min = std::min(count.neighbourhood_min, occurrences[i].neighbourhood);
      count.neighbourhood_max = std::max(count.neighbourhood_max, occurrences[i].neighbourhood);
    }
  }
}

void BoilerplateModel::Impl::classify() {
  std::vector<uint64_t> furniture_pages(site_pages.size()), long_furniture_pages(site_pages.size());
  for (size_t s = 0; s < site_pages.size(); ++s) {
    furniture_pages[s] = pages_needed(params.min_page_fraction, site_pages[s], params.min_pages);
    long_furniture_pages[s] = pages_needed(params.long_line_page_fraction, site_pages[s], params.min_pages);
  }
  auto verdict = [&](const LineCount& c, BoilerplateKind& kind) {
    const uint64_t needed = c.long_line ? long_furniture_pages[c.site] : furniture_pages[c.site];
    if (c.pages >= needed) {
      kind = BoilerplateKind::kFurniture;
      return true;
    }
    if (c.pages >= params.list_min_pages && c.neighbourhood_min != c.neighbourhood_max) {
      kind = BoilerplateKind::kRecurring;
      return true;
    }
    return false;
  };
  size_t kept = 0;
  BoilerplateKind kind{};
  counts.for_each([&](uint64_t, const LineCount& c) { kept += verdict(c, kind); });
  verdicts.reserve(kept);
  counts.for_each([&](uint64_t key, const LineCount& c) {
    if (!verdict(c, kind)) return;
    bool inserted = false;
    verdicts.upsert(key, inserted) = LineVerdict{c.pages, kind};
  });
  counted_lines = counts.size();
  count_bytes = counts.memory_bytes();
  counts.clear_and_free();
}

BoilerplateModel::BoilerplateModel(BoilerplateParams params) : impl_(std::make_unique<Impl>()) {
  impl_->params = params;
}
BoilerplateModel::~BoilerplateModel() = default;
BoilerplateModel::BoilerplateModel(BoilerplateModel&&) noexcept = default;
BoilerplateModel& BoilerplateModel::operator=(BoilerplateModel&&) noexcept = default;

void BoilerplateModel::add_page(std::string_view site, std::string_view text) {
  if (impl_->finalized || site.empty()) return;
  impl_->add_page(site, text);
}

Status BoilerplateModel::merge(BoilerplateModel&& other) {
  if (impl_->finalized || other.impl_->finalized) {
    return Status::InvalidArgument("boilerplate: cannot merge a finalized model");
  }
  if (!same_params(impl_->params, other.impl_->params)) {
    return Status::InvalidArgument("boilerplate: cannot merge models with different params");
  }
  Impl& theirs = *other.impl_;
  std::vector<uint32_t> site_map(theirs.site_names.size());
  for (size_t s = 0; s < theirs.site_names.size(); ++s) {
    site_map[s] = impl_->intern(theirs.site_names[s]);
    impl_->site_pages[site_map[s]] += theirs.site_pages[s];
  }
  impl_->counts.reserve(impl_->counts.size() + theirs.counts.size());
  theirs.counts.for_each([&](uint64_t key, const LineCount& c) {
    bool inserted = false;
    LineCount& mine = impl_->counts.upsert(key, inserted);
    if (inserted) {
      mine = c;
      mine.site = site_map[c.site];
      return;
    }
    mine.pages += c.pages;
    mine.neighbourhood_min = std::min(mine.neighbourhood_min, c.neighbourhood_min);
    mine.neighbourhood_max = std::max(mine.neighbourhood_max, c.neighbourhood_max);
  });
  other = BoilerplateModel(theirs.params);
  return Status::Ok();
}

Status BoilerplateModel::finalize() {
  if (impl_->finalized) return Status::InvalidArgument("boilerplate: the model is already finalized");
  COPYDESK_RETURN_IF_ERROR(impl_->params.validate());
  impl_->classify();
  impl_->finalized = true;
  return Status::Ok();
}

bool BoilerplateModel::finalized() const { return impl_->finalized; }
const BoilerplateParams& BoilerplateModel::params() const { return impl_->params; }

BoilerplateSummary BoilerplateModel::summary() const {
  BoilerplateSummary s;
  s.sites = impl_->site_names.size();
  s.counted_lines = impl_->finalized ? impl_->counted_lines : impl_->counts.size();
  s.count_bytes = impl_->finalized ? impl_->count_bytes : impl_->counts.memory_bytes();
  s.verdict_bytes = impl_->verdicts.memory_bytes();
  for (uint64_t p : impl_->site_pages) s.pages += p;
  impl_->verdicts.for_each([&](uint64_t, const LineVerdict& v) {
    (v.kind == BoilerplateKind::kFurniture ? s.furniture_lines : s.recurring_lines) += 1;
  });
  return s;
}

std::string BoilerplateModel::strip(std::string_view site, std::string_view text, std::string_view title,
                                    StripStats* stats, BoilerplateReport* report) const {
  StripStats local;
  StripStats& s = stats != nullptr ? *stats : local;
  s = StripStats{};
  if (!impl_->finalized || site.empty()) return std::string(text);
  return impl_->strip(site, text, title, s, report);
}

}  // namespace copydesk
