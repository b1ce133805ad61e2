#include "fuzz_targets.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "copydesk/boilerplate.h"
#include "copydesk/date.h"
#include "copydesk/dateline.h"
#include "copydesk/html.h"
#include "copydesk/reader.h"
#include "copydesk/timeline.h"
#include "copydesk/warc.h"
#include "copydesk/wire.h"
#include "copydesk/writer.h"
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
    write_all(bytes);
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemFile() { ::close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;

  // The same file (and path) with other contents.
  void rewrite(std::string_view bytes) {
    if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) {
      fail("harness", std::string("cannot empty a temporary file: ") + std::strerror(errno));
    }
    write_all(bytes);
  }

  const std::string& path() const { return path_; }

 private:
  void write_all(std::string_view bytes) {
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) fail("harness", std::string("cannot write a temporary file: ") + std::strerror(errno));
      done += static_cast<size_t>(n);
    }
  }

  int fd_ = -1;
  std::string path_;
};

// ------------------------------------------------------------------ WARC

// `bytes` as one gzip member, appended to `out`.
void append_gzip_member(std::string_view bytes, std::string& out) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    fail("harness", "deflateInit2 failed");
  }
  const size_t at = out.size();
  out.resize(at + deflateBound(&z, static_cast<uLong>(bytes.size())) + 64);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data() + at);
  z.avail_out = static_cast<uInt>(out.size() - at);
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) fail("harness", "deflate failed");
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

// ------------------------------------------------------------------ timeline

// One input holds the three files of `copydesk events`: docs, events and
// storylines, in that order, separated by this line. A part that is not there
// (fewer separators) is a file that does not exist.
constexpr std::string_view kTimelineSeparator = "\n@@\n";
constexpr std::array<std::string_view, 3> kTimelineParts = {"docs", "events", "storylines"};

using TimelineParts = std::array<std::optional<std::string_view>, 3>;

TimelineParts split_timeline_input(std::string_view bytes) {
  TimelineParts parts;
  for (size_t i = 0, start = 0; i < parts.size(); ++i) {
    const size_t sep = i + 1 < parts.size() ? bytes.find(kTimelineSeparator, start) : std::string_view::npos;
    parts[i] = bytes.substr(start, sep == std::string_view::npos ? sep : sep - start);
    if (sep == std::string_view::npos) break;
    start = sep + kTimelineSeparator.size();
  }
  return parts;
}

bool is_gzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

std::array<const std::string*, 3> paths_of(const TimelineFiles& files) {
  return {&files.docs, &files.events, &files.storylines};
}

// The parts as files (memfds); a missing part gets a path that cannot exist.
class TimelineInputFiles {
 public:
  explicit TimelineInputFiles(const TimelineParts& parts) {
    const std::array<std::string*, 3> paths = {&files_.docs, &files_.events, &files_.storylines};
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i]) {
        memfiles_[i].emplace(*parts[i]);
        *paths[i] = memfiles_[i]->path();
      } else {
        *paths[i] = "/dev/null/missing-" + std::string(kTimelineParts[i]) + ".jsonl";  // ENOTDIR
      }
    }
  }
  const TimelineFiles& files() const { return files_; }

  // Other contents for the parts that are there, under the same paths.
  void rewrite(const std::array<std::string, 3>& contents) {
    for (size_t i = 0; i < memfiles_.size(); ++i) {
      if (memfiles_[i]) memfiles_[i]->rewrite(contents[i]);
    }
  }

 private:
  std::array<std::optional<MemFile>, 3> memfiles_;
  TimelineFiles files_;
};

