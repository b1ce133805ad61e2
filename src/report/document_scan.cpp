// Streaming the docs file: the crawl's counts, consistency with the events,
// and the copies listed under the shown events.
#include <algorithm>
#include <limits>
#include <unordered_set>

#include "report/jsonl_lines.h"
#include "report/timeline_inputs.h"

namespace copydesk::report {
namespace {

struct Copy {
  TimelineCopy copy;
  uint64_t group = 0;
  uint64_t line = 0;  // input order breaks date ties
};

// Earliest first; undated documents after dated ones, then by line.
bool earlier(const Copy& a, const Copy& b) {
  const int64_t kUndated = std::numeric_limits<int64_t>::max();
  const int64_t da = a.copy.date.value_or(kUndated), db = b.copy.date.value_or(kUndated);
  return da != db ? da < db : a.line < b.line;
}

struct GroupTally {
  uint64_t documents = 0;
  std::string canonical;
  Copy first;  // its earliest document: the group's first source
};

// One shown event's documents, bounded: the first source of each copy group
// and the `limit` earliest documents.
class EventCopies {
 public:
  explicit EventCopies(uint32_t limit) : limit_(limit) {}

  void add(Copy c, const std::string& canonical) {
    GroupTally& tally = groups_[c.group];
    if (tally.documents++ == 0 || earlier(c, tally.first)) tally.first = c;
    if (tally.canonical.empty()) tally.canonical = canonical;
    if (earliest_.size() == limit_ && !earlier(c, earliest_.front())) return;
    earliest_.push_back(std::move(c));
    std::push_heap(earliest_.begin(), earliest_.end(), earlier);  // latest on top
    if (earliest_.size() > limit_) {
      std::pop_heap(earliest_.begin(), earliest_.end(), earlier);
      earliest_.pop_back();
    }
  }

  // Up to `limit` documents: one first source per group, largest groups first
  // (ties: earlier first source), then the earliest other documents.
  DocumentScan::Listing listed() {
    std::vector<const GroupTally*> order;
    for (const auto& [group, tally] : groups_) order.push_back(&tally);
    std::sort(order.begin(), order.end(), [](const GroupTally* a, const GroupTally* b) {
      if (a->documents != b->documents) return a->documents > b->documents;
      return earlier(a->first, b->first);
    });
    if (order.size() > limit_) order.resize(limit_);
    DocumentScan::Listing listing;
    listing.all_groups = groups_.size();
    std::vector<TimelineCopyGroup>& out = listing.copy_groups;
    std::unordered_map<uint64_t, size_t> slot;  // group -> position in out
    for (const GroupTally* tally : order) {
      slot[tally->first.group] = out.size();
      out.push_back({tally->first.group, tally->canonical, tally->documents, {tally->first.copy}});
    }
    size_t room = limit_ - out.size();
    std::sort(earliest_.begin(), earliest_.end(), earlier);
    for (Copy& c : earliest_) {
      if (room == 0) break;
      const auto it = slot.find(c.group);
      if (it == slot.end() || c.line == groups_.at(c.group).first.line) continue;
      out[it->second].copies.push_back(std::move(c.copy));
      --room;
    }
    return listing;
  }

 private:
  uint32_t limit_;
  std::unordered_map<uint64_t, GroupTally> groups_;
  std::vector<Copy> earliest_;  // a max-heap by `earlier` while adding
};

}  // namespace

Result<DocumentScan> scan_documents(const std::string& path, const StoryInputs& in,
                                    const std::vector<uint32_t>& listed_events, uint32_t max_per_event) {
  std::unordered_map<uint32_t, EventCopies> collectors;
  for (const uint32_t e : listed_events) collectors.try_emplace(e, max_per_event);
  std::vector<uint64_t> counted(in.events.size(), 0);
  std::unordered_set<uint64_t> groups;
  DocumentScan scan;

  JsonlRecords records;
  COPYDESK_RETURN_IF_ERROR(records.open(path));
  simdjson::dom::object record;
  while (records.next(record)) {
    const RecordFields fields(record, records.where());
    Copy c;
    std::string canonical;
    uint64_t event_number = 0, storyline = 0;
    COPYDESK_RETURN_IF_ERROR(fields.required_id("id", c.copy.id));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("group", c.group));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("event", event_number));
    COPYDESK_RETURN_IF_ERROR(fields.required_count("storyline", storyline));
    COPYDESK_RETURN_IF_ERROR(fields.optional_id("canonical", canonical));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("title", c.copy.title));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("url", c.copy.url));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("site", c.copy.site));
    COPYDESK_RETURN_IF_ERROR(fields.optional_date("date", c.copy.date));
    COPYDESK_RETURN_IF_ERROR(fields.optional_text("wire", c.copy.wire));
    const std::string name = "document '" + c.copy.id + "'";
    const auto it = in.event_index.find(event_number);
    if (it == in.event_index.end()) {
      return fields.error(name + ": event " + std::to_string(event_number) + " is not in " + in.events_path);
    }
    const TimelineEvent& event = in.events[it->second];
    if (event.storyline != storyline) {
      return fields.error(name + ": storyline " + std::to_string(storyline) + ", but its event " +
                          std::to_string(event_number) + " is in storyline " + std::to_string(event.storyline));
    }
    ++scan.documents;
    ++counted[it->second];
    groups.insert(c.group);
    const auto collector = collectors.find(it->second);
    if (collector != collectors.end()) {
      c.line = records.line();
      collector->second.add(std::move(c), canonical);
    }
  }
  COPYDESK_RETURN_IF_ERROR(records.status());

  for (uint32_t e = 0; e < in.events.size(); ++e) {
    if (counted[e] != in.events[e].documents) {
      return Status::ParseError(in.events_path + ":" + std::to_string(in.event_lines[e]) + ": event " +
                                std::to_string(in.events[e].number) + ": 'documents' is " +
                                std::to_string(in.events[e].documents) + " but " + path + " has " +
                                std::to_string(counted[e]) + " documents in it");
    }
  }
  scan.groups = groups.size();
  for (auto& [e, collector] : collectors) scan.listings.emplace(e, collector.listed());
  return scan;
}

}  // namespace copydesk::report
