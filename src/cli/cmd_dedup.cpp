// `copydesk dedup`: flags → DedupParams → run_dedup → writers.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <omp.h>

#include "cli/commands.h"
#include "cli/crawl_passes.h"
#include "cli/progress.h"
#include "copydesk/boilerplate.h"
#include "copydesk/dedup.h"
#include "copydesk/eval.h"
#include "copydesk/generator.h"
#include "copydesk/news_meta.h"
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
  std::string boilerplate = "auto";
  std::string boilerplate_report;
  double boilerplate_fraction = BoilerplateParams{}.min_page_fraction;
  uint32_t boilerplate_min_pages = BoilerplateParams{}.min_pages;
  bool all_text = false;
  std::string method = "minhash";
  uint32_t radius = HammingParams{}.radius;
  std::string hamming_index = "tables";
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

// One JSON line per site: what boilerplate removal took out of its pages.
Status write_boilerplate_report(const std::string& path, const std::vector<SiteBoilerplate>& sites) {
  std::string out;
  for (const SiteBoilerplate& site : sites) {
    out += "{\"site\":";
    util::append_json_string(out, site.site);
    out += ",\"pages\":" + std::to_string(site.pages) + ",\"pages_stripped\":" + std::to_string(site.pages_stripped) +
           ",\"lines_removed\":" + std::to_string(site.lines_removed) +
           ",\"bytes_removed\":" + std::to_string(site.bytes_removed) +
           ",\"distinct_lines\":" + std::to_string(site.distinct_lines) + ",\"lines\":[";
    for (size_t k = 0; k < site.lines.size(); ++k) {
      const BoilerplateLine& l = site.lines[k];
      if (k) out += ',';
      out += "{\"text\":";
      util::append_json_string(out, l.text);
      out += ",\"kind\":\"";
      out += l.kind == BoilerplateKind::kFurniture ? "furniture" : l.kind == BoilerplateKind::kRecurring ? "recurring" : "in-list";
      out += "\",\"pages_seen\":" + std::to_string(l.pages_seen) + ",\"pages_removed\":" + std::to_string(l.pages_removed) + "}";
    }
    out += "]}\n";
  }
  return write_file(path, [&](Sink& sink) { return sink.write(out); });
}

// What the report shows of one document, collected while the crawl is re-read.
struct ReportRow {
  uint32_t index = 0;
  std::string id, site, date, title;
  float similarity = 0;
};

// The groups the report shows: the `count` largest of two or more.
std::vector<uint32_t> largest_groups(const CopyGroups& groups, int count) {
  std::vector<uint32_t> order;
  for (uint32_t g = 0; g < groups.num_groups(); ++g) {
    if (groups.group_size[g] > 1) order.push_back(g);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return groups.group_size[a] > groups.group_size[b]; });
  if (order.size() > static_cast<size_t>(count)) order.resize(static_cast<size_t>(count));
  return order;
}

// Prints the largest copy groups for a person to read; `rows[k]` holds the
// members (input order) of group shown[k] that were collected.
void print_report(const CopyGroups& groups, const std::vector<uint32_t>& shown,
                  const std::vector<std::vector<ReportRow>>& rows) {
  std::printf("Largest copy groups (canonical first; similarity to the canonical):\n");
  for (size_t k = 0; k < shown.size(); ++k) {
    const uint32_t g = shown[k];
    std::vector<ReportRow> list = rows[k];
    std::stable_partition(list.begin(), list.end(), [&](const ReportRow& r) { return r.index == groups.canonical[g]; });
    std::printf("\n  group %u — %u copies — canonical %s\n", g, groups.group_size[g],
                list.empty() ? "?" : list.front().id.c_str());
    for (const ReportRow& r : list) {
      std::printf("    %-10s %5.3f  %-22s %-10.10s  %s\n", r.id.c_str(), r.similarity, r.site.substr(0, 22).c_str(),
                  r.date.c_str(), r.title.c_str());
    }
    if (groups.group_size[g] > list.size()) std::printf("    … and %zu more\n", groups.group_size[g] - list.size());
  }
}

