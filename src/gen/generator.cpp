#include "copydesk/generator.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gen/copies.h"
#include "gen/rng.h"
#include "gen/story.h"
#include "gen/storyline.h"

namespace copydesk {
namespace {

using gen::CopySpec;
using gen::Rng;

// derive_seed streams: storyline.cpp uses 3, html_pages.cpp 11-14.
constexpr uint64_t kCopiesTag = 1, kBatchTag = 2;

std::string bad(const char* field, const std::string& rule) {
  return std::string("generator: ") + field + " " + rule;
}

bool is_prob(double p) { return p >= 0.0 && p <= 1.0; }  // false for NaN
bool is_exponent(double e) { return e >= 0.0 && e <= 10.0; }  // false for NaN

// Where a story's copies appear, and how each differs.
class CopyPlanner {
 public:
  explicit CopyPlanner(const GeneratorParams& p)
      : p_(p), copy_counts_(2, p.max_copies, p.copies_exponent), site_deck_(p.num_sites) {
    for (uint32_t i = 0; i < p.num_sites; ++i) site_deck_[i] = i;
  }

  // The copies of `story` (at most `docs_left` of them; one if `singleton`).
  void plan(const gen::StorySpec& story, bool singleton, uint64_t docs_left, std::vector<CopySpec>& copies) {
    Rng rng(gen::derive_seed(p_.seed, kCopiesTag, story.index));
    copies.clear();
    if (singleton) {
      CopySpec c;
      c.site = static_cast<uint32_t>(rng.below(p_.num_sites));
      c.time = story.time + rng.range(0, 60) * 60;
      c.seed = rng.next();
      copies.push_back(c);
      return;
    }
    const uint32_t k = copy_counts_.sample(rng);
    for (uint32_t i = 0; i < k && copies.size() < docs_left; ++i) {
      CopySpec c;
      c.site = next_site(rng, i);
      const int64_t minutes = i == 0 ? rng.range(2, 180) : rng.chance(0.7) ? rng.range(60, 720) : rng.range(720, 2880);
      c.time = story.time + minutes * 60;
      if (rng.chance(p_.truncate_prob)) {
        // Cut to 60-90 % of the story's paragraphs (those are only known once
        // rendered, so store the percentage and resolve it later).
        c.keep_paragraphs = static_cast<uint32_t>(60 + rng.below(31));
      }
      if (rng.chance(p_.retitle_prob)) c.title_variant = static_cast<uint32_t>(1 + rng.below(3));
      if (rng.chance(p_.edit_prob)) c.edits = static_cast<uint32_t>(1 + rng.below(3));
      c.seed = rng.next();
      if (rng.chance(p_.typo_fix_prob) && copies.size() + 1 < docs_left) {
        CopySpec fixed = c;
        c.typo = true;
        fixed.time = c.time + rng.range(10, 240) * 60;
        copies.push_back(c);
        copies.push_back(fixed);
      } else {
        copies.push_back(c);
      }
    }
  }

 private:
  // Distinct sites for the first num_sites copies of a story, then repeats.
  uint32_t next_site(Rng& rng, uint32_t i) {
    const uint32_t n = p_.num_sites, j = i % n;
    std::swap(site_deck_[j], site_deck_[j + rng.below(n - j)]);
    return site_deck_[j];
  }

  const GeneratorParams& p_;
  gen::PowerLawTable copy_counts_;
  std::vector<uint32_t> site_deck_;
};

}  // namespace

Status GeneratorParams::validate() const {
  if (num_docs < 1) return Status::InvalidArgument(bad("num_docs", "must be >= 1"));
  if (num_sites < 1 || num_sites > 100000) return Status::InvalidArgument(bad("num_sites", "must be in [1, 100000]"));
  if (span_days < 1 || span_days > 36500) return Status::InvalidArgument(bad("span_days", "must be in [1, 36500]"));
  if (!is_prob(singleton_fraction)) return Status::InvalidArgument(bad("singleton_fraction", "must be in [0, 1]"));
  if (max_copies < 2 || max_copies > 100000) return Status::InvalidArgument(bad("max_copies", "must be in [2, 100000]"));
  if (!is_exponent(copies_exponent)) return Status::InvalidArgument(bad("copies_exponent", "must be in [0, 10]"));
  if (max_stories_per_event < 1 || max_stories_per_event > 100)
    return Status::InvalidArgument(bad("max_stories_per_event", "must be in [1, 100]"));
  if (!is_exponent(stories_exponent)) return Status::InvalidArgument(bad("stories_exponent", "must be in [0, 10]"));
  if (story_spread_hours > 72) return Status::InvalidArgument(bad("story_spread_hours", "must be in [0, 72]"));
  if (max_events_per_storyline < 1 || max_events_per_storyline > 100)
    return Status::InvalidArgument(bad("max_events_per_storyline", "must be in [1, 100]"));
  if (!is_exponent(storyline_exponent)) return Status::InvalidArgument(bad("storyline_exponent", "must be in [0, 10]"));
  if (followup_min_days < 1 || followup_min_days > 365)
    return Status::InvalidArgument(bad("followup_min_days", "must be in [1, 365]"));
  if (followup_max_days < followup_min_days || followup_max_days > 365)
    return Status::InvalidArgument(bad("followup_max_days", "must be in [followup_min_days, 365]"));
  // The last document: a story story_spread_hours after an event of the span,
  // a copy two days later, its typo fix four hours after that.
  const int64_t last_day = int64_t{span_days} + 3 + (int64_t{story_spread_hours} + 23) / 24;
  if (start_time < 0 || start_time > int64_t{253402300799} - last_day * 86400)
    return Status::InvalidArgument(bad("start_time", "must be between 1970 and 9999"));
  if (!is_prob(truncate_prob)) return Status::InvalidArgument(bad("truncate_prob", "must be in [0, 1]"));
  if (!is_prob(retitle_prob)) return Status::InvalidArgument(bad("retitle_prob", "must be in [0, 1]"));
  if (!is_prob(edit_prob)) return Status::InvalidArgument(bad("edit_prob", "must be in [0, 1]"));
  if (!is_prob(typo_fix_prob)) return Status::InvalidArgument(bad("typo_fix_prob", "must be in [0, 1]"));
  if (min_words < 20 || min_words > 100000) return Status::InvalidArgument(bad("min_words", "must be in [20, 100000]"));
  if (max_words < min_words || max_words > 100000)
    return Status::InvalidArgument(bad("max_words", "must be in [min_words, 100000]"));
  if (batch_docs < 1 || batch_docs > 10000000) return Status::InvalidArgument(bad("batch_docs", "must be in [1, 10000000]"));
  return Status::Ok();
}

namespace {

// The labels of Document::carried: `"gold_group":"w000123","gold_event":"e000045","gold_storyline":"s000012"`.
std::string gold_labels(const gen::StorySpec& story) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "\"gold_group\":\"w%06llu\",\"gold_event\":\"e%06llu\",\"gold_storyline\":\"s%06llu\"",
                static_cast<unsigned long long>(story.index + 1), static_cast<unsigned long long>(story.event_index + 1),
                static_cast<unsigned long long>(story.storyline_index + 1));
  return buf;
}

}  // namespace

