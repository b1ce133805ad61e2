// Event and storyline summaries (event_summary.h) on hand-made corpora with
// known answers, and their JSON Lines read back with simdjson.
#include <gtest/gtest.h>
#include <omp.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "copydesk/date.h"
#include "copydesk/event_summary.h"

namespace copydesk {
namespace {

constexpr int64_t kMar4 = 1772582400;  // 2026-03-04T00:00:00Z
constexpr int64_t kHour = 3600;

struct Doc {
  std::string site, wire, title, text;
  int64_t date = kNoDate;
};

// A corpus, its copy groups and events, built document by document.
struct Crawl {
  Corpus corpus;
  std::vector<uint32_t> group_of_doc, canonical_of_group, event_of_doc;
  size_t num_events = 0;

  // Adds a document to `group` (a new group when group == size: the document is its canonical).
  uint32_t add(const Doc& d, uint32_t group, uint32_t event, bool numeric_id = false) {
    const auto index = static_cast<uint32_t>(corpus.docs.size());
    Document doc;
    doc.id = numeric_id ? std::to_string(1000 + index) : "d" + std::to_string(index);
    doc.id_is_number = numeric_id;
    doc.site = d.site;
    doc.wire = d.wire;
    doc.title = d.title;
    doc.text = d.text.empty() ? "filler words only here" : d.text;
    doc.date = d.date;
    corpus.ids.insert(doc.id, numeric_id);
    corpus.docs.push_back(std::move(doc));
    if (group == canonical_of_group.size()) canonical_of_group.push_back(index);
    group_of_doc.push_back(group);
    event_of_doc.push_back(event);
    num_events = std::max<size_t>(num_events, event + 1);
    return index;
  }
  uint32_t new_group() const { return static_cast<uint32_t>(canonical_of_group.size()); }
  SummaryInput input() const { return {corpus, group_of_doc, canonical_of_group, event_of_doc, num_events}; }
};

std::vector<EventSummary> summarize(const Crawl& c, const SummaryParams& p = {}) {
  Result<std::vector<EventSummary>> r = summarize_events(c.input(), p);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : std::vector<EventSummary>{};
}

std::vector<std::string> words(const std::vector<TopTerm>& terms) {
  std::vector<std::string> out;
  for (const TopTerm& t : terms) out.push_back(t.word);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& w) { return std::find(v.begin(), v.end(), w) != v.end(); }

TEST(EventSummary, SourcesMostDocumentsFirstTiesByName) {
  Crawl c;
  for (const char* site : {"b.example", "c.example", "a.example", "c.example", "b.example", "", "c.example", "b.example"}) {
    c.add({site, "", "t", "", kNoDate}, c.new_group(), 0);
  }
  const std::vector<EventSummary> s = summarize(c);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].sources, (std::vector<std::string>{"b.example", "c.example", "a.example"}));  // empty site left out
  EXPECT_EQ(s[0].documents, 8u);
  EXPECT_EQ(s[0].groups, 8u);
}

TEST(EventSummary, WireIsTheMostCommonTiesByName) {
  Crawl c;
  for (const char* wire : {"Reuters", "AP", "", "AFP", "Reuters", "AP", ""}) c.add({"s", wire, "t", "", kNoDate}, c.new_group(), 0);
  for (int i = 0; i < 3; ++i) c.add({"s", "", "t", "", kNoDate}, c.new_group(), 1);  // no wire credit at all
  const std::vector<EventSummary> s = summarize(c);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].wire, "AP");  // AP 2, Reuters 2: "AP" < "Reuters"
  EXPECT_EQ(s[1].wire, "");
}

