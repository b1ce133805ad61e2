// The timeline report: loading and checking the three story files, choosing
// what the page shows, the page's bytes (escaping, determinism), the CLI, and
// the page itself rendered by headless Chromium.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "copydesk/date.h"
#include "copydesk/timeline.h"
#include "copydesk/writer.h"
#include "util/json.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;
using testing::make_temp_dir;
using testing::read_file;
using testing::run_cli;
using testing::write_file;

// ---- A small crawl's story files, written the way `copydesk events` does ----

struct Doc {
  std::string id;
  int group;
  int event;
  std::string title, site, date, wire, url;
};
struct Event {
  int number, storyline;
  std::string headline;
  std::vector<std::string> terms;
};
struct Storyline {
  int number;
  std::vector<int> events;  // time order
  std::string headline;
  std::vector<std::string> terms;
};

struct Crawl {
  std::vector<Doc> docs;
  std::vector<Event> events;
  std::vector<Storyline> storylines;
};

// Three storylines: an earthquake (3 events, 10 documents, AP), an election
// (2 events, 6 documents, Reuters) and a stadium vote (1 event, 3 documents;
// one copy with a hostile title and URL, one undated).
Crawl news_crawl() {
  Crawl c;
  auto doc = [&](std::string id, int group, int event, std::string title, std::string site, std::string date,
                 std::string wire = "") {
    c.docs.push_back({id, group, event, std::move(title), std::move(site), std::move(date), std::move(wire), ""});
    c.docs.back().url = "https://" + c.docs.back().site + "/news/" + id;
  };
  doc("d01", 0, 0, "Strong earthquake strikes coastal city", "site01.example", "2026-03-04T10:15:00Z", "AP");
  doc("d02", 0, 0, "Strong earthquake strikes coastal city", "site02.example", "2026-03-04T10:40:00Z", "AP");
  doc("d03", 0, 0, "Strong quake strikes coastal city", "site03.example", "2026-03-04T12:00:00Z", "AP");
  doc("d04", 1, 0, "Quake rattles the coast, no deaths reported", "site04.example", "2026-03-04T11:30:00Z");
  doc("d05", 1, 0, "Quake rattles the coast", "site02.example", "2026-03-04T13:00:00Z");
  doc("d11", 5, 1, "Opposition wins tight election", "site06.example", "2026-03-04T20:00:00Z", "Reuters");
  doc("d12", 5, 1, "Opposition wins tight election", "site07.example", "2026-03-04T20:30:00Z", "Reuters");
  doc("d13", 5, 1, "Opposition wins a tight election", "site02.example", "2026-03-04T21:00:00Z", "Reuters");
  doc("d14", 6, 1, "What the election result means", "site08.example", "2026-03-05T07:00:00Z");
  doc("d06", 2, 2, "Rescuers search rubble after quake", "site01.example", "2026-03-05T08:00:00Z", "AP");
  doc("d07", 2, 2, "Rescuers search rubble after quake", "site05.example", "2026-03-05T09:10:00Z", "AP");
  doc("d08", 3, 2, "Survivors pulled from collapsed school", "site03.example", "2026-03-05T10:00:00Z");
  doc("d15", 7, 3, "Court orders recount in disputed districts", "site06.example", "2026-03-06T12:00:00Z", "Reuters");
  doc("d16", 7, 3, "Court orders recount in disputed districts", "site07.example", "2026-03-06T12:45:00Z", "Reuters");
  doc("d09", 4, 4, "Aftershock shakes city again", "site04.example", "2026-03-07T06:00:00Z");
  doc("d10", 4, 4, "Aftershock shakes the city again", "site01.example", "2026-03-07T06:30:00Z");
  doc("d17", 8, 5, "City council approves new stadium", "site05.example", "2026-03-08T09:00:00Z");
  doc("d18", 8, 5, "City council approves new stadium", "site09.example", "");
  doc("d19", 9, 5, "</script><script>document.body.dataset.pwned='1'</script> stadium costs", "site09.example",
      "2026-03-08T10:00:00Z");
  c.docs.back().url = "javascript:document.body.dataset.pwned='2'";
  c.events = {{0, 0, "Strong earthquake strikes coastal city", {"quake", "tremor", "magnitude"}},
              {1, 1, "Opposition wins tight election", {"election", "opposition", "votes"}},
              {2, 0, "Rescuers search rubble after quake", {"rescue", "rubble"}},
              {3, 1, "Court orders recount in disputed districts", {"recount", "court"}},
              {4, 0, "Aftershock shakes city again", {"aftershock"}},
              {5, 2, "City council approves new stadium", {"stadium", "council"}}};
  c.storylines = {{0, {0, 2, 4}, "Strong earthquake strikes coastal city", {"quake", "rescue", "aftershock"}},
                  {1, {1, 3}, "Opposition wins tight election", {"election", "recount"}},
                  {2, {5}, "City council approves new stadium", {"stadium"}}};
  return c;
}

