// `copydesk events`: which documents (or copy groups) report the same
// real-world event. Reads a crawl, embeds each document — or one
// representative per copy group of a `copydesk dedup` run — with the hashed
// embedder, clusters the vectors (events.h) and writes one line per document.
#include <omp.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
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
  std::string score;   // gold label field of the input
  double resolution = std::numeric_limits<double>::quiet_NaN();  // per method when unset
  EventParams params;
  HashedEmbedderParams hashed;
  int threads = 0;
};

int fail(const Status& s) {
  std::fprintf(stderr, "copydesk events: %s\n", s.message().c_str());
  return kExitError;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The items to cluster: one per document, or one per copy group.
struct Items {
  std::vector<uint32_t> item_of;          // per document
  std::vector<uint32_t> representative;   // per item: the document embedded for it
  std::vector<int64_t> date;              // per item: its earliest member date, or kNoDate
};

Items one_item_per_document(const Corpus& corpus) {
  Items items;
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    items.item_of.push_back(static_cast<uint32_t>(i));
    items.representative.push_back(static_cast<uint32_t>(i));
    items.date.push_back(corpus.docs[i].date);
  }
  return items;
}

std::string json_text(simdjson::dom::element v) {
  return v.is_string() ? std::string(std::string_view(v)) : simdjson::to_string(v);
}

// Copy groups from the assignments `copydesk dedup` writes ({id, group,
// canonical, ...} per document). The representative of a group is its
// canonical document when the crawl has it, else its first member; a
// document the file does not name is a group of its own.
Result<Items> items_from_groups(const Corpus& corpus, const std::string& path) {
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.load_many(path).get(stream) != simdjson::SUCCESS) return Status::IoError(path + ": cannot read");
  std::vector<std::string> group_of_doc(corpus.docs.size());
  std::vector<bool> named(corpus.docs.size(), false);
  std::unordered_map<std::string, std::string> canonical_of_group;
  size_t line = 0;
  for (auto record : stream) {
    ++line;
    simdjson::dom::element e, id, group;
    if (record.get(e) != simdjson::SUCCESS || e["id"].get(id) != simdjson::SUCCESS ||
        e["group"].get(group) != simdjson::SUCCESS) {
      return Status::ParseError(path + ":" + std::to_string(line) + ": need an object with 'id' and 'group'");
    }
    const uint32_t doc = corpus.ids.find(json_text(id));
    if (doc == IdTable::kNotFound) continue;  // a document this crawl does not have
    group_of_doc[doc] = json_text(group);
    named[doc] = true;
    simdjson::dom::element canonical;
    if (e["canonical"].get(canonical) == simdjson::SUCCESS) canonical_of_group[group_of_doc[doc]] = json_text(canonical);
  }
  Items items;
  items.item_of.resize(corpus.docs.size());
  std::unordered_map<std::string, uint32_t> item_of_group;
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    uint32_t item;
    if (!named[i]) {
      item = static_cast<uint32_t>(items.representative.size());
      items.representative.push_back(static_cast<uint32_t>(i));
      items.date.push_back(kNoDate);
    } else if (auto [it, fresh] = item_of_group.try_emplace(group_of_doc[i], 0); fresh) {
      item = it->second = static_cast<uint32_t>(items.representative.size());
      uint32_t rep = static_cast<uint32_t>(i);
      if (auto c = canonical_of_group.find(group_of_doc[i]); c != canonical_of_group.end()) {
        if (uint32_t d = corpus.ids.find(c->second); d != IdTable::kNotFound) rep = d;
      }
      items.representative.push_back(rep);
      items.date.push_back(kNoDate);
    } else {
      item = it->second;
    }
    items.item_of[i] = item;
    const int64_t date = corpus.docs[i].date;
    int64_t& first = items.date[item];
    if (date != kNoDate && (first == kNoDate || date < first)) first = date;
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
  o.params.method = methods.at(o.method);
  o.params.index = indexes.at(o.index);
  if (!std::isnan(o.resolution)) {
    if (o.params.method == EventParams::Method::kLeiden) o.params.cpm_resolution = o.resolution;
    if (o.params.method == EventParams::Method::kAverageLinkage) o.params.linkage_threshold = o.resolution;
    if (o.params.method == EventParams::Method::kLeidenModularity || o.params.method == EventParams::Method::kLouvain) {
      o.params.modularity_resolution = o.resolution;
    }
  }
  if (o.params.window_days == 0) o.params.window_days = std::numeric_limits<double>::infinity();
  COPYDESK_RETURN_IF_ERROR(o.params.validate());
  return o.hashed.validate();
}

