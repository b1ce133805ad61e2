#include "text/boilerplate_rules.h"

#include <cstddef>

namespace copydesk::boilerplate {
namespace {

struct Run {
  size_t begin = 0, end = 0;  // lines [begin, end)
  uint32_t furniture = 0, recurring = 0;
};

// The lines between runs `a` and `b` are few, may all be new, follow a run
// with a recurring line, and a recurring line borders them.
bool joins(const Run& a, const Run& b, const std::vector<LineClass>& classes, const std::vector<uint8_t>& may_be_new,
           const ListRules& rules) {
  if (b.begin - a.end > rules.gap_lines) return false;
  for (size_t i = a.end; i < b.begin; ++i) {
    if (may_be_new[i] == 0) return false;
  }
  // The list is under way: the run before the gap has a recurring line. A
  // gap after furniture alone ("spot_img", then the story's last paragraph,
  // then tags and "More stories") stays.
  if (a.recurring == 0) return false;
  return classes[a.end - 1] == LineClass::kRecurring || classes[b.begin] == LineClass::kRecurring;
}

}  // namespace

void decide_lines(const std::vector<LineClass>& classes, const std::vector<uint8_t>& may_be_new,
                  const ListRules& rules, std::vector<LineFate>& fates) {
  const size_t m = classes.size();
  fates.assign(m, LineFate::kKept);
  std::vector<Run> runs;  // maximal runs of furniture and recurring lines
  for (size_t i = 0; i < m;) {
    if (classes[i] == LineClass::kContent) {
      ++i;
      continue;
    }
    Run run{i, i};
    for (; i < m && classes[i] != LineClass::kContent; ++i) {
      (classes[i] == LineClass::kFurniture ? run.furniture : run.recurring) += 1;
    }
    run.end = i;
    runs.push_back(run);
  }
  // Chains: runs joined across gaps that may be bridged. A chain's end runs
  // must have furniture or min_lines recurring lines (a lone recurring line
  // at an end is left out, as its own group); runs inside may be anything.
  auto qualifies = [&](const Run& r) { return r.furniture >= 1 || r.recurring >= rules.min_lines; };
  auto is_list = [&](const Run& g) { return g.furniture >= 1 && g.recurring >= rules.min_lines; };
  std::vector<Run> groups;
  for (size_t first = 0; first < runs.size();) {
    size_t last = first;
    while (last + 1 < runs.size() && joins(runs[last], runs[last + 1], classes, may_be_new, rules)) ++last;
    const size_t next = last + 1;
    for (; first < last && !qualifies(runs[first]); ++first) groups.push_back(runs[first]);
    size_t trimmed = last;
    while (trimmed > first && !qualifies(runs[trimmed])) --trimmed;
    Run group = runs[first];
    for (size_t r = first + 1; r <= trimmed; ++r) {
      group.end = runs[r].end;
      group.furniture += runs[r].furniture;
      group.recurring += runs[r].recurring;
    }
    groups.push_back(group);
    for (size_t r = trimmed + 1; r <= last; ++r) groups.push_back(runs[r]);
    first = next;
  }
  for (const Run& g : groups) {
    const bool list = is_list(g);
    for (size_t i = g.begin; i < g.end; ++i) {
      if (classes[i] == LineClass::kFurniture) {
        fates[i] = LineFate::kFurniture;
      } else if (list) {
        fates[i] = classes[i] == LineClass::kRecurring ? LineFate::kRecurringInList : LineFate::kNewInList;
      }
    }
  }
}

}  // namespace copydesk::boilerplate