void field(std::string& out, const char* name, const std::string& value) {
  if (value.empty()) return;
  out += ",\"";
  out += name;
  out += "\":";
  util::append_json_string(out, value);
}

void terms(std::string& out, const char* name, const std::vector<std::string>& values) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    util::append_json_string(out, values[i]);
  }
  out += ']';
}

// Writes docs.jsonl, events.jsonl and storylines.jsonl into `dir`, the
// per-event and per-storyline facts computed from the documents.
TimelineFiles write_crawl(const fs::path& dir, const Crawl& c) {
  std::string docs, events, storylines;
  std::map<int, std::string> canonical;  // group -> its first document
  for (const Doc& d : c.docs) canonical.emplace(d.group, d.id);
  for (const Doc& d : c.docs) {
    const int storyline = c.events.at(static_cast<size_t>(d.event)).storyline;
    docs += "{\"id\":\"" + d.id + "\",\"group\":" + std::to_string(d.group) + ",\"canonical\":\"" +
            canonical[d.group] + "\",\"event\":" + std::to_string(d.event) +
            ",\"storyline\":" + std::to_string(storyline);
    field(docs, "title", d.title);
    field(docs, "url", d.url);
    field(docs, "site", d.site);
    field(docs, "date", d.date);
    field(docs, "wire", d.wire);
    docs += ",\"gold_event\":\"carried\"}\n";
  }
  std::map<int, std::pair<std::string, std::string>> event_span;
  std::map<int, int> event_documents;
  for (const Event& e : c.events) {
    std::set<int> groups;
    std::map<std::string, int> sites, wires;
    std::string start, end;
    int documents = 0;
    for (const Doc& d : c.docs) {
      if (d.event != e.number) continue;
      ++documents;
      groups.insert(d.group);
      ++sites[d.site];
      if (!d.wire.empty()) ++wires[d.wire];
      if (!d.date.empty() && (start.empty() || d.date < start)) start = d.date;
      if (!d.date.empty() && (end.empty() || d.date > end)) end = d.date;
    }
    std::vector<std::pair<int, std::string>> by_count;
    for (const auto& [site, n] : sites) by_count.emplace_back(-n, site);
    std::sort(by_count.begin(), by_count.end());
    std::vector<std::string> sources;
    for (const auto& [n, site] : by_count) sources.push_back(site);
    std::string wire;
    int best = 0;
    for (const auto& [w, n] : wires) {
      if (n > best) best = n, wire = w;
    }
    events += "{\"event\":" + std::to_string(e.number) + ",\"storyline\":" + std::to_string(e.storyline);
    field(events, "start", start);
    field(events, "end", end);
    events += ",\"documents\":" + std::to_string(documents) + ",\"groups\":" + std::to_string(groups.size());
    terms(events, "sources", sources);
    field(events, "wire", wire);
    field(events, "headline", e.headline);
    field(events, "representative", canonical[*groups.begin()]);
    terms(events, "top_terms", e.terms);
    events += "}\n";
    event_span[e.number] = {start, end};
    event_documents[e.number] = documents;
  }
  for (const Storyline& s : c.storylines) {
    std::string start, end, list;
    int documents = 0;
    for (const int e : s.events) {
      documents += event_documents[e];
      const auto& [a, b] = event_span[e];
      if (!a.empty() && (start.empty() || a < start)) start = a;
      if (!b.empty() && (end.empty() || b > end)) end = b;
      list += (list.empty() ? "" : ",") + std::to_string(e);
    }
    storylines += "{\"storyline\":" + std::to_string(s.number);
    field(storylines, "start", start);
    field(storylines, "end", end);
    storylines += ",\"events\":[" + list + "],\"documents\":" + std::to_string(documents);
    field(storylines, "headline", s.headline);
    terms(storylines, "top_terms", s.terms);
    storylines += "}\n";
  }
  const TimelineFiles files{(dir / "docs.jsonl").string(), (dir / "events.jsonl").string(),
                            (dir / "storylines.jsonl").string()};
  write_file(files.docs, docs);
  write_file(files.events, events);
  write_file(files.storylines, storylines);
  return files;
}

// Replaces line `number` (1-based) of `path` by `edit(line)`.
void edit_line(const std::string& path, size_t number, const std::function<std::string(std::string)>& edit) {
  std::string text = read_file(path), out;
  size_t line = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string current = text.substr(pos, end - pos);
    out += ++line == number ? edit(current) : current;
    out += '\n';
    pos = end + 1;
  }
  write_file(path, out);
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' not in " << s;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

class TimelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir("timeline");
    files_ = write_crawl(dir_, news_crawl());
  }
  // COPYDESK_KEEP_TEMP=1 keeps the files (fixtures, report) for a look.
  void TearDown() override {
    if (std::getenv("COPYDESK_KEEP_TEMP") != nullptr) {
      std::printf("kept: %s\n", dir_.c_str());
    } else {
      fs::remove_all(dir_);
    }
  }

  Timeline load_ok(const TimelineParams& params = {}) {
    Result<Timeline> t = load_timeline(files_, params);
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? *t : Timeline{};
  }
  std::string load_error() {
    Result<Timeline> t = load_timeline(files_, {});
    EXPECT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), StatusCode::kParseError);
    return t.ok() ? std::string() : t.status().message();
  }
  std::string page(const TimelineParams& params = {}) {
    StringSink sink;
    const Status s = write_timeline_html(load_ok(params), sink);
    EXPECT_TRUE(s.ok()) << s.message();
    return sink.data;
  }

  fs::path dir_;
  TimelineFiles files_;
};

std::vector<uint64_t> shown_numbers(const Timeline& t) {
  std::vector<uint64_t> out;
  for (const TimelineStoryline& s : t.shown) out.push_back(s.number);
  return out;
}

// ---- Loading ----

TEST_F(TimelineTest, LoadsEverythingWithTheCrawlsCounts) {
  const Timeline t = load_ok();
  EXPECT_EQ(t.documents, 19u);
  EXPECT_EQ(t.groups, 10u);
  EXPECT_EQ(t.events, 6u);
  EXPECT_EQ(t.storylines, 3u);
  EXPECT_EQ(t.start, parse_iso8601("2026-03-04T10:15:00Z"));
  EXPECT_EQ(t.end, parse_iso8601("2026-03-08T10:00:00Z"));
  EXPECT_EQ(shown_numbers(t), (std::vector<uint64_t>{0, 1, 2}));
  ASSERT_EQ(t.shown[0].events.size(), 3u);
  EXPECT_EQ(t.shown[0].events[1].number, 2u);
  EXPECT_EQ(t.shown[0].events[1].headline, "Rescuers search rubble after quake");
  EXPECT_EQ(t.shown[0].events[0].wire, "AP");
  EXPECT_EQ(t.shown[0].events[0].sources.front(), "site02.example");
  EXPECT_EQ(t.hidden_smaller, 0u);
  EXPECT_EQ(t.hidden_few_events, 0u);
}

TEST_F(TimelineTest, ListsCopiesByGroupWithTheFirstSourceFirst) {
  const Timeline t = load_ok();
  const TimelineEvent& quake = t.shown[0].events[0];
  ASSERT_EQ(quake.copy_groups.size(), 2u);
  EXPECT_EQ(quake.copy_groups[0].group, 0u);  // the larger group first
  EXPECT_EQ(quake.copy_groups[0].documents, 3u);
  EXPECT_EQ(quake.copy_groups[0].canonical, "d01");
  ASSERT_EQ(quake.copy_groups[0].copies.size(), 3u);
  EXPECT_EQ(quake.copy_groups[0].copies[0].id, "d01");
  EXPECT_EQ(quake.copy_groups[0].copies[0].site, "site01.example");
  EXPECT_EQ(quake.copy_groups[0].copies[0].wire, "AP");
  EXPECT_EQ(quake.copy_groups[0].copies[0].url, "https://site01.example/news/d01");
  EXPECT_EQ(quake.copy_groups[0].copies[2].id, "d03");
  EXPECT_EQ(quake.copy_groups[1].copies[0].id, "d04");
  EXPECT_EQ(quake.unlisted_documents, 0u);
  // An undated copy comes after the dated ones of its group.
  const TimelineEvent& stadium = t.shown[2].events[0];
  ASSERT_EQ(stadium.copy_groups.size(), 2u);
  EXPECT_EQ(stadium.copy_groups[0].copies[0].id, "d17");
  EXPECT_EQ(stadium.copy_groups[0].copies[1].id, "d18");
  EXPECT_FALSE(stadium.copy_groups[0].copies[1].date.has_value());
}

TEST_F(TimelineTest, ReadsGzipAndNumericIds) {
  std::string docs = read_file(files_.docs);
  docs = replaced(docs, "\"id\":\"d01\"", "\"id\":101");
  const std::string gz = (dir_ / "docs.jsonl.gz").string();
  write_file(dir_ / "plain.jsonl", docs);
  ASSERT_EQ(std::system(("gzip -c " + (dir_ / "plain.jsonl").string() + " > " + gz).c_str()), 0);
  files_.docs = gz;
  const Timeline t = load_ok();
  EXPECT_EQ(t.shown[0].events[0].copy_groups[0].copies[0].id, "101");
}

struct BadInput {
  const char* name;
  char file;  // 'd' docs, 'e' events, 's' storylines
  size_t line;
  const char* from;
  const char* to;
  const char* expected;  // after "file:line: "
};

void PrintTo(const BadInput& bad, std::ostream* os) { *os << bad.name; }