// Line `n` (from 1) of a plain file as the loader reads it: without "\r\n" or
// "\n", line 1 without a byte order mark; nullopt past the last line.
std::optional<std::string_view> nth_line(std::string_view file, uint64_t n) {
  size_t start = 0;
  for (uint64_t line = 1; start < file.size(); ++line) {
    const size_t end = std::min(file.find('\n', start), file.size());
    if (line == n) {
      std::string_view text = file.substr(start, end - start);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (n == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
      return text;
    }
    start = end + 1;
  }
  return std::nullopt;
}

// What load_timeline promises of a failure: an I/O or parse error whose
// message starts with the path of the file at fault — "PATH: cannot open"
// for a file that is not there, "PATH:LINE: ..." for everything else, and in
// a plain file LINE is a line holding a record.
void check_timeline_error(const Status& s, const TimelineFiles& files, const TimelineParts& parts) {
  const std::string& message = s.message();
  if (s.code() != StatusCode::kParseError && s.code() != StatusCode::kIoError) {
    fail("timeline", "neither an I/O nor a parse error: " + printable(message));
  }
  const std::array<const std::string*, 3> paths = paths_of(files);
  size_t which = paths.size();
  for (size_t i = 0; i < paths.size(); ++i) {
    if (message.starts_with(*paths[i] + ":")) which = i;
  }
  if (which == paths.size()) fail("timeline", "an error does not name a file: " + printable(message));
  const std::string_view part_name = kTimelineParts[which];
  std::string_view rest = std::string_view(message).substr(paths[which]->size() + 1);
  uint64_t line = 0;
  size_t digits = 0;
  while (digits < rest.size() && digits < 12 && rest[digits] >= '0' && rest[digits] <= '9') {
    line = line * 10 + static_cast<uint64_t>(rest[digits++] - '0');
  }
  const bool has_line = digits > 0 && rest.substr(digits).starts_with(": ");
  if (!has_line) {
    // Only opening fails without a line, and the parts that are there open.
    if (s.code() != StatusCode::kIoError || parts[which]) {
      fail("timeline", "an error about the " + std::string(part_name) + " file names no line: " + printable(message));
    }
    return;
  }
  if (!parts[which]) fail("timeline", "a line of a missing file: " + printable(message));
  if (line == 0) fail("timeline", "an error at line 0: " + printable(message));
  if (is_gzip(*parts[which])) return;  // its lines are those of the decompressed text
  if (s.code() == StatusCode::kIoError) fail("timeline", "a plain file failed to read: " + printable(message));
  const std::optional<std::string_view> text = nth_line(*parts[which], line);
  if (!text || text->find_first_not_of(" \t") == std::string_view::npos) {
    fail("timeline", "an error names line " + std::to_string(line) + " of the " + std::string(part_name) +
                         " file, which holds no record: " + printable(message));
  }
}

// Varied by the input's size so that the corpus tries every order and bound.
TimelineParams tight_timeline_params(size_t size) {
  TimelineParams p;
  p.title = "Fuzz </script><!-- & \"q\" 'a' \xE2\x80\xA8 <b>";
  p.max_storylines = 1 + static_cast<uint32_t>(size % 3);
  p.max_events_per_storyline = 1 + static_cast<uint32_t>(size / 3 % 3);
  p.max_documents_per_event = 1 + static_cast<uint32_t>(size / 9 % 3);
  p.min_events = 1 + static_cast<uint32_t>(size / 27 % 2);
  p.order = static_cast<StorylineOrder>(size / 54 % 3);
  return p;
}

constexpr int64_t kUndatedLast = std::numeric_limits<int64_t>::max();

// Earliest first, undated last (the order of a copy group's copies).
bool copy_earlier_or_same(const TimelineCopy& a, const TimelineCopy& b) {
  return a.date.value_or(kUndatedLast) <= b.date.value_or(kUndatedLast);
}

// What holds of any loaded timeline: the counts add up and the bounds of
// `params` hold.
void check_timeline(const Timeline& t, const TimelineParams& params) {
  if (t.title != params.title || t.order != params.order || t.min_events != params.min_events) {
    fail("timeline", "the timeline does not carry its params");
  }
  if (t.shown.size() > params.max_storylines) {
    fail("timeline", std::to_string(t.shown.size()) + " storylines shown, max_storylines " +
                         std::to_string(params.max_storylines));
  }
  if (t.shown.size() + t.hidden_smaller + t.hidden_few_events != t.storylines) {
    fail("timeline", "shown + hidden storylines != all storylines");
  }
  if (t.hidden_smaller > 0 && t.shown.size() != params.max_storylines) {
    fail("timeline", "storylines hidden as smaller while there is room for them");
  }
  std::unordered_set<uint64_t> storylines, events;
  uint64_t shown_events = 0;
  for (size_t i = 0; i < t.shown.size(); ++i) {
    const TimelineStoryline& s = t.shown[i];
    const std::string where = "storyline " + std::to_string(s.number) + ": ";
    if (!storylines.insert(s.number).second) fail("timeline", where + "shown twice");
    if (i > 0) {  // in the page's order (ties aside)
      const TimelineStoryline& b = t.shown[i - 1];
      const bool in_order =
          t.order == StorylineOrder::kSize       ? b.documents >= s.documents
          : t.order == StorylineOrder::kEarliest ? b.start.value_or(kUndatedLast) <= s.start.value_or(kUndatedLast)
                                                 : (!s.end || (b.end && *b.end >= *s.end));
      if (!in_order) fail("timeline", where + "out of the page's order");
    }
    if (s.event_count < params.min_events) fail("timeline", where + "fewer than min_events events shown");
    if (s.events.empty() || s.events.size() > params.max_events_per_storyline ||
        s.events.size() + s.hidden_events != s.event_count) {
      fail("timeline", where + std::to_string(s.events.size()) + " events shown, " +
                           std::to_string(s.hidden_events) + " hidden, of " + std::to_string(s.event_count));
    }
    uint64_t documents = 0;
    for (const TimelineEvent& e : s.events) {
      const std::string at = where + "event " + std::to_string(e.number) + ": ";
      ++shown_events;
      documents += e.documents;
      if (e.storyline != s.number) fail("timeline", at + "names storyline " + std::to_string(e.storyline));
      if (!events.insert(e.number).second) fail("timeline", at + "shown twice");
      if (e.start && e.end && *e.end < *e.start) fail("timeline", at + "ends before it starts");
      if (e.documents > 0 && e.copy_groups.empty()) fail("timeline", at + "documents but no copy group listed");
      uint64_t listed = 0, in_groups = 0;
      std::unordered_set<uint64_t> groups;
      for (size_t g = 0; g < e.copy_groups.size(); ++g) {
        const TimelineCopyGroup& group = e.copy_groups[g];
        if (!groups.insert(group.group).second) fail("timeline", at + "a copy group listed twice");
        if (group.copies.empty() || group.copies.size() > group.documents) {
          fail("timeline", at + "copy group " + std::to_string(group.group) + " lists " +
                               std::to_string(group.copies.size()) + " of its " + std::to_string(group.documents) +
                               " documents");
        }
        if (g > 0 && e.copy_groups[g - 1].documents < group.documents) {
          fail("timeline", at + "copy groups not largest first");
        }
        for (size_t c = 1; c < group.copies.size(); ++c) {
          if (!copy_earlier_or_same(group.copies[0], group.copies[c]) ||
              (c > 1 && !copy_earlier_or_same(group.copies[c - 1], group.copies[c]))) {
            fail("timeline", at + "copy group " + std::to_string(group.group) + ": copies not earliest first");
          }
        }
        listed += group.copies.size();
        in_groups += group.documents;
      }
      if (listed > params.max_documents_per_event) {
        fail("timeline", at + std::to_string(listed) + " documents listed, max_documents_per_event " +
                             std::to_string(params.max_documents_per_event));
      }
      if (listed + e.unlisted_documents != e.documents || in_groups > e.documents) {
        fail("timeline", at + "listed + unlisted documents != its documents");
      }
      if ((e.documents == 0) != (e.copy_groups.size() + e.unlisted_groups == 0)) {
        fail("timeline", at + "copy groups without documents, or documents without copy groups");
      }
    }
    if (documents > s.documents || (s.hidden_events == 0 && documents != s.documents)) {
      fail("timeline", where + "its events' documents do not add up to its own");
    }
  }
  if (shown_events > t.events) fail("timeline", "more events shown than there are");
}

// `few` (tight params) against `all` (defaults) of the same files: the same
// crawl counts; and where `all` shows everything, `few` shows the largest
// storylines, each storyline's largest events in the same order, and each
// event's largest copy groups with the same first source.
void check_selection(const Timeline& all, const Timeline& few, const TimelineParams& params) {
  if (all.documents != few.documents || all.groups != few.groups || all.events != few.events ||
      all.storylines != few.storylines || all.start != few.start || all.end != few.end) {
    fail("timeline", "the crawl's counts depend on the params");
  }
  if (all.hidden_smaller > 0 || all.hidden_few_events > 0) return;
  std::unordered_map<uint64_t, const TimelineStoryline*> by_number;
  for (const TimelineStoryline& s : all.shown) {
    if (s.hidden_events > 0) return;
    by_number[s.number] = &s;
  }
  uint64_t few_events = 0;
  std::unordered_set<uint64_t> shown;
  for (const TimelineStoryline& s : all.shown) few_events += s.event_count < params.min_events ? 1 : 0;
  if (few.hidden_few_events != few_events) fail("timeline", "hidden_few_events miscounted");
  // A storyline before another in size order: more documents, ties by number.
  const auto larger = [](const TimelineStoryline& a, const TimelineStoryline& b) {
    return a.documents != b.documents ? a.documents > b.documents : a.number < b.number;
  };
  for (const TimelineStoryline& s : few.shown) {
    const auto it = by_number.find(s.number);
    if (it == by_number.end()) fail("timeline", "tight params show an unknown storyline");
    const TimelineStoryline& whole = *it->second;
    shown.insert(s.number);
    if (whole.documents != s.documents || whole.event_count != s.event_count || whole.headline != s.headline) {
      fail("timeline", "storyline " + std::to_string(s.number) + " differs under tight params");
    }
    // Its shown events: a subsequence of all its events (time order), the largest.
    size_t next = 0;
    std::unordered_set<uint64_t> kept;
    for (const TimelineEvent& e : s.events) {
      while (next < whole.events.size() && whole.events[next].number != e.number) ++next;
      if (next == whole.events.size()) fail("timeline", "shown events out of time order or unknown");
      const TimelineEvent& full = whole.events[next++];
      kept.insert(e.number);
      if (e.copy_groups.size() + e.unlisted_groups != full.copy_groups.size() + full.unlisted_groups) {
        fail("timeline", "event " + std::to_string(e.number) + ": copy groups counted differently");
      }
      // Listed copy groups: the first ones of the full listing, same first source.
      if (full.unlisted_groups > 0) continue;
      for (size_t g = 0; g < e.copy_groups.size(); ++g) {
        const TimelineCopyGroup& a = e.copy_groups[g];
        const TimelineCopyGroup& b = full.copy_groups[g];
        if (a.group != b.group || a.documents != b.documents || a.canonical != b.canonical ||
            a.copies[0].id != b.copies[0].id || a.copies[0].date != b.copies[0].date) {
          fail("timeline", "event " + std::to_string(e.number) + ": copy group " + std::to_string(g) +
                               " is not the full listing's, or has another first source");
        }
      }
    }
    // Hidden events are smaller than every shown one (ties: the earlier is shown).
    std::unordered_map<uint64_t, size_t> time_rank;
    for (size_t i = 0; i < whole.events.size(); ++i) time_rank[whole.events[i].number] = i;
    for (size_t i = 0; i < whole.events.size(); ++i) {
      const TimelineEvent& hidden = whole.events[i];
      if (kept.contains(hidden.number)) continue;
      for (const TimelineEvent& e : s.events) {
        if (hidden.documents > e.documents || (hidden.documents == e.documents && i < time_rank[e.number])) {
          fail("timeline", "storyline " + std::to_string(s.number) + ": event " + std::to_string(hidden.number) +
                               " hidden, smaller event " + std::to_string(e.number) + " shown");
        }
      }
    }
  }
  for (const TimelineStoryline& s : all.shown) {
    if (shown.contains(s.number) || s.event_count < params.min_events) continue;
    for (const TimelineStoryline& kept : few.shown) {
      if (larger(s, kept)) {
        fail("timeline", "storyline " + std::to_string(s.number) + " hidden, smaller storyline " +
                             std::to_string(kept.number) + " shown");
      }
    }
  }
}

std::string timeline_page(const Timeline& t) {
  StringSink sink;
  if (Status s = write_timeline_html(t, sink); !s.ok()) fail("timeline", "write_timeline_html failed: " + s.message());
  return std::move(sink.data);
}

// ---- the page's data block read back as JSON, compared with the timeline

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

element json_member(object o, std::string_view key, const std::string& where) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) fail("timeline", where + "no '" + std::string(key) + "' in the data");
  return v;
}

