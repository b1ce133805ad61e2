// Storylines: which events a crawl's stories tell, when, and by whom (internal).
//
// A storyline is planned as a unit: 1..max_events_per_storyline events, the
// first made fresh, each later one a follow-up of the first (story.h) happening
// followup_min_days..followup_max_days after the one before, all inside the
// crawl's span; each event told by 1..max_stories_per_event stories from
// different agencies (AP, Reuters and AFP at most once each; local agencies
// any number of times), the first sent when the event happens, the others
// within story_spread_hours of it. Copies are planned later (generator.cpp).
//
// Everything here is drawn from the storyline's own random stream and each
// story's own stream, so a storyline does not depend on how many numbers
// another one drew.
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/generator.h"
#include "gen/rng.h"
#include "gen/story.h"

namespace copydesk::gen {

struct PlannedEvent {
  uint64_t index = 0;    // event number in the crawl (its gold_event)
  int64_t time = 0;      // when it happened: the first story's send time
  uint32_t stories = 0;  // how many stories tell it
  EventSpec spec;        // who, where, which words
};

struct StorylinePlan {
  uint64_t index = 0;                // storyline number in the crawl (its gold_storyline)
  std::vector<PlannedEvent> events;  // in time order
  std::vector<StorySpec> stories;    // grouped by event, in event order; each points into `events`
};

class StorylinePlanner {
 public:
  // `params` must be valid and outlive the planner.
  explicit StorylinePlanner(const GeneratorParams& params);

  // Storyline number `index`, whose events are numbered from `first_event`
  // and stories from `first_story`. Same arguments → same plan.
  void plan(uint64_t index, uint64_t first_event, uint64_t first_story, StorylinePlan& out) const;

 private:
  const GeneratorParams& p_;
  PowerLawTable events_per_storyline_;
  PowerLawTable stories_per_event_;
};

}  // namespace copydesk::gen