class TimelineBadInput : public TimelineTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(TimelineBadInput, NamesFileLineAndProblem) {
  const BadInput& bad = GetParam();
  const std::string& path = bad.file == 'd' ? files_.docs : bad.file == 'e' ? files_.events : files_.storylines;
  edit_line(path, bad.line, [&](std::string line) { return replaced(line, bad.from, bad.to); });
  const std::string message = load_error();
  EXPECT_EQ(message.rfind(path + ":" + std::to_string(bad.line) + ": ", 0), 0u) << message;
  EXPECT_NE(message.find(bad.expected), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TimelineBadInput,
    ::testing::Values(
        BadInput{"DocMissingEvent", 'd', 3, "\"event\":0,", "", "missing field 'event'"},
        BadInput{"DocGroupNotANumber", 'd', 2, "\"group\":0", "\"group\":\"zero\"",
                 "field 'group' must be a whole number >= 0, not \"zero\""},
        BadInput{"DocTitleNotAString", 'd', 4, "\"title\":\"Quake rattles the coast, no deaths reported\"",
                 "\"title\":[1]", "field 'title' must be a string"},
        BadInput{"DocUnknownEvent", 'd', 5, "\"event\":0", "\"event\":99",
                 "document 'd05': event 99 is not in "},
        BadInput{"DocWrongStoryline", 'd', 6, "\"storyline\":1", "\"storyline\":2",
                 "document 'd11': storyline 2, but its event 1 is in storyline 1"},
        BadInput{"DocBadDate", 'd', 7, "2026-03-04T20:30:00Z", "March 4th", "field 'date' is not an ISO 8601 date"},
        BadInput{"DocNotJson", 'd', 8, "{", "{{", "not valid JSON"},
        BadInput{"EventUnknownStoryline", 'e', 2, "\"storyline\":1", "\"storyline\":7",
                 "event 1: storyline 7 is not in "},
        BadInput{"EventTwice", 'e', 3, "\"event\":2", "\"event\":0", "event 0 appears twice (first on line 1)"},
        BadInput{"EventSourcesNotStrings", 'e', 1, "\"sources\":[", "\"sources\":[7,", "field 'sources' must be an array of strings"},
        BadInput{"EventEndsBeforeItStarts", 'e', 5, "\"end\":\"2026-03-07T06:30:00Z\"",
                 "\"end\":\"2026-03-01T00:00:00Z\"", "event 4: 'end' is before 'start'"},
        BadInput{"StorylineUnknownEvent", 's', 2, "\"events\":[1,3]", "\"events\":[1,3,42]",
                 "storyline 1: event 42 is not in "},
        BadInput{"StorylineOthersEvent", 's', 3, "\"events\":[5]", "\"events\":[5,4]",
                 "storyline 2: lists event 4, which "},
        BadInput{"StorylineDocumentsDiffer", 's', 1, "\"documents\":10", "\"documents\":11",
                 "storyline 0: 'documents' is 11 but its events have 10"},
        BadInput{"StorylineEventsNotAnArray", 's', 3, "\"events\":[5]", "\"events\":5",
                 "field 'events' must be an array of numbers"},
        BadInput{"StorylineMissingEvents", 's', 2, "\"events\":[1,3],", "", "missing field 'events'"},
        BadInput{"StorylineNegativeNumber", 's', 1, "\"storyline\":0", "\"storyline\":-1",
                 "field 'storyline' must be a whole number >= 0, not -1"}),
    [](const ::testing::TestParamInfo<BadInput>& test) { return std::string(test.param.name); });

TEST_F(TimelineTest, AnEventNoStorylineListsIsAnError) {
  edit_line(files_.storylines, 1, [](std::string line) { return replaced(line, "[0,2,4]", "[0,2]"); });
  edit_line(files_.storylines, 1, [](std::string line) { return replaced(line, "\"documents\":10", "\"documents\":8"); });
  const std::string message = load_error();
  EXPECT_EQ(message.rfind(files_.events + ":5: event 4 is not among the events of storyline 0 in " + files_.storylines,
                          0),
            0u)
      << message;
}

TEST_F(TimelineTest, AMissingFileIsAnIoError) {
  files_.events = (dir_ / "no-such-events.jsonl").string();
  Result<Timeline> t = load_timeline(files_, {});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kIoError);
  EXPECT_NE(t.status().message().find("no-such-events.jsonl: cannot open"), std::string::npos);
}

TEST_F(TimelineTest, BlankLinesAndUnknownFieldsAreFine) {
  write_file(files_.events, "\n" + read_file(files_.events) + "\n \n\n");
  EXPECT_EQ(load_ok().events, 6u);  // and the docs carry "gold_event", unknown to the report
  // A blank line still counts: the event on line 4 is event 2.
  edit_line(files_.events, 4, [](std::string line) { return replaced(line, "\"groups\":2", "\"groups\":\"2\""); });
  EXPECT_EQ(load_error().rfind(files_.events + ":4: field 'groups'", 0), 0u);
}

