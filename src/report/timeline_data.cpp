// The page's data block: the shown part of the timeline as JSON.
#include "copydesk/date.h"
#include "report/timeline_page.h"
#include "util/json.h"

namespace copydesk::report {
namespace {

class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
  ~JsonObject() { out_ += '}'; }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  std::string& key(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return out_;
  }
  void count(const char* name, uint64_t v) { key(name) += std::to_string(v); }
  void text(const char* name, std::string_view v) { util::append_json_string(key(name), v); }
  void text_if(const char* name, std::string_view v) {
    if (!v.empty()) text(name, v);
  }
  void date(const char* name, const TimelineDate& d) {
    if (d) text(name, format_iso8601(*d));
  }
  void texts(const char* name, const std::vector<std::string>& v) {
    std::string& out = key(name);
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out += ',';
      util::append_json_string(out, v[i]);
    }
    out += ']';
  }

 private:
  std::string& out_;
  bool first_ = true;
};

const char* order_name(StorylineOrder order) {
  switch (order) {
    case StorylineOrder::kSize: return "size";
    case StorylineOrder::kEarliest: return "earliest";
    case StorylineOrder::kLatest: return "latest";
  }
  return "size";
}

void append_copy_group(std::string& out, const TimelineCopyGroup& g) {
  JsonObject o(out);
  o.count("group", g.group);
  o.text_if("canonical", g.canonical);
  o.count("documents", g.documents);
  std::string& list = o.key("copies");
  list += '[';
  for (size_t i = 0; i < g.copies.size(); ++i) {
    if (i > 0) list += ',';
    const TimelineCopy& c = g.copies[i];
    JsonObject copy(list);
    copy.text("id", c.id);
    copy.text_if("title", c.title);
    copy.text_if("url", c.url);
    copy.text_if("site", c.site);
    copy.date("date", c.date);
    copy.text_if("wire", c.wire);
  }
  list += ']';
}

void append_event(std::string& out, const TimelineEvent& e) {
  JsonObject o(out);
  o.count("event", e.number);
  o.text_if("headline", e.headline);
  o.date("start", e.start);
  o.date("end", e.end);
  o.count("documents", e.documents);
  o.count("groups", e.groups);
  o.text_if("wire", e.wire);
  o.text_if("representative", e.representative);
  o.texts("sources", e.sources);
  o.texts("top_terms", e.top_terms);
  o.count("unlisted_documents", e.unlisted_documents);
  o.count("unlisted_groups", e.unlisted_groups);
  std::string& list = o.key("copy_groups");
  list += '[';
  for (size_t i = 0; i < e.copy_groups.size(); ++i) {
    if (i > 0) list += ',';
    append_copy_group(list, e.copy_groups[i]);
  }
  list += ']';
}

void append_storyline(std::string& out, const TimelineStoryline& s) {
  JsonObject o(out);
  o.count("storyline", s.number);
  o.text_if("headline", s.headline);
  o.date("start", s.start);
  o.date("end", s.end);
  o.count("documents", s.documents);
  o.count("event_count", s.event_count);
  o.count("hidden_events", s.hidden_events);
  o.texts("top_terms", s.top_terms);
  std::string& list = o.key("events");
  list += '[';
  for (size_t i = 0; i < s.events.size(); ++i) {
    if (i > 0) list += ',';
    append_event(list, s.events[i]);
  }
  list += ']';
}

}  // namespace

std::string timeline_data_json(const Timeline& t) {
  std::string out;
  {
    JsonObject o(out);
    o.text("title", t.title);
    o.text("order", order_name(t.order));
    o.count("min_events", t.min_events);
    {
      JsonObject totals(o.key("totals"));
      totals.count("documents", t.documents);
      totals.count("groups", t.groups);
      totals.count("events", t.events);
      totals.count("storylines", t.storylines);
      totals.date("start", t.start);
      totals.date("end", t.end);
    }
    o.count("hidden_smaller", t.hidden_smaller);
    o.count("hidden_few_events", t.hidden_few_events);
    std::string& list = o.key("storylines");
    list += '[';
    for (size_t i = 0; i < t.shown.size(); ++i) {
      if (i > 0) list += ',';
      append_storyline(list, t.shown[i]);
    }
    list += ']';
  }
  return script_safe_json(out);
}

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace copydesk::report
