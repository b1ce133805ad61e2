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
  std::fprintf(stderr,
               "generated %llu documents: %llu gold groups (stories), %llu events, %llu storylines \xE2\x86\x92 %s\n",
               static_cast<unsigned long long>(stats.docs), static_cast<unsigned long long>(stats.gold_groups),
               static_cast<unsigned long long>(stats.gold_events), static_cast<unsigned long long>(stats.gold_storylines),
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
      "Events (a happening: people, places, subject words, a day), each told by 1-5 wire stories from\n"
      "different agencies (AP/Reuters/AFP/local) within hours, each in words of its own; storylines, an\n"
      "event and its follow-ups 1-4 days apart sharing its city, main organisation, main person and\n"
      "subject. Each story is republished by several sites, each copy wrapped in its site's header and\n"
      "footer lines and sometimes cut short, retitled, lightly edited or sent twice (a typo version, then\n"
      "the correction); some stories appear once. Gold labels on every document: gold_group (the story:\n"
      "all its copies), gold_event (the event: all its stories), gold_storyline (the chain of events).\n"
      "--stories-per-event 1 --events-per-storyline 1 makes every story its own event and storyline.\n"
      "Same options (seed included) give byte-identical output on any machine.\n"
      "\n"
      "Formats (--format):\n"
      "  jsonl       one document per line: {id, title, url, site, date, text, gold_group, gold_event,\n"
      "              gold_storyline} (the default)\n"
      "  jsonl-html  one page per line: {id, url, html, gold_group, gold_event, gold_storyline}\n"
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
      "{id, url, gold_group, gold_event, gold_storyline, site, date, title}, where id is what a reader\n"
      "calls the record: the url for warc, the path relative to the folder for html, the record id\n"
      "(d0000001) for the JSON Lines formats.");
  cmd->footer(
      "Examples:\n"
      "  copydesk generate --docs 100000 -o crawl.jsonl\n"
      "  copydesk generate --docs 500 --seed 7 --singletons 0.5 | head -n 3\n"
      "  copydesk generate -o crawl.jsonl && copydesk dedup crawl.jsonl\n"
      "  copydesk generate --stories-per-event 1 --events-per-storyline 1   # no events, no storylines\n"
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
                  "Gold labels file {id, url, gold_group, gold_event, gold_storyline, site, date, title} per "
                  "document; default for html and warc: OUTPUT without its extension + .gold.jsonl; jsonl "
                  "formats: none (the labels are in each record)");
  cmd->add_flag("--no-gzip", opts->no_gzip, "warc: write a plain .warc (also when -o ends in .warc)");
  cmd->add_option("--gzip-level", opts->gzip_level, "warc: zlib level 1 (fastest) .. 9 (smallest)")
      ->capture_default_str();
  cmd->add_option("--start", opts->start, "Earliest event date (ISO 8601, UTC when no offset is given)")
      ->capture_default_str();
  cmd->add_option("--days", p.span_days, "Events are spread over this many days from --start; stories follow "
                                         "within --story-spread hours, copies minutes to two days later")
      ->capture_default_str();
  cmd->add_option("--singletons", p.singleton_fraction,
                  "Fraction of documents whose story appears only once, in [0, 1]")
      ->capture_default_str();
  cmd->add_option("--max-copies", p.max_copies, "Most copies of one wire story (at least 2)")->capture_default_str();
  cmd->add_option("--copies-exponent", p.copies_exponent,
                  "Copies per wire story k in [2, --max-copies] with P(k) ~ k^-exponent; "
                  "smaller makes large copy groups more common")
      ->capture_default_str();
  cmd->add_option("--stories-per-event", p.max_stories_per_event,
                  "Most stories (from different agencies) about one event, in [1, 100]; 1: every story is an "
                  "event of its own")
      ->capture_default_str();
  cmd->add_option("--stories-exponent", p.stories_exponent,
                  "Stories per event k in [1, --stories-per-event] with P(k) ~ k^-exponent (1.8: 64% of "
                  "events have one story, mean 1.66)")
      ->capture_default_str();
  cmd->add_option("--story-spread", p.story_spread_hours,
                  "An event's stories are sent within this many hours of it (the first when it happens), "
                  "in [0, 72]")
      ->capture_default_str();
  cmd->add_option("--events-per-storyline", p.max_events_per_storyline,
                  "Most events in one storyline (an event and its follow-ups), in [1, 100]; 1: every event "
                  "is a storyline of its own")
      ->capture_default_str();
  cmd->add_option("--storyline-exponent", p.storyline_exponent,
                  "Events per storyline k in [1, --events-per-storyline] with P(k) ~ k^-exponent (2: 68% "
                  "of storylines are one event, mean 1.56)")
      ->capture_default_str();
  cmd->add_option("--followup-min-days", p.followup_min_days,
                  "A follow-up event happens at least this many days after the event before it")
      ->capture_default_str();
  cmd->add_option("--followup-max-days", p.followup_max_days,
                  "... and at most this many (uniform, to the minute); follow-ups past --days are left out")
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