TEST_F(TimelineTest, ARecordMustBeAnObject) {
  edit_line(files_.docs, 9, [](std::string) { return "[1, 2]"; });
  EXPECT_EQ(load_error(), files_.docs + ":9: the record must be a JSON object");
}

TEST_F(TimelineTest, AnEventsCountMustMatchTheDocs) {
  edit_line(files_.events, 4, [](std::string line) { return replaced(line, "\"documents\":2", "\"documents\":3"); });
  edit_line(files_.storylines, 2, [](std::string line) { return replaced(line, "\"documents\":6", "\"documents\":7"); });
  EXPECT_EQ(load_error(), files_.events + ":4: event 3: 'documents' is 3 but " + files_.docs + " has 2 documents in it");
}

TEST(TimelineParams, ValidateNamesTheBadField) {
  EXPECT_TRUE(TimelineParams{}.validate().ok());
  for (auto set : std::vector<std::function<void(TimelineParams&)>>{
           [](TimelineParams& p) { p.max_storylines = 0; }, [](TimelineParams& p) { p.min_events = 0; },
           [](TimelineParams& p) { p.max_events_per_storyline = 0; },
           [](TimelineParams& p) { p.max_documents_per_event = 0; }, [](TimelineParams& p) { p.title.clear(); }}) {
    TimelineParams p;
    set(p);
    const Status s = p.validate();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    Result<Timeline> t = load_timeline({"a", "b", "c"}, p);
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);  // before any file is opened
  }
}

// ---- Selection ----

TEST_F(TimelineTest, MaxStorylinesKeepsTheLargestAndCountsTheRest) {
  TimelineParams p;
  p.max_storylines = 2;
  const Timeline t = load_ok(p);
  EXPECT_EQ(shown_numbers(t), (std::vector<uint64_t>{0, 1}));
  EXPECT_EQ(t.hidden_smaller, 1u);
  EXPECT_EQ(t.storylines, 3u);
  p.max_storylines = 1;
  EXPECT_EQ(shown_numbers(load_ok(p)), (std::vector<uint64_t>{0}));
}

TEST_F(TimelineTest, MinEventsLeavesOutShortStorylines) {
  TimelineParams p;
  p.min_events = 2;
  Timeline t = load_ok(p);
  EXPECT_EQ(shown_numbers(t), (std::vector<uint64_t>{0, 1}));
  EXPECT_EQ(t.hidden_few_events, 1u);
  EXPECT_EQ(t.hidden_smaller, 0u);
  p.min_events = 3;
  p.max_storylines = 1;
  t = load_ok(p);
  EXPECT_EQ(shown_numbers(t), (std::vector<uint64_t>{0}));
  EXPECT_EQ(t.hidden_few_events, 2u);
  EXPECT_EQ(t.hidden_smaller, 0u);
}

TEST_F(TimelineTest, OrderBySizeEarliestOrLatest) {
  TimelineParams p;
  p.order = StorylineOrder::kEarliest;
  EXPECT_EQ(shown_numbers(load_ok(p)), (std::vector<uint64_t>{0, 1, 2}));
  p.order = StorylineOrder::kLatest;
  EXPECT_EQ(shown_numbers(load_ok(p)), (std::vector<uint64_t>{2, 0, 1}));
  // Selection is by size whatever the order: the largest two, latest first.
  p.max_storylines = 2;
  EXPECT_EQ(shown_numbers(load_ok(p)), (std::vector<uint64_t>{0, 1}));
}

TEST_F(TimelineTest, MaxEventsKeepsTheLargestInTimeOrder) {
  TimelineParams p;
  p.max_events_per_storyline = 2;
  const Timeline t = load_ok(p);
  const TimelineStoryline& quake = t.shown[0];
  EXPECT_EQ(quake.event_count, 3u);
  EXPECT_EQ(quake.hidden_events, 1u);
  ASSERT_EQ(quake.events.size(), 2u);
  EXPECT_EQ(quake.events[0].number, 0u);  // 5 documents
  EXPECT_EQ(quake.events[1].number, 2u);  // 3 documents; the aftershock (2) is left out
}

TEST_F(TimelineTest, MaxDocumentsListsOneFirstSourcePerGroupThenTheEarliest) {
  TimelineParams p;
  p.max_documents_per_event = 3;
  Timeline t = load_ok(p);
  const TimelineEvent* quake = &t.shown[0].events[0];
  ASSERT_EQ(quake->copy_groups.size(), 2u);
  ASSERT_EQ(quake->copy_groups[0].copies.size(), 2u);
  EXPECT_EQ(quake->copy_groups[0].copies[0].id, "d01");
  EXPECT_EQ(quake->copy_groups[0].copies[1].id, "d02");  // 10:40, before d04's group-mate d05 (13:00)
  ASSERT_EQ(quake->copy_groups[1].copies.size(), 1u);
  EXPECT_EQ(quake->copy_groups[1].copies[0].id, "d04");  // 11:30: its group's first source
  EXPECT_EQ(quake->copy_groups[1].documents, 2u);
  EXPECT_EQ(quake->unlisted_documents, 2u);
  EXPECT_EQ(quake->unlisted_groups, 0u);

  p.max_documents_per_event = 1;
  t = load_ok(p);
  quake = &t.shown[0].events[0];
  ASSERT_EQ(quake->copy_groups.size(), 1u);
  EXPECT_EQ(quake->copy_groups[0].copies[0].id, "d01");
  EXPECT_EQ(quake->unlisted_documents, 4u);
  EXPECT_EQ(quake->unlisted_groups, 1u);
}

