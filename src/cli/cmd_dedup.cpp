// `copydesk dedup`: flags → DedupParams → run_dedup → writers.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <omp.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "copydesk/dedup.h"
#include "copydesk/eval.h"
#include "copydesk/generator.h"
#include "copydesk/reader.h"
#include "copydesk/writer.h"
#include "util/json.h"

namespace copydesk::cli {
namespace {

struct DedupOptions {
  std::vector<std::string> inputs;
  std::string output;
  std::string groups_path;
  std::string keep_path;
  std::string rejects_path;
  std::string stats_path;
  std::string on_error = "fail";
  double threshold = 0.8;
  uint32_t ngram = 5;
  bool char_ngrams = false;
  uint32_t num_perm = 128;
  uint64_t seed = 1;
  uint32_t bands = 0, rows = 0;
  uint32_t max_bucket = 256;
  bool exact = false;
  bool containment = false;
  double min_length_ratio = 0.5;
  int threads = 0;
  uint64_t demo_docs = 2000;
  int report = -1;  // groups to show; -1 = automatic
  std::string progress = "auto";
  bool quiet = false;
  std::string id_field = "id", text_field = "text";
};

double elapsed(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Status write_file(const std::string& path, const std::function<Status(Sink&)>& write) {
  auto sink = FileSink::open(path);
  if (!sink.ok()) return sink.status();
  COPYDESK_RETURN_IF_ERROR(write(**sink));
  return (*sink)->close();
}

// Prints the largest copy groups for a person to read.
void print_report(const Corpus& corpus, const CopyGroups& groups, int count) {
  std::vector<uint32_t> order;
  for (uint32_t g = 0; g < groups.num_groups(); ++g) {
    if (groups.group_size[g] > 1) order.push_back(g);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return groups.group_size[a] > groups.group_size[b]; });
  if (order.size() > static_cast<size_t>(count)) order.resize(static_cast<size_t>(count));
  std::vector<std::vector<uint32_t>> members(groups.num_groups());
  for (uint32_t i = 0; i < corpus.docs.size(); ++i) {
    if (groups.group_size[groups.group_of[i]] > 1) members[groups.group_of[i]].push_back(i);
  }
  std::printf("Largest copy groups (canonical first; similarity to the canonical):\n");
  for (uint32_t g : order) {
    const Document& c = corpus.docs[groups.canonical[g]];
    std::printf("\n  group %u — %u copies — canonical %s\n", g, groups.group_size[g], c.id.c_str());
    const size_t shown = std::min<size_t>(members[g].size(), 8);
    std::vector<uint32_t> list = members[g];
    std::stable_partition(list.begin(), list.end(), [&](uint32_t i) { return i == groups.canonical[g]; });
    for (size_t k = 0; k < shown; ++k) {
      const Document& d = corpus.docs[list[k]];
      const std::string title = d.title.empty() ? d.text.substr(0, 60) : d.title.substr(0, 60);
      std::printf("    %-10s %5.3f  %-22s %-10.10s  %s\n", d.id.c_str(), groups.similarity[list[k]],
                  d.site.substr(0, 22).c_str(), d.date_text.c_str(), title.c_str());
    }
    if (members[g].size() > shown) std::printf("    … and %zu more\n", members[g].size() - shown);
  }
}

// The built-in crawl carries gold labels: show how well they were found.
void print_gold_scores(const Corpus& corpus, const CopyGroups& groups) {
  std::vector<std::string> gold, pred;
  const std::string key = "\"gold_group\":\"";
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    const std::string& c = corpus.docs[i].carried;
    const size_t at = c.find(key);
    if (at == std::string::npos) return;
    const size_t start = at + key.size();
    gold.push_back(c.substr(start, c.find('"', start) - start));
    pred.push_back(std::to_string(groups.group_of[i]));
  }
  const ClusteringScores s = score_clustering(gold, pred);
  std::printf("\nAgainst the generator's gold copy groups: pairwise P %.4f R %.4f F1 %.4f, ARI %.4f, NMI %.4f\n",
              s.pairwise_precision, s.pairwise_recall, s.pairwise_f1, s.ari, s.nmi);
}

Status write_stats(const std::string& path, const DedupStats& s, const Corpus& corpus, double read_seconds,
                   double write_seconds, int threads) {
  std::string out = "{\"documents\":" + std::to_string(s.documents) +
                    ",\"rejected\":" + std::to_string(corpus.rejects.size()) +
                    ",\"utf8_repaired\":" + std::to_string(corpus.utf8_repaired) +
                    ",\"input_bytes\":" + std::to_string(s.input_bytes) +
                    ",\"threads\":" + std::to_string(threads) +
                    ",\"bands\":" + std::to_string(s.banding.bands) + ",\"rows\":" + std::to_string(s.banding.rows) +
                    ",\"candidate_pairs\":" + std::to_string(s.candidate_pairs) +
                    ",\"verified_pairs\":" + std::to_string(s.verified_pairs) +
                    ",\"groups\":" + std::to_string(s.groups) +
                    ",\"duplicate_groups\":" + std::to_string(s.duplicate_groups) +
                    ",\"duplicates\":" + std::to_string(s.duplicates) +
                    ",\"oversized_buckets\":" + std::to_string(s.oversized.size()) + ",\"seconds\":{\"read\":";
  util::append_json_number(out, read_seconds);
  for (const StageTime& t : s.times) {
    out += ",";
    util::append_json_string(out, t.stage);
    out += ":";
    util::append_json_number(out, t.seconds);
  }
  out += ",\"write\":";
  util::append_json_number(out, write_seconds);
  out += "}}\n";
  return write_file(path, [&](Sink& sink) { return sink.write(out); });
}

void print_summary(const DedupStats& s, const Corpus& corpus, double read_seconds, double write_seconds) {
  std::fprintf(stderr, "copydesk dedup: %llu documents, %llu copy groups of 2+ (%llu duplicates), %zu rejected",
               static_cast<unsigned long long>(s.documents), static_cast<unsigned long long>(s.duplicate_groups),
               static_cast<unsigned long long>(s.duplicates), corpus.rejects.size());
  if (corpus.utf8_repaired) std::fprintf(stderr, ", %llu with invalid UTF-8 repaired", static_cast<unsigned long long>(corpus.utf8_repaired));
  std::fprintf(stderr, "\n  LSH %u bands × %u rows: %llu candidate pairs, %llu verified, %llu components split\n",
               s.banding.bands, s.banding.rows, static_cast<unsigned long long>(s.candidate_pairs),
               static_cast<unsigned long long>(s.verified_pairs), static_cast<unsigned long long>(s.components_split));
  const double mb = static_cast<double>(s.input_bytes) / 1e6;
  auto line = [&](const std::string& stage, double sec) {
    if (sec < 0.001) {  // too short for a rate to mean anything
      std::fprintf(stderr, "  %-18s %8.3f s\n", stage.c_str(), sec);
      return;
    }
    std::fprintf(stderr, "  %-18s %8.3f s  %9.1f MB/s  %11.0f docs/s\n", stage.c_str(), sec, mb / sec,
                 static_cast<double>(s.documents) / sec);
  };
  line("read", read_seconds);
  double total = read_seconds + write_seconds;
  for (const StageTime& t : s.times) {
    line(t.stage, t.seconds);
    if (t.stage.find("(cpu)") == std::string::npos) total += t.seconds;
  }
  line("write", write_seconds);
  line("total", total);
}

int run(const DedupOptions& o) {
  const auto t_start = std::chrono::steady_clock::now();
  if (o.threads > 0) omp_set_num_threads(o.threads);
  const int threads = omp_get_max_threads();
  DedupParams params;
  params.shingle.kind = o.char_ngrams ? ShingleKind::kChar : ShingleKind::kWord;
  params.shingle.size = o.ngram;
  params.minhash.num_perm = o.num_perm;
  params.minhash.seed = o.seed;
  params.lsh.bands = o.bands;
  params.lsh.rows = o.rows;
  params.lsh.max_bucket = o.max_bucket;
  params.verify.exact = o.exact;
  params.min_length_ratio = o.min_length_ratio;
  params.set_measure(o.containment ? Measure::kContainment : Measure::kJaccard);
  params.set_threshold(o.threshold);
  if (Status s = params.validate(); !s.ok()) {
    std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
    return kExitError;
  }
  ReadParams read_params;
  read_params.id_field = o.id_field;
  read_params.text_field = o.text_field;
  if (Status s = read_params.validate(); !s.ok()) {
    std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
    return kExitError;
  }
  const bool show_progress = o.progress == "always" || (o.progress == "auto" && !o.quiet && isatty(2));
  Progress progress(show_progress);

  // Read.
  CorpusReader reader(read_params);
  const bool demo = o.inputs.empty();
  if (demo) {
    GeneratorParams gen;
    gen.num_docs = o.demo_docs;
    if (!o.quiet) {
      std::fprintf(stderr, "copydesk dedup: no input given: using the built-in generated crawl (%llu documents; "
                           "`copydesk generate --help` makes others)\n",
                   static_cast<unsigned long long>(gen.num_docs));
    }
    uint64_t line = 0;
    Status s = generate_crawl(gen, [&](const Document& d) {
      reader.add_document(d, "<built-in crawl>", ++line);
      return Status::Ok();
    });
    if (!s.ok()) {
      std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
      return kExitError;
    }
  }
  for (const std::string& path : o.inputs) {
    progress.update("read " + path, 0, 0);
    if (Status s = reader.add_path(path); !s.ok()) {
      progress.done();
      std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
      return kExitError;
    }
  }
  progress.done();
  Corpus corpus = reader.take();
  const double read_seconds = elapsed(t_start);
  if (!corpus.rejects.empty() && (o.on_error == "fail" || !o.quiet)) {
    const size_t shown = std::min<size_t>(corpus.rejects.size(), 20);
    for (size_t i = 0; i < shown; ++i) {
      const Reject& r = corpus.rejects[i];
      std::fprintf(stderr, "%s:%llu: %s%s%s\n", r.source.c_str(), static_cast<unsigned long long>(r.line),
                   r.id.empty() ? "" : ("record '" + r.id + "': ").c_str(), r.reason.c_str(),
                   o.on_error == "skip" ? " (skipped)" : "");
    }
    if (corpus.rejects.size() > shown) {
      std::fprintf(stderr, "… and %zu more bad records\n", corpus.rejects.size() - shown);
    }
    if (o.on_error == "fail") {
      std::fprintf(stderr,
                   "copydesk dedup: %zu bad input record(s); nothing written. Fix them, or use --on-error=skip "
                   "to go on and list them in a rejects file.\n",
                   corpus.rejects.size());
      return kExitError;
    }
  }

  // Fingerprint, search, verify, cluster.
  Result<DedupResult> result =
      run_dedup(corpus, params, [&](std::string_view stage, uint64_t done, uint64_t total) {
        progress.update(std::string(stage), done, total);
      });
  progress.done();
  if (!result.ok()) {
    std::fprintf(stderr, "copydesk dedup: %s\n", result.status().message().c_str());
    return kExitError;
  }
  const CopyGroups& groups = result->groups;
  for (const OversizedBucket& b : result->stats.oversized) {
    if (o.quiet) break;
    std::fprintf(stderr,
                 "copydesk dedup: warning: LSH band %u bucket %016llx holds %u documents (first: '%s') — "
                 "likely shared boilerplate; compared against its first member only (--max-bucket %u)\n",
                 b.band, static_cast<unsigned long long>(b.key), b.size, corpus.docs[b.first_doc].id.c_str(),
                 o.max_bucket);
  }

  // Write.
  const auto t_write = std::chrono::steady_clock::now();
  const bool report = o.report > 0 || (o.report < 0 && demo && o.output.empty());
  const std::string output = o.output.empty() ? (report ? "" : "-") : o.output;
  bool reader_gone = false;
  if (!output.empty()) {
    auto sink = FileSink::open(output);
    Status s = sink.ok() ? write_assignments(corpus, groups, **sink) : sink.status();
    if (s.ok()) s = (*sink)->close();
    if (!s.ok()) {
      std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
      return kExitError;
    }
    reader_gone = (*sink)->reader_gone();
  }
  std::vector<std::pair<std::string, std::function<Status(Sink&)>>> files;
  if (!o.groups_path.empty()) files.push_back({o.groups_path, [&](Sink& k) { return write_groups(corpus, groups, k); }});
  if (!o.keep_path.empty()) files.push_back({o.keep_path, [&](Sink& k) { return write_keep(corpus, groups, k); }});
  std::string rejects_path = o.rejects_path;
  if (rejects_path.empty() && !corpus.rejects.empty()) {
    rejects_path = (output.empty() || output == "-") ? "copydesk-rejects.jsonl" : output + ".rejects.jsonl";
  }
  if (!rejects_path.empty()) files.push_back({rejects_path, [&](Sink& k) { return write_rejects(corpus, k); }});
  for (auto& [path, write] : files) {
    if (Status s = write_file(path, write); !s.ok()) {
      std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
      return kExitError;
    }
  }
  const double write_seconds = elapsed(t_write);
  if (!o.stats_path.empty()) {
    if (Status s = write_stats(o.stats_path, result->stats, corpus, read_seconds, write_seconds, threads); !s.ok()) {
      std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
      return kExitError;
    }
  }
  if (!o.quiet && !reader_gone) {
    print_summary(result->stats, corpus, read_seconds, write_seconds);
    if (!corpus.rejects.empty()) {
      std::fprintf(stderr, "  %zu rejected record(s) listed in %s\n", corpus.rejects.size(), rejects_path.c_str());
    }
  }
  if (report && !reader_gone) {
    std::fflush(stderr);
    print_report(corpus, groups, o.report > 0 ? o.report : 5);
    if (demo) print_gold_scores(corpus, groups);
    std::fflush(stdout);
  }
  return kExitOk;
}

}  // namespace