object json_object(element v, const std::string& where) {
  object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) fail("timeline", where + "not an object in the data");
  return o;
}

array json_array(object o, std::string_view key, size_t size, const std::string& where) {
  array a;
  if (json_member(o, key, where).get_array().get(a) != simdjson::SUCCESS || a.size() != size) {
    fail("timeline", where + "'" + std::string(key) + "' is not an array of " + std::to_string(size));
  }
  return a;
}

void expect_count(object o, std::string_view key, uint64_t want, const std::string& where) {
  uint64_t got = 0;
  if (json_member(o, key, where).get_uint64().get(got) != simdjson::SUCCESS || got != want) {
    fail("timeline", where + "'" + std::string(key) + "' is not " + std::to_string(want) + " in the data");
  }
}

// `left_out_if_empty`: an empty text is not written.
void expect_text(object o, std::string_view key, std::string_view want, const std::string& where,
                 bool left_out_if_empty = true) {
  element v;
  if (o.at_key(key).get(v) != simdjson::SUCCESS) {
    if (want.empty() && left_out_if_empty) return;
    fail("timeline", where + "no '" + std::string(key) + "' in the data");
  }
  std::string_view got;
  if (v.get_string().get(got) != simdjson::SUCCESS || got != want) {
    fail("timeline", where + "'" + std::string(key) + "' reads back as " + printable(simdjson::to_string(v)) +
                         ", not '" + printable(want) + "'");
  }
}

