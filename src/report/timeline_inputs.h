// The timeline report's stages (internal; the public side is timeline.h):
// read the storylines and events files and check them against each other,
// choose what the page shows, then stream the docs file for the shown events'
// copies.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "copydesk/status.h"
#include "copydesk/timeline.h"

namespace copydesk::report {

// The storylines and events files, whole and consistent.
struct StoryInputs {
  std::string events_path, storylines_path;          // for messages
  std::vector<TimelineStoryline> storylines;          // file order; `events` left empty
  std::vector<std::vector<uint64_t>> storyline_events;  // per storyline: its event numbers, time order
  std::vector<uint64_t> storyline_lines;              // per storyline: its line in the file
  std::vector<TimelineEvent> events;                  // file order
  std::vector<uint64_t> event_lines;
  std::unordered_map<uint64_t, uint32_t> storyline_index;  // storyline number -> position
  std::unordered_map<uint64_t, uint32_t> event_index;      // event number -> position
};

Result<StoryInputs> read_story_inputs(const TimelineFiles& files);

// What to show: storyline positions in the page's order and, per shown
// storyline, the positions of its shown events in time order.
struct Selection {
  std::vector<uint32_t> storylines;
  std::vector<std::vector<uint32_t>> events;
  uint64_t hidden_smaller = 0;
  uint64_t hidden_few_events = 0;
};

Selection select_storylines(const StoryInputs& inputs, const TimelineParams& params);

// What the docs file adds: the crawl's counts and the copies of the events
// in `listed_events` (event positions), each capped at `max_per_event`.
struct DocumentScan {
  uint64_t documents = 0;
  uint64_t groups = 0;
  struct Listing {
    std::vector<TimelineCopyGroup> copy_groups;  // the listed ones
    uint64_t all_groups = 0;                     // copy groups among the event's documents
  };
  std::unordered_map<uint32_t, Listing> listings;  // event position -> its listing
};

// Streams the docs file; checks each document's event and storyline and each
// event's document count.
Result<DocumentScan> scan_documents(const std::string& path, const StoryInputs& inputs,
                                    const std::vector<uint32_t>& listed_events, uint32_t max_per_event);

}  // namespace copydesk::report
