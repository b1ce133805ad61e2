// Storylines (storylines.h) and event summaries (event_summary.h) at crawl
// scale.
//
//   BM_Storylines/events   link_storylines, text alone (cut 0.4), on planted
//                          storylines (event_synthetic.h's planted "events"
//                          stand for event centroids: 256-dim unit vectors,
//                          storylines of 1-12 events, P(s) ∝ s^-1.5, within
//                          a storyline cosine 0.45, look-alike storylines in
//                          pairs, 30 days of dates, a storyline's events
//                          within 6 days). 300k events is about what 1M
//                          documents make.
//   BM_EventSummary/docs   summarize_events + the --events JSON Lines on a
//                          generated crawl (generator.h), copy groups = gold
//                          groups, events = gold groups joined in fours.
//
// Counters: events/s or docs/s (and MB/s of text for the summary); ari
// (storylines against the planted ones); peak_rss_MB — the process's peak
// resident memory so far (getrusage): run one size per process for a clean
// figure:
//
//   copydesk_bench_storylines --benchmark_filter='BM_Storylines/300000'
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/eval.h"
#include "copydesk/event_summary.h"
#include "copydesk/event_synthetic.h"
#include "copydesk/generator.h"
#include "copydesk/storylines.h"

namespace {

using copydesk_bench::check;
using copydesk_bench::labels;
using copydesk_bench::peak_rss_mb;

void BM_Storylines(benchmark::State& state) {
  copydesk::PlantedEventParams p;
  p.items = static_cast<size_t>(state.range(0));
  p.max_event_items = 12;
  p.size_exponent = 1.5;
  p.member_cosine = 0.45;
  p.event_days = 6;
  copydesk::Result<copydesk::PlantedEvents> planted = copydesk::make_planted_events(p);
  check(planted.ok(), "planted storylines");
  copydesk::Storylines storylines;
  copydesk::StorylineParams params;  // planted vectors stand for whole-text centroids: no names, the text's cut
  params.name_share = 0;
  params.link_threshold = 0.4;
  for (auto _ : state) {
    copydesk::Result<copydesk::Storylines> r =
        copydesk::link_storylines(planted->vectors, planted->dates, {}, params);
    check(r.ok(), "link_storylines");
    storylines = std::move(*r);
  }
  const copydesk::ClusteringScores s =
      copydesk::score_clustering(labels(planted->event), labels(storylines.storyline_of_event));
  check(s.ari > 0.8, "storylines close to the planted ones");
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(p.items), benchmark::Counter::kIsRate);
  state.counters["ari"] = s.ari;
  state.counters["storylines"] = static_cast<double>(storylines.size());
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_Storylines)->Arg(100000)->Arg(300000)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

void BM_EventSummary(benchmark::State& state) {
  copydesk::GeneratorParams g;
  g.num_docs = static_cast<uint64_t>(state.range(0));
  copydesk::Corpus corpus;
  std::vector<uint32_t> group_of_doc, canonical_of_group, event_of_doc;
  std::unordered_map<std::string, uint32_t> group_number;
  uint64_t text_bytes = 0;
  const copydesk::Status s = copydesk::generate_crawl(g, [&](const copydesk::Document& d) {
    const auto index = static_cast<uint32_t>(corpus.docs.size());
    const std::string gold = d.carried.substr(0, d.carried.find(','));  // "gold_group":"w…"
    auto [it, fresh] = group_number.try_emplace(gold, static_cast<uint32_t>(canonical_of_group.size()));
    if (fresh) canonical_of_group.push_back(index);
    group_of_doc.push_back(it->second);
    event_of_doc.push_back(it->second / 4);
    corpus.ids.insert(d.id, false);
    corpus.docs.push_back(d);
    text_bytes += d.text.size();
    return copydesk::Status::Ok();
  });
  check(s.ok(), "generate_crawl");
  const size_t events = canonical_of_group.size() / 4 + 1;
  const copydesk::SummaryInput input{corpus, group_of_doc, canonical_of_group, event_of_doc, events};
  std::string out;
  for (auto _ : state) {
    copydesk::Result<std::vector<copydesk::EventSummary>> r = copydesk::summarize_events(input, copydesk::SummaryParams{});
    check(r.ok(), "summarize_events");
    out.clear();
    for (uint32_t e = 0; e < r->size(); ++e) copydesk::append_event_jsonl(out, e, e, (*r)[e], corpus.ids);
  }
  check(out.find("\"top_terms\":[\"") != std::string::npos, "top terms written");
  state.SetBytesProcessed(static_cast<int64_t>(text_bytes) * static_cast<int64_t>(state.iterations()));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(g.num_docs), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_EventSummary)->Arg(100000)->Arg(1000000)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
