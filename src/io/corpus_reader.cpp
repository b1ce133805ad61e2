#include <unistd.h>
#include <omp.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <simdjson.h>

#include "copydesk/date.h"
#include "copydesk/html.h"
#include "copydesk/warc.h"
#include "copydesk/reader.h"
#include "util/json.h"
#include "util/utf8.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

// Reads an optional string field; false (with `why` set) on a wrong type.
bool optional_string(simdjson::dom::element value, std::string_view name, std::string& out, std::string& why) {
  if (value.is_null()) return true;
  std::string_view sv;
  if (value.get_string().get(sv) != simdjson::SUCCESS) {
    why = "field '" + std::string(name) + "' must be a string";
    return false;
  }
  out.assign(sv);
  return true;
}

}  // namespace

Status ReadParams::validate() const {
  if (id_field.empty()) return Status::InvalidArgument("id_field must not be empty");
  if (text_field.empty()) return Status::InvalidArgument("text_field must not be empty");
  if (id_field == text_field) return Status::InvalidArgument("id_field and text_field must differ");
  if (html_field.empty() || html_field == id_field || html_field == text_field) {
    return Status::InvalidArgument("html_field must be set and differ from id_field and text_field");
  }
  if (html_batch_pages == 0) return Status::InvalidArgument("html_batch_pages must be >= 1");
  COPYDESK_RETURN_IF_ERROR(html.validate());
  return warc.validate();
}

CorpusReader::CorpusReader(ReadParams params, DocumentHandler handler)
    : params_(std::move(params)), handler_(std::move(handler)) {}

CorpusReader CorpusReader::replaying(const IdTable& ids, ReadParams params, DocumentHandler handler) {
  CorpusReader reader(std::move(params), std::move(handler));
  reader.replay_ids_ = &ids;
  return reader;
}

Corpus CorpusReader::take() {
  // Growth by doubling leaves up to half the vector unused; return it before
  // the pipeline allocates its per-document arrays, which sets the peak.
  corpus_.docs.shrink_to_fit();
  return std::move(corpus_);
}

void CorpusReader::accept(Document&& doc, std::string_view source, uint64_t line, std::string_view record) {
  if (replay_ids_ != nullptr) {
    // The first pass accepted this record iff it was the first valid one
    // with its id, which then got the next index.
    if (replay_ids_->find(doc.id) != corpus_.documents) return;
  } else if (!corpus_.ids.insert(doc.id, doc.id_is_number)) {
    return reject(source, line, doc.id, "duplicate id '" + doc.id + "'", record);
  }
  ++corpus_.documents;
  ++corpus_.records_seen;
  if (handler_) {
    handler_(std::move(doc));
  } else {
    corpus_.docs.push_back(std::move(doc));
  }
}

void CorpusReader::reject(std::string_view source, uint64_t line, std::string id, std::string reason,
                          std::string_view record) {
  if (replay_ids_ != nullptr) return;  // reported by the first pass
  Reject r;
  r.source.assign(source);
  r.line = line;
  r.id = std::move(id);
  r.reason = std::move(reason);
  if (record.size() > params_.max_reject_record_bytes) {
    // Cut on a UTF-8 boundary so the rejects file stays valid UTF-8.
    size_t cut = params_.max_reject_record_bytes;
    while (cut > 0 && (static_cast<unsigned char>(record[cut]) & 0xC0) == 0x80) --cut;
    r.record.assign(record.substr(0, cut));
    r.reason += " (record cut to " + std::to_string(cut) + " of " + std::to_string(record.size()) + " bytes)";
  } else {
    r.record.assign(record);
  }
  corpus_.rejects.push_back(std::move(r));
  ++corpus_.records_seen;
}

void CorpusReader::add_document(Document doc, std::string_view source, uint64_t line) {
  Pending p;
  p.record = doc.id.empty() ? doc.text.substr(0, 256) : doc.id;
  p.doc = std::move(doc);
  p.source.assign(source);
  p.line = line;
  // Behind pages still being extracted it waits its turn: input order holds.
  if (pending_.empty()) return finish_record(p);
  enqueue(std::move(p));
}

