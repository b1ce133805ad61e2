#include "copydesk/generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "gen/copies.h"
#include "gen/rng.h"
#include "gen/story.h"

namespace copydesk {
namespace {

using gen::CopySpec;
using gen::Rng;

constexpr uint64_t kStoryTag = 1, kBatchTag = 2;

std::string bad(const char* field, const std::string& rule) {
  return std::string("generator: ") + field + " " + rule;
}

bool is_prob(double p) { return p >= 0.0 && p <= 1.0; }  // false for NaN

// Copies of a wire story: P(k) ∝ k^-exponent on [2, max]. The cumulative
// weights are rounded to 53-bit integers, so a last-bit difference in pow()
// between math libraries cannot change a draw.
class CopyCountTable {
 public:
  CopyCountTable(uint32_t max_copies, double exponent) {
    std::vector<double> w;
    double sum = 0;
    for (uint32_t k = 2; k <= max_copies; ++k) w.push_back(sum += std::pow(k, -exponent));
    for (double c : w) thresholds_.push_back(static_cast<uint64_t>(std::ldexp(c / sum, 53)));
    thresholds_.back() = uint64_t{1} << 53;
  }
  uint32_t sample(Rng& rng) const {
    const uint64_t u = rng.next() >> 11;
    const auto it = std::upper_bound(thresholds_.begin(), thresholds_.end(), u);
    return 2 + static_cast<uint32_t>(it - thresholds_.begin());
  }

 private:
  std::vector<uint64_t> thresholds_;
};

class Planner {
 public:
  explicit Planner(const GeneratorParams& p)
      : p_(p), copy_counts_(p.max_copies, p.copies_exponent), site_deck_(p.num_sites) {
    for (uint32_t i = 0; i < p.num_sites; ++i) site_deck_[i] = i;
  }

  // Story number `index` and its copies (at most `docs_left` of them).
  void plan(uint64_t index, bool singleton, uint64_t docs_left, gen::StorySpec& spec,
            std::vector<CopySpec>& copies) {
    Rng rng(gen::derive_seed(p_.seed, kStoryTag, index));
    spec.index = index;
    spec.seed = rng.next();
    spec.time = p_.start_time + static_cast<int64_t>(rng.below(uint64_t{p_.span_days} * 1440)) * 60;
    const double a = rng.unit();
    spec.agency = a < 0.35 ? gen::Agency::kAP : a < 0.65 ? gen::Agency::kReuters
                : a < 0.8  ? gen::Agency::kAFP : gen::Agency::kLocal;
    spec.target_words = static_cast<uint32_t>(rng.range(p_.min_words, p_.max_words));
    spec.event = gen::make_event(rng);

    copies.clear();
    if (singleton) {
      CopySpec c;
      c.site = static_cast<uint32_t>(rng.below(p_.num_sites));
      c.time = spec.time + rng.range(0, 60) * 60;
      c.seed = rng.next();
      copies.push_back(c);
      return;
    }
    const uint32_t k = copy_counts_.sample(rng);
    for (uint32_t i = 0; i < k && copies.size() < docs_left; ++i) {
      CopySpec c;
      c.site = next_site(rng, i);
      const int64_t minutes = i == 0 ? rng.range(2, 180) : rng.chance(0.7) ? rng.range(60, 720) : rng.range(720, 2880);
      c.time = spec.time + minutes * 60;
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
  CopyCountTable copy_counts_;
  std::vector<uint32_t> site_deck_;
};

}  // namespace

Status GeneratorParams::validate() const {
  if (num_docs < 1) return Status::InvalidArgument(bad("num_docs", "must be >= 1"));
  if (num_sites < 1 || num_sites > 100000) return Status::InvalidArgument(bad("num_sites", "must be in [1, 100000]"));
  if (span_days < 1 || span_days > 36500) return Status::InvalidArgument(bad("span_days", "must be in [1, 36500]"));
  if (start_time < 0 || start_time > int64_t{253402300799} - int64_t{span_days + 3} * 86400)
    return Status::InvalidArgument(bad("start_time", "must be between 1970 and 9999"));
  if (!is_prob(singleton_fraction)) return Status::InvalidArgument(bad("singleton_fraction", "must be in [0, 1]"));
  if (max_copies < 2 || max_copies > 100000) return Status::InvalidArgument(bad("max_copies", "must be in [2, 100000]"));
  if (!(copies_exponent >= 0.0 && copies_exponent <= 10.0))
    return Status::InvalidArgument(bad("copies_exponent", "must be in [0, 10]"));
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

Status generate_crawl(const GeneratorParams& params, const std::function<Status(const Document&)>& sink,
                      GeneratorStats* stats) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  const std::vector<gen::Site> sites = gen::make_sites(params.num_sites, params.seed);
  Planner planner(params);
  GeneratorStats st;
  uint64_t planned = 0, singleton_stories = 0, story = 0, batch_index = 0;
  gen::StorySpec spec;
  std::vector<CopySpec> copies;
  std::vector<Document> batch;
  std::vector<uint32_t> order;
  char buf[48];

  while (planned < params.num_docs) {
    batch.clear();
    while (batch.size() < params.batch_docs && planned < params.num_docs) {
      // Singletons as often as keeps their share of the documents on target.
      const bool singleton = static_cast<double>(singleton_stories) <
                             params.singleton_fraction * static_cast<double>(planned + 1);
      planner.plan(story, singleton, params.num_docs - planned, spec, copies);
      const gen::StoryText text = gen::render_story(spec);
      std::snprintf(buf, sizeof buf, "\"gold_group\":\"w%06llu\"", static_cast<unsigned long long>(story + 1));
      for (CopySpec& c : copies) {
        if (c.keep_paragraphs != 0) {  // a percentage until now; keep at least two
          const size_t n = text.paragraphs.size();
          c.keep_paragraphs = static_cast<uint32_t>(std::max<size_t>(std::min<size_t>(n, 2), n * c.keep_paragraphs / 100));
        }
        Document& d = batch.emplace_back();
        gen::render_copy(text, c, sites[c.site], d);
        d.carried = buf;
      }
      singleton_stories += singleton;
      planned += copies.size();
      st.gold_groups += 1;
      st.singleton_docs += copies.size() == 1;
      st.largest_group = std::max<uint64_t>(st.largest_group, copies.size());
      ++story;
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
