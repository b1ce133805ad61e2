// `copydesk generate`: flags → GeneratorParams → write_crawl → JSON Lines,
// WARC or a folder of HTML pages, plus the gold file.
#include <cstdio>
#include <filesystem>
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
  std::string format = "jsonl";
  std::string gold;
  bool no_gzip = false;
  int gzip_level = 6;
};

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// OUTPUT without its crawl extension, plus ".gold.jsonl": crawl.warc.gz → crawl.gold.jsonl.
std::string default_gold_path(std::string output) {
  while (!output.empty() && output.back() == '/') output.pop_back();
  for (std::string_view ext : {".warc.gz", ".warc", ".jsonl.gz", ".jsonl"}) {
    if (ends_with(output, ext)) {
      output.resize(output.size() - ext.size());
      break;
    }
  }
  return output + ".gold.jsonl";
}

int fail(const std::string& message) {
  std::fprintf(stderr, "copydesk generate: %s\n", message.c_str());
  return kExitError;
}

int run_generate(GenerateOptions& o) {
  const auto start = parse_iso8601(o.start);
  if (!start) return fail("--start: not an ISO 8601 date: '" + o.start + "'");
  o.params.start_time = *start;
  const auto format = parse_crawl_format(o.format);
  if (!format) return fail("--format: expected jsonl, jsonl-html, html or warc, got '" + o.format + "'");
  if (Status s = o.params.validate(); !s.ok()) return fail(s.message());
  CrawlWriteParams write;
  write.format = *format;
  write.gzip = !o.no_gzip && !ends_with(o.output, ".warc");
  write.gzip_level = o.gzip_level;
  if (Status s = write.validate(); !s.ok()) return fail("--gzip-level: " + s.message());

  const bool pages = *format == CrawlFormat::kHtml || *format == CrawlFormat::kWarc;
  if (*format == CrawlFormat::kHtml) {
    if (o.output == "-") return fail("--format html writes a folder: name it with -o");
    std::error_code ec;
    if (std::filesystem::exists(o.output, ec) &&
        (!std::filesystem::is_directory(o.output, ec) || !std::filesystem::is_empty(o.output, ec)))
      return fail(o.output + ": exists and is not an empty folder; remove it or choose another");
  }
  if (pages && o.gold.empty()) {
    if (o.output == "-") return fail("--gold is required when the crawl goes to stdout");
    o.gold = default_gold_path(o.output);
  }

  std::unique_ptr<FileSink> gold;
  if (!o.gold.empty()) {
    auto g = FileSink::open(o.gold);
    if (!g.ok()) return fail(g.status().message());
    gold = std::move(*g);
  }
  GeneratorStats stats;
  std::unique_ptr<FileSink> out;
  Status s;
  if (*format == CrawlFormat::kHtml) {
    s = write_crawl_html_folder(o.params, o.output, gold.get(), &stats);
  } else {
    auto opened = FileSink::open(o.output);
    if (!opened.ok()) return fail(opened.status().message());
    out = std::move(*opened);
    s = write_crawl(o.params, write, *out, gold.get(), &stats);
    if (s.ok()) s = out->close();
  }
  if (s.ok() && gold) s = gold->close();
  if (!s.ok()) return fail(s.message());
  if (out && out->reader_gone()) return kExitOk;  // `copydesk generate | head`: not an error
  std::string where = o.output == "-" ? "stdout" : o.output;
  where += " (" + std::string(crawl_format_name(*format));
  if (*format == CrawlFormat::kWarc) where += write.gzip ? ", gzip" : ", plain";
  where += ")";
  if (gold) where += ", gold labels \xE2\x86\x92 " + o.gold;
  std::fprintf(stderr, "generated %llu documents, %llu gold groups \xE2\x86\x92 %s\n",
               static_cast<unsigned long long>(stats.docs), static_cast<unsigned long long>(stats.gold_groups),
               where.c_str());
  return kExitOk;
}

}  // namespace

