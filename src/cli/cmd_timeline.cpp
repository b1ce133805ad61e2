// `copydesk timeline`: the static HTML report of how each storyline unfolded
// (timeline.h), from the three files `copydesk events` writes.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "copydesk/timeline.h"
#include "copydesk/writer.h"

namespace copydesk::cli {
namespace {

struct TimelineOptions {
  TimelineFiles files;
  std::string output;
  std::string sort = "size";
  TimelineParams params;
};

// Counts the bytes on their way to the file.
class CountingSink final : public Sink {
 public:
  explicit CountingSink(Sink& inner) : inner_(inner) {}
  Status write(std::string_view bytes) override {
    bytes_ += bytes.size();
    return inner_.write(bytes);
  }
  Status close() override { return inner_.close(); }
  uint64_t bytes() const { return bytes_; }

 private:
  Sink& inner_;
  uint64_t bytes_ = 0;
};

Status run_timeline(TimelineOptions& o) {
  if (o.sort == "size") {
    o.params.order = StorylineOrder::kSize;
  } else if (o.sort == "earliest") {
    o.params.order = StorylineOrder::kEarliest;
  } else if (o.sort == "latest") {
    o.params.order = StorylineOrder::kLatest;
  } else {
    return Status::InvalidArgument("--sort must be size, earliest or latest, not '" + o.sort + "'");
  }
  COPYDESK_RETURN_IF_ERROR(o.params.validate());
  // Everything is read and checked before the output file is touched.
  Result<Timeline> timeline = load_timeline(o.files, o.params);
  if (!timeline.ok()) return timeline.status();

  Result<std::unique_ptr<FileSink>> file = FileSink::open(o.output);
  if (!file.ok()) return file.status();
  CountingSink sink(**file);
  Status written = write_timeline_html(*timeline, sink);
  if (written.ok()) written = sink.close();
  if (!written.ok()) {
    if (o.output != "-") std::remove(o.output.c_str());
    return written;
  }
  const Timeline& t = *timeline;
  std::fprintf(stderr,
               "copydesk timeline: %zu of %llu storylines shown (%llu smaller, %llu with fewer than %u events "
               "left out); %llu bytes written to %s\n",
               t.shown.size(), static_cast<unsigned long long>(t.storylines),
               static_cast<unsigned long long>(t.hidden_smaller), static_cast<unsigned long long>(t.hidden_few_events),
               t.min_events, static_cast<unsigned long long>(sink.bytes()),
               o.output == "-" ? "stdout" : o.output.c_str());
  return Status::Ok();
}

}  // namespace

void register_timeline(CLI::App& root, int& exit_code) {
  auto opts = std::make_shared<TimelineOptions>();
  CLI::App* sub = root.add_subcommand(
      "timeline",
      "Write a static HTML report of each storyline as a timeline of its events, with their\n"
      "copies and sources, search and filters. Reads the three files `copydesk events` writes\n"
      "(-o, --events, --storylines; plain or gzip), checks them against each other, and writes\n"
      "one self-contained page: all CSS and JavaScript inline, nothing fetched from the network.\n"
      "Search and filter state lives in the page address (report.html#q=quake&source=site07.example).\n"
      "Only the shown storylines' documents go into the page, capped per event, so its size\n"
      "does not grow with the crawl. Exit 0 on success, 2 on any error (the message names the\n"
      "file and line); the output file is not touched when an input is bad.");
  sub->add_option("--docs", opts->files.docs,
                  "Per-document file (`copydesk events -o`): id, group, canonical, event, storyline,\n"
                  "title, url, site, date, wire")
      ->required()
      ->type_name("FILE");
  sub->add_option("--events", opts->files.events, "Per-event file (`copydesk events --events`)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--storylines", opts->files.storylines, "Per-storyline file (`copydesk events --storylines`)")
      ->required()
      ->type_name("FILE");
  sub->add_option("-o,--output", opts->output, "The HTML report to write ('-' = stdout)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--title", opts->params.title, "Page title and heading")->capture_default_str()->type_name("TEXT");
  sub->add_option("--max-storylines", opts->params.max_storylines,
                  "Show at most this many storylines, the largest by documents; the page says how many\n"
                  "smaller ones were left out")
      ->capture_default_str()
      ->type_name("N");
  sub->add_option("--min-events", opts->params.min_events,
                  "Leave out storylines with fewer events (2 = only stories with a follow-up)")
      ->capture_default_str()
      ->type_name("N");
  sub->add_option("--max-events", opts->params.max_events_per_storyline,
                  "Show at most this many events per storyline, its largest, in time order")
      ->capture_default_str()
      ->type_name("N");
  sub->add_option("--max-documents", opts->params.max_documents_per_event,
                  "List at most this many documents per event: the first source of each copy group\n"
                  "(largest groups first), then the earliest other copies; the rest are counted")
      ->capture_default_str()
      ->type_name("N");
  sub->add_option("--sort", opts->sort,
                  "Initial order of the storylines: size (most documents first), earliest (by start)\n"
                  "or latest (by end); the page can re-sort")
      ->capture_default_str()
      ->type_name("ORDER");
  sub->callback([opts, &exit_code] {
    const Status status = run_timeline(*opts);
    if (!status.ok()) {
      std::fprintf(stderr, "copydesk timeline: %s\n", status.message().c_str());
      exit_code = kExitError;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace copydesk::cli