// The built-in crawl carries gold labels: show how well they were found.
void print_gold_scores(const std::vector<std::string>& gold, const CopyGroups& groups) {
  if (gold.size() != groups.group_of.size()) return;
  std::vector<std::string> pred;
  for (uint32_t g : groups.group_of) pred.push_back(std::to_string(g));
  const ClusteringScores s = score_clustering(gold, pred);
  std::printf("\nAgainst the generator's gold copy groups: pairwise P %.4f R %.4f F1 %.4f, ARI %.4f, NMI %.4f\n",
              s.pairwise_precision, s.pairwise_recall, s.pairwise_f1, s.ari, s.nmi);
}

// The value of `"key":"value"` in a document's carried fields, or "".
std::string carried_string(const std::string& carried, const std::string& key) {
  const std::string needle = "\"" + key + "\":\"";
  const size_t at = carried.find(needle);
  if (at == std::string::npos) return "";
  const size_t start = at + needle.size();
  return carried.substr(start, carried.find('"', start) - start);
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
  line("re-read + write", write_seconds);
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
  params.method = o.method == "simhash" ? DedupMethod::kSimHash : o.method == "both" ? DedupMethod::kBoth : DedupMethod::kMinHash;
  params.hamming.radius = o.radius;
  params.hamming.method = o.hamming_index == "faiss" ? HammingMethod::kFaissMultiHash : HammingMethod::kPermutedTables;
  params.set_threshold(o.threshold);
  if (Status s = params.validate(); !s.ok()) {
    std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
    return kExitError;
  }
  ReadParams read_params;
  read_params.id_field = o.id_field;
  read_params.text_field = o.text_field;
  read_params.html.main_content = !o.all_text;
  BoilerplateParams boilerplate_params;
  boilerplate_params.min_page_fraction = o.boilerplate_fraction;
  boilerplate_params.min_pages = o.boilerplate_min_pages;
  if (Status s = boilerplate_params.validate(); !s.ok()) {
    std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
    return kExitError;
  }
  if (Status s = read_params.validate(); !s.ok()) {
    std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
    return kExitError;
  }
  const bool show_progress = o.progress == "always" || (o.progress == "auto" && !o.quiet && isatty(2));
  Progress progress(show_progress);
  auto fail = [&](const Status& s) {
    progress.done();
    std::fprintf(stderr, "copydesk dedup: %s\n", s.message().c_str());
    return kExitError;
  };

  // The crawl is read more than once and never held whole:
  //  [pass 0, for WARC / HTML inputs or boilerplate removal] read and extract
  //    every page once, spool the documents as JSON Lines, count boilerplate;
  //  pass 1: fingerprint a batch at a time (text dropped after);
  //  pass 2: re-read to write each document's assignment with all its fields.
  // Standard input is copied to a temporary file so it can be read again; the
  // built-in crawl is regenerated, bit for bit (crawl_passes.h).
  const bool demo = o.inputs.empty();
  GeneratorParams gen;
  gen.num_docs = o.demo_docs;
  if (demo && !o.quiet) {
    std::fprintf(stderr, "copydesk dedup: no input given: using the built-in generated crawl (%llu documents; "
                         "`copydesk generate --help` makes others)\n",
                 static_cast<unsigned long long>(gen.num_docs));
  }
  CrawlPasses::Source generate;  // the built-in crawl, made again each pass
  if (demo) {
    generate = [&gen](CorpusReader& reader) {
      uint64_t line = 0;
      return generate_crawl(gen, [&](const Document& d) {
        reader.add_document(d, "<built-in crawl>", ++line);
        return Status::Ok();
      });
    };
  }
  Result<std::unique_ptr<CrawlPasses>> opened_crawl = CrawlPasses::open(o.inputs, read_params, generate);
  if (!opened_crawl.ok()) return fail(opened_crawl.status());
  CrawlPasses& crawl = **opened_crawl;
  const bool pages = crawl.has_pages();  // any WARC file or folder among the inputs
  const bool strip_boilerplate = o.boilerplate == "on" || (o.boilerplate == "auto" && pages);
  const bool spool = strip_boilerplate || pages;

  Deduplicator dedup(params, [&](std::string_view stage, uint64_t done, uint64_t total) {
    progress.update(std::string(stage), done, total);
  });
  // Pass 0.
  const bool pass0 = spool || dedup.needs_counting();
  const int max_threads = std::max(1, omp_get_max_threads());
  if (pass0) {
    CrawlPasses::Prescan prescan;
    prescan.spool = spool;
    if (strip_boilerplate) prescan.boilerplate = boilerplate_params;
    if (dedup.needs_counting()) prescan.on_batch = [&](const Document* docs, size_t n) { dedup.count(docs, n); };
    prescan.on_progress = [&](uint64_t documents) { progress.update("read", documents, 0); };
    if (Status s = crawl.prescan(prescan); !s.ok()) return fail(s);
  }
  const BoilerplateModel* boilerplate = crawl.boilerplate();
  std::vector<BoilerplateReport> removed(strip_boilerplate ? static_cast<size_t>(max_threads) : 0);
  auto strip = [&](Document& d, BoilerplateReport* report) {
    if (boilerplate) d.text = boilerplate->strip(d.site, d.text, d.title, nullptr, report);
  };

  // Pass 1: fingerprint.
  if (boilerplate) dedup.set_prepare([&](Document& d) { strip(d, &removed[omp_get_thread_num()]); });
  const auto t_pass1 = std::chrono::steady_clock::now();
  if (Status s = crawl.read([&](Document&& d) { dedup.add(std::move(d)); }); !s.ok()) return fail(s);
  const Corpus& seen = crawl.seen();  // ids, rejects and counts of the first read; no documents
  const double pass1_seconds = elapsed(t_pass1);
  const double pass0_seconds = elapsed(t_start) - pass1_seconds;
  if (!seen.rejects.empty() && (o.on_error == "fail" || !o.quiet)) {
    progress.done();
    print_rejects(seen.rejects, o.on_error == "skip");
    if (o.on_error == "fail") {
      std::fprintf(stderr,
                   "copydesk dedup: %zu bad input record(s); nothing written. Fix them, or use --on-error=skip "
                   "to go on and list them in a rejects file.\n",
                   seen.rejects.size());
      return kExitError;
    }
  }

  // Search, verify, cluster.
  Result<DedupResult> result = dedup.finish();
  progress.done();
  if (!result.ok()) return fail(result.status());
  const CopyGroups& groups = result->groups;
  double fingerprint_seconds = 0;
  for (const StageTime& t : result->stats.times) {
    if (t.stage == "fingerprint") fingerprint_seconds = t.seconds;
  }
  double prepare_seconds = 0;
  for (const StageTime& t : result->stats.times) {
    if (t.stage == "prepare") prepare_seconds = t.seconds;
  }
  const double read_seconds = std::max(0.0, pass0_seconds + pass1_seconds - fingerprint_seconds - prepare_seconds);
  for (const OversizedBucket& b : result->stats.oversized) {
    if (o.quiet) break;
    std::fprintf(stderr,
                 "copydesk dedup: warning: LSH band %u bucket %016llx holds %u documents (first: '%s') — "
                 "likely shared boilerplate; compared against its first member only (--max-bucket %u)\n",
                 b.band, static_cast<unsigned long long>(b.key), b.size,
                 std::string(seen.ids.id(b.first_doc)).c_str(), o.max_bucket);
  }

  // Pass 2: re-read, write the assignments; collect what the report shows.
  const auto t_write = std::chrono::steady_clock::now();
  const bool report = o.report > 0 || (o.report < 0 && demo && o.output.empty());
  const std::string output = o.output.empty() ? (report ? "" : "-") : o.output;
  bool reader_gone = false;
  std::vector<uint32_t> shown = report ? largest_groups(groups, o.report > 0 ? o.report : 5) : std::vector<uint32_t>{};
  std::vector<int32_t> shown_slot(report ? groups.num_groups() : 0, -1);
  for (size_t k = 0; k < shown.size(); ++k) shown_slot[shown[k]] = static_cast<int32_t>(k);
  std::vector<std::vector<ReportRow>> rows(shown.size());
  std::vector<std::string> gold;
  if (!output.empty() || report) {
    std::unique_ptr<FileSink> sink;
    if (!output.empty()) {
      auto opened = FileSink::open(output);
      if (!opened.ok()) return fail(opened.status());
      sink = std::move(*opened);
    }
    uint32_t index = 0;
    Status write_status;
    std::vector<Document> batch;
    std::vector<std::string> lines;
    auto flush = [&] {
      const int64_t n = static_cast<int64_t>(batch.size());
      const uint32_t first = index;
      lines.resize(batch.size());
#pragma omp parallel for schedule(dynamic, 16)
      for (int64_t k = 0; k < n; ++k) {
        Document& d = batch[k];
        strip(d, nullptr);
        annotate_news_metadata(d);
        lines[k].clear();
        if (sink) append_assignment(lines[k], d, first + static_cast<uint32_t>(k), groups, seen.ids);
      }
      std::string buffer;
      for (int64_t k = 0; k < n; ++k) {
        const uint32_t i = first + static_cast<uint32_t>(k);
        buffer += lines[k];
        if (!report) continue;
        const Document& d = batch[k];
        const int32_t slot = shown_slot[groups.group_of[i]];
        if (slot >= 0 && rows[slot].size() < 8) {
          rows[slot].push_back({i, d.id, d.site, d.date_text,
                                d.title.empty() ? d.text.substr(0, 60) : d.title.substr(0, 60), groups.similarity[i]});
        }
        if (demo) gold.push_back(carried_string(d.carried, "gold_group"));
      }
      if (sink && write_status.ok()) write_status = sink->write(buffer);
      index += static_cast<uint32_t>(n);
      batch.clear();
    };
    Result<uint64_t> replayed = crawl.read_again([&](Document&& d) {
      if (index + batch.size() >= groups.group_of.size()) return;  // more than pass 1 saw: caught below
      batch.push_back(std::move(d));
      if (batch.size() >= 1024) flush();
    });
    if (!replayed.ok()) return fail(replayed.status());
    flush();
    if (*replayed != seen.documents) {
      return fail(Status::IoError("the input changed while it was being read: " + std::to_string(seen.documents) +
                                  " documents on the first pass, " + std::to_string(*replayed) +
                                  " on the second"));
    }
    if (sink) {
      if (write_status.ok()) write_status = sink->close();
      if (!write_status.ok()) return fail(write_status);
      reader_gone = sink->reader_gone();
    }
  }
  std::vector<std::pair<std::string, std::function<Status(Sink&)>>> files;
  if (!o.groups_path.empty()) files.push_back({o.groups_path, [&](Sink& k) { return write_groups(seen.ids, groups, k); }});
  if (!o.keep_path.empty()) files.push_back({o.keep_path, [&](Sink& k) { return write_keep(seen.ids, groups, k); }});
  std::string rejects_path = o.rejects_path;
  if (rejects_path.empty() && !seen.rejects.empty()) {
    rejects_path = default_rejects_path(output);
  }
  if (!rejects_path.empty()) files.push_back({rejects_path, [&](Sink& k) { return write_rejects(seen.rejects, k); }});
  for (auto& [path, write] : files) {
    if (Status s = write_file(path, write); !s.ok()) return fail(s);
  }
  if (!o.boilerplate_report.empty()) {
    for (size_t t = 1; t < removed.size(); ++t) removed[0].merge(removed[t]);
    const std::vector<SiteBoilerplate> sites = removed.empty() ? std::vector<SiteBoilerplate>{} : removed[0].sites(0);
    if (Status s = write_boilerplate_report(o.boilerplate_report, sites); !s.ok()) return fail(s);
    if (!o.quiet) {
      uint64_t lines = 0, bytes = 0, stripped = 0;
      for (const SiteBoilerplate& site : sites) {
        lines += site.lines_removed;
        bytes += site.bytes_removed;
        stripped += site.pages_stripped;
      }
      std::fprintf(stderr, "copydesk dedup: boilerplate: %llu lines (%.1f MB) removed from %llu pages of %zu sites; "
                           "listed in %s\n",
                   static_cast<unsigned long long>(lines), static_cast<double>(bytes) / 1e6,
                   static_cast<unsigned long long>(stripped), sites.size(), o.boilerplate_report.c_str());
    }
  }
  const double write_seconds = elapsed(t_write);
  if (!o.stats_path.empty()) {
    if (Status s = write_stats(o.stats_path, result->stats, seen, read_seconds, write_seconds, threads); !s.ok()) {
      return fail(s);
    }
  }
  if (!o.quiet && !reader_gone) {
    print_summary(result->stats, seen, read_seconds, write_seconds);
    if (!seen.rejects.empty()) {
      std::fprintf(stderr, "  %zu rejected record(s) listed in %s\n", seen.rejects.size(), rejects_path.c_str());
    }
  }
  if (report && !reader_gone) {
    std::fflush(stderr);
    print_report(groups, shown, rows);
    if (demo) print_gold_scores(gold, groups);
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
      "Reads JSON Lines (.jsonl or .jsonl.gz; fields id, text or html, optional title, url, site, date; other\n"
      "fields are carried through), WARC files (.warc, .warc.gz: every HTML response is a document, id = its URL),\n"
      "folders of .txt / .html files, or - for stdin. Writes one JSON line per input document, in input\n"
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
  cmd->add_option("--method", o->method,
                  "How candidate copies are found. minhash: MinHash LSH, verified at --threshold; simhash: 64-bit "
                  "IDF-weighted SimHash within --radius bits (one more read of the crawl to count document "
                  "frequencies); both: the union of the two, verified by MinHash")
      ->check(CLI::IsMember({"minhash", "simhash", "both"}))
      ->capture_default_str();
  cmd->add_option("--radius", o->radius,
                  "SimHash: the most bits two copies may differ in (6 of 64: best F1 on Reuters-21578)")
      ->check(CLI::Range(0, 16))
      ->capture_default_str();
  cmd->add_option("--hamming-index", o->hamming_index,
                  "SimHash search: tables (permuted sorted tables, exact) or faiss (IndexBinaryMultiHash, exact, "
                  "slower)")
      ->check(CLI::IsMember({"tables", "faiss"}))
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
  cmd->add_option("--boilerplate", o->boilerplate,
                  "Remove each site's boilerplate before fingerprinting — lines and sidebar lists that recur on many "
                  "of the site's pages (an extra read of the crawl). auto: on for WARC files and folders (web "
                  "pages), off for JSON Lines")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  cmd->add_option("--report-boilerplate", o->boilerplate_report,
                  "Write what boilerplate removal took out, one JSON line per site: the lines, how many pages each "
                  "was on and was removed from");
  cmd->add_option("--boilerplate-fraction", o->boilerplate_fraction,
                  "A line on at least this share of a site's pages is that site's boilerplate")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str();
  cmd->add_option("--boilerplate-min-pages", o->boilerplate_min_pages,
                  "... and on at least this many of its pages (small sites keep their lines)")
      ->check(CLI::Range(2, 1 << 30))
      ->capture_default_str();
  cmd->add_flag("--all-text", o->all_text,
                "For web pages: keep all visible text instead of the main content (menus, sidebars, footers too)");
  cmd->add_option("--id-field", o->id_field, "Name of the id field in JSON Lines")->capture_default_str();
  cmd->add_option("--text-field", o->text_field, "Name of the text field in JSON Lines")->capture_default_str();
  cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace copydesk::cli
