// `copydesk generate`: flags → GeneratorParams → generate_crawl → JSON Lines.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "copydesk/date.h"
#include "copydesk/generator.h"
#include "copydesk/writer.h"

namespace copydesk::cli {
namespace {

struct GenerateOptions {
  GeneratorParams params;
  std::string output = "-";
  std::string start = "2026-03-01T00:00:00Z";
};

int run_generate(GenerateOptions& o) {
  const auto start = parse_iso8601(o.start);
  if (!start) {
    std::fprintf(stderr, "copydesk generate: --start: not an ISO 8601 date: '%s'\n", o.start.c_str());
    return kExitError;
  }
  o.params.start_time = *start;
  if (Status s = o.params.validate(); !s.ok()) {
    std::fprintf(stderr, "copydesk generate: %s\n", s.message().c_str());
    return kExitError;
  }
  auto out = FileSink::open(o.output);
  if (!out.ok()) {
    std::fprintf(stderr, "copydesk generate: %s\n", out.status().message().c_str());
    return kExitError;
  }
  // Documents are formatted into one block and written when it is full.
  constexpr size_t kBlock = size_t{1} << 20;
  std::string block;
  GeneratorStats stats;
  Status s = generate_crawl(
      o.params,
      [&](const Document& d) {
        append_document_jsonl(block, d);
        if (block.size() < kBlock) return Status::Ok();
        Status w = (*out)->write(block);
        block.clear();
        return w;
      },
      &stats);
  if (s.ok()) s = (*out)->write(block);
  if (s.ok()) s = (*out)->close();
  if (!s.ok()) {
    std::fprintf(stderr, "copydesk generate: %s\n", s.message().c_str());
    return kExitError;
  }
  if ((*out)->reader_gone()) return kExitOk;  // `copydesk generate | head`: not an error
  std::fprintf(stderr, "generated %llu documents, %llu gold groups \xE2\x86\x92 %s\n",
               static_cast<unsigned long long>(stats.docs), static_cast<unsigned long long>(stats.gold_groups),
               o.output == "-" ? "stdout" : o.output.c_str());
  return kExitOk;
}

}  // namespace

void register_generate(CLI::App& root, int& exit_code) {
  auto opts = std::make_shared<GenerateOptions>();
  GeneratorParams& p = opts->params;
  CLI::App* cmd = root.add_subcommand(
      "generate",
      "Write a synthetic news crawl with gold labels as JSON Lines.\n"
      "Wire stories (AP/Reuters/AFP style) republished by several sites, each copy wrapped in its site's\n"
      "header and footer lines and sometimes cut short, retitled, lightly edited or sent twice (a typo\n"
      "version, then the correction); plus stories that appear once. One document per line:\n"
      "{id, title, url, site, date, text, gold_group}; every copy of a story shares its gold_group.\n"
      "Same options (seed included) give byte-identical output on any machine.");
  cmd->footer(
      "Examples:\n"
      "  copydesk generate --docs 100000 -o crawl.jsonl\n"
      "  copydesk generate --docs 500 --seed 7 --singletons 0.5 | head -n 3\n"
      "  copydesk generate -o crawl.jsonl && copydesk dedup crawl.jsonl");

  cmd->add_option("-n,--docs", p.num_docs, "Documents to write, exactly")->capture_default_str();
  cmd->add_option("-s,--seed", p.seed, "Random seed: the same seed gives the same crawl")->capture_default_str();
  cmd->add_option("--sites", p.num_sites, "Publishing sites (site01.example, ...), each with its own boilerplate")
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Output file; - writes to stdout")->capture_default_str();
  cmd->add_option("--start", opts->start, "Earliest story date (ISO 8601, UTC when no offset is given)")
      ->capture_default_str();
  cmd->add_option("--days", p.span_days, "Stories are spread over this many days from --start; copies follow "
                                         "minutes to two days after their story")
      ->capture_default_str();
  cmd->add_option("--singletons", p.singleton_fraction,
                  "Fraction of documents whose story appears only once, in [0, 1]")
      ->capture_default_str();
  cmd->add_option("--max-copies", p.max_copies, "Most copies of one wire story (at least 2)")->capture_default_str();
  cmd->add_option("--copies-exponent", p.copies_exponent,
                  "Copies per wire story k in [2, --max-copies] with P(k) ~ k^-exponent; "
                  "smaller makes large copy groups more common")
      ->capture_default_str();
  cmd->add_option("--truncate", p.truncate_prob, "Probability a copy is cut to 60-90% of its paragraphs")
      ->capture_default_str();
  cmd->add_option("--retitle", p.retitle_prob, "Probability a copy runs under a headline of its own")
      ->capture_default_str();
  cmd->add_option("--edit", p.edit_prob, "Probability a copy has 1-3 words replaced or deleted")->capture_default_str();
  cmd->add_option("--typo-fix", p.typo_fix_prob,
                  "Probability a copy is published twice by its site: with a typo, then corrected")
      ->capture_default_str();
  cmd->add_option("--min-words", p.min_words, "Shortest story body, in words")->capture_default_str();
  cmd->add_option("--max-words", p.max_words, "Longest story body, in words")->capture_default_str();
  cmd->add_option("--batch", p.batch_docs,
                  "Documents made and shuffled together (bounds memory; changing it changes the order)")
      ->capture_default_str();

  cmd->callback([opts, &exit_code] { exit_code = run_generate(*opts); });
}

}  // namespace copydesk::cli
