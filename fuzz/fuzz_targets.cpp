#include "fuzz_targets.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "copydesk/boilerplate.h"
#include "copydesk/date.h"
#include "copydesk/dateline.h"
#include "copydesk/html.h"
#include "copydesk/reader.h"
#include "copydesk/warc.h"
#include "copydesk/wire.h"
#include "util/utf8.h"

namespace copydesk::fuzz {
namespace {

// A broken invariant: say which, and crash so that libFuzzer keeps the input.
[[noreturn]] void fail(std::string_view target, const std::string& what) {
  std::fprintf(stderr, "fuzz_%.*s: invariant broken: %s\n", static_cast<int>(target.size()), target.data(),
               what.c_str());
  std::fflush(stderr);
  std::abort();
}

// `s` with bytes outside printable ASCII written \xNN, cut at 200 bytes.
std::string printable(std::string_view s) {
  std::string out;
  for (const char c : s.substr(0, 200)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out.push_back(c);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(u));
      out += hex;
    }
  }
  return out;
}

std::string_view as_text(const uint8_t* data, size_t size) {
  return size == 0 ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  for (size_t start = 0;;) {
    const size_t end = s.find('\n', start);
    lines.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

// Tokens between spaces and newlines.
std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  for (size_t start = 0; start < s.size();) {
    const size_t end = std::min(s.find_first_of(" \n", start), s.size());
    if (end > start) words.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// The parsers read files: an anonymous in-memory file, opened by its
// /proc/self/fd path (seekable, like a file on disk).
class MemFile {
 public:
  explicit MemFile(std::string_view bytes) {
    fd_ = ::memfd_create("copydesk-fuzz", MFD_CLOEXEC);
    if (fd_ < 0) {
      char name[] = "/tmp/copydesk-fuzz-XXXXXX";
      fd_ = ::mkstemp(name);
      if (fd_ >= 0) ::unlink(name);
    }
    if (fd_ < 0) fail("harness", std::string("cannot make a temporary file: ") + std::strerror(errno));
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) fail("harness", std::string("cannot write a temporary file: ") + std::strerror(errno));
      done += static_cast<size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemFile() { ::close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

// ------------------------------------------------------------------ WARC

// `bytes` as one gzip member, appended to `out`.
void append_gzip_member(std::string_view bytes, std::string& out) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) fail("warc", "deflateInit2 failed");
  const size_t at = out.size();
  out.resize(at + deflateBound(&z, static_cast<uLong>(bytes.size())) + 64);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data() + at);
  z.avail_out = static_cast<uInt>(out.size() - at);
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) fail("warc", "deflate failed");
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
}

struct WarcPass {
  std::vector<WarcRecord> records;
  size_t errors = 0;
  bool gzip = false;
};

// Reads `path` to the end, checking what holds for every file.
WarcPass read_warc(const std::string& path, uint64_t file_size, const WarcReadParams& params) {
  Result<std::unique_ptr<WarcReader>> reader = WarcReader::open(path, params);
  if (!reader.ok()) fail("warc", "cannot open an existing file: " + reader.status().message());
  WarcReader& r = **reader;
  WarcPass pass;
  pass.gzip = r.gzip();
  WarcRecord rec;
  for (uint64_t calls = 0;; ++calls) {
    // Every call moves on by at least one byte: more calls than bytes is a loop.
    if (calls > 64 + 2 * std::max(file_size, r.bytes_read())) {
      fail("warc", "next() does not reach the end: " + std::to_string(calls) + " calls on " +
                       std::to_string(file_size) + " bytes");
    }
    Result<bool> more = r.next(rec);
    if (!more.ok()) {
      ++pass.errors;
      if (!more.status().message().starts_with(path + ": ")) {
        fail("warc", "an error does not name the file: " + more.status().message());
      }
      continue;
    }
    if (!*more) break;
    if (rec.offset >= file_size) fail("warc", "record offset " + std::to_string(rec.offset) + " past the file");
    if (!pass.gzip && (rec.offset != rec.decompressed_offset || rec.begins_gzip_member)) {
      fail("warc", "a plain file's record has gzip offsets");
    }
    if (rec.body.size() > params.max_record_bytes) fail("warc", "body larger than max_record_bytes");
    if (rec.http_status == 0 && rec.body.size() != rec.content_length) {
      fail("warc", "a raw block of " + std::to_string(rec.body.size()) + " bytes has Content-Length " +
                       std::to_string(rec.content_length));
    }
    if (!find_header(rec.headers, "content-LENGTH")) fail("warc", "a record read without a Content-Length");
    if (find_header(rec.headers, "WARC-Type").value_or("") != rec.type) fail("warc", "type differs from its field");
    if (is_html_response(rec) && (rec.type != "response" || (rec.http_status != 0 && rec.http_status / 100 != 2))) {
      fail("warc", "is_html_response on a record that is not a 2xx response");
    }
    pass.records.push_back(rec);
  }
  Result<bool> again = r.next(rec);
  if (!again.ok() || *again) fail("warc", "next() after the end does not return false");
  return pass;
}

bool same_record(const WarcRecord& a, const WarcRecord& b) {
  return a.version == b.version && a.type == b.type && a.target_uri == b.target_uri && a.date == b.date &&
         a.record_id == b.record_id && a.content_type == b.content_type && a.content_length == b.content_length &&
         a.headers == b.headers && a.http_status == b.http_status && a.http_content_type == b.http_content_type &&
         a.body == b.body;
}

// The plain file's records compressed one gzip member per record (the
// .warc.gz layout) must read back the same, each at its member's offset.
void check_gzip_layout(std::string_view plain, const WarcPass& expected) {
  std::string gz;
  std::vector<uint64_t> member_offsets;
  for (size_t i = 0; i < expected.records.size(); ++i) {
    const size_t begin = i == 0 ? 0 : expected.records[i].decompressed_offset;
    const size_t end = i + 1 < expected.records.size() ? expected.records[i + 1].decompressed_offset : plain.size();
    member_offsets.push_back(gz.size());
    append_gzip_member(plain.substr(begin, end - begin), gz);
  }
  const MemFile file(gz);
  const WarcPass got = read_warc(file.path(), gz.size(), WarcReadParams{});
  if (!got.gzip || got.errors != 0 || got.records.size() != expected.records.size()) {
    fail("warc", "the same records, one gzip member each, read as " + std::to_string(got.records.size()) +
                     " records and " + std::to_string(got.errors) + " errors instead of " +
                     std::to_string(expected.records.size()) + " records");
  }
  for (size_t i = 0; i < got.records.size(); ++i) {
    const WarcRecord& r = got.records[i];
    if (!same_record(r, expected.records[i])) fail("warc", "record " + std::to_string(i) + " differs once gzipped");
    if (r.offset != member_offsets[i] || !r.begins_gzip_member ||
        r.decompressed_offset != expected.records[i].decompressed_offset) {
      fail("warc", "record " + std::to_string(i) + " of the gzip file has wrong offsets");
    }
  }
}

// ------------------------------------------------------------------ HTML

void check_page(const HtmlPage& page, std::string_view setting) {
  const std::string where = "extract_html (" + std::string(setting) + "): ";
  for (const std::string* field : {&page.text, &page.title, &page.date_text, &page.site_name, &page.canonical_url,
                                   &page.language}) {
    if (!util::is_valid_utf8(*field)) fail("html", where + "output is not valid UTF-8");
  }
  if (page.text.empty()) fail("html", where + "a page without text is not an error");
  if (page.text.back() == '\n') fail("html", where + "text ends with a newline");
}

// ------------------------------------------------------------------ JSON Lines

std::string json_string(std::string_view bytes) {
  std::string out = "\"";
  for (const char c : bytes) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += esc;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

struct ReadCorpus {
  Corpus corpus;
  Status status;
  std::string path;
  bool warc = false;
};

// CorpusReader on `bytes` as a file. A WARC file (is_warc_file) gives one
// document, reject or skipped record per record or error of its WarcReader.
ReadCorpus read_corpus(std::string_view bytes) {
  const MemFile file(bytes);
  ReadCorpus out;
  out.path = file.path();
  out.warc = is_warc_file(file.path());
  CorpusReader reader;
  out.status = reader.add_path(file.path());
  out.corpus = reader.take();
  const Corpus& c = out.corpus;
  if (c.records_seen != c.documents + c.rejects.size() || c.docs.size() != c.documents) {
    fail("jsonl", "records_seen != documents + rejects");
  }
  for (const Reject& r : c.rejects) {
    if (r.source != out.path || (r.line == 0 && !out.warc) || r.reason.empty()) {
      fail("jsonl", "a reject does not name its place: line " + std::to_string(r.line) + ": " + printable(r.reason));
    }
  }
  for (const Document& d : c.docs) {
    if (d.id.empty() || is_blank(d.text) || !util::is_valid_utf8(d.text)) fail("jsonl", "a bad document accepted");
  }
  if (out.warc) {
    uint64_t outcomes = 0;
    auto warc = WarcReader::open(file.path(), ReadParams{}.warc);
    if (!warc.ok()) fail("jsonl", "cannot open an existing file: " + warc.status().message());
    WarcRecord rec;
    for (Result<bool> more = (*warc)->next(rec); !more.ok() || *more; more = (*warc)->next(rec)) ++outcomes;
    if (c.records_seen + c.records_skipped != outcomes) {
      fail("jsonl", "a WARC file of " + std::to_string(outcomes) + " records and errors gave " +
                        std::to_string(c.records_seen) + " documents and rejects and " +
                        std::to_string(c.records_skipped) + " skipped records");
    }
  }
  return out;
}

// ------------------------------------------------------------------ meta

void check_dateline(std::string_view text, const Dateline& d) {
  if (!d.found()) {
    if (!d.date.empty() || d.month != 0 || !d.agency.empty()) fail("meta", "a dateline without a place has fields");
    return;
  }
  if (d.begin >= d.end || d.end > text.size() || text.substr(d.begin, d.place.size()) != d.place) {
    fail("meta", "dateline '" + printable(d.place) + "' is not at [" + std::to_string(d.begin) + ", " +
                     std::to_string(d.end) + ")");
  }
  if (d.month < 0 || d.month > 12 || d.day < 0 || d.day > 31 || (d.month == 0) != (d.day == 0)) {
    fail("meta", "dateline month/day out of range");
  }
  if (!d.region.empty() && text.substr(d.begin, d.end - d.begin).find(d.region) == std::string_view::npos) {
    fail("meta", "dateline region '" + d.region + "' is not in the dateline");
  }
  if (!d.date.empty()) {
    char expect[32];
    std::snprintf(expect, sizeof expect, "%04d-%02d-%02d", d.year, d.month, d.day);
    if (d.date != expect || !parse_iso8601(d.date)) fail("meta", "dateline date '" + d.date + "' is not " + expect);
  }
}

void check_wire(std::string_view text, const WireAttribution& w) {
  if (w.evidence == WireAttribution::Evidence::kNone) {
    if (!w.agency.empty()) fail("meta", "an agency without evidence");
    return;
  }
  if (w.agency.empty() || w.offset >= text.size()) fail("meta", "wire evidence without an agency or offset");
  // The offset is where one of the agency's names is written.
  for (size_t len = 1; len <= 32 && w.offset + len <= text.size(); ++len) {
    if (canonical_agency(text.substr(w.offset, len)) == w.agency) return;
  }
  fail("meta", "no name of agency '" + w.agency + "' at offset " + std::to_string(w.offset));
}

void check_iso8601(std::string_view s) {
  const std::optional<int64_t> t = parse_iso8601(s);
  if (!t) return;
  // Years 0000..9999 are written with four digits: those round-trip.
  constexpr int64_t kFirst = -62167219200;  // 0000-01-01T00:00:00Z
  constexpr int64_t kLast = 253402300799;   // 9999-12-31T23:59:59Z
  if (*t < kFirst || *t > kLast) return;
  const std::string written = format_iso8601(*t);
  if (parse_iso8601(written) != t) fail("meta", "'" + written + "' does not parse back to " + std::to_string(*t));
}

// ------------------------------------------------------------------ boilerplate

// out's lines are some of in's lines, in order, byte for byte.
bool is_line_subsequence(std::string_view out, std::string_view in) {
  if (out.empty()) return true;
  const std::vector<std::string_view> have = split_lines(in);
  size_t i = 0;
  for (const std::string_view line : split_lines(out)) {
    while (i < have.size() && have[i] != line) ++i;
    if (i == have.size()) return false;
    ++i;
  }
  return true;
}

}  // namespace

int fuzz_warc(const uint8_t* data, size_t size) {
  const std::string_view bytes = as_text(data, size);
  const MemFile file(bytes);
  const WarcPass plain = read_warc(file.path(), size, WarcReadParams{});
  if (plain.records.empty() && plain.errors == 0) fail("warc", "a file without records gives no error");
  WarcReadParams tight;
  tight.max_record_bytes = 64;
  tight.max_header_bytes = 256;
  read_warc(file.path(), size, tight);
  if (!plain.gzip && plain.errors == 0) check_gzip_layout(bytes, plain);
  return 0;
}

int fuzz_html(const uint8_t* data, size_t size) {
  const std::string_view html = as_text(data, size);
  HtmlParams all_text;
  all_text.main_content = false;
  HtmlParams tight;
  tight.max_input_bytes = 4096;
  tight.max_nesting_depth = 16;  // the smallest allowed
  tight.min_block_words = 1;
  const Result<HtmlPage> main = extract_html(html);
  const Result<HtmlPage> all = extract_html(html, all_text);
  const Result<HtmlPage> small = extract_html(html, tight);
  for (const Status* s : {&main.status(), &all.status(), &small.status()}) {
    if (!s->ok() && (s->code() != StatusCode::kParseError || s->message().empty())) {
      fail("html", "extract_html failed with something else than a ParseError: " + s->message());
    }
  }
  if (all.ok()) check_page(*all, "all text");
  if (main.ok()) {
    check_page(*main, "main content");
    if (!all.ok()) fail("html", "main content found on a page without text: " + all.status().message());
    // Dropping furniture drops text; it never makes new words by gluing the
    // text on both sides of a dropped block. (A word cut by a dropped inline
    // element, "foo<span role=navigation>x</span>bar", is still found in the
    // full text.)
    const std::vector<std::string_view> words = split_words(all->text);
    const std::unordered_set<std::string_view> all_words(words.begin(), words.end());
    int searches = 0;
    for (const std::string_view word : split_words(main->text)) {
      if (all_words.contains(word) || ++searches > 64) continue;
      if (all->text.find(word) == std::string::npos) {
        fail("html", "main-content word not in the full text: '" + printable(word) + "'");
      }
    }
  }

  if (small.ok()) check_page(*small, "tight limits");
  if (size > tight.max_input_bytes && small.status().code() != StatusCode::kParseError) {
    fail("html", "input above max_input_bytes not refused");
  }

  const std::string host = host_of_url(html.substr(0, std::min<size_t>(html.find('\n'), 4096)));
  for (const char c : host) {
    if ((c >= 'A' && c <= 'Z') || std::string_view("/?#\\ \t\r\n@").find(c) != std::string_view::npos) {
      fail("html", "host_of_url gave '" + printable(host) + "'");
    }
  }
  if (!host.empty() && host.back() == '.') fail("html", "host_of_url kept a trailing dot: '" + printable(host) + "'");
  return 0;
}

int fuzz_jsonl(const uint8_t* data, size_t size) {
  const std::string_view bytes = as_text(data, size);
  const ReadCorpus read = read_corpus(bytes);
  const bool gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  if (!gzip && !read.warc) {  // plain JSON Lines: every non-blank line is a document or a reject
    if (!read.status.ok()) fail("jsonl", "reading a plain file failed: " + read.status.message());
    size_t records = 0;
    for (std::string_view line : split_lines(bytes)) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      records += is_blank(line) ? 0 : 1;
    }
    if (read.corpus.records_seen != records || read.corpus.bytes_read != size) {
      fail("jsonl", std::to_string(records) + " non-blank lines gave " + std::to_string(read.corpus.documents) +
                        " documents and " + std::to_string(read.corpus.rejects.size()) + " rejects");
    }
  }

  // The bytes as the text of a well-formed record (accepted, text intact),
  // then as a page's HTML: one file, since each file costs the reader ~6 MB
  // of buffers.
  const std::string records = "{\"id\":\"fuzz-1\",\"title\":\"t\",\"text\":" + json_string(bytes) + "}\n" +
                              "{\"id\":2,\"url\":\"https://fuzz.example/a\",\"html\":" + json_string(bytes) + "}\n";
  const ReadCorpus two = read_corpus(records);
  if (!two.status.ok() || two.corpus.records_seen != 2) {
    fail("jsonl", "two records read as " + std::to_string(two.corpus.records_seen));
  }
  const bool text_accepted = !two.corpus.docs.empty() && two.corpus.docs.front().id == "fuzz-1";
  if (is_blank(bytes)) {
    if (text_accepted) fail("jsonl", "a blank text accepted");
  } else {
    std::string repaired;
    util::repair_utf8(bytes, repaired);
    if (!text_accepted) fail("jsonl", "a valid record rejected: " + two.corpus.rejects.front().reason);
    if (two.corpus.docs.front().text != repaired) fail("jsonl", "the text changed on the way through JSON");
  }
  return 0;
}

