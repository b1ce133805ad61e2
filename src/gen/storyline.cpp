#include "gen/storyline.h"

namespace copydesk::gen {
namespace {

// derive_seed streams: generator.cpp uses 1 (copies) and 2 (batch order),
// html_pages.cpp 11-14.
constexpr uint64_t kStorylineTag = 3;

// The agency of an event's next story: AP 35 %, Reuters 30 %, AFP 15 %, a
// local agency 20 %; but each of the three wires tells an event only once.
Agency pick_agency(Rng& rng, bool (&wire_used)[3]) {
  constexpr double kWeight[4] = {0.35, 0.30, 0.15, 0.20};
  double total = kWeight[3];
  for (int a = 0; a < 3; ++a) total += wire_used[a] ? 0.0 : kWeight[a];
  double u = rng.unit() * total;
  for (int a = 0; a < 3; ++a) {
    if (wire_used[a]) continue;
    if (u < kWeight[a]) {
      wire_used[a] = true;
      return static_cast<Agency>(a);
    }
    u -= kWeight[a];
  }
  return Agency::kLocal;
}

}  // namespace

StorylinePlanner::StorylinePlanner(const GeneratorParams& params)
    : p_(params),
      events_per_storyline_(1, params.max_events_per_storyline, params.storyline_exponent),
      stories_per_event_(1, params.max_stories_per_event, params.stories_exponent) {}

void StorylinePlanner::plan(uint64_t index, uint64_t first_event, uint64_t first_story, StorylinePlan& out) const {
  Rng rng(derive_seed(p_.seed, kStorylineTag, index));
  out.index = index;
  out.events.clear();
  out.stories.clear();

  // When the events happen, in minutes after the first (in PlannedEvent::time
  // until the start is known); follow-ups that would fall a span or more after
  // the first are not part of the crawl. Then the first event goes at a random
  // minute that keeps the whole storyline inside the span.
  const int64_t span_minutes = int64_t{p_.span_days} * 1440;
  const uint32_t wanted = events_per_storyline_.sample(rng);
  int64_t offset = 0;
  out.events.push_back(PlannedEvent{first_event, 0, 0, {}});
  while (out.events.size() < wanted) {
    const int64_t next = offset + rng.range(int64_t{p_.followup_min_days} * 1440, int64_t{p_.followup_max_days} * 1440);
    if (next >= span_minutes) break;
    offset = next;
    out.events.push_back(PlannedEvent{first_event + out.events.size(), offset, 0, {}});
  }
  const int64_t start = p_.start_time + static_cast<int64_t>(rng.below(static_cast<uint64_t>(span_minutes - offset))) * 60;

  for (PlannedEvent& ev : out.events) {  // no more events: pointers into out.events stay valid
    ev.time = start + ev.time * 60;
    ev.spec = ev.index == first_event ? make_event(rng, ev.time)
                                      : make_followup_event(out.events.front().spec, rng, ev.time);
    ev.stories = stories_per_event_.sample(rng);
    bool wire_used[3] = {false, false, false};
    for (uint32_t s = 0; s < ev.stories; ++s) {
      StorySpec& story = out.stories.emplace_back();
      story.index = first_story + out.stories.size() - 1;
      story.event_index = ev.index;
      story.storyline_index = index;
      story.agency = pick_agency(rng, wire_used);
      story.time = ev.time + (s == 0 ? 0 : rng.range(0, int64_t{p_.story_spread_hours} * 60) * 60);
      story.target_words = static_cast<uint32_t>(rng.range(p_.min_words, p_.max_words));
      story.seed = rng.next();
      story.event = &ev.spec;
    }
  }
}

}  // namespace copydesk::gen
