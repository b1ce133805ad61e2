// Pass 2: BoilerplateModel::strip — the rules of boilerplate.h applied to one page.
#include <string>

#include "text/boilerplate_model.h"
#include "text/boilerplate_report.h"
#include "text/boilerplate_rules.h"

namespace copydesk {

using boilerplate::Line;
using boilerplate::LineClass;
using boilerplate::LineFate;

namespace {

// Per-thread buffers, so strip() can stay const and allocate nothing per page
// once warm. The vectors below `lines` have one entry per line with words.
struct StripScratch {
  boilerplate::LineScanner scanner;
  std::vector<Line> lines;
  std::vector<size_t> content;  // index in `lines`
  std::vector<LineClass> classes;
  std::vector<uint8_t> may_be_new;
  std::vector<uint32_t> pages_seen;
  std::vector<LineFate> fates;
  std::vector<uint8_t> removed;      // one per line
  std::vector<int8_t> next_content;  // one per line
  std::vector<boilerplate::RemovedLine> report_lines;
};

BoilerplateKind kind_of(LineFate fate) {
  switch (fate) {
    case LineFate::kFurniture:
      return BoilerplateKind::kFurniture;
    case LineFate::kRecurringInList:
      return BoilerplateKind::kRecurring;
    default:
      return BoilerplateKind::kNewInList;
  }
}

// The kept lines joined by '\n'. A separator line stays when the next line
// with words is kept and either a kept line or no line with words comes
// before it; separators after the last line with words stay when that line
// is kept. So a removed line takes the separators before it with it, and a
// page that loses nothing keeps every byte.
std::string join_kept(std::string_view text, const std::vector<Line>& lines, const std::vector<uint8_t>& removed,
                      std::vector<int8_t>& next_content) {
  const size_t n = lines.size();
  next_content.assign(n, -1);  // -1 no line with words after, 0 removed, 1 kept
  int8_t next_state = -1;
  bool last_content_kept = false;
  for (size_t i = n; i-- > 0;) {
    if (lines[i].is_separator()) {
      next_content[i] = next_state;
      continue;
    }
    if (next_state == -1) last_content_kept = !removed[i];
    next_state = removed[i] ? 0 : 1;
  }
  std::string out;
  out.reserve(text.size());
  bool any_content_before = false, kept_content_before = false, first = true;
  for (size_t i = 0; i < n; ++i) {
    bool keep;
    if (lines[i].is_separator()) {
      keep = next_content[i] == -1 ? last_content_kept
                                   : next_content[i] == 1 && (kept_content_before || !any_content_before);
    } else {
      keep = !removed[i];
      any_content_before = true;
      kept_content_before = kept_content_before || keep;
    }
    if (!keep) continue;
    if (!first) out.push_back('\n');
    out.append(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    first = false;
  }
  return out;
}

}  // namespace

std::string BoilerplateModel::Impl::strip(std::string_view site, std::string_view text, std::string_view title,
                                          StripStats& stats, BoilerplateReport* report) const {
  const auto site_it = site_ids.find(site);
  if (site_it == site_ids.end()) return std::string(text);
  const uint32_t site_id = site_it->second;
  const uint64_t seed = site_seeds[site_id];

  thread_local StripScratch s;
  s.scanner.scan(text, seed, s.lines);
  const uint64_t title_key = title.empty() ? 0 : s.scanner.key(title, seed);

  // Each line's class from the verdicts. The page's own title is kept and
  // left out of the rules, like a separator: it neither joins nor ends a list.
  s.content.clear();
  s.classes.clear();
  s.may_be_new.clear();
  s.pages_seen.clear();
  uint32_t titles = 0;
  for (size_t i = 0; i < s.lines.size(); ++i) {
    const Line& line = s.lines[i];
    if (line.is_separator()) continue;
    if (line.key == title_key) {
      ++titles;
      continue;
    }
    const boilerplate::LineVerdict* v = verdicts.find(line.key);
    s.content.push_back(i);
    s.classes.push_back(v == nullptr                               ? LineClass::kContent
                        : v->kind == BoilerplateKind::kFurniture ? LineClass::kFurniture
                                                                 : LineClass::kRecurring);
    s.may_be_new.push_back(line.words <= params.long_line_words);
    s.pages_seen.push_back(v == nullptr ? 0 : v->pages);
  }
  boilerplate::decide_lines(s.classes, s.may_be_new, {params.list_min_lines, params.list_gap_lines}, s.fates);

  const auto content = static_cast<uint32_t>(s.content.size()) + titles;
  uint32_t kept = titles;
  for (LineFate f : s.fates) kept += f == LineFate::kKept;
  stats.lines_kept = kept;
  if (kept == content) return std::string(text);
  if (kept == 0) {  // rule 5: a page of nothing but boilerplate is kept whole
    stats.lines_kept = content;
    stats.kept_whole = true;
    return std::string(text);
  }

  std::vector<uint8_t>& removed = s.removed;
  removed.assign(s.lines.size(), 0);
  for (size_t k = 0; k < s.content.size(); ++k) {
    if (s.fates[k] == LineFate::kKept) continue;
    removed[s.content[k]] = 1;
    (s.fates[k] == LineFate::kFurniture ? stats.furniture_lines_removed : stats.list_lines_removed) += 1;
  }
  std::string out = join_kept(text, s.lines, removed, s.next_content);
  stats.bytes_removed = text.size() - out.size();

  if (report != nullptr) {
    s.report_lines.clear();
    for (size_t k = 0; k < s.content.size(); ++k) {
      if (s.fates[k] == LineFate::kKept) continue;
      const Line& line = s.lines[s.content[k]];
      s.report_lines.push_back({line.key, kind_of(s.fates[k]), s.pages_seen[k],
                                boilerplate::trim(text.substr(line.begin, line.end - line.begin))});
    }
    report->impl_->record(site_names[site_id], site_pages[site_id], s.report_lines, stats.bytes_removed);
  }
  return out;
}

}  // namespace copydesk