Status write_events(const EventsOptions& o, const Corpus& corpus, const Items& items, const EventClusters& events,
                    const std::vector<uint64_t>& docs_per_event) {
  Result<std::unique_ptr<FileSink>> sink = FileSink::open(o.output);
  if (!sink.ok()) return sink.status();
  std::string out;
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    const uint32_t event = events.event_of[items.item_of[i]];
    out += "{\"id\":";
    corpus.ids.append_json(out, static_cast<uint32_t>(i));
    out += ",\"event\":" + std::to_string(event) + ",\"event_size\":" + std::to_string(docs_per_event[event]);
    if (!o.groups.empty()) out += ",\"group_item\":" + std::to_string(items.item_of[i]);
    out += "}\n";
    if (out.size() > (1 << 20)) {
      COPYDESK_RETURN_IF_ERROR((*sink)->write(out));
      out.clear();
    }
  }
  COPYDESK_RETURN_IF_ERROR((*sink)->write(out));
  return (*sink)->close();
}

// Scores against a label field of the input documents; one JSON line on stderr.
Status print_score(const std::string& field, const Corpus& corpus, const Items& items, const EventClusters& events) {
  simdjson::dom::parser parser;
  std::vector<std::string> gold, predicted;
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    const std::string json = "{" + corpus.docs[i].carried + "}";
    simdjson::dom::element value;
    if (parser.parse(json)[field].get(value) != simdjson::SUCCESS) {
      return Status::NotFound("--score: document '" + corpus.docs[i].id + "' has no field '" + field + "'");
    }
    gold.push_back(json_text(value));
    predicted.push_back(std::to_string(events.event_of[items.item_of[i]]));
  }
  const ClusteringScores s = score_clustering(gold, predicted);
  std::string line = "{\"documents\":" + std::to_string(s.documents) + ",\"gold_clusters\":" +
                     std::to_string(s.gold_clusters) + ",\"events\":" + std::to_string(s.predicted_clusters);
  for (auto [name, v] : {std::pair{"pairwise_precision", s.pairwise_precision}, std::pair{"pairwise_recall", s.pairwise_recall},
                         std::pair{"pairwise_f1", s.pairwise_f1}, std::pair{"bcubed_f1", s.bcubed_f1},
                         std::pair{"ari", s.ari}, std::pair{"nmi", s.nmi}}) {
    line += ",\"" + std::string(name) + "\":";
    util::append_json_number(line, std::round(v * 10000) / 10000);
  }
  std::fprintf(stderr, "%s}\n", line.c_str());
  return Status::Ok();
}

int run_events(EventsOptions& o) {
  if (o.threads > 0) omp_set_num_threads(o.threads);
  if (Status s = parse_choices(o); !s.ok()) return fail(s);
  CorpusReader reader;
  for (const std::string& path : o.inputs) {
    if (Status s = reader.add_path(path); !s.ok()) return fail(s);
  }
  Corpus corpus = reader.take();
  if (!corpus.rejects.empty()) {
    const Reject& r = corpus.rejects.front();
    return fail(Status::ParseError(r.source + ":" + std::to_string(r.line) + ": " + r.reason + " (" +
                                   std::to_string(corpus.rejects.size()) + " bad records)"));
  }
  Items items = one_item_per_document(corpus);
  if (!o.groups.empty()) {
    Result<Items> grouped = items_from_groups(corpus, o.groups);
    if (!grouped.ok()) return fail(grouped.status());
    items = std::move(*grouped);
  }

  auto start = std::chrono::steady_clock::now();
  std::vector<std::string_view> texts;
  texts.reserve(corpus.docs.size());
  for (const Document& d : corpus.docs) texts.push_back(d.text);
  HashedEmbedder embedder(o.hashed);
  Result<EmbeddingMatrix> vectors = embed_representatives(embedder, texts, items.representative);
  if (!vectors.ok()) return fail(vectors.status());
  const double embed_seconds = seconds_since(start);

  Result<EventClusters> events = cluster_events(*vectors, items.date, o.params);
  if (!events.ok()) return fail(events.status());
  std::vector<uint64_t> docs_per_event(events->num_events(), 0);
  for (uint32_t item : items.item_of) ++docs_per_event[events->event_of[item]];
  if (Status s = write_events(o, corpus, items, *events, docs_per_event); !s.ok()) return fail(s);

  std::string where;
  for (const std::string& index : events->indexes) {
    if (where.find(index) == std::string::npos) where += (where.empty() ? "" : ", ") + index;
  }
  std::fprintf(stderr,
               "%zu documents, %zu items, %zu events; embed %.2f s, search %.2f s (%s), cluster %.2f s, "
               "%zu edges, %d threads\n",
               corpus.docs.size(), items.representative.size(), events->num_events(), embed_seconds,
               events->search_seconds, where.c_str(), events->cluster_seconds, events->edges, omp_get_max_threads());
  if (!o.score.empty()) {
    if (Status s = print_score(o.score, corpus, items, *events); !s.ok()) return fail(s);
  }
  return kExitOk;
}

}  // namespace

