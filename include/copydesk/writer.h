// copydesk — writing results in formats other tools read.
//
// Writers format into a `Sink`; the library never opens stdout itself. The
// formats (all JSON Lines, UTF-8):
//
//  assignments  one line per input document, in input order:
//               {"id", "group", "group_size", "canonical", "similarity",
//                "title", "url", "site", "date", "wire", "dateline_place",
//                "dateline_date", ...carried fields}  (empty fields left out)
//               `similarity` is to the group's canonical (1 for itself).
//  groups       one line per group of two or more, by group number:
//               {"group", "size", "canonical", "members": [ids in input order]}
//  keep         the canonical id of every group, one per line (plain text):
//               what a deduplicated crawl keeps.
//  documents    the input format itself (append_document_jsonl): what
//               `copydesk generate` writes.
//  rejects      one line per rejected record:
//               {"source", "line", "id", "reason", "record"}
//
// Lines are formatted in parallel into per-chunk buffers and written in
// order, so the bytes do not depend on the thread count.
#pragma once

#include <cstdio>
#include <string>
#include <memory>
#include <string_view>

#include "copydesk/cluster.h"
#include "copydesk/document.h"
#include "copydesk/status.h"

namespace copydesk {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status write(std::string_view bytes) = 0;
  virtual Status close() = 0;
};

// A file, or standard output for "-". A reader that goes away (EPIPE) is not
// an error: further output is dropped and `reader_gone()` turns true.
class FileSink final : public Sink {
 public:
  static Result<std::unique_ptr<FileSink>> open(const std::string& path);
  ~FileSink() override;
  Status write(std::string_view bytes) override;
  Status close() override;
  bool reader_gone() const { return reader_gone_; }

 private:
  FileSink(std::FILE* f, std::string name, bool owned) : file_(f), name_(std::move(name)), owned_(owned) {}
  std::FILE* file_;
  std::string name_;
  bool owned_;
  bool reader_gone_ = false;
};

// Collects everything in memory (tests, small reports).
class StringSink final : public Sink {
 public:
  Status write(std::string_view bytes) override {
    data.append(bytes);
    return Status::Ok();
  }
  Status close() override { return Status::Ok(); }
  std::string data;
};

// Appends `doc` as one JSON Lines record in copydesk's input format — id,
// title, url, site, date (those present), text, then the carried fields — so
// that reading it back gives the same document.
void append_document_jsonl(std::string& out, const Document& doc);

// One assignments line for document `index` (`doc` itself: its id, title,
// url, site, date and carried fields); canonical ids come from `ids`. For
// writing while a crawl is re-read, one document at a time.
void append_assignment(std::string& out, const Document& doc, uint32_t index, const CopyGroups& groups,
                       const IdTable& ids);

// The whole assignments file of a corpus held in memory (corpus.docs).
Status write_assignments(const Corpus& corpus, const CopyGroups& groups, Sink& sink);
Status write_groups(const IdTable& ids, const CopyGroups& groups, Sink& sink);
Status write_keep(const IdTable& ids, const CopyGroups& groups, Sink& sink);
Status write_rejects(const std::vector<Reject>& rejects, Sink& sink);

}  // namespace copydesk
