// `copydesk events`: which documents (or copy groups) report the same
// real-world event. Reads a crawl, embeds each document — or one
// representative per copy group of a `copydesk dedup` run — with the hashed
// embedder, clusters the vectors into events and storylines
// (story_pipeline.h) and writes one line per document. The crawl is read in
// passes (crawl_passes.h, run_events): only the representatives' texts are
// ever held together.
#include <omp.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "cli/crawl_passes.h"
#include "cli/progress.h"
#include "copydesk/boilerplate.h"
#include "copydesk/date.h"
#include "copydesk/dedup.h"
#include "copydesk/event_summary.h"
#include "copydesk/news_meta.h"
#include "copydesk/story_pipeline.h"
#include "copydesk/storylines.h"
#include "copydesk/embed.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/eval.h"
#include "copydesk/events.h"
#include "copydesk/reader.h"
#include "copydesk/writer.h"
#include "util/json.h"

namespace copydesk::cli {
namespace {

struct EventsOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string groups;  // assignments of `copydesk dedup`
  std::string method = "leiden";
  std::string index = "auto";
  std::string score;            // gold label field of the input: events
  std::string score_storylines;  // ... storylines
  std::string score_groups;      // ... copy groups
  std::string events_out, storylines_out;  // summaries (formats: README "Story outputs")
  std::string copies = "auto";   // auto: copy groups by `copydesk dedup`'s defaults; off: one item per document
  std::string boilerplate = "auto";
  double resolution = std::numeric_limits<double>::quiet_NaN();  // per method when unset
  StoryParams story;  // events, their names and datelines, storylines (story_pipeline.h)
  HashedEmbedderParams hashed;
  SummaryParams summary;
  int threads = 0;
  bool quiet = false;
  int report = 0;  // storylines printed on stdout, largest first
  std::string on_error = "fail";
  std::string rejects_path;
  std::string stats;  // timings, counts and scores as JSON
};

int fail(const Status& s) {
  std::fprintf(stderr, "copydesk events: %s\n", s.message().c_str());
  return kExitError;
}

// The process's peak resident memory so far, in MB (getrusage).
double peak_rss_mb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The items to cluster: one per document, or one per copy group.
struct Items {
  std::vector<uint32_t> item_of;          // per document
  std::vector<uint32_t> representative;   // per item: the document embedded for it
  std::vector<int64_t> first_date;        // per item: its earliest member date, or kNoDate (set_item_dates)
  std::vector<int64_t> last_date;         // per item: its latest member date, or kNoDate
};

Items one_item_per_document(size_t documents) {
  Items items;
  for (size_t i = 0; i < documents; ++i) {
    items.item_of.push_back(static_cast<uint32_t>(i));
    items.representative.push_back(static_cast<uint32_t>(i));
  }
  return items;
}

// Each item's first and last member date: an event spans its items' spans
// (story_pipeline.h), and an item is dated by its first.
void set_item_dates(const Corpus& corpus, Items& items) {
  items.first_date.assign(items.representative.size(), kNoDate);
  items.last_date.assign(items.representative.size(), kNoDate);
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    const int64_t date = corpus.docs[i].date;
    if (date == kNoDate) continue;
    int64_t& first = items.first_date[items.item_of[i]];
    int64_t& last = items.last_date[items.item_of[i]];
    first = first == kNoDate ? date : std::min(first, date);
    last = last == kNoDate ? date : std::max(last, date);
  }
}

std::string json_text(simdjson::dom::element v) {
  return v.is_string() ? std::string(std::string_view(v)) : simdjson::to_string(v);
}

