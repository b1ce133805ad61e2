// Per-event and per-storyline summaries (event_summary.h): counts, dates,
// sources, wire, representative; top terms in event_terms.cpp.
#include "copydesk/event_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "story/event_terms.h"

namespace copydesk {
namespace {

Status bad(const std::string& what) { return Status::InvalidArgument("event summary: " + what); }

constexpr int64_t kLatest = std::numeric_limits<int64_t>::max();

int64_t sortable(int64_t date) { return date == kNoDate ? kLatest : date; }

// Distinct non-empty names, most frequent first, ties by name. Sorts `names`.
std::vector<std::pair<std::string_view, size_t>> by_frequency(std::vector<std::string_view>& names) {
  std::sort(names.begin(), names.end());
  std::vector<std::pair<std::string_view, size_t>> counts;
  for (std::string_view name : names) {
    if (name.empty()) continue;
    if (counts.empty() || counts.back().first != name) counts.emplace_back(name, 0);
    ++counts.back().second;
  }
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return counts;
}

Status check_input(const SummaryInput& in) {
  const size_t n = in.corpus.docs.size();
  if (in.group_of_doc.size() != n || in.event_of_doc.size() != n) {
    return bad(std::to_string(n) + " documents but " + std::to_string(in.group_of_doc.size()) + " group and " +
               std::to_string(in.event_of_doc.size()) + " event labels");
  }
  if (in.num_events >= std::numeric_limits<uint32_t>::max()) return bad("too many events");
  for (size_t g = 0; g < in.canonical_of_group.size(); ++g) {
    if (in.canonical_of_group[g] >= n) return bad("group " + std::to_string(g) + " has no canonical document");
  }
  for (size_t i = 0; i < n; ++i) {
    if (in.group_of_doc[i] >= in.canonical_of_group.size()) {
      return bad("document " + std::to_string(i) + " is in group " + std::to_string(in.group_of_doc[i]) + " of " +
                 std::to_string(in.canonical_of_group.size()));
    }
    if (in.event_of_doc[i] >= in.num_events) {
      return bad("document " + std::to_string(i) + " is in event " + std::to_string(in.event_of_doc[i]) + " of " +
                 std::to_string(in.num_events));
    }
  }
  return Status::Ok();
}

struct GroupInEvent {
  uint32_t documents;
  uint32_t speaker;  // the canonical when it is in this event, else the group's first member here
  int64_t date;      // the speaker's, kLatest when undated
};

class EventSummarizer {
 public:
  EventSummarizer(const SummaryInput& in, uint32_t per_event, std::vector<uint32_t>& texts)
      : in_(in), per_event_(per_event), texts_(texts) {}

  // `members`: the event's documents in index order.
  void summarize(uint32_t event, const uint32_t* members, size_t count, EventSummary& s) {
    s.documents = count;
    names_.clear();
    wires_.clear();
    pairs_.clear();
    for (size_t m = 0; m < count; ++m) {
      const Document& d = in_.corpus.docs[members[m]];
      if (d.date != kNoDate) {
        s.start = s.start == kNoDate ? d.date : std::min(s.start, d.date);
        s.end = s.end == kNoDate ? d.date : std::max(s.end, d.date);
      }
      names_.push_back(d.site);
      wires_.push_back(d.wire);
      pairs_.emplace_back(in_.group_of_doc[members[m]], members[m]);
    }
    for (const auto& [site, n] : by_frequency(names_)) s.sources.emplace_back(site);
    const auto wires = by_frequency(wires_);
    if (!wires.empty()) s.wire = wires.front().first;
    rank_groups(event);
    s.groups = groups_.size();
    if (!groups_.empty()) {
      s.representative = groups_.front().speaker;
      s.headline = in_.corpus.docs[s.representative].title;
    }
    uint32_t* row = texts_.data() + static_cast<size_t>(event) * per_event_;
    for (size_t t = 0; t < per_event_ && t < groups_.size(); ++t) row[t] = groups_[t].speaker;
  }

 private:
  // groups_: the event's copy groups, largest first, then earliest speaker, then lowest index.
  void rank_groups(uint32_t event) {
    std::sort(pairs_.begin(), pairs_.end());
    groups_.clear();
    for (size_t i = 0; i < pairs_.size();) {
      size_t j = i;
      while (j < pairs_.size() && pairs_[j].first == pairs_[i].first) ++j;
      const uint32_t canonical = in_.canonical_of_group[pairs_[i].first];
      const uint32_t speaker = in_.event_of_doc[canonical] == event ? canonical : pairs_[i].second;
      groups_.push_back({static_cast<uint32_t>(j - i), speaker, sortable(in_.corpus.docs[speaker].date)});
      i = j;
    }
    std::sort(groups_.begin(), groups_.end(), [](const GroupInEvent& a, const GroupInEvent& b) {
      if (a.documents != b.documents) return a.documents > b.documents;
      if (a.date != b.date) return a.date < b.date;
      return a.speaker < b.speaker;
    });
  }