TEST(EventSummary, RepresentativeIsTheCanonicalOfTheLargestGroup) {
  Crawl c;
  // Event 0: group A (2 copies) and group B (3 copies): B's canonical speaks, whatever the order.
  const uint32_t a = c.new_group();
  c.add({"s", "", "A headline", "", kMar4}, a, 0);
  c.add({"s", "", "A copy", "", kMar4 + kHour}, a, 0);
  const uint32_t b = c.new_group();
  const uint32_t b_canonical = c.add({"s", "", "B headline", "", kMar4 + 5 * kHour}, b, 0);
  c.add({"s", "", "B copy", "", kMar4 + 6 * kHour}, b, 0);
  c.add({"s", "", "B copy", "", kMar4 + 7 * kHour}, b, 0);
  // Event 1: two groups of 2, the later-listed one dated earlier: it wins the tie.
  const uint32_t x = c.new_group();
  c.add({"s", "", "X later", "", kMar4 + 50 * kHour}, x, 1);
  c.add({"s", "", "X copy", "", kMar4 + 51 * kHour}, x, 1);
  const uint32_t y = c.new_group();
  const uint32_t y_canonical = c.add({"s", "", "Y earlier", "", kMar4 + 40 * kHour}, y, 1);
  c.add({"s", "", "Y copy", "", kMar4 + 52 * kHour}, y, 1);
  // Event 2: two undated singletons: the lower index wins; an undated one loses to a dated one.
  const uint32_t first = c.add({"s", "", "First", "", kNoDate}, c.new_group(), 2);
  c.add({"s", "", "Second", "", kNoDate}, c.new_group(), 2);
  const uint32_t dated = c.add({"s", "", "Dated", "", kMar4}, c.new_group(), 3);
  c.add({"s", "", "Undated", "", kNoDate}, c.new_group(), 3);

  const std::vector<EventSummary> s = summarize(c);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].representative, b_canonical);
  EXPECT_EQ(s[0].headline, "B headline");
  EXPECT_EQ(s[0].groups, 2u);
  EXPECT_EQ(s[1].representative, y_canonical);
  EXPECT_EQ(s[1].headline, "Y earlier");
  EXPECT_EQ(s[2].representative, first);
  EXPECT_EQ(s[3].representative, dated);
}

// A copy group split across two events: its canonical speaks for it in its own
// event; in the other, the group's first member there does.
TEST(EventSummary, SplitGroupSpeaksThroughAMemberOfTheEvent) {
  Crawl c;
  const uint32_t g = c.new_group();
  const uint32_t canonical = c.add({"s", "", "Canonical", "", kMar4}, g, 0);
  const uint32_t member = c.add({"s", "", "Member", "", kMar4 + 2 * kHour}, g, 1);
  c.add({"s", "", "Member two", "", kMar4 + kHour}, g, 1);
  const std::vector<EventSummary> s = summarize(c);
  EXPECT_EQ(s[0].representative, canonical);
  EXPECT_EQ(s[1].representative, member);
  EXPECT_EQ(s[1].groups, 1u);
}

TEST(EventSummary, DateSpanAndUndatedEvents) {
  Crawl c;
  c.add({"s", "", "t", "", kMar4 + 30 * kHour}, c.new_group(), 0);
  c.add({"s", "", "t", "", kNoDate}, c.new_group(), 0);
  c.add({"s", "", "t", "", kMar4 + 2 * kHour}, c.new_group(), 0);
  c.add({"s", "", "t", "", kMar4 + 9 * kHour}, c.new_group(), 0);
  c.add({"s", "", "t", "", kNoDate}, c.new_group(), 1);
  const std::vector<EventSummary> s = summarize(c);
  EXPECT_EQ(s[0].start, kMar4 + 2 * kHour);
  EXPECT_EQ(s[0].end, kMar4 + 30 * kHour);
  EXPECT_EQ(s[1].start, kNoDate);
  EXPECT_EQ(s[1].end, kNoDate);
}

// Two clearly different events and a third that shares their stock words:
// each event's top terms are its own words, without numbers, short words or
// words in more than half the events.
TEST(EventSummary, TopTermsSetEventsApart) {
  Crawl c;
  c.add({"s", "", "Quake", "The earthquake struck Lisbon on 4 March; rescue teams said the earthquake rescue went on. "
                           "Rescuers in Lisbon said the tremor was felt at 10:15 as it hit."}, c.new_group(), 0);
  c.add({"s", "", "Quake", "Rescue teams in Lisbon said the earthquake damaged buildings; the tremor was strong."},
        c.new_group(), 0);
  c.add({"s", "", "Vote", "The election in Nairobi drew voters; ballot counting said to go on in Nairobi. "
                          "The electoral commission said ballot boxes from 2026 were sealed."}, c.new_group(), 1);
  c.add({"s", "", "Markets", "The markets said stocks fell as traders sold shares."}, c.new_group(), 2);
  const std::vector<EventSummary> s = summarize(c);
  ASSERT_EQ(s.size(), 3u);
  const std::vector<std::string> quake = words(s[0].top_terms), vote = words(s[1].top_terms);
  ASSERT_EQ(quake.size(), 8u);
  EXPECT_EQ(quake[0], "earthquake");  // 3 times, in one event of three
  EXPECT_TRUE(has(quake, "lisbon") && has(quake, "rescue") && has(quake, "tremor"));
  EXPECT_TRUE(has(vote, "ballot") && has(vote, "nairobi") && has(vote, "election"));
  for (const std::vector<std::string>* terms : {&quake, &vote}) {
    for (const std::string& w : *terms) {
      EXPECT_GE(w.size(), 3u) << w;
      EXPECT_EQ(w.find_first_of("0123456789"), std::string::npos) << w;
      EXPECT_NE(w, "the");   // in all three events
      EXPECT_NE(w, "said");
    }
  }
  for (const std::string& w : quake) EXPECT_FALSE(has(vote, w)) << w;
  // Scores are the documented TF-IDF: "earthquake" has tf 3, df 1 of 3 events.
  EXPECT_NEAR(s[0].top_terms[0].score, (1 + std::log(3.0)) * (std::log(4.0 / 2.0) + 1), 1e-12);
  for (size_t i = 1; i < s[0].top_terms.size(); ++i) EXPECT_GE(s[0].top_terms[i - 1].score, s[0].top_terms[i].score);

  SummaryParams few;
  few.top_terms = 2;
  EXPECT_EQ(summarize(c, few)[0].top_terms.size(), 2u);
  few.top_terms = 0;
  EXPECT_TRUE(summarize(c, few)[0].top_terms.empty());
}