TEST_F(TimelineTest, DocumentsOfHiddenStorylinesAreNotEmbedded) {
  TimelineParams p;
  p.max_storylines = 1;
  const std::string html = page(p);
  EXPECT_NE(html.find("Strong earthquake strikes coastal city"), std::string::npos);
  EXPECT_EQ(html.find("Opposition wins"), std::string::npos);
  EXPECT_EQ(html.find("stadium"), std::string::npos);
  EXPECT_NE(html.find("\"hidden_smaller\":2"), std::string::npos);
}

// ---- The page's bytes ----

// The data block's text: between the JSON script element's tags.
std::string data_block(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"timeline-data\">";
  const size_t start = html.find(open);
  if (start == std::string::npos) return "";
  const size_t end = html.find("</script>", start);
  return html.substr(start + open.size(), end - start - open.size());
}

TEST_F(TimelineTest, HostileTextStaysTextInTheDataBlock) {
  const std::string hostile = "</script><script>alert(1)</script><!-- & \xE2\x80\xA8 \xE2\x80\xA9 end";
  Crawl c = news_crawl();
  c.storylines[2].headline = hostile;
  c.events[5].headline = hostile;
  files_ = write_crawl(dir_, c);
  TimelineParams p;
  p.title = "Desk <b>report</b> & \"more\"";
  const std::string html = page(p);

  // The page's own three script elements, and no other.
  EXPECT_EQ(count_of(html, "<script"), 3u);
  EXPECT_EQ(count_of(html, "</script"), 3u);
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(html.find("\xE2\x80\xA9"), std::string::npos);
  EXPECT_NE(html.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!-- \\u0026 "
                      "\\u2028 \\u2029 end"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Desk &lt;b&gt;report&lt;/b&gt; &amp; &quot;more&quot;</title>"), std::string::npos);

  // The block still parses as JSON to the very same text.
  const std::string block = data_block(html);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(block).get(root), simdjson::SUCCESS);
  std::string_view headline, title;
  ASSERT_EQ(root["storylines"].at(2)["headline"].get(headline), simdjson::SUCCESS);
  EXPECT_EQ(headline, hostile);
  ASSERT_EQ(root["title"].get(title), simdjson::SUCCESS);
  EXPECT_EQ(title, p.title);
}

TEST_F(TimelineTest, ThePageIsSelfContained) {
  const std::string html = page();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  // Nothing that loads: no external scripts, styles, fonts or images.
  for (const char* ref : {"<script src", "<link", "@import", "url(", "<img", "<iframe", "http://", "//fonts"}) {
    EXPECT_EQ(html.find(ref), std::string::npos) << ref;
  }
  // The only http(s) addresses are the documents' own, inside the data block.
  const std::string block = data_block(html);
  EXPECT_EQ(count_of(html, "https://"), count_of(block, "https://"));
}

TEST_F(TimelineTest, SameInputSameBytes) {
  const std::string first = page();
  EXPECT_EQ(page(), first);
  TimelineParams p;
  p.max_documents_per_event = 2;
  EXPECT_EQ(page(p), page(p));
  EXPECT_NE(page(p), first);
}

// ---- The command ----

std::string cli_files(const TimelineFiles& f) {
  return "--docs " + f.docs + " --events " + f.events + " --storylines " + f.storylines;
}

TEST_F(TimelineTest, CliWritesThePageAndSummarises) {
  const fs::path out = dir_ / "report.html";
  const testing::CliResult r =
      run_cli("timeline " + cli_files(files_) + " -o " + out.string() + " --max-storylines 2 --title 'Quake desk'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<title>Quake desk</title>"), std::string::npos);
  EXPECT_NE(r.err.find("2 of 3 storylines shown (1 smaller"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(std::to_string(html.size()) + " bytes written to " + out.string()), std::string::npos) << r.err;
  EXPECT_EQ(testing::count_lines(r.err), 1u);
  // The same bytes every time, and the same as the library writes.
  const fs::path again = dir_ / "again.html";
  ASSERT_EQ(run_cli("timeline " + cli_files(files_) + " -o " + again.string() + " --max-storylines 2 --title 'Quake desk'")
                .exit_code,
            0);
  EXPECT_EQ(read_file(again), html);
  TimelineParams p;
  p.max_storylines = 2;
  p.title = "Quake desk";
  EXPECT_EQ(page(p), html);
}