// Copy groups from the assignments `copydesk dedup` writes ({id, group,
// canonical, ...} per document). The representative of a group is its
// canonical document when the crawl has it, else its first member; a
// document the file does not name is a group of its own. `ids`: the crawl's
// documents.
Result<Items> items_from_groups(const IdTable& ids, const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.load_many(path).get(stream) != simdjson::SUCCESS) return Status::IoError(path + ": cannot read");
  const size_t documents = ids.size();
  std::vector<std::string> group_of_doc(documents);
  std::vector<bool> named(documents, false);
  std::unordered_map<std::string, std::string> canonical_of_group;
  size_t line = 0;
  for (auto record : stream) {
    ++line;
    simdjson::dom::element e, id, group;
    if (record.get(e) != simdjson::SUCCESS || e["id"].get(id) != simdjson::SUCCESS ||
        e["group"].get(group) != simdjson::SUCCESS) {
      return Status::ParseError(path + ":" + std::to_string(line) + ": need an object with 'id' and 'group'");
    }
    const uint32_t doc = ids.find(json_text(id));
    if (doc == IdTable::kNotFound) continue;  // a document this crawl does not have
    group_of_doc[doc] = json_text(group);
    named[doc] = true;
    simdjson::dom::element canonical;
    if (e["canonical"].get(canonical) == simdjson::SUCCESS) canonical_of_group[group_of_doc[doc]] = json_text(canonical);
  }
  Items items;
  items.item_of.resize(documents);
  std::unordered_map<std::string, uint32_t> item_of_group;
  for (size_t i = 0; i < documents; ++i) {
    uint32_t item;
    if (!named[i]) {
      item = static_cast<uint32_t>(items.representative.size());
      items.representative.push_back(static_cast<uint32_t>(i));
    } else if (auto [it, fresh] = item_of_group.try_emplace(group_of_doc[i], 0); fresh) {
      item = it->second = static_cast<uint32_t>(items.representative.size());
      uint32_t rep = static_cast<uint32_t>(i);
      if (auto c = canonical_of_group.find(group_of_doc[i]); c != canonical_of_group.end()) {
        if (uint32_t d = ids.find(c->second); d != IdTable::kNotFound) rep = d;
      }
      items.representative.push_back(rep);
    } else {
      item = it->second;
    }
    items.item_of[i] = item;
  }
  return items;
}

Status parse_choices(EventsOptions& o) {
  static const std::map<std::string, EventParams::Method> methods = {
      {"leiden", EventParams::Method::kLeiden},
      {"leiden-modularity", EventParams::Method::kLeidenModularity},
      {"louvain", EventParams::Method::kLouvain},
      {"average", EventParams::Method::kAverageLinkage}};
  static const std::map<std::string, EventParams::Index> indexes = {{"auto", EventParams::Index::kAuto},
                                                                    {"flat", EventParams::Index::kFlat},
                                                                    {"ivf", EventParams::Index::kIvf},
                                                                    {"hnsw", EventParams::Index::kHnsw}};
  EventParams& events = o.story.events;
  events.method = methods.at(o.method);
  events.index = indexes.at(o.index);
  if (!std::isnan(o.resolution)) {
    if (events.method == EventParams::Method::kLeiden) events.cpm_resolution = o.resolution;
    if (events.method == EventParams::Method::kAverageLinkage) events.linkage_threshold = o.resolution;
    if (events.method == EventParams::Method::kLeidenModularity || events.method == EventParams::Method::kLouvain) {
      events.modularity_resolution = o.resolution;
    }
  }
  if (events.window_days == 0) events.window_days = std::numeric_limits<double>::infinity();
  COPYDESK_RETURN_IF_ERROR(events.validate());
  COPYDESK_RETURN_IF_ERROR(o.story.storylines.validate());
  if (!(o.story.event_datelines >= 0 && o.story.event_datelines < 1)) {
    return Status::InvalidArgument("--event-datelines must be in [0, 1), got " +
                                   std::to_string(o.story.event_datelines));
  }
  if (!(o.story.event_names >= 0 && o.story.event_names <= 1)) {
    return Status::InvalidArgument("--event-names must be in [0, 1], got " + std::to_string(o.story.event_names));
  }
  COPYDESK_RETURN_IF_ERROR(o.story.validate());
  COPYDESK_RETURN_IF_ERROR(o.summary.validate());
  return o.hashed.validate();
}

// Copy groups found here as `copydesk dedup --containment` finds them: a
// copy a site cut short still joins its original (generated crawl: ARI 0.998
// against 0.79 with Jaccard).
DedupParams copy_group_params() {
  DedupParams params;
  params.set_measure(Measure::kContainment);
  return params;
}

// Web pages lose their sites' recurring lines (boilerplate.h; `boilerplate`
// null: none) before they are fingerprinted and embedded: a sidebar of other
// headlines would pull unrelated stories together. Then, with `annotate`,
// wire credits and datelines are found on what is left. In parallel.
void clean_documents(Document* docs, size_t n, const BoilerplateModel* boilerplate, bool annotate) {
  const int64_t count = static_cast<int64_t>(n);
#pragma omp parallel for schedule(dynamic, 64)
  for (int64_t i = 0; i < count; ++i) {
    Document& d = docs[i];
    if (boilerplate != nullptr) d.text = boilerplate->strip(d.site, d.text, d.title);
    if (annotate) annotate_news_metadata(d);
  }
}

// Documents handed over one at a time, processed a batch at a time: at most
// Deduplicator::kBatchDocs documents or kBatchBytes of text (plus one
// document) are held.
class DocumentBatch {
 public:
  explicit DocumentBatch(std::function<void(std::vector<Document>&)> process) : process_(std::move(process)) {}
  void add(Document&& d) {
    bytes_ += d.text.size();
    docs_.push_back(std::move(d));
    if (docs_.size() >= Deduplicator::kBatchDocs || bytes_ >= Deduplicator::kBatchBytes) flush();
  }
  void flush() {
    if (!docs_.empty()) process_(docs_);
    docs_.clear();
    bytes_ = 0;
  }