// Only the canonicals of the largest groups are read: a word that only the
// smallest group's text has never shows up, and copies do not add counts.
TEST(EventSummary, TopTermsReadOnlyTheLargestGroups) {
  Crawl c;
  const uint32_t big = c.new_group();
  for (int i = 0; i < 4; ++i) c.add({"s", "", "t", "harbour ferry harbour"}, big, 0);
  const uint32_t mid = c.new_group();
  for (int i = 0; i < 2; ++i) c.add({"s", "", "t", "lighthouse keeper"}, mid, 0);
  c.add({"s", "", "t", "zeppelin zeppelin zeppelin zeppelin"}, c.new_group(), 0);
  c.add({"s", "", "t", "parliament budget"}, c.new_group(), 1);
  SummaryParams p;
  p.max_texts_per_event = 2;
  const std::vector<EventSummary> s = summarize(c, p);
  EXPECT_EQ(words(s[0].top_terms), (std::vector<std::string>{"harbour", "ferry", "keeper", "lighthouse"}));
  // harbour: tf 2 (one canonical read, not four copies).
  EXPECT_NEAR(s[0].top_terms[0].score, (1 + std::log(2.0)) * (std::log(3.0 / 2.0) + 1), 1e-12);
  p.max_texts_per_event = 3;
  EXPECT_EQ(summarize(c, p)[0].top_terms[0].word, "zeppelin");
}

TEST(EventSummary, OneEventKeepsItsWords) {
  Crawl c;
  c.add({"s", "", "t", "volcano ash volcano"}, c.new_group(), 0);
  const std::vector<EventSummary> s = summarize(c);
  EXPECT_EQ(words(s[0].top_terms), (std::vector<std::string>{"volcano", "ash"}));
}

TEST(EventSummary, EventWithoutDocuments) {
  Crawl c;
  c.add({"s", "", "t", ""}, c.new_group(), 1);
  const std::vector<EventSummary> s = summarize(c);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].documents, 0u);
  EXPECT_EQ(s[0].representative, kNoDocument);
  std::string line;
  append_event_jsonl(line, 0, 0, s[0], c.corpus.ids);
  EXPECT_EQ(line, "{\"event\":0,\"storyline\":0,\"documents\":0,\"groups\":0,\"sources\":[],\"top_terms\":[]}\n");
}