void CorpusReader::add_jsonl_record(std::string_view raw, std::string_view source, uint64_t line_no) {
  std::string_view line = raw;
  if (!util::is_valid_utf8(line)) {
    util::repair_utf8(raw, scratch_);
    line = scratch_;
    ++corpus_.utf8_repaired;
  }
  // One parser per reader thread; the DOM it returns lives until the next parse.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(line.data(), line.size(), true).get(root)) {
    return reject(source, line_no, "", std::string("malformed JSON: ") + simdjson::error_message(err), line);
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return reject(source, line_no, "", "the record is not a JSON object", line);
  }
  Pending p;
  Document& doc = p.doc;
  bool has_id = false, has_text = false, has_html = false;
  std::string why;
  for (auto field : obj) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == params_.id_field) {
      has_id = true;
      std::string_view sv;
      int64_t i;
      uint64_t u;
      if (value.get_string().get(sv) == simdjson::SUCCESS) {
        doc.id.assign(sv);
      } else if (value.get_int64().get(i) == simdjson::SUCCESS) {
        doc.id = std::to_string(i);
        doc.id_is_number = true;
      } else if (value.get_uint64().get(u) == simdjson::SUCCESS) {
        doc.id = std::to_string(u);
        doc.id_is_number = true;
      } else {
        why = "field '" + params_.id_field + "' must be a string or an integer";
      }
    } else if (key == params_.text_field) {
      has_text = true;
      std::string_view sv;
      if (value.get_string().get(sv) != simdjson::SUCCESS) {
        why = "field '" + params_.text_field + "' must be a string";
      } else {
        doc.text.assign(sv);
      }
    } else if (key == params_.html_field) {
      has_html = true;
      std::string_view sv;
      if (value.get_string().get(sv) != simdjson::SUCCESS) {
        why = "field '" + params_.html_field + "' must be a string";
      } else {
        p.html.assign(sv);
      }
    } else if (key == "title") {
      optional_string(value, key, doc.title, why);
    } else if (key == "url") {
      optional_string(value, key, doc.url, why);
    } else if (key == "site") {
      optional_string(value, key, doc.site, why);
    } else if (key == "date") {
      if (optional_string(value, key, doc.date_text, why) && !doc.date_text.empty()) {
        auto t = parse_iso8601(doc.date_text);
        if (!t) {
          why = "field 'date' is not an ISO 8601 date: '" + doc.date_text.substr(0, 64) + "'";
        } else {
          doc.date = *t;
        }
      }
    } else {
      if (!doc.carried.empty()) doc.carried.push_back(',');
      util::append_json_string(doc.carried, key);
      doc.carried.push_back(':');
      doc.carried += simdjson::minify(value);
    }
    if (!why.empty()) break;
  }
  if (!why.empty()) return reject(source, line_no, doc.id, why, line);
  if (!has_id) return reject(source, line_no, "", "missing field '" + params_.id_field + "'", line);
  if (doc.id.empty()) return reject(source, line_no, "", "field '" + params_.id_field + "' is empty", line);
  if (!has_text && !has_html) {
    return reject(source, line_no, doc.id,
                  "missing field '" + params_.text_field + "' (or '" + params_.html_field + "')", line);
  }
  if (has_text) {
    if (is_blank(doc.text)) return reject(source, line_no, doc.id, "field '" + params_.text_field + "' is empty", line);
    p.html.clear();  // text given: the page is not needed
    if (pending_.empty()) return accept(std::move(doc), source, line_no, line);
  }
  p.source.assign(source);
  p.line = line_no;
  p.record.assign(line.substr(0, std::min(line.size(), params_.max_reject_record_bytes)));
  enqueue(std::move(p));
}

void CorpusReader::enqueue(Pending&& p) {
  pending_bytes_ += p.html.size() + p.doc.text.size();
  pending_.push_back(std::move(p));
  if (pending_.size() >= params_.html_batch_pages || pending_bytes_ >= (size_t{64} << 20)) flush_pending();
}