  const SummaryInput& in_;
  uint32_t per_event_;
  std::vector<uint32_t>& texts_;
  std::vector<std::string_view> names_, wires_;
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;  // (group, document)
  std::vector<GroupInEvent> groups_;
};

}  // namespace

Status SummaryParams::validate() const {
  if (top_terms > 1000) return bad("top_terms must be in [0, 1000], got " + std::to_string(top_terms));
  if (max_texts_per_event < 1 || max_texts_per_event > 64) {
    return bad("max_texts_per_event must be in [1, 64], got " + std::to_string(max_texts_per_event));
  }
  if (min_word_chars < 1) return bad("min_word_chars must be >= 1");
  if (!(max_event_share > 0 && max_event_share <= 1)) {
    return bad("max_event_share must be in (0, 1], got " + std::to_string(max_event_share));
  }
  return Status::Ok();
}

Result<std::vector<EventSummary>> summarize_events(const SummaryInput& input, const SummaryParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  COPYDESK_RETURN_IF_ERROR(check_input(input));
  const size_t n = input.corpus.docs.size(), events = input.num_events;
  // Documents by event (counting sort: index order within an event).
  std::vector<size_t> first(events + 1, 0);
  for (uint32_t e : input.event_of_doc) ++first[e + 1];
  for (size_t e = 0; e < events; ++e) first[e + 1] += first[e];
  std::vector<uint32_t> members(n);
  {
    std::vector<size_t> fill(first.begin(), first.end() - 1);
    for (size_t i = 0; i < n; ++i) members[fill[input.event_of_doc[i]]++] = static_cast<uint32_t>(i);
  }
  std::vector<EventSummary> out(events);
  const uint32_t per_event = params.max_texts_per_event;
  std::vector<uint32_t> texts(events * per_event, kNoDocument);
  const auto count = static_cast<int64_t>(events);
#pragma omp parallel
  {
    EventSummarizer summarizer(input, per_event, texts);
#pragma omp for schedule(dynamic, 64)
    for (int64_t e = 0; e < count; ++e) {
      const auto event = static_cast<size_t>(e);
      summarizer.summarize(static_cast<uint32_t>(event), members.data() + first[event], first[event + 1] - first[event],
                           out[event]);
    }
  }
  std::vector<uint32_t>().swap(members);
  story_detail::add_top_terms(input.corpus, texts, per_event, params, out);
  return out;
}

Result<std::vector<StorylineSummary>> summarize_storylines(const std::vector<EventSummary>& events,
                                                          const Storylines& storylines, const SummaryParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  std::vector<StorylineSummary> out(storylines.events.size());
  std::map<std::string_view, double> merged;
  for (size_t s = 0; s < out.size(); ++s) {
    StorylineSummary& line = out[s];
    line.events = storylines.events[s];
    uint32_t largest = kNoDocument;
    merged.clear();
    for (uint32_t e : line.events) {
      if (e >= events.size()) {
        return bad("storyline " + std::to_string(s) + " names event " + std::to_string(e) + " of " +
                   std::to_string(events.size()));
      }
      const EventSummary& ev = events[e];
      line.documents += ev.documents;
      if (ev.start != kNoDate) line.start = line.start == kNoDate ? ev.start : std::min(line.start, ev.start);
      if (ev.end != kNoDate) line.end = line.end == kNoDate ? ev.end : std::max(line.end, ev.end);
      if (largest == kNoDocument) {
        largest = e;
      } else {
        const EventSummary& best = events[largest];
        const auto key = [](const EventSummary& x, uint32_t number) {
          return std::make_tuple(~x.documents, sortable(x.start), number);  // ~: more documents first
        };
        if (key(ev, e) < key(best, largest)) largest = e;
      }
      for (const TopTerm& t : ev.top_terms) merged[t.word] += t.score;
    }
    if (largest != kNoDocument) line.headline = events[largest].headline;
    std::vector<std::pair<std::string_view, double>> ranked(merged.begin(), merged.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < ranked.size() && i < params.top_terms; ++i) {
      line.top_terms.push_back({std::string(ranked[i].first), ranked[i].second});
    }
  }
  return out;
}

}  // namespace copydesk
