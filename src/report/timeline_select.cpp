// TimelineParams and the choice of what the page shows.
#include <algorithm>
#include <limits>

#include "report/timeline_inputs.h"

namespace copydesk {

Status TimelineParams::validate() const {
  if (title.empty()) return Status::InvalidArgument("title must not be empty");
  if (max_storylines < 1) return Status::InvalidArgument("max_storylines must be at least 1");
  if (min_events < 1) return Status::InvalidArgument("min_events must be at least 1");
  if (max_events_per_storyline < 1) return Status::InvalidArgument("max_events_per_storyline must be at least 1");
  if (max_documents_per_event < 1) return Status::InvalidArgument("max_documents_per_event must be at least 1");
  return Status::Ok();
}

namespace report {
namespace {

constexpr int64_t kUndatedLast = std::numeric_limits<int64_t>::max();

// True when storyline `a` comes before `b` in `order`; ties by number.
bool comes_before(const TimelineStoryline& a, const TimelineStoryline& b, StorylineOrder order) {
  switch (order) {
    case StorylineOrder::kSize:
      if (a.documents != b.documents) return a.documents > b.documents;
      break;
    case StorylineOrder::kEarliest: {
      const int64_t sa = a.start.value_or(kUndatedLast), sb = b.start.value_or(kUndatedLast);
      if (sa != sb) return sa < sb;
      break;
    }
    case StorylineOrder::kLatest:
      if (a.end.has_value() != b.end.has_value()) return a.end.has_value();  // undated last
      if (a.end && *a.end != *b.end) return *a.end > *b.end;
      break;
  }
  return a.number < b.number;
}

void sort_storylines(std::vector<uint32_t>& shown, const StoryInputs& in, StorylineOrder order) {
  std::sort(shown.begin(), shown.end(),
            [&](uint32_t a, uint32_t b) { return comes_before(in.storylines[a], in.storylines[b], order); });
}

// The positions of a storyline's shown events in its time order: all of
// them, or its `limit` largest (ties: earlier in time order).
std::vector<uint32_t> shown_events(const StoryInputs& in, uint32_t storyline, uint32_t limit) {
  std::vector<uint32_t> events;
  for (const uint64_t number : in.storyline_events[storyline]) events.push_back(in.event_index.at(number));
  if (events.size() <= limit) return events;
  std::vector<uint32_t> rank(events.size());
  for (uint32_t i = 0; i < rank.size(); ++i) rank[i] = i;
  std::stable_sort(rank.begin(), rank.end(),
                   [&](uint32_t a, uint32_t b) { return in.events[events[a]].documents > in.events[events[b]].documents; });
  rank.resize(limit);
  std::sort(rank.begin(), rank.end());
  std::vector<uint32_t> kept;
  for (const uint32_t i : rank) kept.push_back(events[i]);
  return kept;
}

}  // namespace

Selection select_storylines(const StoryInputs& in, const TimelineParams& params) {
  Selection selection;
  std::vector<uint32_t> candidates;
  for (uint32_t s = 0; s < in.storylines.size(); ++s) {
    if (in.storylines[s].event_count >= params.min_events) {
      candidates.push_back(s);
    } else {
      ++selection.hidden_few_events;
    }
  }
  sort_storylines(candidates, in, StorylineOrder::kSize);
  if (candidates.size() > params.max_storylines) {
    selection.hidden_smaller = candidates.size() - params.max_storylines;
    candidates.resize(params.max_storylines);
  }
  sort_storylines(candidates, in, params.order);
  selection.storylines = candidates;
  for (const uint32_t s : candidates) {
    selection.events.push_back(shown_events(in, s, params.max_events_per_storyline));
  }
  return selection;
}

}  // namespace report
}  // namespace copydesk