 private:
  std::function<void(std::vector<Document>&)> process_;
  std::vector<Document> docs_;
  size_t bytes_ = 0;
};

// One line per document (README "Story outputs"): id, copy group and its
// canonical, event, storyline, what is known of the document, carried fields.
Status write_documents(const std::string& path, const Corpus& corpus, const Items& items,
                       const std::vector<uint32_t>& event_of_item, const Storylines& storylines) {
  Result<std::unique_ptr<FileSink>> sink = FileSink::open(path);
  if (!sink.ok()) return sink.status();
  std::string out;
  auto field = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += ",\"";
    out += name;
    out += "\":";
    util::append_json_string(out, value);
  };
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    const Document& d = corpus.docs[i];
    const uint32_t item = items.item_of[i];
    const uint32_t event = event_of_item[item];
    out += "{\"id\":";
    corpus.ids.append_json(out, static_cast<uint32_t>(i));
    out += ",\"group\":" + std::to_string(item) + ",\"canonical\":";
    corpus.ids.append_json(out, items.representative[item]);
    out += ",\"event\":" + std::to_string(event) +
           ",\"storyline\":" + std::to_string(storylines.storyline_of_event[event]);
    field("title", d.title);
    field("url", d.url);
    field("site", d.site);
    field("date", d.date_text);
    field("wire", d.wire);
    if (!d.carried.empty()) {
      out += ',';
      out += d.carried;
    }
    out += "}\n";
    if (out.size() > (1 << 20)) {
      COPYDESK_RETURN_IF_ERROR((*sink)->write(out));
      out.clear();
    }
  }
  COPYDESK_RETURN_IF_ERROR((*sink)->write(out));
  return (*sink)->close();
}

Status write_whole_file(const std::string& path, const std::string& content) {
  Result<std::unique_ptr<FileSink>> sink = FileSink::open(path);
  if (!sink.ok()) return sink.status();
  COPYDESK_RETURN_IF_ERROR((*sink)->write(content));
  return (*sink)->close();
}

// Scores a clustering of the documents against a label field of the input;
// one JSON line on stderr, named by `what`.
Result<std::string> score_line(const char* what, const std::string& field, const Corpus& corpus,
                               const std::function<uint32_t(size_t)>& cluster_of_doc) {
  simdjson::dom::parser parser;
  std::vector<std::string> gold, predicted;
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    const std::string json = "{" + corpus.docs[i].carried + "}";
    simdjson::dom::element value;
    if (parser.parse(json)[field].get(value) != simdjson::SUCCESS) {
      return Status::NotFound(std::string("scoring ") + what + ": document '" + corpus.docs[i].id +
                              "' has no field '" + field + "'");
    }
    gold.push_back(json_text(value));
    predicted.push_back(std::to_string(cluster_of_doc(i)));
  }
  const ClusteringScores s = score_clustering(gold, predicted);
  std::string line = "{\"score\":\"" + std::string(what) + "\",\"gold\":";
  util::append_json_string(line, field);
  line += ",\"documents\":" + std::to_string(s.documents) + ",\"gold_clusters\":" + std::to_string(s.gold_clusters) +
          ",\"clusters\":" + std::to_string(s.predicted_clusters);
  for (auto [name, v] : {std::pair{"pairwise_precision", s.pairwise_precision}, std::pair{"pairwise_recall", s.pairwise_recall},
                         std::pair{"pairwise_f1", s.pairwise_f1}, std::pair{"bcubed_f1", s.bcubed_f1},
                         std::pair{"ari", s.ari}, std::pair{"nmi", s.nmi}}) {
    line += ",\"" + std::string(name) + "\":";
    util::append_json_number(line, std::round(v * 10000) / 10000);
  }
  return line + "}";
}