void expect_date(object o, std::string_view key, const TimelineDate& d, const std::string& where) {
  expect_text(o, key, d ? format_iso8601(*d) : std::string(), where);
}

void expect_texts(object o, std::string_view key, const std::vector<std::string>& want, const std::string& where) {
  size_t i = 0;
  for (element item : json_array(o, key, want.size(), where)) {
    std::string_view got;
    if (item.get_string().get(got) != simdjson::SUCCESS || got != want[i++]) {
      fail("timeline", where + "'" + std::string(key) + "' item " + std::to_string(i - 1) + " reads back wrong");
    }
  }
}

void expect_event(object o, const TimelineEvent& e, const std::string& where) {
  expect_count(o, "event", e.number, where);
  expect_text(o, "headline", e.headline, where);
  expect_date(o, "start", e.start, where);
  expect_date(o, "end", e.end, where);
  expect_count(o, "documents", e.documents, where);
  expect_count(o, "groups", e.groups, where);
  expect_text(o, "wire", e.wire, where);
  expect_text(o, "representative", e.representative, where);
  expect_texts(o, "sources", e.sources, where);
  expect_texts(o, "top_terms", e.top_terms, where);
  expect_count(o, "unlisted_documents", e.unlisted_documents, where);
  expect_count(o, "unlisted_groups", e.unlisted_groups, where);
  size_t g = 0;
  for (element group_value : json_array(o, "copy_groups", e.copy_groups.size(), where)) {
    const TimelineCopyGroup& group = e.copy_groups[g++];
    const std::string at = where + "copy group " + std::to_string(group.group) + ": ";
    const object go = json_object(group_value, at);
    expect_count(go, "group", group.group, at);
    expect_text(go, "canonical", group.canonical, at);
    expect_count(go, "documents", group.documents, at);
    size_t c = 0;
    for (element copy_value : json_array(go, "copies", group.copies.size(), at)) {
      const TimelineCopy& copy = group.copies[c++];
      const object co = json_object(copy_value, at);
      expect_text(co, "id", copy.id, at, false);
      expect_text(co, "title", copy.title, at);
      expect_text(co, "url", copy.url, at);
      expect_text(co, "site", copy.site, at);
      expect_date(co, "date", copy.date, at);
      expect_text(co, "wire", copy.wire, at);
    }
  }
}