TEST_F(TimelineTest, CliErrorsExitTwoAndLeaveTheOutputAlone) {
  const fs::path out = dir_ / "report.html";
  write_file(out, "previous report");
  edit_line(files_.docs, 2, [](std::string line) { return replaced(line, "\"group\":0", "\"group\":-3"); });
  testing::CliResult r = run_cli("timeline " + cli_files(files_) + " -o " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("copydesk timeline: " + files_.docs + ":2: field 'group'"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out), "previous report");

  r = run_cli("timeline " + cli_files(files_) + " -o " + out.string() + " --sort newest");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--sort must be size, earliest or latest"), std::string::npos) << r.err;
  r = run_cli("timeline " + cli_files(files_) + " -o " + out.string() + " --max-storylines 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("max_storylines must be at least 1"), std::string::npos) << r.err;
  r = run_cli("timeline --docs " + files_.docs + " -o " + out.string());
  EXPECT_EQ(r.exit_code, 2);
}

TEST(TimelineCli, HelpExplainsEveryOption) {
  const testing::CliResult r = run_cli("timeline --help");
  ASSERT_EQ(r.exit_code, 0);
  for (const char* option : {"--docs", "--events", "--storylines", "--output", "--title", "--max-storylines",
                             "--min-events", "--max-events", "--max-documents", "--sort", "self-contained"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

// ---- The page in a browser ----

std::string find_chromium() {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser"}) {
    size_t pos = 0;
    while (pos <= dirs.size()) {
      size_t end = dirs.find(':', pos);
      if (end == std::string::npos) end = dirs.size();
      const fs::path candidate = fs::path(dirs.substr(pos, end - pos)) / name;
      if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
      pos = end + 1;
    }
  }
  return "";
}

class TimelineBrowser : public TimelineTest {
 protected:
  void SetUp() override {
    chromium_ = find_chromium();
    if (chromium_.empty()) GTEST_SKIP() << "no chromium or chromium-browser on PATH: the page is not rendered";
    TimelineTest::SetUp();
    report_ = dir_ / "report.html";
    const testing::CliResult r = run_cli("timeline " + cli_files(files_) + " -o " + report_.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Chromium's flags: the new headless mode; no sandbox (CI runs as root); a
  // fresh profile per run; a virtual-time budget so the page's script has
  // run before the DOM is dumped or the screenshot taken.
  std::string browser(const std::string& args, const std::string& hash = "") {
    const fs::path profile = dir_ / ("profile-" + std::to_string(runs_++));
    const fs::path out = dir_ / "chromium.out", err = dir_ / "chromium.err";
    const std::string cmd = "timeout 60 " + chromium_ +
                            " --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
                            " --no-default-browser-check"
                            " --disable-extensions --disable-background-networking --hide-scrollbars"
                            " --virtual-time-budget=5000 --user-data-dir=" +
                            profile.string() + " " + args + " 'file://" + report_.string() + hash + "' >" +
                            out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(status, 0) << cmd << "\n" << read_file(err);
    return read_file(out);
  }

  // The rendered page up to its scripts (the data block holds every
  // headline too, and the script every fixed text of the page).
  std::string dom(const std::string& hash = "") {
    const std::string html = browser("--dump-dom", hash);
    const size_t scripts = html.find("<script type=\"application/json\"");
    EXPECT_NE(scripts, std::string::npos) << html;
    return html.substr(0, scripts);
  }

  std::string chromium_;
  fs::path report_;
  int runs_ = 0;
};

TEST_F(TimelineBrowser, RendersEveryStorylineThenFiltersFromTheHash) {
  std::string html = dom();
  EXPECT_NE(html.find("data-render=\"ok\""), std::string::npos) << html.substr(0, 2000);
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 3u);
  EXPECT_EQ(count_of(html, "<li class=\"event\""), 6u);
  for (const char* headline : {"Strong earthquake strikes coastal city", "Opposition wins tight election",
                               "City council approves new stadium", "Court orders recount in disputed districts"}) {
    EXPECT_NE(html.find(headline), std::string::npos) << headline;
  }
  EXPECT_NE(html.find("<b>19</b> documents"), std::string::npos);
  EXPECT_NE(html.find("<b>10</b> copy groups"), std::string::npos);
  // Largest first: quake, election, stadium.
  EXPECT_LT(html.find("id=\"storyline-0\""), html.find("id=\"storyline-1\""));
  EXPECT_LT(html.find("id=\"storyline-1\""), html.find("id=\"storyline-2\""));

  // A word of the storyline (its top terms) matches all its events; a word
  // of one event only that event.
  html = dom("#q=recount");
  EXPECT_NE(html.find("data-render=\"ok\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 1u);
  EXPECT_NE(html.find("id=\"storyline-1\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<li class=\"event\""), 2u);
  EXPECT_NE(html.find("<mark>recount</mark>"), std::string::npos);
  html = dom("#q=COURT+districts");
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 1u);
  EXPECT_NE(html.find("id=\"storyline-1\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<li class=\"event\""), 1u);
  EXPECT_NE(html.find("<mark>Court</mark> orders recount in disputed <mark>districts</mark>"), std::string::npos);
  EXPECT_NE(html.find("1 of 2 shown events match"), std::string::npos);

  html = dom("#source=site05.example&sort=earliest");
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 2u);  // quake (rescue) and stadium
  EXPECT_LT(html.find("id=\"storyline-0\""), html.find("id=\"storyline-2\""));
  EXPECT_EQ(html.find("id=\"storyline-1\""), std::string::npos);

  html = dom("#wire=Reuters&min=2");
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 1u);
  EXPECT_NE(html.find("id=\"storyline-1\""), std::string::npos);

  html = dom("#from=2026-03-07&to=2026-03-08");
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 2u);  // the aftershock and the stadium

  html = dom("#q=no+such+story");
  EXPECT_NE(html.find("data-render=\"ok\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 0u);
  EXPECT_NE(html.find("No storylines match"), std::string::npos);
}

TEST_F(TimelineBrowser, AnOpenEventListsItsCopiesAndHostileTextStaysText) {
  const std::string html = dom("#open=5,0");
  EXPECT_NE(html.find("data-render=\"ok\""), std::string::npos);
  EXPECT_EQ(html.find("data-pwned"), std::string::npos) << "a script from the data ran";
  EXPECT_NE(html.find("&lt;/script&gt;&lt;script&gt;document.body.dataset.pwned='1'&lt;/script&gt; stadium costs"),
            std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  // The quake's copies: grouped, the first source marked, linked, delays given.
  EXPECT_EQ(count_of(html, "<section class=\"group\""), 4u);  // 2 + 2
  EXPECT_EQ(count_of(html, "First source"), 2u);
  EXPECT_NE(html.find("href=\"https://site01.example/news/d01\""), std::string::npos);
  EXPECT_NE(html.find("+25 min"), std::string::npos);  // d02, 10:40 after d01 at 10:15
  EXPECT_NE(html.find("Copy group 0 · 3 documents · canonical d01"), std::string::npos);
}

TEST_F(TimelineBrowser, ListsCardsAPageAtATimeAndAsManyAsAnOpenEventNeeds) {
  Crawl c;
  for (int i = 0; i < 250; ++i) {
    const std::string n = std::to_string(i);
    c.docs.push_back({"p" + n, i, i, "Story number " + n, "site01.example", "2026-03-01T10:00:00Z", "", ""});
    c.events.push_back({i, i, "Story number " + n, {"story"}});
    c.storylines.push_back({i, {i}, "Story number " + n, {"story"}});
  }
  files_ = write_crawl(dir_, c);
  ASSERT_EQ(run_cli("timeline " + cli_files(files_) + " -o " + report_.string()).exit_code, 0);
  // Storyline 150 is the 151st card (equal sizes: by number): two pages.
  const std::string html = dom("#open=150");
  EXPECT_NE(html.find("data-render=\"ok\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<article class=\"story\""), 200u);
  EXPECT_NE(html.find("<details class=\"event-body\" open=\"\""), std::string::npos);
  EXPECT_NE(html.find("id=\"storyline-150\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"storyline-200\""), std::string::npos);
  EXPECT_NE(html.find("Show 50 more storylines (50 not listed yet)"), std::string::npos);
}

TEST_F(TimelineBrowser, AScriptErrorIsRecordedAndShown) {
  std::string html = read_file(report_);
  const size_t data = html.find("\"storylines\":[");
  ASSERT_NE(data, std::string::npos);
  html.insert(data, "\"broken\":,");  // the data block is no longer JSON
  write_file(report_, html);
  const std::string rendered = dom();
  EXPECT_NE(rendered.find("data-render=\"error: "), std::string::npos) << rendered.substr(0, 600);
  EXPECT_NE(rendered.find("role=\"alert\">The report could not be shown: "), std::string::npos);
  EXPECT_EQ(rendered.find("id=\"error-banner\" role=\"alert\" hidden"), std::string::npos);
}

TEST_F(TimelineBrowser, WritesAScreenshot) {
  const fs::path shots = fs::path(COPYDESK_CLI_PATH).parent_path() / "tests";
  fs::create_directories(shots);
  for (const auto& [name, size] : {std::pair<std::string, std::string>{"timeline-screenshot.png", "1280,2000"},
                                   {"timeline-screenshot-narrow.png", "390,1800"}}) {
    const fs::path png = shots / name;
    fs::remove(png);
    browser("--screenshot=" + png.string() + " --window-size=" + size, "#open=0");
    ASSERT_TRUE(fs::exists(png)) << png;
    const std::string bytes = read_file(png);
    EXPECT_GT(bytes.size(), 10000u);
    EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    std::printf("screenshot: %s\n", png.c_str());
  }
}

}  // namespace
}  // namespace copydesk