void register_generate(CLI::App& root, int& exit_code) {
  auto opts = std::make_shared<GenerateOptions>();
  GeneratorParams& p = opts->params;
  CLI::App* cmd = root.add_subcommand(
      "generate",
      "Write a synthetic news crawl with gold labels: JSON Lines, HTML pages or WARC.\n"
      "Wire stories (AP/Reuters/AFP style) republished by several sites, each copy wrapped in its site's\n"
      "header and footer lines and sometimes cut short, retitled, lightly edited or sent twice (a typo\n"
      "version, then the correction); plus stories that appear once. Every copy of a story shares its\n"
      "gold_group. Same options (seed included) give byte-identical output on any machine.\n"
      "\n"
      "Formats (--format):\n"
      "  jsonl       one document per line: {id, title, url, site, date, text, gold_group} (the default)\n"
      "  jsonl-html  one page per line: {id, url, html, gold_group}\n"
      "  html        a folder (-o) of .html files, one per document: SITE/news/SLUG-N.html\n"
      "  warc        a WARC/1.1 file of HTTP response records, one per document; gzip-compressed\n"
      "              (.warc.gz, one member per record) unless -o ends in .warc or --no-gzip is given.\n"
      "              WARC-Target-URI = the page's url, WARC-Date = when it was fetched (after publication)\n"
      "Pages are rendered through a template per site (five themes of class names, <article> or nested\n"
      "<div>s, date in <meta>, JSON-LD or only a <time> tag, sidebar of the site's other headlines,\n"
      "ads, share buttons, newsletter prompt, related articles, footer). The story's <p> elements hold\n"
      "exactly the paragraphs of the jsonl text; some sites also keep their header/footer lines there.\n"
      "\n"
      "Gold file (--gold; written by default for html and warc as OUTPUT minus its extension +\n"
      ".gold.jsonl, e.g. crawl.warc.gz -> crawl.gold.jsonl): one line per document,\n"
      "{id, url, gold_group, site, date, title}, where id is what a reader calls the record: the url for\n"
      "warc, the path relative to the folder for html, the record id (d0000001) for the JSON Lines formats.");
  cmd->footer(
      "Examples:\n"
      "  copydesk generate --docs 100000 -o crawl.jsonl\n"
      "  copydesk generate --docs 500 --seed 7 --singletons 0.5 | head -n 3\n"
      "  copydesk generate -o crawl.jsonl && copydesk dedup crawl.jsonl\n"
      "  copydesk generate --format warc --docs 100000 -o crawl.warc.gz     # + crawl.gold.jsonl\n"
      "  copydesk generate --format html --docs 500 -o pages/ --gold pages-gold.jsonl");

  cmd->add_option("-n,--docs", p.num_docs, "Documents to write, exactly")->capture_default_str();
  cmd->add_option("-s,--seed", p.seed, "Random seed: the same seed gives the same crawl")->capture_default_str();
  cmd->add_option("--sites", p.num_sites, "Publishing sites (site01.example, ...), each with its own boilerplate")
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->output, "Output file (a folder for --format html); - writes to stdout")
      ->capture_default_str();
  cmd->add_option("-f,--format", opts->format, "jsonl, jsonl-html, html (a folder of pages) or warc")
      ->capture_default_str();
  cmd->add_option("--gold", opts->gold,
                  "Gold labels file {id, url, gold_group, site, date, title} per document; default for html "
                  "and warc: OUTPUT without its extension + .gold.jsonl; jsonl formats: none (gold_group is "
                  "in each record)");
  cmd->add_flag("--no-gzip", opts->no_gzip, "warc: write a plain .warc (also when -o ends in .warc)");
  cmd->add_option("--gzip-level", opts->gzip_level, "warc: zlib level 1 (fastest) .. 9 (smallest)")
      ->capture_default_str();
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
