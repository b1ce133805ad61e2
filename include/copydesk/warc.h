// copydesk — reading and writing WARC files (ISO 28500), the format of web
// crawls (Common Crawl, Internet Archive, Heritrix, wget --warc-file).
//
// A WARC file is a sequence of records. Each record is a version line, named
// header fields, a blank line, a block of exactly Content-Length bytes, and
// two CRLFs:
//
//     WARC/1.1\r\n
//     WARC-Type: response\r\n
//     WARC-Record-ID: <urn:uuid:6a1f...>\r\n
//     WARC-Date: 2026-03-04T10:15:00Z\r\n
//     WARC-Target-URI: https://site14.example/news/1\r\n
//     Content-Type: application/http; msgtype=response\r\n
//     Content-Length: 1234\r\n
//     \r\n
//     HTTP/1.1 200 OK\r\n ... \r\n\r\n<html>...      (the block: 1234 bytes)
//     \r\n\r\n
//
// A `.warc.gz` file is the same bytes compressed as one gzip member per record,
// so a record can be read on its own from the offset of its member (what CDX
// indexes store).
//
// WRITING — WarcWriter writes WARC/1.1 records through a Sink (writer.h):
//
//   std::unique_ptr<FileSink> sink = *FileSink::open("crawl.warc.gz");
//   WarcWriter warc(*sink);                               // gzip, one member per record
//   COPYDESK_RETURN_IF_ERROR(warc.write_warcinfo("copydesk 0.1"));
//   COPYDESK_RETURN_IF_ERROR(warc.write_response("https://a.example/1", date, html));
//   COPYDESK_RETURN_IF_ERROR(sink->close());
//
// Output is deterministic: WARC-Record-ID is a UUID made from XXH3-128 of
// (target URI, date, number of records written before), the gzip header's
// time stamp is 0, and no field depends on the clock. The same calls give
// byte-identical files. No digest fields are written (they are optional).
//
// READING — WarcReader streams `.warc` and `.warc.gz` files (gzip is detected
// from the magic bytes, not the name): one gzip member per record, a whole file
// compressed as one member, and concatenations of either; "-" reads standard
// input. It never holds the whole file: memory is a few times the largest
// record read (its block and decoded body, each at most `max_record_bytes`)
// plus about 2 MiB of buffers.
//
//   auto reader = WarcReader::open("crawl.warc.gz");
//   if (!reader.ok()) return reader.status();          // the file cannot be opened
//   WarcRecord rec;
//   for (;;) {
//     Result<bool> more = (*reader)->next(rec);
//     if (!more.ok()) { rejects.push_back(more.status().message()); continue; }
//     if (!*more) break;                                // end of file
//     if (is_html_response(rec)) use(rec.target_uri, rec.body);
//   }
//
// A problem with one record (bad version line, missing or wrong
// Content-Length, corrupt or truncated gzip data, garbage between records, an
// oversized record, an HTTP body that cannot be decoded) is returned as a
// non-OK Result naming the file and the record's place, e.g. "crawl.warc.gz:
// record at byte 123456: truncated gzip stream: the file ends inside the gzip
// member at byte 123456". The next call resynchronises — at the next gzip
// member, or at the next line beginning with "WARC/<digit>" — and goes on, so
// every good record before and after a bad one is still read. Only a failed
// read of the file itself is fatal: it is returned once, and every later call
// returns false.
//
// A wrong Content-Length shows as a block not followed by CRLF CRLF, one that
// runs past the end of the file, or (in a .warc.gz with a member per record)
// one that reaches into the next member where a record begins. The reader then
// goes back to the start of the block — a seek, or for gzip a re-decode of the
// member that holds it (the whole file when it is one member) — and scans on
// from there, so a wrong length costs only its own record. Input that cannot
// seek (a pipe, "-") scans on from where it is instead, and may also lose the
// records the bad block swallowed. Gzip checksums are checked: a record whose
// member fails its CRC is an error, not a record with damaged text.
//
// Speed (bench/bench_warc.cpp, one core of the project's 2-core EPYC, CPU
// time, 5,000 generated pages): reading ~300 MB/s of decompressed WARC from a
// .warc.gz with a member per record (zlib's inflate is 90 % of it; the same
// file as one member ~560 MB/s), several GB/s from a plain .warc; writing
// ~72 MB/s with gzip level 6 (zlib's deflate), ~100 MB/s at level 1, ~1.1 GB/s
// plain.
//
// Leniency, as real crawls need: LF line ends, a missing or short CRLF CRLF
// after a block when a record or the end follows, WARC-Target-URI in <>,
// header names in any case, "WARC/0.17"-style versions.
//
// Offsets: `WarcRecord::offset` is where the record can be found in the file
// as stored: the byte offset of its version line in a plain file, and the
// offset of the gzip member it begins in a `.warc.gz` (the CDX convention).
// When a record does not begin a gzip member (a whole file compressed as one
// member) `offset` is that of the member that holds it, `begins_gzip_member`
// is false, and `decompressed_offset` locates it. Error messages use the same
// convention ("record at byte N", or "record at decompressed byte N (gzip
// member at byte M)").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "copydesk/status.h"
#include "copydesk/writer.h"

