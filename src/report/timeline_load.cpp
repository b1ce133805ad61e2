// load_timeline: read and check the inputs, select, gather the shown copies.
#include "report/timeline_inputs.h"

namespace copydesk {

Result<Timeline> load_timeline(const TimelineFiles& files, const TimelineParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  Result<report::StoryInputs> inputs = report::read_story_inputs(files);
  if (!inputs.ok()) return inputs.status();
  report::StoryInputs& in = *inputs;
  const report::Selection selection = report::select_storylines(in, params);

  std::vector<uint32_t> listed_events;
  for (const auto& events : selection.events) listed_events.insert(listed_events.end(), events.begin(), events.end());
  Result<report::DocumentScan> scan =
      report::scan_documents(files.docs, in, listed_events, params.max_documents_per_event);
  if (!scan.ok()) return scan.status();

  Timeline t;
  t.title = params.title;
  t.order = params.order;
  t.min_events = params.min_events;
  t.documents = scan->documents;
  t.groups = scan->groups;
  t.events = in.events.size();
  t.storylines = in.storylines.size();
  for (const TimelineEvent& e : in.events) {
    if (e.start && (!t.start || *e.start < *t.start)) t.start = e.start;
    if (e.end && (!t.end || *e.end > *t.end)) t.end = e.end;
  }
  t.hidden_smaller = selection.hidden_smaller;
  t.hidden_few_events = selection.hidden_few_events;
  for (size_t i = 0; i < selection.storylines.size(); ++i) {
    TimelineStoryline storyline = std::move(in.storylines[selection.storylines[i]]);
    for (const uint32_t e : selection.events[i]) {
      TimelineEvent event = std::move(in.events[e]);
      report::DocumentScan::Listing& listing = scan->listings.at(e);
      event.copy_groups = std::move(listing.copy_groups);
      uint64_t listed = 0;
      for (const TimelineCopyGroup& g : event.copy_groups) listed += g.copies.size();
      event.unlisted_documents = event.documents - listed;  // the scan checked `documents`
      event.unlisted_groups = listing.all_groups - event.copy_groups.size();
      storyline.events.push_back(std::move(event));
    }
    storyline.hidden_events = storyline.event_count - storyline.events.size();
    t.shown.push_back(std::move(storyline));
  }
  return t;
}

}  // namespace copydesk