// The `count` largest storylines (by documents; ties → lower number), each
// with its events in time order: date, documents, wire, headline, sources.
void print_storylines(size_t count, const std::vector<StorylineSummary>& storylines,
                      const std::vector<EventSummary>& events) {
  std::vector<uint32_t> order(storylines.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return storylines[a].documents > storylines[b].documents; });
  order.resize(std::min(order.size(), count));
  auto day = [](int64_t t) { return t == kNoDate ? std::string("(undated)  ") : format_iso8601(t).substr(0, 16); };
  std::printf("Largest storylines (events in time order):\n");
  for (uint32_t s : order) {
    const StorylineSummary& st = storylines[s];
    std::printf("\n  storyline %u — %zu event%s, %llu documents — %s\n", s, st.events.size(),
                st.events.size() == 1 ? "" : "s", static_cast<unsigned long long>(st.documents), st.headline.c_str());
    for (uint32_t e : st.events) {
      const EventSummary& ev = events[e];
      std::string sources;
      for (size_t i = 0; i < ev.sources.size() && i < 3; ++i) sources += (i ? ", " : "") + ev.sources[i];
      if (ev.sources.size() > 3) sources += ", +" + std::to_string(ev.sources.size() - 3);
      std::printf("    %s  event %-5u %4llu docs  %-8s %s\n%*s%s\n", day(ev.start).c_str(), e,
                  static_cast<unsigned long long>(ev.documents), ev.wire.empty() ? "-" : ev.wire.c_str(),
                  ev.headline.c_str(), 45, "", sources.c_str());
    }
  }
}