TEST(StorylineSummary, SpanSizeHeadlineAndMergedTerms) {
  std::vector<EventSummary> events(4);
  events[0] = {kMar4, kMar4 + kHour, 3, 1, {}, "", 0, "Small early", {{"quake", 2.0}, {"lisbon", 1.5}}};
  events[1] = {kMar4 + 48 * kHour, kMar4 + 50 * kHour, 5, 2, {}, "", 1, "Big later", {{"rescue", 2.5}, {"lisbon", 1.5}}};
  events[2] = {kMar4 - 24 * kHour, kMar4, 5, 1, {}, "", 2, "Big earlier", {{"funeral", 1.0}}};
  events[3] = {kNoDate, kNoDate, 2, 1, {}, "", 3, "Undated", {{"other", 9.0}}};
  Storylines lines;
  lines.storyline_of_event = {0, 0, 0, 1};
  lines.events = {{2, 0, 1}, {3}};
  Result<std::vector<StorylineSummary>> r = summarize_storylines(events, lines, SummaryParams{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  const StorylineSummary& s = (*r)[0];
  EXPECT_EQ(s.events, (std::vector<uint32_t>{2, 0, 1}));
  EXPECT_EQ(s.start, kMar4 - 24 * kHour);
  EXPECT_EQ(s.end, kMar4 + 50 * kHour);
  EXPECT_EQ(s.documents, 13u);
  EXPECT_EQ(s.headline, "Big earlier");  // 5 documents each: the earlier start wins
  EXPECT_EQ(words(s.top_terms), (std::vector<std::string>{"lisbon", "rescue", "quake", "funeral"}));
  EXPECT_EQ((*r)[1].start, kNoDate);
  EXPECT_EQ((*r)[1].headline, "Undated");

  lines.events[1] = {7};
  EXPECT_EQ(summarize_storylines(events, lines, SummaryParams{}).status().code(), StatusCode::kInvalidArgument);
}

TEST(EventSummaryJson, LinesParseBackAsTheFormatSays) {
  Crawl c;
  const uint32_t g = c.new_group();
  c.add({"site1.example", "AP", "Quake hits \"Lisbon\"", "earthquake rescue lisbon", kMar4 + 10 * kHour + 15 * 60}, g, 0,
        true);
  c.add({"site2.example", "AP", "Copy", "earthquake rescue lisbon", kMar4 + 30 * kHour}, g, 0, true);
  c.add({"", "", "", "election ballot nairobi", kNoDate}, c.new_group(), 1);
  const std::vector<EventSummary> s = summarize(c);
  Storylines lines;
  lines.storyline_of_event = {0, 1};
  lines.events = {{0}, {1}};
  Result<std::vector<StorylineSummary>> sl = summarize_storylines(s, lines, SummaryParams{});
  ASSERT_TRUE(sl.ok());

  std::string out;
  append_event_jsonl(out, 0, 0, s[0], c.corpus.ids);
  append_event_jsonl(out, 1, 1, s[1], c.corpus.ids);
  append_storyline_jsonl(out, 0, (*sl)[0]);
  append_storyline_jsonl(out, 1, (*sl)[1]);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 4);

  std::vector<std::string> texts;  // one JSON object per line, each parsed on its own
  for (size_t begin = 0, end; (end = out.find('\n', begin)) != std::string::npos; begin = end + 1) {
    texts.push_back(out.substr(begin, end - begin));
  }
  ASSERT_EQ(texts.size(), 4u);
  simdjson::dom::parser p2;
  for (const std::string& t : texts) ASSERT_EQ(p2.parse(t).error(), simdjson::SUCCESS) << t;
  auto field = [&](const std::string& json, const char* name) { return simdjson::to_string(p2.parse(json)[name]); };
  auto keys = [&](const std::string& json) {
    std::vector<std::string> k;
    simdjson::dom::object o;
    EXPECT_EQ(p2.parse(json).get(o), simdjson::SUCCESS);
    for (auto [key, value] : o) k.emplace_back(key);
    return k;
  };
  // Event 0: everything known, the numeric id written as a number.
  EXPECT_EQ(keys(texts[0]), (std::vector<std::string>{"event", "storyline", "start", "end", "documents", "groups",
                                                      "sources", "wire", "headline", "representative", "top_terms"}));
  EXPECT_EQ(field(texts[0], "start"), "\"2026-03-04T10:15:00Z\"");
  EXPECT_EQ(field(texts[0], "end"), "\"2026-03-05T06:00:00Z\"");
  EXPECT_EQ(field(texts[0], "documents"), "2");
  EXPECT_EQ(field(texts[0], "groups"), "1");
  EXPECT_EQ(field(texts[0], "sources"), "[\"site1.example\",\"site2.example\"]");
  EXPECT_EQ(field(texts[0], "wire"), "\"AP\"");
  EXPECT_EQ(field(texts[0], "headline"), "\"Quake hits \\\"Lisbon\\\"\"");
  EXPECT_EQ(field(texts[0], "representative"), "1000");
  EXPECT_EQ(field(texts[0], "top_terms"), "[\"earthquake\",\"lisbon\",\"rescue\"]");
  // Event 1: no dates, no wire, no headline: left out, never null.
  EXPECT_EQ(keys(texts[1]), (std::vector<std::string>{"event", "storyline", "documents", "groups", "sources",
                                                      "representative", "top_terms"}));
  EXPECT_EQ(field(texts[1], "representative"), "\"d2\"");
  EXPECT_EQ(field(texts[1], "sources"), "[]");
  // Storylines.
  EXPECT_EQ(keys(texts[2]),
            (std::vector<std::string>{"storyline", "start", "end", "events", "documents", "headline", "top_terms"}));
  EXPECT_EQ(field(texts[2], "events"), "[0]");
  EXPECT_EQ(field(texts[2], "headline"), "\"Quake hits \\\"Lisbon\\\"\"");
  EXPECT_EQ(keys(texts[3]), (std::vector<std::string>{"storyline", "events", "documents", "top_terms"}));
}

TEST(EventSummary, SameOutputWhateverTheThreadCount) {
  // 3,000 documents in 400 events, texts of random words from a small vocabulary.
  const char* vocab[] = {"harbour", "ferry", "strike", "council", "budget", "flood", "river", "bridge", "school",
                         "teacher", "hospital", "nurse", "airport", "runway", "festival", "museum", "court",
                         "judge", "police", "market", "farmer", "drought", "election", "ballot"};
  Crawl c;
  uint64_t x = 12345;
  auto next = [&] { return (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (uint32_t i = 0; i < 3000; ++i) {
    std::string text;
    for (int w = 0; w < 30; ++w) text += std::string(vocab[next() % 24]) + " ";
    const uint32_t event = static_cast<uint32_t>(next() % 400);
    const uint32_t group = i % 3 == 0 || c.canonical_of_group.empty() ? c.new_group() : c.group_of_doc.back();
    c.add({"site" + std::to_string(next() % 7), next() % 3 ? "AP" : "AFP", "t" + std::to_string(i), text,
           kMar4 + static_cast<int64_t>(next() % 100) * kHour},
          group, event);
  }
  auto render = [&](int threads) {
    const int saved = omp_get_max_threads();
    omp_set_num_threads(threads);
    std::string out;
    const std::vector<EventSummary> s = summarize(c);
    for (uint32_t e = 0; e < s.size(); ++e) append_event_jsonl(out, e, e, s[e], c.corpus.ids);
    omp_set_num_threads(saved);
    return out;
  };
  const std::string one = render(1);
  EXPECT_EQ(one, render(2));
  EXPECT_EQ(one, render(3));
  EXPECT_GT(one.size(), 400u * 100);
}

TEST(EventSummary, RejectsBadInput) {
  Crawl c;
  c.add({"s", "", "t", ""}, c.new_group(), 0);
  c.add({"s", "", "t", ""}, c.new_group(), 0);
  SummaryInput in = c.input();
  in.num_events = 0;  // event 0 out of range
  EXPECT_EQ(summarize_events(in, SummaryParams{}).status().code(), StatusCode::kInvalidArgument);
  std::vector<uint32_t> short_events = {0};
  const SummaryInput mismatch{c.corpus, c.group_of_doc, c.canonical_of_group, short_events, 1};
  EXPECT_EQ(summarize_events(mismatch, SummaryParams{}).status().code(), StatusCode::kInvalidArgument);
  std::vector<uint32_t> bad_canonical = {0, 7};
  const SummaryInput canon{c.corpus, c.group_of_doc, bad_canonical, c.event_of_doc, 1};
  EXPECT_NE(summarize_events(canon, SummaryParams{}).status().message().find("group 1"), std::string::npos);
  std::vector<uint32_t> bad_group = {0, 5};
  const SummaryInput group{c.corpus, bad_group, c.canonical_of_group, c.event_of_doc, 1};
  EXPECT_FALSE(summarize_events(group, SummaryParams{}).ok());
}

TEST(SummaryParams, ValidateNamesTheBadField) {
  EXPECT_TRUE(SummaryParams{}.validate().ok());
  auto message = [](auto change) {
    SummaryParams p;
    change(p);
    const Status s = p.validate();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    return s.message();
  };
  EXPECT_NE(message([](SummaryParams& p) { p.top_terms = 5000; }).find("top_terms"), std::string::npos);
  EXPECT_NE(message([](SummaryParams& p) { p.max_texts_per_event = 0; }).find("max_texts_per_event"), std::string::npos);
  EXPECT_NE(message([](SummaryParams& p) { p.min_word_chars = 0; }).find("min_word_chars"), std::string::npos);
  EXPECT_NE(message([](SummaryParams& p) { p.max_event_share = 0; }).find("max_event_share"), std::string::npos);
  EXPECT_NE(message([](SummaryParams& p) { p.max_event_share = 1.5; }).find("max_event_share"), std::string::npos);
}

}  // namespace
}  // namespace copydesk