constexpr std::array<std::string_view, 3> kOrderNames = {"size", "earliest", "latest"};

// JSON.parse of the data block gives back the timeline, text for text.
void expect_timeline(element root, const Timeline& t) {
  const std::string where = "data block: ";
  const object o = json_object(root, where);
  expect_text(o, "title", t.title, where, false);
  expect_text(o, "order", kOrderNames[static_cast<size_t>(t.order)], where, false);
  expect_count(o, "min_events", t.min_events, where);
  const object totals = json_object(json_member(o, "totals", where), where);
  expect_count(totals, "documents", t.documents, where);
  expect_count(totals, "groups", t.groups, where);
  expect_count(totals, "events", t.events, where);
  expect_count(totals, "storylines", t.storylines, where);
  expect_date(totals, "start", t.start, where);
  expect_date(totals, "end", t.end, where);
  expect_count(o, "hidden_smaller", t.hidden_smaller, where);
  expect_count(o, "hidden_few_events", t.hidden_few_events, where);
  size_t i = 0;
  for (element value : json_array(o, "storylines", t.shown.size(), where)) {
    const TimelineStoryline& s = t.shown[i++];
    const std::string at = where + "storyline " + std::to_string(s.number) + ": ";
    const object so = json_object(value, at);
    expect_count(so, "storyline", s.number, at);
    expect_text(so, "headline", s.headline, at);
    expect_date(so, "start", s.start, at);
    expect_date(so, "end", s.end, at);
    expect_count(so, "documents", s.documents, at);
    expect_count(so, "event_count", s.event_count, at);
    expect_count(so, "hidden_events", s.hidden_events, at);
    expect_texts(so, "top_terms", s.top_terms, at);
    size_t e = 0;
    for (element event_value : json_array(so, "events", s.events.size(), at)) {
      const TimelineEvent& event = s.events[e++];
      expect_event(json_object(event_value, at), event, at + "event " + std::to_string(event.number) + ": ");
    }
  }
}

