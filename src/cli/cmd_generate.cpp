// `copydesk generate`: flags → GeneratorParams → generate_crawl → JSON Lines.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "copydesk/date.h"
#include "copydesk/generator.h"
#include "util/json.h"

namespace copydesk::cli {
namespace {

struct GenerateOptions {
  GeneratorParams params;
  std::string output = "-";
  std::string start = "2026-03-01T00:00:00Z";
};

// JSON Lines to a file or stdout, written in large blocks.
class JsonlOut {
 public:
  ~JsonlOut() {
    if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  }

  Status open(const std::string& path) {
    path_ = path;
    file_ = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) return Status::IoError(path + ": cannot open for writing: " + std::strerror(errno));
    buf_.reserve(kBlock + 65536);
    return Status::Ok();
  }

  Status write(const Document& d) {
    buf_ += "{\"id\":";
    util::append_json_string(buf_, d.id);
    buf_ += ",\"title\":";
    util::append_json_string(buf_, d.title);
    buf_ += ",\"url\":";
    util::append_json_string(buf_, d.url);
    buf_ += ",\"site\":";
    util::append_json_string(buf_, d.site);
    buf_ += ",\"date\":";
    util::append_json_string(buf_, d.date_text);
    buf_ += ",\"text\":";
    util::append_json_string(buf_, d.text);
    if (!d.carried.empty()) {
      buf_ += ',';
      buf_ += d.carried;
    }
    buf_ += "}\n";
    return buf_.size() >= kBlock ? flush() : Status::Ok();
  }

  Status close() {
    COPYDESK_RETURN_IF_ERROR(flush());
    if (file_ != nullptr && std::fflush(file_) != 0) return fail();
    if (file_ != nullptr && file_ != stdout) {
      const int rc = std::fclose(file_);
      file_ = nullptr;
      if (rc != 0) return fail();
    }
    return Status::Ok();
  }

  // The reader went away (`copydesk generate | head`): not an error.
  bool broken_pipe() const { return broken_pipe_; }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;

  Status flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) return fail();
    buf_.clear();
    return Status::Ok();
  }

  Status fail() {
    broken_pipe_ = errno == EPIPE;
    return Status::IoError((path_ == "-" ? std::string("stdout") : path_) + ": write failed: " + std::strerror(errno));
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buf_;
  bool broken_pipe_ = false;
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
  JsonlOut out;
  Status s = out.open(o.output);
  GeneratorStats stats;
  if (s.ok()) s = generate_crawl(o.params, [&](const Document& d) { return out.write(d); }, &stats);
  if (s.ok()) s = out.close();
  if (!s.ok()) {
    if (out.broken_pipe()) return kExitOk;
    std::fprintf(stderr, "copydesk generate: %s\n", s.message().c_str());
    return kExitError;
  }
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