void CorpusReader::flush_pending() {
  const int64_t n = static_cast<int64_t>(pending_.size());
  // One extractor per thread: it keeps its parser between pages.
  while (extractors_.size() < static_cast<size_t>(omp_get_max_threads())) extractors_.emplace_back(params_.html);
#pragma omp parallel for schedule(dynamic, 1) if (n > 1)
  for (int64_t i = 0; i < n; ++i) {
    Pending& p = pending_[i];
    if (p.html.empty() || !p.error.empty()) continue;
    Result<HtmlPage> page = extractors_[omp_get_thread_num()].extract(p.html);
    std::string().swap(p.html);
    if (!page.ok()) {
      p.error = "html: " + page.status().message();
      continue;
    }
    Document& d = p.doc;
    d.text = std::move(page->text);
    if (d.title.empty()) d.title = std::move(page->title);
    if (d.date_text.empty() && !page->date_text.empty()) {
      if (auto t = parse_iso8601(page->date_text)) {
        d.date_text = page->date_text;
        d.date = *t;
      }
    }
    if (d.site.empty()) d.site = host_of_url(d.url);
    if (d.site.empty()) d.site = host_of_url(page->canonical_url);
    if (d.site.empty()) d.site = std::move(p.fallback_site);
  }
  for (Pending& p : pending_) {
    // The crawl date stands in for a page that gives none.
    if (p.doc.date_text.empty() && !p.fallback_date_text.empty()) {
      if (auto t = parse_iso8601(p.fallback_date_text)) {
        p.doc.date_text = std::move(p.fallback_date_text);
        p.doc.date = *t;
      }
    }
  }
  for (Pending& p : pending_) finish_record(p);
  pending_.clear();
  pending_bytes_ = 0;
}

void CorpusReader::finish_record(Pending& p) {
  Document& d = p.doc;
  const std::string at = p.where.empty() ? "" : p.where + ": ";
  if (!p.error.empty()) return reject(p.source, p.line, d.id, at + p.error, p.record);
  if (d.id.empty()) return reject(p.source, p.line, "", at + "the id is empty", p.record);
  if (is_blank(d.text)) return reject(p.source, p.line, d.id, at + "no text", p.record);
  accept(std::move(d), p.source, p.line, p.record);
}

Status CorpusReader::add_jsonl(const std::string& path, const std::string& name) {
  const bool is_stdin = path == "-";
  const std::string source = !name.empty() ? name : is_stdin ? "<stdin>" : path;
  if (!is_stdin && fs::is_directory(path)) return Status::InvalidArgument(path + ": is a folder, not a JSON Lines file");
  // zlib reads plain and gzip (including multi-member) input alike.
  gzFile in = is_stdin ? gzdopen(dup(0), "rb") : gzopen(path.c_str(), "rb");
  if (in == nullptr) return Status::IoError(source + ": cannot open: " + std::strerror(errno));
  gzbuffer(in, 1 << 20);
  std::string buffer;
  std::vector<char> chunk(1 << 20);
  uint64_t line_no = 0;
  Status status;
  while (true) {
    const int n = gzread(in, chunk.data(), static_cast<unsigned>(chunk.size()));
    if (n < 0) {
      int errnum = 0;
      const char* msg = gzerror(in, &errnum);
      status = Status::IoError(source + ": read error after line " + std::to_string(line_no) + ": " + msg);
      break;
    }
    const bool eof = n == 0;
    buffer.append(chunk.data(), static_cast<size_t>(n));
    corpus_.bytes_read += static_cast<uint64_t>(n);
    size_t start = 0;
    while (true) {
      size_t end = buffer.find('\n', start);
      if (end == std::string::npos) {
        if (!eof || start == buffer.size()) break;
        end = buffer.size();  // last line without a newline
      }
      ++line_no;
      std::string_view line(buffer.data() + start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!is_blank(line)) add_jsonl_record(line, source, line_no);
      start = end + 1;
      if (start > buffer.size()) start = buffer.size();
    }
    buffer.erase(0, start);
    if (eof) break;
  }
  gzclose(in);
  flush_pending();
  return status;
}