// Where `lower_needle` (lower case) first occurs in `text` from `from`, in
// any case, as the HTML parser looks for "</script".
size_t find_ignoring_case(std::string_view text, std::string_view lower_needle, size_t from = 0) {
  for (size_t i = from; i + lower_needle.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < lower_needle.size() && std::tolower(static_cast<unsigned char>(text[i + k])) == lower_needle[k]) ++k;
    if (k == lower_needle.size()) return i;
  }
  return std::string_view::npos;
}

size_t count_ignoring_case(std::string_view text, std::string_view lower_needle) {
  size_t n = 0;
  for (size_t at = find_ignoring_case(text, lower_needle); at != std::string_view::npos;
       at = find_ignoring_case(text, lower_needle, at + 1)) {
    ++n;
  }
  return n;
}

constexpr std::string_view kDataOpen = "<script type=\"application/json\" id=\"timeline-data\">";

// The page around its data block, and the data block itself, for `page`.
struct PageParts {
  std::string_view before, data, after;
};

PageParts split_page(std::string_view page) {
  const size_t open = page.find(kDataOpen);
  if (open == std::string_view::npos || page.find(kDataOpen, open + 1) != std::string_view::npos) {
    fail("timeline", "the page has no single data block");
  }
  const size_t begin = open + kDataOpen.size();
  const size_t end = std::min(find_ignoring_case(page, "</script", begin), page.size());  // ends the element
  return {page.substr(0, begin), page.substr(begin, end - begin), page.substr(end)};
}