int run_events(EventsOptions& o) {
  if (o.threads > 0) omp_set_num_threads(o.threads);
  if (Status s = parse_choices(o); !s.ok()) return fail(s);
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> peak_mb;  // the process's peak RSS after each stage
  Progress progress(!o.quiet && isatty(STDERR_FILENO));
  progress.update("read", 0, 0);

  // The crawl is never held whole (crawl_passes.h): only the representative
  // of each copy group has its text read by the steps after the copy groups
  // (embedding, names, top terms), and which document that is is known only
  // once every document has been fingerprinted. So:
  //  [pass 0, for web pages or boilerplate removal] extract every page once,
  //    spool the documents, count each site's boilerplate;
  //  pass 1: clean a batch at a time, fingerprint it for the copy groups and
  //    keep every field of each document but its text;
  //  pass 2: re-read, keeping the (cleaned) text of the representatives only.
  // With --copies off every document is a representative: pass 1 keeps the
  // texts and there is no pass 2. Standard input is copied to a temporary
  // file so it can be read again.
  Result<std::unique_ptr<CrawlPasses>> opened = CrawlPasses::open(o.inputs, ReadParams{});
  if (!opened.ok()) return fail(opened.status());
  CrawlPasses& crawl = **opened;
  const bool pages = crawl.has_pages();
  const bool strip = o.boilerplate == "on" || (o.boilerplate == "auto" && pages);
  const bool every_text = o.groups.empty() && o.copies == "off";
  const bool find_copies = o.groups.empty() && o.copies == "auto";
  double clean_seconds = 0, copies_seconds = 0;

  // Bad records are reported once the first read has seen them all, before
  // anything is written; --on-error=fail stops there.
  auto report_rejects = [&]() -> Status {
    const std::vector<Reject>& rejects = crawl.seen().rejects;
    if (rejects.empty()) return Status::Ok();
    progress.done();
    print_rejects(rejects, o.on_error == "skip");
    if (o.on_error == "fail") {
      return Status::InvalidArgument(std::to_string(rejects.size()) +
                                     " bad input record(s); nothing written. Fix them, or use --on-error=skip "
                                     "to go on and list them in a rejects file.");
    }
    std::string path = o.rejects_path;
    if (path.empty()) path = default_rejects_path(o.output);
    Result<std::unique_ptr<FileSink>> sink = FileSink::open(path);
    if (!sink.ok()) return sink.status();
    COPYDESK_RETURN_IF_ERROR(write_rejects(rejects, **sink));
    COPYDESK_RETURN_IF_ERROR((*sink)->close());
    std::fprintf(stderr, "%zu rejected record(s) listed in %s\n", rejects.size(), path.c_str());
    return Status::Ok();
  };

  // Pass 0.
  const bool prescan = strip || (pages && !every_text);
  if (prescan) {
    CrawlPasses::Prescan pass;
    pass.spool = pages;  // HTML is parsed once
    if (strip) pass.boilerplate = BoilerplateParams{};
    pass.on_progress = [&](uint64_t documents) { progress.update("read", documents, 0); };
    if (Status s = crawl.prescan(pass); !s.ok()) return fail(s);
    if (Status s = report_rejects(); !s.ok()) return fail(s);
  }
  const BoilerplateModel* boilerplate = crawl.boilerplate();

  // Pass 1.
  Corpus corpus;  // every document with all its fields; texts: see above
  corpus.docs.reserve(crawl.seen().documents);
  std::optional<Deduplicator> dedup;
  if (find_copies) dedup.emplace(copy_group_params());
  DocumentBatch first_pass([&](std::vector<Document>& batch) {
    auto t = std::chrono::steady_clock::now();
    clean_documents(batch.data(), batch.size(), boilerplate, true);
    clean_seconds += seconds_since(t);
    if (dedup) {
      t = std::chrono::steady_clock::now();
      dedup->add(batch.data(), batch.size());
      copies_seconds += seconds_since(t);
    }
    for (Document& d : batch) {
      if (!every_text) std::string().swap(d.text);
      corpus.docs.push_back(std::move(d));
    }
    progress.update("read", corpus.docs.size(), 0);
  });
  if (Status s = crawl.read([&](Document&& d) { first_pass.add(std::move(d)); }); !s.ok()) return fail(s);
  first_pass.flush();
  corpus.docs.shrink_to_fit();
  if (!prescan) {
    if (Status s = report_rejects(); !s.ok()) return fail(s);
  }
  peak_mb.emplace_back("read", peak_rss_mb());

  // The copy groups, and with them the representatives.
  auto step = std::chrono::steady_clock::now();
  progress.update("copies", 0, 0);
  Items items = one_item_per_document(corpus.docs.size());
  if (!o.groups.empty()) {
    Result<Items> grouped = items_from_groups(crawl.seen().ids, o.groups);
    if (!grouped.ok()) return fail(grouped.status());
    items = std::move(*grouped);
  } else if (dedup) {
    Result<DedupResult> found = dedup->finish();
    dedup.reset();
    if (!found.ok()) return fail(found.status());
    items.item_of = std::move(found->groups.group_of);
    items.representative = std::move(found->groups.canonical);
  }
  set_item_dates(corpus, items);
  copies_seconds += seconds_since(step);
  peak_mb.emplace_back("copies", peak_rss_mb());

  // Pass 2: the representatives' texts, cleaned as in pass 1.
  if (!every_text) {
    progress.update("texts", 0, 0);
    std::vector<uint8_t> wanted(corpus.docs.size(), 0);
    for (uint32_t doc : items.representative) wanted[doc] = 1;
    std::vector<uint32_t> batch_index;  // the document index of each in the batch
    DocumentBatch second_pass([&](std::vector<Document>& batch) {
      const auto t = std::chrono::steady_clock::now();
      clean_documents(batch.data(), batch.size(), boilerplate, false);
      clean_seconds += seconds_since(t);
      for (size_t k = 0; k < batch.size(); ++k) corpus.docs[batch_index[k]].text = std::move(batch[k].text);
      batch_index.clear();
    });
    uint64_t index = 0;
    Result<uint64_t> replayed = crawl.read_again([&](Document&& d) {
      const uint64_t i = index++;
      if (i >= wanted.size() || !wanted[i]) return;  // more than pass 1 saw: caught below
      batch_index.push_back(static_cast<uint32_t>(i));
      second_pass.add(std::move(d));
    });
    if (!replayed.ok()) return fail(replayed.status());
    second_pass.flush();
    if (*replayed != corpus.docs.size()) {
      return fail(Status::IoError("the input changed while it was being read: " +
                                  std::to_string(corpus.docs.size()) + " documents on the first pass, " +
                                  std::to_string(*replayed) + " on the second"));
    }
    peak_mb.emplace_back("texts", peak_rss_mb());
  }
  {
    Corpus seen = crawl.take_seen();
    corpus.ids = std::move(seen.ids);
    corpus.documents = seen.documents;
    corpus.records_seen = seen.records_seen;
  }
  const double read_seconds = std::max(0.0, seconds_since(start) - clean_seconds - copies_seconds);
  step = std::chrono::steady_clock::now();
  progress.update("embed", 0, 0);
  std::vector<std::string_view> texts;
  texts.reserve(corpus.docs.size());
  for (const Document& d : corpus.docs) texts.push_back(d.text);
  HashedEmbedder embedder(o.hashed);
  Result<EmbeddingMatrix> vectors = embed_representatives(embedder, texts, items.representative);
  if (!vectors.ok()) return fail(vectors.status());
  const double embed_seconds = seconds_since(step);
  peak_mb.emplace_back("embed", peak_rss_mb());
  // One text per item, its representative's: names are read from these.
  std::vector<std::string_view> item_texts;
  item_texts.reserve(items.representative.size());
  for (uint32_t doc : items.representative) item_texts.push_back(texts[doc]);

  // Events, then storylines (story_pipeline.h). The "events" peak RSS is
  // sampled between the two steps, as the pipeline hands over.
  progress.update("events", 0, 0);
  Result<StoryClusters> stories =
      cluster_stories(*vectors, item_texts, items.first_date, items.last_date, o.story, [&](const StoryClusters&) {
        peak_mb.emplace_back("events", peak_rss_mb());
        progress.update("storylines", 0, 0);
      });
  if (!stories.ok()) return fail(stories.status());
  const EventClusters& events = stories->events;
  const Storylines& storylines = stories->storylines;

  // The "storylines" stage: linking (timed by the pipeline) and the summaries.
  step = std::chrono::steady_clock::now();
  std::vector<uint32_t> event_of_doc(corpus.docs.size());
  for (size_t i = 0; i < corpus.docs.size(); ++i) event_of_doc[i] = events.event_of[items.item_of[i]];
  const SummaryInput summary_input{corpus, items.item_of, items.representative, event_of_doc, events.num_events()};
  Result<std::vector<EventSummary>> event_summaries = summarize_events(summary_input, o.summary);
  if (!event_summaries.ok()) return fail(event_summaries.status());
  const double storyline_seconds = stories->storyline_seconds + seconds_since(step);
  const double names_seconds = stories->item_names_seconds;  // the events step's name vectors and join
  peak_mb.emplace_back("storylines", peak_rss_mb());

  step = std::chrono::steady_clock::now();
  progress.update("write", 0, 0);
  if (Status s = write_documents(o.output, corpus, items, events.event_of, storylines); !s.ok()) return fail(s);
  if (!o.events_out.empty()) {
    std::string out;
    for (size_t e = 0; e < event_summaries->size(); ++e) {
      append_event_jsonl(out, static_cast<uint32_t>(e), storylines.storyline_of_event[e], (*event_summaries)[e],
                         corpus.ids);
    }
    if (Status s = write_whole_file(o.events_out, out); !s.ok()) return fail(s);
  }
  if (!o.storylines_out.empty() || o.report > 0) {
    Result<std::vector<StorylineSummary>> summaries = summarize_storylines(*event_summaries, storylines, o.summary);
    if (!summaries.ok()) return fail(summaries.status());
    if (!o.storylines_out.empty()) {
      std::string out;
      for (size_t i = 0; i < summaries->size(); ++i) {
        append_storyline_jsonl(out, static_cast<uint32_t>(i), (*summaries)[i]);
      }
      if (Status s = write_whole_file(o.storylines_out, out); !s.ok()) return fail(s);
    }
    if (o.report > 0) {
      progress.done();
      print_storylines(static_cast<size_t>(o.report), *summaries, *event_summaries);
    }
  }
  const double write_seconds = seconds_since(step);
  peak_mb.emplace_back("write", peak_rss_mb());
  progress.done();

  std::string where;
  for (const std::string& index : events.indexes) {
    if (where.find(index) == std::string::npos) where += (where.empty() ? "" : ", ") + index;
  }
  std::fprintf(stderr,
               "%zu documents, %zu copy groups, %zu events, %zu storylines\n"
               "read %.2f s, clean %.2f s%s, copies %.2f s, embed %.2f s, names %.2f s, search %.2f s (%s), "
               "cluster %.2f s (%zu edges), storylines %.2f s, write %.2f s; total %.2f s, %d threads\n",
               corpus.docs.size(), items.representative.size(), events.num_events(), storylines.events.size(),
               read_seconds, clean_seconds, strip ? " (boilerplate removed)" : "", copies_seconds, embed_seconds,
               names_seconds, events.search_seconds, where.c_str(), events.cluster_seconds, events.edges, storyline_seconds,
               write_seconds, seconds_since(start), omp_get_max_threads());
  std::vector<std::string> scores;
  for (auto [what, field, cluster_of] :
       {std::tuple<const char*, const std::string&, std::function<uint32_t(size_t)>>{
            "copy groups", o.score_groups, [&](size_t i) { return items.item_of[i]; }},
        {"events", o.score, [&](size_t i) { return event_of_doc[i]; }},
        {"storylines", o.score_storylines,
         [&](size_t i) { return storylines.storyline_of_event[event_of_doc[i]]; }}}) {
    if (field.empty()) continue;
    Result<std::string> line = score_line(what, field, corpus, cluster_of);
    if (!line.ok()) return fail(line.status());
    std::fprintf(stderr, "%s\n", line->c_str());
    scores.push_back(std::move(*line));
  }
  if (!o.stats.empty()) {
    std::string json = "{\"documents\":" + std::to_string(corpus.docs.size()) +
                       ",\"groups\":" + std::to_string(items.representative.size()) +
                       ",\"events\":" + std::to_string(events.num_events()) +
                       ",\"storylines\":" + std::to_string(storylines.events.size()) +
                       ",\"edges\":" + std::to_string(events.edges) +
                       ",\"threads\":" + std::to_string(omp_get_max_threads()) + ",\"seconds\":{";
    const std::pair<const char*, double> times[] = {
        {"read", read_seconds},       {"clean", clean_seconds},
        {"copies", copies_seconds},   {"embed", embed_seconds}, {"names", names_seconds},
        {"search", events.search_seconds}, {"cluster", events.cluster_seconds},
        {"storylines", storyline_seconds},  {"write", write_seconds},
        {"total", seconds_since(start)}};
    for (const auto& [name, secs] : times) {
      if (json.back() != '{') json += ',';
      json += "\"" + std::string(name) + "\":";
      util::append_json_number(json, std::round(secs * 1000) / 1000);
    }
    json += "},\"peak_rss_mb_after\":{";
    for (const auto& [stage, mb] : peak_mb) {
      if (json.back() != '{') json += ',';
      json += "\"" + stage + "\":";
      util::append_json_number(json, std::round(mb));
    }
    json += "},\"scores\":[";
    for (size_t i = 0; i < scores.size(); ++i) json += (i ? "," : "") + scores[i];
    json += "]}\n";
    if (Status s = write_whole_file(o.stats, json); !s.ok()) return fail(s);
  }
  return kExitOk;
}

}  // namespace

