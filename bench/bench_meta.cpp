// Metadata from the text: parse_dateline and detect_wire, one document per
// iteration, one thread. Both look at the head of the text; detect_wire also
// reads every line's end for credits, and with report_mentions (…/mentions)
// the whole text for agency names when nothing signs it.
//
// On the generated crawl (bench_crawl.h) by default; COPYDESK_BENCH_META_INPUT
// names a JSON Lines file (plain or gzip) to run the same benchmarks on
// instead, e.g. ../shared/datasets/reuters21578/docs.jsonl.gz.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "bench_crawl.h"
#include "copydesk/dateline.h"
#include "copydesk/reader.h"
#include "copydesk/wire.h"

namespace {

using copydesk_bench::check;

const std::vector<copydesk::Document>& docs() {
  static const std::vector<copydesk::Document> all = [] {
    const char* input = std::getenv("COPYDESK_BENCH_META_INPUT");
    if (input == nullptr) return copydesk_bench::crawl().docs;
    copydesk::CorpusReader reader;
    const copydesk::Status s = reader.add_path(input);
    check(s.ok(), "COPYDESK_BENCH_META_INPUT can be read");
    std::vector<copydesk::Document> out = reader.take().docs;
    check(!out.empty(), "COPYDESK_BENCH_META_INPUT has documents");
    return out;
  }();
  return all;
}

// Before timing, on the generated crawl: every story has a dateline below
// the site's navigation line, and a wire story's agency in it is the one
// detect_wire reports, from the dateline; a local story has none.
void check_generated() {
  if (std::getenv("COPYDESK_BENCH_META_INPUT") != nullptr) return;
  for (const copydesk::Document& d : docs()) {
    const copydesk::Dateline dateline = copydesk::parse_dateline(d.text, d.date);
    check(dateline.found(), "every generated story has a dateline");
    const copydesk::WireAttribution wire = copydesk::detect_wire(d.text);
    if (dateline.agency.empty()) {
      check(!wire.attributed(), "a local story is not attributed to a wire");
    } else {
      check(wire.agency == dateline.agency && wire.evidence == copydesk::WireAttribution::Evidence::kDateline,
            "a wire story is attributed to its dateline's agency");
    }
  }
}

template <typename Run>
void run(benchmark::State& state, const std::string& name, Run one) {
  if (copydesk_bench::first_time(name)) check_generated();
  const auto& all = docs();
  size_t i = 0, found = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    found += one(all[i]);
    bytes += all[i].text.size();
    if (++i == all.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
  state.counters["found%"] = 100.0 * static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_ParseDateline(benchmark::State& state) {
  run(state, "dateline", [](const copydesk::Document& d) {
    const copydesk::Dateline dl = copydesk::parse_dateline(d.text, d.date);
    benchmark::DoNotOptimize(dl.end);
    return dl.found();
  });
}
BENCHMARK(BM_ParseDateline);

void BM_DetectWire(benchmark::State& state) {
  run(state, "wire", [](const copydesk::Document& d) {
    const copydesk::WireAttribution w = copydesk::detect_wire(d.text);
    benchmark::DoNotOptimize(w.offset);
    return w.attributed();
  });
}
BENCHMARK(BM_DetectWire);

void BM_DetectWireMentions(benchmark::State& state) {
  copydesk::WireParams params;
  params.report_mentions = true;
  run(state, "wire/mentions", [&](const copydesk::Document& d) {
    const copydesk::WireAttribution w = copydesk::detect_wire(d.text, params);
    benchmark::DoNotOptimize(w.offset);
    return !w.agency.empty();
  });
}
BENCHMARK(BM_DetectWireMentions);

}  // namespace

BENCHMARK_MAIN();