// The XSS guard and the page's promises: valid UTF-8; the crawl's text only
// in the data block, which holds no '<', '>', '&', U+2028 or U+2029 and is
// one JSON document giving back the timeline; the rest of the page is the
// same whatever the crawl.
void check_timeline_page(const std::string& page, const Timeline& t) {
  if (!util::is_valid_utf8(page)) fail("timeline", "the page is not valid UTF-8");
  if (!page.starts_with("<!DOCTYPE html>\n") || !page.ends_with("</html>\n")) fail("timeline", "not an HTML page");
  const PageParts parts = split_page(page);
  for (const std::string_view bad : {"<", ">", "&", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    if (parts.data.find(bad) != std::string_view::npos) {
      fail("timeline", "the data block holds '" + printable(bad) + "'");
    }
  }
  if (!parts.after.starts_with("</script>\n<script>\nwindow.onerror")) {
    fail("timeline", "the data block does not end where the page ends it");
  }
  Timeline empty;
  empty.title = t.title;
  const std::string bare = timeline_page(empty);
  const PageParts bare_parts = split_page(bare);
  if (parts.before != bare_parts.before || parts.after != bare_parts.after) {
    fail("timeline", "the crawl changed the page outside the data block");
  }
  const size_t title_begin = page.find("<title>") + 7, title_end = page.find("</title>");
  if (title_end == std::string::npos ||
      page.substr(title_begin, title_end - title_begin).find_first_of("<>\"") != std::string::npos ||
      count_ignoring_case(parts.before, "<script") != 1) {
    fail("timeline", "the title is not escaped in the page");
  }
  static simdjson::dom::parser parser;
  element root;
  if (auto err = parser.parse(parts.data.data(), parts.data.size()).get(root)) {
    fail("timeline", std::string("the data block is not JSON: ") + simdjson::error_message(err));
  }
  expect_timeline(root, t);
}

// The page, or the error: what loading the same files gives, to compare
// them read plain and gzip-compressed.
std::string outcome(const Result<Timeline>& loaded) {
  if (loaded.ok()) return timeline_page(*loaded);
  return "error " + std::to_string(static_cast<int>(loaded.status().code())) + ": " + loaded.status().message();
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

int fuzz_timeline(const uint8_t* data, size_t size) {
  const TimelineParts parts = split_timeline_input(as_text(data, size));
  TimelineInputFiles input(parts);
  const TimelineFiles& files = input.files();
  const TimelineParams defaults;
  const TimelineParams tight = tight_timeline_params(size);
  const Result<Timeline> all = load_timeline(files, defaults);
  const Result<Timeline> few = load_timeline(files, tight);
  // The files are checked whole whatever is shown: the params never change
  // whether, or how, loading fails.
  if (all.status().code() != few.status().code() || all.status().message() != few.status().message()) {
    fail("timeline", "the params change the outcome: '" + printable(all.status().message()) + "' and '" +
                         printable(few.status().message()) + "'");
  }
  const bool complete = parts[0] && parts[1] && parts[2];
  const std::string plain = outcome(all);
  if (!all.ok()) {
    check_timeline_error(all.status(), files, parts);
  } else {
    if (!complete) fail("timeline", "loaded without one of its files");
    check_timeline(*all, defaults);
    check_timeline(*few, tight);
    check_selection(*all, *few, tight);
    check_timeline_page(plain, *all);
    check_timeline_page(timeline_page(*few), *few);
  }

  // Plain or gzip-compressed files are read alike: the same page, or the
  // same error at the same place (the same paths: the files are rewritten).
  if (complete && !is_gzip(*parts[0]) && !is_gzip(*parts[1]) && !is_gzip(*parts[2])) {
    std::array<std::string, 3> gz;
    for (size_t i = 0; i < gz.size(); ++i) append_gzip_member(*parts[i], gz[i]);
    input.rewrite(gz);
    if (outcome(load_timeline(files, defaults)) != plain) {
      fail("timeline", "the gzip-compressed files read otherwise than plain: " +
                           printable(all.ok() ? "the page differs" : plain));
    }
  }
  return 0;
}

std::span<const FuzzTarget> fuzz_targets() {
  static constexpr FuzzTarget kTargets[] = {
      {"warc", fuzz_warc}, {"html", fuzz_html}, {"jsonl", fuzz_jsonl}, {"meta", fuzz_meta},
      {"boilerplate", fuzz_boilerplate}, {"timeline", fuzz_timeline},
  };
  return kTargets;
}

}  // namespace copydesk::fuzz