void register_events(CLI::App& root, int& exit_code) {
  auto o = std::make_shared<EventsOptions>();
  CLI::App* cmd = root.add_subcommand(
      "events",
      "Stories: which documents are copies of one text (copy groups), which copy groups report the same\n"
      "real-world event, and which events make one storyline (an event and its follow-ups days later).\n"
      "Copy groups are found as `copydesk dedup --containment` finds them (or read from --groups); one representative per\n"
      "group is embedded with the hashed embedder; groups are linked to their --k nearest neighbours (FAISS;\n"
      "never across more than --window days, similarity decayed by the time between) and the graph is cut\n"
      "into events by Leiden (CPM), then linked events whose mean similarity is at least --merge are joined\n"
      "(average linkage). Events sharing people, places and topic a few days apart are linked into\n"
      "storylines, ordered in time. Web pages (WARC, folders) lose their sites' boilerplate first.\n"
      "Writes one line per document, in input order: {id, group, canonical, event, storyline, title, url,\n"
      "site, date, wire, ...carried fields}; --events and --storylines write one line per event / storyline\n"
      "(time span, size, sources, wire agency, headline, top terms; the storyline's events in time order),\n"
      "the input of `copydesk timeline`. --threads never changes the output.");
  cmd->footer(
      "Examples:\n"
      "  copydesk generate --docs 5000 -o crawl.jsonl\n"
      "  copydesk events crawl.jsonl -o docs.jsonl --events events.jsonl --storylines storylines.jsonl\n"
      "  copydesk timeline --docs docs.jsonl --events events.jsonl --storylines storylines.jsonl -o report.html\n"
      "  copydesk events crawl.jsonl -o /dev/null --score gold_event --score-storylines gold_storyline\n"
      "  copydesk events ecbplus/docs.jsonl -o /dev/null --score subtopic");
  cmd->add_option("inputs", o->inputs, "JSON Lines files (plain or gzip), folders, WARC files, or - for stdin")
      ->required();
  cmd->add_option("-o,--output", o->output, "Where to write one line per document (- for stdout)")
      ->capture_default_str();
  cmd->add_option("--events", o->events_out, "Also write one line per event to this file");
  cmd->add_option("--storylines", o->storylines_out, "Also write one line per storyline to this file");
  cmd->add_option("--groups", o->groups,
                  "Copy groups from a `copydesk dedup` run (its -o file) instead of finding them here");
  cmd->add_option("--copies", o->copies,
                  "auto: find copy groups (as `dedup --containment`) and embed one canonical per group; off: every "
                  "document is an item of its own")
      ->check(CLI::IsMember({"auto", "off"}))
      ->capture_default_str();
  cmd->add_option("--boilerplate", o->boilerplate,
                  "Remove per-site boilerplate lines before embedding: auto (on for WARC files and folders), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  cmd->add_option("--window", o->story.events.window_days,
                  "Never link items more than this many days apart (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--decay", o->story.events.time_decay_days,
                  "Similarity × exp(-days apart / DECAY) between dated items (0: no decay)")
      ->capture_default_str();
  cmd->add_option("-k,--k", o->story.events.k, "Nearest neighbours per item")->capture_default_str();
  cmd->add_option("--min-similarity", o->story.events.min_similarity, "Drop neighbour links weaker than this")
      ->capture_default_str();
  cmd->add_option("--method", o->method, "leiden (CPM), leiden-modularity, louvain or average (linkage)")
      ->check(CLI::IsMember({"leiden", "leiden-modularity", "louvain", "average"}))
      ->capture_default_str();
  cmd->add_option("--resolution", o->resolution,
                  "leiden: CPM density (default " + std::to_string(EventParams{}.cpm_resolution).substr(0, 4) +
                      "); modularity methods: gamma (default 1); average: the mean-similarity cut (default " +
                      std::to_string(EventParams{}.linkage_threshold).substr(0, 4) + ")");
  cmd->add_option("--merge", o->story.events.merge_threshold,
                  "After leiden/louvain: join linked events with mean similarity >= this (> 1: never)")
      ->capture_default_str();
  cmd->add_option("--index", o->index, "Neighbour search: auto (flat up to --flat-max items, else ivf), flat, ivf, hnsw")
      ->check(CLI::IsMember({"auto", "flat", "ivf", "hnsw"}))
      ->capture_default_str();
  cmd->add_option("--flat-max", o->story.events.flat_max, "Largest time block searched exactly with --index auto")
      ->capture_default_str();
  cmd->add_option("--nprobe", o->story.events.ivf_nprobe, "IVF lists visited per query")->capture_default_str();
  cmd->add_option("--seed", o->story.events.seed, "Seed of IVF training and Leiden")->capture_default_str();
  cmd->add_option("--dims", o->hashed.dims, "Embedding dimensions")->capture_default_str();
  cmd->add_option("--name-weight", o->hashed.name_weight, "Embedding weight of capitalised words (names)")
      ->capture_default_str();
  cmd->add_option("--number-weight", o->hashed.number_weight, "Embedding weight of words with a digit")
      ->capture_default_str();
  cmd->add_option("--storyline-k", o->story.storylines.k, "Storylines: candidate follow-ups searched per event")
      ->capture_default_str();
  cmd->add_option("--storyline-gap", o->story.storylines.max_gap_days,
                  "Storylines: link an event to a follow-up at most this many days later")
      ->capture_default_str();
  cmd->add_option("--storyline-threshold", o->story.storylines.link_threshold,
                  "Storylines: join events while their mean similarity is at least this")
      ->capture_default_str();
  cmd->add_option("--storyline-threshold-without-places", o->story.storylines.link_threshold_without_places,
                  "Storylines: the same cut when no story has a dateline (names then count between any two events); "
                  "in between by the share of events that have one")
      ->capture_default_str();
  cmd->add_option("--storyline-names", o->story.storylines.name_share,
                  "Storylines: share of the names (people, places, organisations) in the similarity, 0 to 1")
      ->capture_default_str();
  cmd->add_option("--storyline-name-dims", o->story.storylines.name_dims, "Storylines: dimensions of the name vectors")
      ->capture_default_str();
  cmd->add_option("--storyline-pair-weight", o->story.storylines.name_pair_weight,
                  "Storylines: weight of two adjacent capitalised words (a full name) vs one")
      ->capture_default_str();
  cmd->add_option("--storyline-datelines", o->story.storylines.dateline_share,
                  "Storylines: how much two events' shared names count only when filed from the same place "
                  "(their datelines), in [0, 1) (0: place ignored)")
      ->capture_default_str();
  cmd->add_option("--event-names", o->story.event_names,
                  "Events: weight of the names two copy groups share (people, places, organisations) against "
                  "their words, in [0, 1] (0: words only)")
      ->capture_default_str();
  cmd->add_option("--event-datelines", o->story.event_datelines,
                  "Events: how much two copy groups' shared names count only when filed from the same place "
                  "(their datelines), in [0, 1) (0: place ignored)")
      ->capture_default_str();
  cmd->add_option("--top-terms", o->summary.top_terms, "Words listed per event and storyline")->capture_default_str();
  cmd->add_option("--score", o->score,
                  "A gold event label field of the input: print pairwise P/R/F1, B-cubed F1, ARI, NMI of the events");
  cmd->add_option("--score-storylines", o->score_storylines, "A gold storyline label field: score the storylines");
  cmd->add_option("--score-groups", o->score_groups, "A gold copy-group label field: score the copy groups");
  cmd->add_option("--on-error", o->on_error,
                  "fail: a bad input record stops the run before anything is written (exit 2); skip: go on, "
                  "listing each bad record with its reason in the rejects file")
      ->check(CLI::IsMember({"fail", "skip"}))
      ->capture_default_str();
  cmd->add_option("--rejects", o->rejects_path,
                  "Where rejected records go with --on-error=skip (default: OUTPUT.rejects.jsonl, or "
                  "copydesk-rejects.jsonl when writing to stdout)");
  cmd->add_option("--report", o->report,
                  "Print the N largest storylines, their events in time order, on stdout (use -o FILE with it)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line on stderr");
  cmd->add_option("--stats", o->stats, "Write counts, per-stage seconds and scores as one JSON object to this file");
  cmd->add_option("-j,--threads", o->threads, "Worker threads (default: all cores); output does not depend on it");
  cmd->callback([o, &exit_code] { exit_code = run_events(*o); });
}

}  // namespace copydesk::cli