int fuzz_meta(const uint8_t* data, size_t size) {
  const std::string_view text = as_text(data, size);
  int64_t derived = 1772619300;  // 2026-03-04T10:15:00Z
  if (size >= 8) {
    std::memcpy(&derived, data, sizeof derived);
    derived %= int64_t{1} << 38;  // ±8,700 years around 1970
  }
  for (const int64_t reference : {kNoDate, int64_t{1772619300}, derived}) {
    check_dateline(text, parse_dateline(text, reference));
  }
  DatelineParams narrow;
  narrow.head_bytes = 24;
  narrow.head_lines = 1;
  narrow.max_place_words = 1;
  narrow.max_days_after_reference = 0;
  check_dateline(text, parse_dateline(text, derived, narrow));

  const WireAttribution wire = detect_wire(text);
  check_wire(text, wire);
  WireParams with_mentions;
  with_mentions.report_mentions = true;
  const WireAttribution mention = detect_wire(text, with_mentions);
  check_wire(text, mention);
  if (mention.evidence != WireAttribution::Evidence::kMention &&
      (mention.agency != wire.agency || mention.evidence != wire.evidence || mention.offset != wire.offset)) {
    fail("meta", "report_mentions changed a signed attribution");
  }

  check_iso8601(text);
  size_t lines = 0;
  for (const std::string_view line : split_lines(text)) {
    if (++lines > 256) break;
    check_iso8601(line);
  }

  if (size >= 3) {
    const int month = data[0] % 14, day = data[1] % 33, max_after = data[2] % 40;
    const int year = resolve_dateline_year(month, day, derived, max_after);
    const std::string ref = format_iso8601(derived);
    const int ref_year = std::atoi(ref.c_str());
    if (year != 0 && (std::abs(year - ref_year) > 1 || month < 1 || month > 12 || day < 1)) {
      fail("meta", "resolve_dateline_year gave " + std::to_string(year) + " for " + ref);
    }
  }
  return 0;
}

