// copydesk — fuzz targets: every parser that reads untrusted bytes, driven
// with arbitrary input.
//
// A crawl is hostile input: truncated gzip, WARC headers that lie, broken or
// 100 MB HTML, binary garbage where JSON should be. Each parser must give a
// clear error naming the record and go on — never crash, hang or corrupt the
// records around a bad one. Each entry function below feeds `data` to one
// parser (in several settings) and checks what must hold whatever the input;
// a broken invariant prints what broke and aborts, so libFuzzer keeps the
// input as a crash.
//
// The same functions run in two places:
//  * fuzz/fuzz_<target>.cpp — one libFuzzer main each, built with clang,
//    AddressSanitizer and UBSan by scripts/fuzz.sh, which runs them for a
//    bounded time on fuzz/corpus/<target>/ and keeps what they find in
//    fuzz/regressions/<target>/;
//  * tests/test_fuzz_regressions.cpp — replays every corpus and regression
//    file through them in the normal test suite (any compiler).
//
//   for (const copydesk::fuzz::FuzzTarget& t : copydesk::fuzz::fuzz_targets())
//     t.run(bytes.data(), bytes.size());   // aborts on a broken invariant
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace copydesk::fuzz {

// WarcReader (warc.h) on `data` as a file: plain as given, with small
// read limits, and — when the plain read had no error — gzip-compressed one
// member per record, which must give the same records. Also is_html_response
// and find_header on every record. Checks: the reader ends (a bounded number
// of next() calls), every error names the file, offsets lie inside the input.
int fuzz_warc(const uint8_t* data, size_t size);

// extract_html (html.h) with main_content on and off, with tight limits
// (nesting depth, input size), and host_of_url on the first line. Checks:
// every output field is valid UTF-8, the text has no trailing newline, each
// word of the main content is in the full text (dropping furniture never
// glues the text around it into new words), refusals are ParseErrors.
int fuzz_html(const uint8_t* data, size_t size);

// CorpusReader::add_path (reader.h) on `data` as a file — JSON Lines, or
// WARC when it starts with "WARC/" — then on a file of two well-formed
// records, one carrying `data` as `text` and one as `html`. Checks:
// documents + rejects = non-blank lines (plain JSON Lines); a WARC file's
// documents, rejects and skipped records = its WarcReader's records and
// errors; every reject names the file (and a line, in JSON Lines); a valid
// record with non-blank text is accepted with its text intact (after UTF-8
// repair).
int fuzz_jsonl(const uint8_t* data, size_t size);

// parse_dateline (dateline.h), detect_wire (wire.h), parse_iso8601 and
// format_iso8601 (date.h), resolve_dateline_year. Checks: the dateline's
// offsets and fields are in range and its place is where it says, a wire
// agency is canonical, dates round-trip.
int fuzz_meta(const uint8_t* data, size_t size);

// BoilerplateModel (boilerplate.h): `data` split into three pages of one
// site (at NUL bytes, else in thirds), counted with small thresholds so that
// lines recur, finalized and stripped. Checks: strip keeps lines in order
// and byte for byte, its stats add up, a model merged from two halves strips
// exactly as one model fed everything.
int fuzz_boilerplate(const uint8_t* data, size_t size);

// load_timeline and write_timeline_html (timeline.h) on the three files of
// `copydesk events` — docs, events, storylines — cut from `data` at the
// separator line "\n@@\n" (a part not there is a missing file), plain or
// gzip, with the default params and with tight ones (1-3 storylines, events
// and documents per event, min_events, order: chosen by the input's size).
// Checks: a failure is an I/O or parse error naming the file (and the line,
// in a plain file one holding a record); the params never change whether or
// how loading fails; the bounds hold and the counts add up; the tight
// selection is the largest storylines, events and copy groups of the full
// one, with the same first sources; the page is valid UTF-8, the crawl's text
// is only in the data block, which holds no '<', '>', '&', U+2028, U+2029 and
// parses back to the timeline; gzip-compressed parts give the same page or
// the same error.
int fuzz_timeline(const uint8_t* data, size_t size);

struct FuzzTarget {
  std::string_view name;  // "warc": fuzz/corpus/warc/, fuzz/regressions/warc/, fuzz_warc
  int (*run)(const uint8_t* data, size_t size);
};

// All of the above, in the order scripts/fuzz.sh runs them.
std::span<const FuzzTarget> fuzz_targets();

}  // namespace copydesk::fuzz