void register_dedup(CLI::App& root, int& exit_code) {
  auto o = std::make_shared<DedupOptions>();
  CLI::App* cmd = root.add_subcommand(
      "dedup",
      "Find the copies of the same text in a crawl and group them.\n"
      "Reads JSON Lines (.jsonl or .jsonl.gz; fields id, text, optional title, url, site, date; other fields are\n"
      "carried through), folders of .txt files, or - for stdin. Writes one JSON line per input document, in input\n"
      "order: {id, group, group_size, canonical, similarity, ...}. With no input, runs on a built-in generated crawl\n"
      "and prints a readable report.\n"
      "Pipeline: normalize (NFKC + case fold) → word n-gram shingles (XXH3) → MinHash → LSH banding → verify each\n"
      "candidate pair → union-find, split around centres (no chaining) → canonical = earliest, then longest.\n"
      "Exit codes: 0 done, 2 error.");
  cmd->add_option("inputs", o->inputs, "Input files or folders; - reads JSON Lines from stdin");
  cmd->add_option("-o,--output", o->output,
                  "Where to write the per-document assignments (JSON Lines); - is stdout (the default, except for "
                  "the built-in demo which prints a report)");
  cmd->add_option("--groups", o->groups_path,
                  "Also write the copy groups of two or more: {group, size, canonical, members}");
  cmd->add_option("--keep", o->keep_path,
                  "Also write the ids to keep when deduplicating: the canonical of every group, one per line");
  cmd->add_option("--rejects", o->rejects_path,
                  "Where rejected records go with --on-error=skip (default: OUTPUT.rejects.jsonl, or "
                  "copydesk-rejects.jsonl when writing to stdout)");
  cmd->add_option("--on-error", o->on_error,
                  "fail: any bad record stops the run (exit 2) before any output is written; skip: go on, list "
                  "each bad record with its reason in the rejects file")
      ->check(CLI::IsMember({"fail", "skip"}))
      ->capture_default_str();
  cmd->add_option("-t,--threshold", o->threshold,
                  "Similarity two documents need to be copies: Jaccard of their shingle sets (or containment "
                  "with --containment)")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str();
  cmd->add_option("-n,--ngram", o->ngram, "Shingle size: words per shingle (characters with --char-ngrams)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_flag("--char-ngrams", o->char_ngrams, "Shingle on character n-grams instead of word n-grams");
  cmd->add_option("--num-perm", o->num_perm, "MinHash signature length; more = more precise, more memory (4 B each)")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "MinHash seed; fixed so runs are repeatable")->capture_default_str();
  cmd->add_option("--bands", o->bands, "LSH bands (with --rows); default: derived from the threshold")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--rows", o->rows, "LSH rows per band (with --bands)")->check(CLI::Range(1, 4096));
  cmd->add_option("--max-bucket", o->max_bucket,
                  "LSH buckets larger than this are treated as boilerplate: only compared against their first "
                  "member, with a warning")
      ->check(CLI::Range(2, 1 << 30))
      ->capture_default_str();
  cmd->add_flag("--exact", o->exact,
                "Verify candidates on the exact shingle sets instead of the signatures (keeps every document's "
                "shingles in memory)");
  cmd->add_flag("--containment", o->containment,
                "Score |A∩B|/min(|A|,|B|) instead of Jaccard, so a copy a site cut short still matches its "
                "original");
  cmd->add_option("--min-length-ratio", o->min_length_ratio,
                  "With --containment: the shortest cut copy to find, as a fraction of the original's length")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  cmd->add_option("-j,--threads", o->threads, "Worker threads (default: all cores); output does not depend on it")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--demo-docs", o->demo_docs, "Size of the built-in crawl used when no input is given")
      ->check(CLI::Range(1, 10000000))
      ->capture_default_str();
  cmd->add_option("--report", o->report, "Print the N largest copy groups for a person to read (stdout)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--stats", o->stats_path, "Write counts and per-stage times as JSON to this file");
  cmd->add_option("--progress", o->progress, "Progress on stderr: auto (when it is a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "No summary, warnings or progress on stderr (errors still)");
  cmd->add_option("--id-field", o->id_field, "Name of the id field in JSON Lines")->capture_default_str();
  cmd->add_option("--text-field", o->text_field, "Name of the text field in JSON Lines")->capture_default_str();
  cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace copydesk::cli