Status generate_crawl(const GeneratorParams& params, const std::function<Status(const Document&)>& sink,
                      GeneratorStats* stats) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  const std::vector<gen::Site> sites = gen::make_sites(params.num_sites, params.seed);
  const gen::StorylinePlanner storylines(params);
  CopyPlanner copy_planner(params);
  GeneratorStats st;
  uint64_t planned = 0, singleton_stories = 0, next_storyline = 0, next_event = 0, next_story = 0, batch_index = 0;
  gen::StorylinePlan plan;
  std::vector<CopySpec> copies;
  std::vector<Document> batch;
  std::vector<uint32_t> order;
  char buf[32];

  while (planned < params.num_docs) {
    // Whole storylines until the batch is full; the last one may overshoot
    // it, or lose its last copies and stories where the crawl ends.
    batch.clear();
    while (batch.size() < params.batch_docs && planned < params.num_docs) {
      storylines.plan(next_storyline++, next_event, next_story, plan);
      next_event += plan.events.size();
      next_story += plan.stories.size();
      uint64_t storyline_docs = 0, last_event = UINT64_MAX;
      for (const gen::StorySpec& story : plan.stories) {
        if (planned == params.num_docs) break;
        // Singletons as often as keeps their share of the documents on target.
        const bool singleton = static_cast<double>(singleton_stories) <
                               params.singleton_fraction * static_cast<double>(planned + 1);
        copy_planner.plan(story, singleton, params.num_docs - planned, copies);
        const gen::StoryText text = gen::render_story(story);
        const std::string labels = gold_labels(story);
        for (CopySpec& c : copies) {
          if (c.keep_paragraphs != 0) {  // a percentage until now; keep at least two
            const size_t n = text.paragraphs.size();
            c.keep_paragraphs = static_cast<uint32_t>(std::max<size_t>(std::min<size_t>(n, 2), n * c.keep_paragraphs / 100));
          }
          Document& d = batch.emplace_back();
          gen::render_copy(text, c, sites[c.site], d);
          d.carried = labels;
        }
        singleton_stories += singleton;
        planned += copies.size();
        storyline_docs += copies.size();
        st.gold_groups += 1;
        st.gold_events += story.event_index != last_event;
        last_event = story.event_index;
        st.singleton_docs += copies.size() == 1;
        st.largest_group = std::max<uint64_t>(st.largest_group, copies.size());
      }
      st.gold_storylines += 1;
      st.largest_storyline = std::max(st.largest_storyline, storyline_docs);
    }

    order.resize(batch.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    Rng shuffle_rng(gen::derive_seed(params.seed, kBatchTag, batch_index++));
    shuffle_rng.shuffle(order);
    for (uint32_t i : order) {
      Document& d = batch[i];
      const uint64_t serial = ++st.docs;
      std::snprintf(buf, sizeof buf, "d%07llu", static_cast<unsigned long long>(serial));
      d.id = buf;
      d.url = "https://www.";
      d.url += d.site;
      d.url += "/news/";
      gen::append_slug(d.url, d.title);
      d.url += '-';
      d.url += std::to_string(serial);
      const Status s = sink(d);
      if (!s.ok()) {
        if (stats != nullptr) *stats = st;
        return s;
      }
    }
  }
  if (stats != nullptr) *stats = st;
  return Status::Ok();
}

}  // namespace copydesk