int fuzz_boilerplate(const uint8_t* data, size_t size) {
  const std::string_view bytes = as_text(data, size);
  // Three pages: split at the first two NUL bytes, else in thirds.
  std::array<std::string_view, 3> pages;
  const size_t nul1 = bytes.find('\0');
  const size_t nul2 = nul1 == std::string_view::npos ? nul1 : bytes.find('\0', nul1 + 1);
  if (nul2 != std::string_view::npos) {
    pages = {bytes.substr(0, nul1), bytes.substr(nul1 + 1, nul2 - nul1 - 1), bytes.substr(nul2 + 1)};
  } else {
    const size_t third = size / 3;
    pages = {bytes.substr(0, third), bytes.substr(third, third), bytes.substr(2 * third)};
  }
  const uint8_t knobs = size > 0 ? data[size - 1] : 0;
  BoilerplateParams params;
  params.min_pages = 2;
  params.list_min_pages = 2;
  params.list_gap_lines = knobs % 4;
  params.list_min_lines = 1 + (knobs >> 2) % 3;
  params.long_line_words = 1 + (knobs >> 4) % 12;
  constexpr std::string_view kSite = "fuzz.example";

  BoilerplateModel whole(params), first(params), rest(params);
  for (size_t i = 0; i < pages.size(); ++i) {
    whole.add_page(kSite, pages[i]);
    (i == 0 ? first : rest).add_page(kSite, pages[i]);
  }
  whole.add_page("", pages[0]);  // no site: not counted
  if (whole.strip(kSite, pages[1]) != pages[1]) fail("boilerplate", "strip before finalize changed the page");
  if (Status s = first.merge(std::move(rest)); !s.ok()) fail("boilerplate", "merge failed: " + s.message());
  for (BoilerplateModel* m : {&whole, &first}) {
    if (Status s = m->finalize(); !s.ok()) fail("boilerplate", "finalize failed: " + s.message());
  }
  const BoilerplateSummary a = whole.summary(), b = first.summary();
  if (a.pages != 3 || b.pages != 3 || a.furniture_lines != b.furniture_lines ||
      a.recurring_lines != b.recurring_lines) {
    fail("boilerplate", "a merged model differs from one fed every page");
  }

  BoilerplateReport report;
  uint64_t lines_removed = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string_view title = split_lines(pages[(i + 1) % 3]).front();
    StripStats stats;
    const std::string out = whole.strip(kSite, pages[i], title, &stats, &report);
    if (out != first.strip(kSite, pages[i], title)) fail("boilerplate", "a merged model strips differently");
    if (!is_line_subsequence(out, pages[i])) fail("boilerplate", "strip output is not a subsequence of the lines");
    if (stats.bytes_removed != pages[i].size() - out.size()) fail("boilerplate", "bytes_removed does not add up");
    if (stats.kept_whole && out != pages[i]) fail("boilerplate", "a page kept whole was changed");
    lines_removed += stats.furniture_lines_removed + stats.list_lines_removed;
    if (whole.strip("", pages[i]) != pages[i] || whole.strip("other.example", pages[i]) != pages[i]) {
      fail("boilerplate", "strip changed a page of a site it did not count");
    }
  }
  uint64_t reported = 0;
  for (const SiteBoilerplate& site : report.sites(0)) reported += site.lines_removed;
  if (reported != lines_removed) {
    fail("boilerplate", "the report counts " + std::to_string(reported) + " removed lines, strip " +
                            std::to_string(lines_removed));
  }
  return 0;
}

std::span<const FuzzTarget> fuzz_targets() {
  static constexpr FuzzTarget kTargets[] = {
      {"warc", fuzz_warc}, {"html", fuzz_html}, {"jsonl", fuzz_jsonl}, {"meta", fuzz_meta},
      {"boilerplate", fuzz_boilerplate},
  };
  return kTargets;
}

}  // namespace copydesk::fuzz
