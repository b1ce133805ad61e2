// Reading the storylines and events files and checking them against each other.
#include <string>

#include "report/jsonl_lines.h"
#include "report/timeline_inputs.h"

namespace copydesk::report {
namespace {

std::string at(const std::string& path, uint64_t line) { return path + ":" + std::to_string(line) + ": "; }

Status read_storylines(const std::string& path, StoryInputs& in) {
  JsonlRecords records;
  COPYDESK_RETURN_IF_ERROR(records.open(path));
  simdjson::dom::object record;
  while (records.next(record)) {
    const RecordFields fields(record, records.where());
    TimelineStoryline s;
    std::vector<uint64_t> events;
    COPYDESK_RETURN_IF_ERROR(fields.required_count("storyline", s.number));
    COPYDESK_RETURN_IF_ERROR(fields.required_counts("events", events));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("documents", s.documents));
    COPYDESK_RETURN_IF_ERROR(fields.optional_date("start", s.start));
    COPYDESK_RETURN_IF_ERROR(fields.optional_date("end", s.end));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("headline", s.headline));
    COPYDESK_RETURN_IF_ERROR(fields.optional_texts("top_terms", s.top_terms));
    if (events.empty()) return fields.error("storyline " + std::to_string(s.number) + " has no events");
    const auto [it, added] = in.storyline_index.try_emplace(s.number, static_cast<uint32_t>(in.storylines.size()));
    if (!added) {
      return fields.error("storyline " + std::to_string(s.number) + " appears twice (first on line " +
                          std::to_string(in.storyline_lines[it->second]) + ")");
    }
    s.event_count = events.size();
    in.storylines.push_back(std::move(s));
    in.storyline_events.push_back(std::move(events));
    in.storyline_lines.push_back(records.line());
  }
  return records.status();
}

Status read_events(const std::string& path, const std::string& storylines_path, StoryInputs& in) {
  JsonlRecords records;
  COPYDESK_RETURN_IF_ERROR(records.open(path));
  simdjson::dom::object record;
  while (records.next(record)) {
    const RecordFields fields(record, records.where());
    TimelineEvent e;
    COPYDESK_RETURN_IF_ERROR(fields.required_count("event", e.number));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("storyline", e.storyline));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("documents", e.documents));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("groups", e.groups));
    COPYDESK_RETURN_IF_ERROR(fields.optional_date("start", e.start));
    COPYDESK_RETURN_IF_ERROR(fields.optional_date("end", e.end));
    COPYDESK_RETURN_IF_ERROR(fields.optional_texts("sources", e.sources));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("wire", e.wire));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("headline", e.headline));
    COPYDESK_RETURN_IF_ERROR(fields.optional_id("representative", e.representative));
    COPYDESK_RETURN_IF_ERROR(fields.optional_texts("top_terms", e.top_terms));
    const std::string name = "event " + std::to_string(e.number);
    const auto [it, added] = in.event_index.try_emplace(e.number, static_cast<uint32_t>(in.events.size()));
    if (!added) {
      return fields.error(name + " appears twice (first on line " + std::to_string(in.event_lines[it->second]) + ")");
    }
    if (in.storyline_index.count(e.storyline) == 0) {
      return fields.error(name + ": storyline " + std::to_string(e.storyline) + " is not in " + storylines_path);
    }
    if (e.start && e.end && *e.end < *e.start) return fields.error(name + ": 'end' is before 'start'");
    in.events.push_back(std::move(e));
    in.event_lines.push_back(records.line());
  }
  return records.status();
}

// Every storyline's events exist and name it back; every event is listed by
// exactly its storyline; a storyline's documents are its events' documents.
Status check_storyline_events(const TimelineFiles& files, const StoryInputs& in) {
  std::vector<uint32_t> listed_by(in.events.size(), UINT32_MAX);
  for (uint32_t s = 0; s < in.storylines.size(); ++s) {
    const TimelineStoryline& storyline = in.storylines[s];
    const std::string place = at(files.storylines, in.storyline_lines[s]) + "storyline " +
                              std::to_string(storyline.number);
    uint64_t documents = 0;
    for (const uint64_t number : in.storyline_events[s]) {
      const auto it = in.event_index.find(number);
      if (it == in.event_index.end()) {
        return Status::ParseError(place + ": event " + std::to_string(number) + " is not in " + files.events);
      }
      const TimelineEvent& event = in.events[it->second];
      if (event.storyline != storyline.number) {
        return Status::ParseError(place + ": lists event " + std::to_string(number) + ", which " + files.events +
                                  ":" + std::to_string(in.event_lines[it->second]) + " puts in storyline " +
                                  std::to_string(event.storyline));
      }
      if (listed_by[it->second] != UINT32_MAX) {
        return Status::ParseError(place + ": lists event " + std::to_string(number) + " twice");
      }
      listed_by[it->second] = s;
      documents += event.documents;
    }
    if (documents != storyline.documents) {
      return Status::ParseError(place + ": 'documents' is " + std::to_string(storyline.documents) +
                                " but its events have " + std::to_string(documents));
    }
  }
  for (uint32_t e = 0; e < in.events.size(); ++e) {
    if (listed_by[e] == UINT32_MAX) {
      return Status::ParseError(at(files.events, in.event_lines[e]) + "event " + std::to_string(in.events[e].number) +
                                " is not among the events of storyline " + std::to_string(in.events[e].storyline) +
                                " in " + files.storylines);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<StoryInputs> read_story_inputs(const TimelineFiles& files) {
  StoryInputs in;
  in.events_path = files.events;
  in.storylines_path = files.storylines;
  COPYDESK_RETURN_IF_ERROR(read_storylines(files.storylines, in));
  COPYDESK_RETURN_IF_ERROR(read_events(files.events, files.storylines, in));
  COPYDESK_RETURN_IF_ERROR(check_storyline_events(files, in));
  return in;
}

}  // namespace copydesk::report