void register_events(CLI::App& root, int& exit_code) {
  auto o = std::make_shared<EventsOptions>();
  CLI::App* cmd = root.add_subcommand(
      "events",
      "Cluster documents into events: which different texts report the same real-world happening.\n"
      "Each document (or, with --groups, one representative per copy group) is embedded with the hashed\n"
      "embedder; items are linked to their --k nearest neighbours (FAISS; never across more than --window\n"
      "days, similarity decayed by the time between), and the graph is cut into events by Leiden (CPM),\n"
      "then linked events whose mean similarity is at least --merge are joined (average linkage).\n"
      "Writes {id, event, event_size} per document, in input order. --threads never changes the output.");
  cmd->footer(
      "Examples:\n"
      "  copydesk events crawl.jsonl -o events.jsonl\n"
      "  copydesk dedup crawl.jsonl -o assignments.jsonl && copydesk events crawl.jsonl --groups assignments.jsonl\n"
      "  copydesk events ecbplus/docs.jsonl -o /dev/null --score subtopic");
  cmd->add_option("inputs", o->inputs, "JSON Lines files (plain or gzip), folders, WARC files, or - for stdin")
      ->required();
  cmd->add_option("-o,--output", o->output, "Where to write one {id, event, event_size} line per document")
      ->capture_default_str();
  cmd->add_option("--groups", o->groups,
                  "Assignments from `copydesk dedup` (-o): cluster copy groups, embedding each group's canonical");
  cmd->add_option("--window", o->params.window_days, "Never link items more than this many days apart (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--decay", o->params.time_decay_days,
                  "Similarity × exp(-days apart / DECAY) between dated items (0: no decay)")
      ->capture_default_str();
  cmd->add_option("-k,--k", o->params.k, "Nearest neighbours per item")->capture_default_str();
  cmd->add_option("--min-similarity", o->params.min_similarity, "Drop neighbour links weaker than this")
      ->capture_default_str();
  cmd->add_option("--method", o->method, "leiden (CPM), leiden-modularity, louvain or average (linkage)")
      ->check(CLI::IsMember({"leiden", "leiden-modularity", "louvain", "average"}))
      ->capture_default_str();
  cmd->add_option("--resolution", o->resolution,
                  "leiden: CPM density (default " + std::to_string(EventParams{}.cpm_resolution).substr(0, 4) +
                      "); modularity methods: gamma (default 1); average: the mean-similarity cut (default " +
                      std::to_string(EventParams{}.linkage_threshold).substr(0, 4) + ")");
  cmd->add_option("--merge", o->params.merge_threshold,
                  "After leiden/louvain: join linked events with mean similarity >= this (> 1: never)")
      ->capture_default_str();
  cmd->add_option("--index", o->index, "Neighbour search: auto (flat up to --flat-max items, else ivf), flat, ivf, hnsw")
      ->check(CLI::IsMember({"auto", "flat", "ivf", "hnsw"}))
      ->capture_default_str();
  cmd->add_option("--flat-max", o->params.flat_max, "Largest time block searched exactly with --index auto")
      ->capture_default_str();
  cmd->add_option("--nprobe", o->params.ivf_nprobe, "IVF lists visited per query")->capture_default_str();
  cmd->add_option("--seed", o->params.seed, "Seed of IVF training and Leiden")->capture_default_str();
  cmd->add_option("--dims", o->hashed.dims, "Embedding dimensions")->capture_default_str();
  cmd->add_option("--name-weight", o->hashed.name_weight, "Embedding weight of capitalised words (names)")
      ->capture_default_str();
  cmd->add_option("--number-weight", o->hashed.number_weight, "Embedding weight of words with a digit")
      ->capture_default_str();
  cmd->add_option("--score", o->score, "A gold label field of the input: print pairwise P/R/F1, B-cubed F1, ARI, NMI");
  cmd->add_option("-j,--threads", o->threads, "Worker threads (default: all cores); output does not depend on it");
  cmd->callback([o, &exit_code] { exit_code = run_events(*o); });
}

}  // namespace copydesk::cli
