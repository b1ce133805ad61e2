// The passes `copydesk dedup` and `copydesk events` make over a crawl so as
// never to hold it whole in memory (internal to the command-line tool).
//
// A crawl is read more than once:
//  * pass 0 (optional, prescan): read and extract every page once, spool the
//    documents as JSON Lines so later passes need not parse HTML again,
//    count each site's boilerplate (boilerplate.h) and hand every batch to
//    a caller's counter (e.g. Deduplicator::count for SimHash);
//  * pass 1 (read): every document in input order; the first read of the
//    inputs records the ids and the rejects (seen());
//  * later passes (read_again): the same documents with the same indices,
//    from the spool or the inputs, rejects not reported twice.
// Standard input ("-") is copied to a temporary file when opened, so it can
// be read again; a crawl made in memory (dedup's built-in one) is made again
// bit for bit each pass.
//
//   Result<std::unique_ptr<CrawlPasses>> crawl = CrawlPasses::open(inputs, read_params);
//   if (!crawl.ok()) return fail(crawl.status());
//   if ((*crawl)->has_pages()) COPYDESK_RETURN_IF_ERROR((*crawl)->prescan({.spool = true}));
//   COPYDESK_RETURN_IF_ERROR((*crawl)->read([&](Document&& d) { dedup.add(std::move(d)); }));
//   ... (*crawl)->seen().rejects ...
//   Result<uint64_t> sent = (*crawl)->read_again([&](Document&& d) { write(d); });
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/temp_file.h"
#include "copydesk/boilerplate.h"
#include "copydesk/document.h"
#include "copydesk/reader.h"
#include "copydesk/status.h"

namespace copydesk::cli {

// Whether `path` holds web pages: a WARC file or a folder ("-" never does).
bool input_has_pages(const std::string& path);

// The first 20 bad records on stderr, one line each ("FILE:LINE: record
// 'ID': reason", "(skipped)" after each when `skipped`), then how many more.
void print_rejects(const std::vector<Reject>& rejects, bool skipped);

// Where rejected records go when the user names no file: beside the output
// (OUTPUT.rejects.jsonl), or copydesk-rejects.jsonl when writing to stdout.
std::string default_rejects_path(const std::string& output);

class CrawlPasses {
 public:
  // Adds the originals to a reader: used instead of the input paths when set
  // (a crawl made in memory); must give the same documents every time.
  using Source = std::function<Status(CorpusReader&)>;

  // `inputs`: paths, "-" (standard input) at most once — copied now into a
  // temporary file, removed with this object. InvalidArgument when "-" is
  // given twice; the copy's IoError when stdin cannot be held.
  static Result<std::unique_ptr<CrawlPasses>> open(const std::vector<std::string>& inputs, ReadParams params,
                                                   Source generate = {});

  bool has_pages() const;  // any WARC file or folder among the inputs

  struct Prescan {
    bool spool = false;  // keep the documents for later passes (a temporary JSON Lines file)
    // Count each site's lines into a boilerplate model with these params
    // (boilerplate()); none when unset.
    std::optional<BoilerplateParams> boilerplate;
    // Also gets every batch of documents, from the calling thread.
    std::function<void(const Document* docs, size_t n)> on_batch;
    // Documents read so far, after each batch.
    std::function<void(uint64_t documents)> on_progress;
  };
  // Pass 0: reads the inputs once in batches of Deduplicator::kBatchDocs,
  // records the ids and rejects (seen()). Call at most once, before read().
  Status prescan(const Prescan& pass);

  // The boilerplate model prescan() counted and finalized; null when none.
  const BoilerplateModel* boilerplate() const { return boilerplate_ ? &*boilerplate_ : nullptr; }

  // Pass 1: every accepted document, in input order. Replays the prescan's
  // documents when there was one; else reads the inputs and records the ids
  // and rejects (seen()).
  Status read(const DocumentHandler& handler);

  // A later pass, after read(): the documents pass 1 sent, with the same indices, from the
  // spool or the inputs. Returns how many were sent: fewer or more than
  // seen().documents when the input changed in between (the caller's check).
  Result<uint64_t> read_again(const DocumentHandler& handler) const;

  // What the first read recorded: ids, rejects, counts; no documents.
  const Corpus& seen() const { return seen_; }
  // Hands seen() over, after the last pass.
  Corpus take_seen() { return std::move(seen_); }

 private:
  CrawlPasses(std::vector<std::string> inputs, ReadParams params, Source generate)
      : inputs_(std::move(inputs)), params_(std::move(params)), generate_(std::move(generate)) {}
  Status read_originals(CorpusReader& reader) const;
  Status read_spool_or_originals(CorpusReader& reader) const;

  std::vector<std::string> inputs_;
  ReadParams params_;
  Source generate_;
  std::unique_ptr<TempFile> stdin_copy_;
  std::unique_ptr<TempFile> doc_spool_;
  std::optional<BoilerplateModel> boilerplate_;
  Corpus seen_;
  bool first_read_done_ = false;
};

}  // namespace copydesk::cli
