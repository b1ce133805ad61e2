// copydesk — reading a crawl into a Corpus.
//
// Inputs:
//  * JSON Lines (plain or gzip-compressed, detected from the bytes), one
//    document per line: `id` (string or integer, required, unique), `text`
//    (string, required, not blank) — or `html` (a whole page, turned into
//    text by html.h) —, optional `title`, `url`, `site` (strings) and `date`
//    (ISO 8601 / RFC 3339). Other fields are carried through to the output
//    untouched. Blank lines are not records and are skipped.
//  * WARC (`.warc`, `.warc.gz`; detected from the bytes): every HTML
//    `response` record is a document: id = url = WARC-Target-URI, text and
//    title from the page (html.h), date = the page's publication date, else
//    WARC-Date; site = the URL's host. A response that is not HTML (an image,
//    a PDF, an error status) is rejected with the reason; request, metadata
//    and other non-response records are not documents: they are counted
//    (Corpus::records_skipped).
//  * A folder: its `.txt`, `.html` and `.htm` files, read recursively in path
//    order; the id is the path relative to the folder. An HTML file's site is
//    the host of its canonical URL, else the first folder of its path.
//  * `-` reads JSON Lines from standard input.
//
// HTML pages are extracted in parallel (OpenMP), a batch at a time, and then
// checked and handed on in input order: the result does not depend on the
// thread count.
//
// A record that cannot be used becomes a `Reject` naming the file, line, id
// (when known) and what is wrong; reading goes on. Invalid UTF-8 is repaired
// (U+FFFD) and counted, never fatal. The returned Status is non-OK only when
// a whole input cannot be read (missing file, I/O error).
//
//   CorpusReader reader(ReadParams{});
//   COPYDESK_RETURN_IF_ERROR(reader.add_path("crawl.jsonl.gz"));
//   Corpus corpus = reader.take();
//
// Streaming: a crawl larger than memory is read in passes. With a document
// handler the reader keeps no document, only the ids (corpus().ids) and the
// rejects; a later pass over the same inputs uses `replay` mode, which sends
// the same documents with the same indices (each id's first valid record) and
// drops what the first pass rejected:
//
//   CorpusReader pass1(params, [&](Document&& d) { dedup.add(std::move(d)); });
//   ... add_path ...;  Corpus seen = pass1.take();      // ids + rejects
//   CorpusReader pass2 = CorpusReader::replaying(seen.ids, params, write_one);
//   ... add_path ...;  // pass2.corpus().documents must equal seen.documents
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/document.h"
#include "copydesk/html.h"
#include "copydesk/status.h"
#include "copydesk/warc.h"

namespace copydesk {

struct ReadParams {
  std::string id_field = "id";      // name of the id field in JSON Lines
  std::string text_field = "text";  // name of the text field in JSON Lines
  // Rejected records are kept verbatim up to this many bytes (then cut, with
  // a note), so a rejects file stays readable even for a 100 MB bad line.
  size_t max_reject_record_bytes = 1 << 20;
  std::string html_field = "html";  // a page to extract, in JSON Lines without `text`
  HtmlParams html;                   // how pages become text
  WarcReadParams warc;
  size_t html_batch_pages = 256;     // pages extracted in parallel at a time

  Status validate() const;
};

// Whether `path` is a WARC file (plain or gzip): it starts with "WARC/".
bool is_warc_file(const std::string& path);

// Receives each accepted document, in input order.
using DocumentHandler = std::function<void(Document&& doc)>;

class CorpusReader {
 public:
  // Without a handler, documents are collected into corpus().docs.
  explicit CorpusReader(ReadParams params = {}, DocumentHandler handler = {});
  // A later pass over inputs already read once, whose ids are `ids`: sends
  // exactly the documents the first pass accepted, in the same order, and
  // records nothing (no ids, no rejects: corpus().documents counts what was
  // sent). `ids` must outlive the reader.
  static CorpusReader replaying(const IdTable& ids, ReadParams params, DocumentHandler handler);

  // A folder (text files), `-` (JSON Lines on stdin) or a JSON Lines file.
  Status add_path(const std::string& path);
  // `name`, when given, stands for `path` in messages and rejects (a spooled
  // copy of stdin is still "<stdin>").
  Status add_jsonl(const std::string& path, const std::string& name = "");
  Status add_text_dir(const std::string& dir);  // .txt, .html and .htm files
  Status add_warc(const std::string& path);

  // Adds one document made in memory (the generator's built-in crawl),
  // checked like any other record: `source` and `line` name it in a reject.
  void add_document(Document doc, std::string_view source, uint64_t line);

  const Corpus& corpus() const { return corpus_; }
  Corpus take();

 private:
  // A record on its way to accept(): its HTML, when it has some, is
  // extracted with the rest of its batch first.
  struct Pending {
    Document doc;
    std::string html;
    std::string source;
    uint64_t line = 0;
    std::string record;  // for a reject: the raw record (cut), or a description
    std::string error;   // non-empty: reject with this reason
    std::string where;   // the record's place within a file without lines (WARC offset)
    std::string fallback_site;       // when neither the url nor the page names one
    std::string fallback_date_text;  // when the page gives no date (WARC-Date)
  };
  void add_jsonl_record(std::string_view line, std::string_view source, uint64_t line_no);
  void enqueue(Pending&& p);
  void flush_pending();
  void finish_record(Pending& p);
  void reject(std::string_view source, uint64_t line, std::string id, std::string reason,
              std::string_view record);
  // The last check of every record: a new id is accepted, a seen one rejected.
  void accept(Document&& doc, std::string_view source, uint64_t line, std::string_view record);

  ReadParams params_;
  DocumentHandler handler_;
  const IdTable* replay_ids_ = nullptr;
  Corpus corpus_;
  std::string scratch_;
  std::vector<Pending> pending_;
  std::vector<HtmlExtractor> extractors_;  // one per thread
  size_t pending_bytes_ = 0;
};

}  // namespace copydesk