namespace copydesk {

// ---------------------------------------------------------------- writing

struct WarcWriterParams {
  bool gzip = true;           // one gzip member per record (the standard .warc.gz layout)
  int gzip_level = 6;         // zlib level 1 (fastest) .. 9 (smallest); 6 is gzip's default
  int64_t warcinfo_date = 0;  // WARC-Date of the warcinfo record, seconds since the epoch
                              // (fixed, not the clock, so output stays deterministic)

  Status validate() const;
};

class WarcWriter {
 public:
  // Writes through `sink`, which it does not own and does not close.
  explicit WarcWriter(Sink& sink, WarcWriterParams params = {});
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // A warcinfo record naming the software (`software: ...`, `format:`,
  // `conformsTo:` fields); call once, first.
  Status write_warcinfo(std::string_view software);

  // A response record: WARC-Target-URI = target_uri, WARC-Date = `date`
  // (seconds since the epoch, UTC, written "2026-03-04T10:15:00Z"), block =
  // an HTTP/1.1 200 response with "Content-Type: text/html; charset=utf-8",
  // Content-Length and the body `html`.
  Status write_response(std::string_view target_uri, int64_t date, std::string_view html);

  // Any record: WARC-Type `type`, Content-Type `content_type` of `block`, and
  // `extra_headers` (complete "Name: value\r\n" lines, may be empty) after the
  // standard fields. WARC-Target-URI is omitted when `target_uri` is empty.
  // Blocks are limited to 1 GiB. write_warcinfo and write_response are made of this.
  Status write_record(std::string_view type, std::string_view target_uri, int64_t date,
                      std::string_view content_type, std::string_view block,
                      std::string_view extra_headers = {});

  uint64_t records_written() const { return records_written_; }
  // Bytes handed to the sink so far: the offset the next record will start at.
  uint64_t bytes_written() const { return bytes_written_; }
  // Non-OK when the params were invalid; every write then returns it.
  const Status& status() const { return params_status_; }

 private:
  Status write_parts(std::string_view type, std::string_view target_uri, int64_t date,
                     std::string_view content_type, std::string_view block_head, std::string_view block_body,
                     std::string_view extra_headers);
  Status emit(std::string_view head, std::string_view block_head, std::string_view block_body);

  Sink& sink_;
  WarcWriterParams params_;
  Status params_status_;
  uint64_t records_written_ = 0;
  uint64_t bytes_written_ = 0;
  std::string head_;        // header fields of the record being written
  std::string http_head_;   // HTTP header of the response being written
  std::string compressed_;  // the record's gzip member
  struct Deflater;
  std::unique_ptr<Deflater> deflater_;
};

// ---------------------------------------------------------------- reading

struct WarcReadParams {
  // A record whose block is larger is an error; it is skipped (by its
  // Content-Length) without being held in memory. Also the limit for a
  // decoded (dechunked, decompressed) HTTP body.
  size_t max_record_bytes = size_t{256} << 20;
  // A header (version line to blank line) longer than this is an error.
  size_t max_header_bytes = size_t{1} << 20;

  Status validate() const;
};

struct WarcRecord {
  std::string version;       // "WARC/1.1", "WARC/1.0"
  std::string type;          // WARC-Type: response, request, warcinfo, metadata, revisit, resource, ...
  std::string target_uri;    // WARC-Target-URI (some writers wrap it in <>: removed)
  std::string date;          // WARC-Date, as written
  std::string record_id;     // WARC-Record-ID, as written ("<urn:uuid:...>")
  std::string content_type;  // Content-Type of the block
  uint64_t content_length = 0;
  std::string headers;       // all header lines after the version line, as written

  uint64_t offset = 0;               // see "Offsets" above
  uint64_t decompressed_offset = 0;  // offset of the version line in the decompressed stream
  bool begins_gzip_member = false;   // gzip file, and the record is the first thing in its member

  // A `response` record whose Content-Type is application/http (or that has
  // no Content-Type and a block beginning with "HTTP/"): the parsed
  // HTTP status code and Content-Type header, and `body` is the HTTP payload
  // with Transfer-Encoding: chunked removed and Content-Encoding gzip / deflate
  // decoded. Any other record: http_status = 0 and `body` is the raw block.
  int http_status = 0;
  std::string http_content_type;
  std::string body;
};

class WarcReader {
 public:
  static Result<std::unique_ptr<WarcReader>> open(const std::string& path, WarcReadParams params = {});
  ~WarcReader();

  // true: `record` is filled; false: end of file. A non-OK Result is a
  // problem with one record, named by file and offset; `record` may then hold
  // what was parsed before the problem, and the next call goes on with the
  // next record. A fatal read error is returned once, then false. A file with
  // no record at all (empty, or only blank lines) gives one error, then false.
  Result<bool> next(WarcRecord& record);

  uint64_t bytes_read() const;             // decompressed bytes consumed so far (for MB/s and progress)
  uint64_t compressed_bytes_read() const;  // file bytes read so far (= bytes_read for a plain file)
  bool gzip() const;                       // the file is gzip-compressed

 private:
  struct Impl;
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A 2xx `response` record whose HTTP Content-Type is text/html or
// application/xhtml+xml, or, when it has none, whose body begins (after a
// byte order mark and white space) with "<!doctype html" or "<html" in any case.
bool is_html_response(const WarcRecord& record);

// The value of header field `name` (case-insensitive) in `headers` (lines as in
// WarcRecord::headers), trimmed; nullopt when absent.
std::optional<std::string_view> find_header(std::string_view headers, std::string_view name);

}  // namespace copydesk
