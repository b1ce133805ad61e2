// Rule 3 of boilerplate.h on one page (internal): from the class of each
// line with words, in page order, which lines go.
#pragma once

#include <cstdint>
#include <vector>

namespace copydesk::boilerplate {

enum class LineClass : uint8_t {
  kContent,    // neither: a story line, or a line seen too rarely
  kFurniture,  // rule 1
  kRecurring,  // rule 2: on several pages, in different places
};

enum class LineFate : uint8_t { kKept, kFurniture, kRecurringInList, kNewInList };

struct ListRules {
  uint32_t min_lines = 2;  // BoilerplateParams::list_min_lines
  uint32_t gap_lines = 2;  // BoilerplateParams::list_gap_lines
};

// `classes[i]` and `may_be_new[i]` (short enough to be a teaser) describe the
// i-th line with words; `fates` is overwritten, one per line.
//
// Runs of furniture and recurring lines are found first. Neighbouring runs
// are chained across a gap of at most gap_lines lines that may be new when
// the run before the gap has a recurring line (the list is under way) and a
// recurring line borders the gap. The runs at the two ends of a chain must
// have furniture or min_lines recurring lines; one that has not is left out.
// A chain with furniture and min_lines recurring lines is a list: every line
// in it goes, the gap lines with it; elsewhere only furniture goes. So a
// sidebar of headlines (recurring) and teasers (some seen too rarely) goes
// whole, while the story's last paragraph stays between an "Also read:" link
// (a lone recurring line at a chain's end) or an ad label (furniture alone
// before the gap) and the tags and sidebar after it.
void decide_lines(const std::vector<LineClass>& classes, const std::vector<uint8_t>& may_be_new,
                  const ListRules& rules, std::vector<LineFate>& fates);

}  // namespace copydesk::boilerplate