Status CorpusReader::add_text_dir(const std::string& dir) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto ext = it->path().extension();
    if (it->is_regular_file() && (ext == ".txt" || ext == ".html" || ext == ".htm")) files.push_back(it->path());
  }
  if (ec) return Status::IoError(dir + ": cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string rel = fs::relative(file, dir).generic_string();
    gzFile in = gzopen(file.c_str(), "rb");
    if (in == nullptr) {
      reject(file.string(), 0, rel, std::string("cannot open: ") + std::strerror(errno), "");
      continue;
    }
    std::string content;
    char buf[1 << 16];
    int n;
    while ((n = gzread(in, buf, sizeof buf)) > 0) content.append(buf, static_cast<size_t>(n));
    const bool failed = n < 0;
    gzclose(in);
    corpus_.bytes_read += content.size();
    if (failed) {
      reject(file.string(), 0, rel, "read error", "");
      continue;
    }
    if (file.extension() != ".txt") {
      Pending p;
      p.doc.id = rel;
      p.html = std::move(content);
      p.source = file.string();
      p.record = rel;
      // A page's own canonical URL names its site; else its first folder.
      if (const size_t slash = rel.find('/'); slash != std::string::npos) p.fallback_site = rel.substr(0, slash);
      enqueue(std::move(p));
      continue;
    }
    Document doc;
    doc.id = rel;
    if (!util::is_valid_utf8(content)) {
      util::repair_utf8(content, doc.text);
      ++corpus_.utf8_repaired;
    } else {
      doc.text = std::move(content);
    }
    add_document(std::move(doc), file.string(), 0);
  }
  flush_pending();
  return Status::Ok();
}

Status CorpusReader::add_warc(const std::string& path) {
  Result<std::unique_ptr<WarcReader>> opened = WarcReader::open(path, params_.warc);
  if (!opened.ok()) return opened.status();
  WarcReader& warc = **opened;
  WarcRecord rec;
  while (true) {
    Result<bool> more = warc.next(rec);
    if (!more.ok()) {
      // The message already names the file and the record's offset.
      const std::string& m = more.status().message();
      reject(path, 0, rec.target_uri, m.rfind(path + ": ", 0) == 0 ? m.substr(path.size() + 2) : m, "");
      continue;
    }
    if (!*more) break;
    const std::string where = "record at byte " + std::to_string(rec.offset);
    if (rec.type != "response") {
      ++corpus_.records_skipped;
      continue;
    }
    if (!is_html_response(rec)) {
      std::string type = rec.http_content_type.empty() ? rec.content_type : rec.http_content_type;
      reject(path, 0, rec.target_uri,
             where + ": not an HTML page (HTTP status " + std::to_string(rec.http_status) + ", Content-Type '" +
                 type.substr(0, 80) + "')",
             "");
      continue;
    }
    if (rec.target_uri.empty()) {
      reject(path, 0, "", where + ": response without WARC-Target-URI", "");
      continue;
    }
    Pending p;
    p.doc.id = rec.target_uri;
    p.doc.url = rec.target_uri;
    p.html = std::move(rec.body);
    p.fallback_date_text = rec.date;
    p.source = path;
    p.where = where;
    p.record = rec.target_uri;
    if (!util::is_valid_utf8(p.doc.id)) {
      util::repair_utf8(rec.target_uri, p.doc.id);
      p.doc.url = p.doc.id;
      ++corpus_.utf8_repaired;
    }
    enqueue(std::move(p));
  }
  flush_pending();
  corpus_.bytes_read += warc.bytes_read();
  return Status::Ok();
}

bool is_warc_file(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr) return false;
  char head[5] = {};
  const int n = gzread(in, head, sizeof head);
  gzclose(in);
  return n == 5 && std::string_view(head, 5) == "WARC/";
}

Status CorpusReader::add_path(const std::string& path) {
  if (path == "-") return add_jsonl(path);
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound(path + ": no such file or folder");
  if (fs::is_directory(st)) return add_text_dir(path);
  if (is_warc_file(path)) return add_warc(path);
  return add_jsonl(path);
}

}  // namespace copydesk
