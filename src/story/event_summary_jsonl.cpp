// The --events and --storylines JSON Lines (event_summary.h).
#include <string>

#include "copydesk/date.h"
#include "copydesk/event_summary.h"
#include "util/json.h"

namespace copydesk {
namespace {

void append_dates(std::string& out, int64_t start, int64_t end) {
  if (start != kNoDate) out += ",\"start\":\"" + format_iso8601(start) + '"';
  if (end != kNoDate) out += ",\"end\":\"" + format_iso8601(end) + '"';
}

void append_string_field(std::string& out, const char* name, const std::string& value) {
  if (value.empty()) return;
  out += ",\"";
  out += name;
  out += "\":";
  util::append_json_string(out, value);
}

void append_terms(std::string& out, const std::vector<TopTerm>& terms) {
  out += ",\"top_terms\":[";
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) out += ',';
    util::append_json_string(out, terms[i].word);
  }
  out += ']';
}

}  // namespace

void append_event_jsonl(std::string& out, uint32_t event, uint32_t storyline, const EventSummary& s,
                        const IdTable& ids) {
  out += "{\"event\":" + std::to_string(event) + ",\"storyline\":" + std::to_string(storyline);
  append_dates(out, s.start, s.end);
  out += ",\"documents\":" + std::to_string(s.documents) + ",\"groups\":" + std::to_string(s.groups);
  out += ",\"sources\":[";
  for (size_t i = 0; i < s.sources.size(); ++i) {
    if (i > 0) out += ',';
    util::append_json_string(out, s.sources[i]);
  }
  out += ']';
  append_string_field(out, "wire", s.wire);
  append_string_field(out, "headline", s.headline);
  if (s.representative != kNoDocument && s.representative < ids.size()) {
    out += ",\"representative\":";
    ids.append_json(out, s.representative);
  }
  append_terms(out, s.top_terms);
  out += "}\n";
}

void append_storyline_jsonl(std::string& out, uint32_t storyline, const StorylineSummary& s) {
  out += "{\"storyline\":" + std::to_string(storyline);
  append_dates(out, s.start, s.end);
  out += ",\"events\":[";
  for (size_t i = 0; i < s.events.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(s.events[i]);
  }
  out += "],\"documents\":" + std::to_string(s.documents);
  append_string_field(out, "headline", s.headline);
  append_terms(out, s.top_terms);
  out += "}\n";
}

}  // namespace copydesk
