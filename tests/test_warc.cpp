#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "copydesk/warc.h"

namespace copydesk {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kDate = 1772619300;  // 2026-03-04T10:15:00Z

// ------------------------------------------------------------- helpers

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("copydesk_warc_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string file(const std::string& name, const std::string& bytes) const {
    const std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// `bytes` as one gzip member.
std::string gzip(const std::string& bytes, int level = 6) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// `bytes` as a zlib stream (raw = no zlib wrapper).
std::string zlib_deflate(const std::string& bytes, bool raw) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, raw ? -15 : 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// Decompresses every gzip member of `bytes`; returns the members' decoded texts.
std::vector<std::string> gunzip_members(const std::string& bytes) {
  std::vector<std::string> members;
  size_t used = 0;
  while (used < bytes.size()) {
    z_stream z{};
    EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
    std::string out;
    char buf[65536];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + used));
    z.avail_in = static_cast<uInt>(bytes.size() - used);
    int rc;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = inflate(&z, Z_NO_FLUSH);
      out.append(buf, sizeof buf - z.avail_out);
    } while (rc == Z_OK);
    EXPECT_EQ(rc, Z_STREAM_END);
    used += z.total_in;
    inflateEnd(&z);
    members.push_back(out);
    if (rc != Z_STREAM_END) break;
  }
  return members;
}

// A WARC record by hand.
std::string record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block, const std::string& version = "WARC/1.0") {
  std::string r = version + "\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + type + uri +
                  ">\r\nWARC-Date: 2026-03-04T10:15:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string http_response(const std::string& head_lines, const std::string& body, int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + head_lines + "\r\n" + body;
}

std::string response(const std::string& uri, const std::string& head_lines, const std::string& body,
                     int status = 200) {
  return record("response", uri, "application/http; msgtype=response", http_response(head_lines, body, status));
}

std::string html_page(int i) {
  return "<!doctype html><html><head><title>Story " + std::to_string(i) +
         "</title></head><body><p>Ministers met on Tuesday to discuss item " + std::to_string(i * 7919) +
         ".</p><p>\xC3\xA9t\xC3\xA9 \xE2\x80\x94 caf\xC3\xA9</p></body></html>\n";
}

struct ReadOutcome {
  std::vector<WarcRecord> records;
  std::vector<std::string> errors;
  int calls = 0;
  bool finished = false;
  uint64_t bytes_read = 0;
};

// Reads everything; gives up after `max_calls` so a reader that loops fails the test instead of hanging it.
ReadOutcome read_all(const std::string& path, WarcReadParams params = {}, int max_calls = 100000) {
  ReadOutcome out;
  auto reader = WarcReader::open(path, params);
  EXPECT_TRUE(reader.ok()) << reader.status().message();
  if (!reader.ok()) return out;
  WarcRecord rec;
  while (out.calls < max_calls) {
    ++out.calls;
    Result<bool> more = (*reader)->next(rec);
    if (!more.ok()) {
      out.errors.push_back(more.status().message());
      continue;
    }
    if (!*more) {
      out.finished = true;
      break;
    }
    out.records.push_back(rec);
  }
  // After the end, it stays at the end.
  Result<bool> again = (*reader)->next(rec);
  EXPECT_TRUE(again.ok() && !*again);
  out.bytes_read = (*reader)->bytes_read();
  return out;
}

std::vector<std::string> uris(const ReadOutcome& o) {
  std::vector<std::string> u;
  for (const WarcRecord& r : o.records) u.push_back(r.target_uri);
  return u;
}

std::string errors_text(const ReadOutcome& o) {
  std::string t;
  for (const std::string& e : o.errors) t += e + "\n";
  return t;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A writer-made file: warcinfo + `n` responses; `offsets` gets each record's starting byte.
std::string written(int n, bool gz, std::vector<uint64_t>* offsets = nullptr) {
  StringSink sink;
  WarcWriterParams p;
  p.gzip = gz;
  p.warcinfo_date = kDate;
  WarcWriter w(sink, p);
  if (offsets) offsets->push_back(w.bytes_written());
  EXPECT_TRUE(w.write_warcinfo("copydesk-test 1.0").ok());
  for (int i = 0; i < n; ++i) {
    if (offsets) offsets->push_back(w.bytes_written());
    EXPECT_TRUE(w.write_response("https://site" + std::to_string(i % 7) + ".example/news/" + std::to_string(i),
                                 kDate + i * 60, html_page(i))
                    .ok());
  }
  EXPECT_EQ(w.records_written(), static_cast<uint64_t>(n + 1));
  EXPECT_EQ(w.bytes_written(), sink.data.size());
  return sink.data;
}

// ------------------------------------------------------------- writer

TEST(WarcWriter, PlainRecordLayoutIsPinned) {
  StringSink sink;
  WarcWriterParams p;
  p.gzip = false;
  WarcWriter w(sink, p);
  ASSERT_TRUE(w.write_response("https://a.example/1", kDate, "<p>hi</p>").ok());
  const std::string expected =
      "WARC/1.1\r\n"
      "WARC-Type: response\r\n"
      // xxhsum -H2 of "https://a.example/1" NUL, date and count as 8-byte little-endian:
      // b5b20d49bb06ab47b74b75d5604d8556, with the UUID version (8) and variant bits set.
      "WARC-Record-ID: <urn:uuid:b5b20d49-bb06-8b47-b74b-75d5604d8556>\r\n"
      "WARC-Date: 2026-03-04T10:15:00Z\r\n"
      "WARC-Target-URI: https://a.example/1\r\n"
      "Content-Type: application/http; msgtype=response\r\n"
      "Content-Length: 87\r\n"
      "\r\n"
      "HTTP/1.1 200 OK\r\n"
      "Content-Type: text/html; charset=utf-8\r\n"
      "Content-Length: 9\r\n"
      "\r\n"
      "<p>hi</p>"
      "\r\n\r\n";
  EXPECT_EQ(sink.data, expected);
  EXPECT_EQ(w.records_written(), 1u);
  EXPECT_EQ(w.bytes_written(), sink.data.size());
}

TEST(WarcWriter, RecordIdIsDeterministicAndDependsOnUriDateAndCount) {
  auto id_of = [](const std::string& uri, int64_t date, int skip) {
    StringSink sink;
    WarcWriterParams p;
    p.gzip = false;
    WarcWriter w(sink, p);
    for (int i = 0; i < skip; ++i) EXPECT_TRUE(w.write_response("https://x.example/", kDate, "x").ok());
    sink.data.clear();
    EXPECT_TRUE(w.write_response(uri, date, "<p>same</p>").ok());
    const size_t at = sink.data.find("WARC-Record-ID: ") + 16;
    return sink.data.substr(at, sink.data.find("\r\n", at) - at);
  };
  const std::string a = id_of("https://a.example/1", kDate, 0);
  EXPECT_EQ(a, id_of("https://a.example/1", kDate, 0));
  EXPECT_NE(a, id_of("https://a.example/2", kDate, 0));
  EXPECT_NE(a, id_of("https://a.example/1", kDate + 1, 0));
  EXPECT_NE(a, id_of("https://a.example/1", kDate, 1));
  EXPECT_TRUE(std::regex_match(a, std::regex("<urn:uuid:[0-9a-f-]{36}>"))) << a;
}

TEST(WarcWriter, SameInputGivesByteIdenticalFiles) {
  EXPECT_EQ(written(50, false), written(50, false));
  EXPECT_EQ(written(50, true), written(50, true));
  EXPECT_NE(written(50, true), written(51, true));
}

TEST(WarcWriter, GzipIsOneMemberPerRecordMatchingThePlainBytes) {
  std::vector<uint64_t> offsets;
  const std::string gz = written(20, true, &offsets);
  const std::string plain = written(20, false);
  ASSERT_EQ(gz.substr(0, 3), std::string("\x1f\x8b\x08", 3));
  const std::vector<std::string> members = gunzip_members(gz);
  ASSERT_EQ(members.size(), 21u);
  std::string joined;
  for (size_t i = 0; i < members.size(); ++i) {
    EXPECT_TRUE(members[i].starts_with("WARC/1.1\r\n")) << i;
    EXPECT_TRUE(members[i].ends_with("\r\n\r\n")) << i;
    EXPECT_EQ(gz.substr(offsets[i], 2), "\x1f\x8b") << "member " << i << " starts at its recorded offset";
    joined += members[i];
  }
  EXPECT_EQ(joined, plain);
}

TEST(WarcWriter, WarcinfoNamesTheSoftware) {
  StringSink sink;
  WarcWriterParams p;
  p.gzip = false;
  p.warcinfo_date = kDate;
  WarcWriter w(sink, p);
  ASSERT_TRUE(w.write_warcinfo("copydesk 0.1").ok());
  EXPECT_TRUE(sink.data.starts_with("WARC/1.1\r\nWARC-Type: warcinfo\r\n")) << sink.data;
  EXPECT_TRUE(contains(sink.data, "\r\nWARC-Date: 2026-03-04T10:15:00Z\r\n"));
  EXPECT_TRUE(contains(sink.data, "\r\nContent-Type: application/warc-fields\r\n"));
  EXPECT_TRUE(contains(sink.data, "\r\n\r\nsoftware: copydesk 0.1\r\nformat: WARC File Format 1.1\r\n"));
  EXPECT_FALSE(contains(sink.data, "WARC-Target-URI"));
}

TEST(WarcWriter, RejectsValuesThatWouldBreakTheFraming) {
  StringSink sink;
  WarcWriter w(sink, WarcWriterParams{.gzip = false});
  EXPECT_EQ(w.write_response("https://a.example/x y", kDate, "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.write_response("https://a.example/\r\nX: y", kDate, "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.write_response("https://a.example/", -1, "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.write_warcinfo("bad\r\nname").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(w.write_record("metadata", "", kDate, "text/plain", "x", "No-CRLF").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(w.records_written(), 0u);
  EXPECT_TRUE(sink.data.empty());

  WarcWriterParams bad;
  bad.gzip_level = 0;
  EXPECT_FALSE(bad.validate().ok());
  WarcWriter w2(sink, bad);
  EXPECT_FALSE(w2.status().ok());
  EXPECT_EQ(w2.write_response("https://a.example/", kDate, "x").code(), StatusCode::kInvalidArgument);
}

// A sink that fails: the writer reports it.
class FailingSink final : public Sink {
 public:
  Status write(std::string_view) override { return Status::IoError("disk full"); }
  Status close() override { return Status::Ok(); }
};

TEST(WarcWriter, SinkErrorsAreReturned) {
  FailingSink sink;
  WarcWriter w(sink);
  const Status s = w.write_response("https://a.example/", kDate, "x");
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_EQ(w.records_written(), 0u);
}

// ------------------------------------------------------------- round trip

void expect_round_trip(bool gz) {
  TempDir dir;
  std::vector<uint64_t> offsets;
  const std::string path = dir.file(gz ? "crawl.warc.gz" : "crawl.warc", written(300, gz, &offsets));
  const ReadOutcome o = read_all(path);
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(o.records.size(), 301u);
  const WarcRecord& info = o.records[0];
  EXPECT_EQ(info.type, "warcinfo");
  EXPECT_EQ(info.version, "WARC/1.1");
  EXPECT_EQ(info.content_type, "application/warc-fields");
  EXPECT_TRUE(contains(info.body, "software: copydesk-test 1.0\r\n"));
  EXPECT_FALSE(is_html_response(info));
  EXPECT_EQ(info.offset, 0u);
  for (int i = 0; i < 300; ++i) {
    const WarcRecord& r = o.records[static_cast<size_t>(i) + 1];
    SCOPED_TRACE(i);
    EXPECT_EQ(r.type, "response");
    EXPECT_EQ(r.target_uri, "https://site" + std::to_string(i % 7) + ".example/news/" + std::to_string(i));
    EXPECT_EQ(r.date, i == 0 ? "2026-03-04T10:15:00Z" : r.date);
    EXPECT_EQ(r.content_type, "application/http; msgtype=response");
    EXPECT_EQ(r.http_status, 200);
    EXPECT_EQ(r.http_content_type, "text/html; charset=utf-8");
    EXPECT_EQ(r.body, html_page(i));
    EXPECT_TRUE(is_html_response(r));
    EXPECT_EQ(r.offset, offsets[static_cast<size_t>(i) + 1]) << "offset = where the writer put it";
    EXPECT_EQ(r.begins_gzip_member, gz);
    EXPECT_TRUE(std::regex_match(r.record_id, std::regex("<urn:uuid:[0-9a-f-]{36}>")));
  }
  EXPECT_EQ(o.records[2].date, "2026-03-04T10:16:00Z");
  EXPECT_NE(o.records[1].record_id, o.records[2].record_id);
  const std::string plain = written(300, false);
  EXPECT_EQ(o.bytes_read, plain.size()) << "bytes_read counts decompressed bytes";
}

TEST(WarcReader, RoundTripPlain) { expect_round_trip(false); }
TEST(WarcReader, RoundTripGzip) { expect_round_trip(true); }

TEST(WarcReader, GzipIsDetectedFromTheBytesNotTheName) {
  TempDir dir;
  const ReadOutcome a = read_all(dir.file("crawl.warc", written(5, true)));   // gzip named .warc
  const ReadOutcome b = read_all(dir.file("crawl.warc.gz", written(5, false)));  // plain named .gz
  EXPECT_TRUE(a.errors.empty() && b.errors.empty()) << errors_text(a) << errors_text(b);
  EXPECT_EQ(a.records.size(), 6u);
  EXPECT_EQ(b.records.size(), 6u);
  auto reader = WarcReader::open(dir.path("crawl.warc"));
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE((*reader)->gzip());
}

TEST(WarcReader, RecordsOfEveryTypeAreReportedWithTheirType) {
  StringSink sink;
  WarcWriter w(sink, WarcWriterParams{.gzip = true});
  ASSERT_TRUE(w.write_warcinfo("t").ok());
  const std::string req = "GET /a HTTP/1.1\r\nHost: a.example\r\n\r\n";
  ASSERT_TRUE(w.write_record("request", "https://a.example/a", kDate, "application/http; msgtype=request", req).ok());
  ASSERT_TRUE(w.write_response("https://a.example/a", kDate, "<html>a</html>").ok());
  ASSERT_TRUE(w.write_record("metadata", "https://a.example/a", kDate, "application/warc-fields",
                             "outlink: https://b.example/\r\n")
                  .ok());
  ASSERT_TRUE(w.write_record("revisit", "https://a.example/a", kDate + 86400, "application/http; msgtype=response",
                             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                             "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n")
                  .ok());
  ASSERT_TRUE(w.write_record("resource", "file:///a.txt", kDate, "text/plain", "plain text").ok());
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("types.warc.gz", sink.data));
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(o.records.size(), 6u);
  const std::vector<std::string> types = {"warcinfo", "request", "response", "metadata", "revisit", "resource"};
  for (size_t i = 0; i < types.size(); ++i) {
    EXPECT_EQ(o.records[i].type, types[i]);
    EXPECT_EQ(is_html_response(o.records[i]), types[i] == "response");
  }
  EXPECT_EQ(o.records[1].body, req);
  EXPECT_EQ(o.records[1].http_status, 0);
  EXPECT_EQ(o.records[3].body, "outlink: https://b.example/\r\n");
  EXPECT_EQ(o.records[4].http_status, 0);
  EXPECT_TRUE(contains(o.records[4].headers, "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/"));
  EXPECT_EQ(find_header(o.records[4].headers, "warc-profile").value_or(""),
            "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
  EXPECT_EQ(o.records[5].body, "plain text");
}

TEST(WarcReader, WholeFileAsOneGzipMember) {
  const std::string plain = written(40, false);
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("one.warc.gz", gzip(plain)));
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(o.records.size(), 41u);
  EXPECT_TRUE(o.records[0].begins_gzip_member);
  EXPECT_EQ(o.records[0].offset, 0u);
  const ReadOutcome p = read_all(dir.file("one.warc", plain));
  for (size_t i = 1; i < o.records.size(); ++i) {
    EXPECT_FALSE(o.records[i].begins_gzip_member);
    EXPECT_EQ(o.records[i].offset, 0u) << "the member that holds it";
    EXPECT_EQ(o.records[i].decompressed_offset, p.records[i].offset);
    EXPECT_EQ(o.records[i].body, p.records[i].body);
  }
}

TEST(WarcReader, ConcatenatedGzipFiles) {
  // per-record members + a whole file as one member + per-record members again
  const std::string a = written(3, true), b = gzip(written(4, false)), c = written(5, true);
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("cat.warc.gz", a + b + c));
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(o.records.size(), 4u + 5u + 6u);
  EXPECT_EQ(o.records[4].offset, a.size());
  EXPECT_TRUE(o.records[4].begins_gzip_member);
  EXPECT_EQ(o.records[5].offset, a.size());
  EXPECT_FALSE(o.records[5].begins_gzip_member);
  EXPECT_EQ(o.records[9].offset, a.size() + b.size());
  EXPECT_EQ(o.records[14].body, html_page(4));
}

// ------------------------------------------------------------- HTTP payloads

TEST(WarcReader, HttpBodiesAreDechunkedAndDecoded) {
  const std::string page = html_page(1) + std::string(5000, 'x') + html_page(2);
  std::string chunked;
  for (size_t at = 0; at < page.size(); at += 1000) {
    const std::string piece = page.substr(at, 1000);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%zx", piece.size());
    chunked += std::string(hex) + (at == 0 ? ";ext=1" : "") + "\r\n" + piece + "\r\n";
  }
  chunked += "0\r\nX-Trailer: 1\r\n\r\n";
  const std::string gz = gzip(page);
  std::string gz_chunked = "10\r\n" + gz.substr(0, 16) + "\r\n";
  char hex[16];
  std::snprintf(hex, sizeof hex, "%zX", gz.size() - 16);
  gz_chunked += std::string(hex) + "\r\n" + gz.substr(16) + "\r\n0\r\n\r\n";
  const std::string html_ct = "Content-Type: text/html\r\n";
  const std::string file =
      response("u:chunked", html_ct + "Transfer-Encoding: chunked\r\n", chunked) +
      response("u:gzip", html_ct + "Content-Encoding: gzip\r\n", gz) +
      response("u:gzip-chunked", html_ct + "Transfer-Encoding: chunked\r\nContent-Encoding: x-gzip\r\n", gz_chunked) +
      response("u:deflate-zlib", html_ct + "Content-Encoding: deflate\r\n", zlib_deflate(page, false)) +
      response("u:deflate-raw", html_ct + "Content-Encoding: deflate\r\n", zlib_deflate(page, true)) +
      response("u:identity", html_ct + "Content-Encoding: identity\r\n", page) +
      response("u:gzip-header-but-plain", html_ct + "Content-Encoding: gzip\r\n", page) +
      response("u:chunked-header-but-plain", html_ct + "Transfer-Encoding: chunked\r\n", page) +
      record("response", "u:lf-only", "application/http", "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + page) +
      record("response", "u:continue", "application/http",
             "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page);
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("http.warc", file));
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(o.records.size(), 10u);
  for (const WarcRecord& r : o.records) {
    EXPECT_EQ(r.body, page) << r.target_uri;
    EXPECT_EQ(r.http_status, 200) << r.target_uri;
    EXPECT_EQ(r.http_content_type, "text/html") << r.target_uri;
    EXPECT_TRUE(is_html_response(r)) << r.target_uri;
  }
}

TEST(WarcReader, UndecodableHttpBodiesAreRecordErrors) {
  const std::string page = html_page(3);
  const std::string gz = gzip(page);
  const std::string file =
      response("u:ok1", "Content-Type: text/html\r\n", page) +
      response("u:br", "Content-Encoding: br\r\n", "\x1b\x03\x00garbage") +
      response("u:truncated-gzip", "Content-Encoding: gzip\r\n", gz.substr(0, gz.size() / 2)) +
      response("u:corrupt-deflate", "Content-Encoding: deflate\r\n", "\xff\xfe\xfd this is not deflate") +
      response("u:truncated-chunks", "Transfer-Encoding: chunked\r\n", "400\r\nshort") +
      record("response", "u:no-status-line", "application/http", "<html>not http</html>") +
      record("response", "u:no-header-end", "application/http", "HTTP/1.1 200 OK\r\nContent-Type: text/html") +
      response("u:ok2", "Content-Type: text/html\r\n", page);
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("bad-http.warc", file));
  EXPECT_EQ(uris(o), (std::vector<std::string>{"u:ok1", "u:ok2"}));
  ASSERT_EQ(o.errors.size(), 6u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "unsupported Content-Encoding 'br'")) << o.errors[0];
  EXPECT_TRUE(contains(o.errors[0], "bad-http.warc: record at byte ")) << o.errors[0];
  EXPECT_TRUE(contains(o.errors[0], "u:br")) << o.errors[0];
  EXPECT_TRUE(contains(o.errors[1], "truncated gzip body")) << o.errors[1];
  EXPECT_TRUE(contains(o.errors[2], "corrupt deflate body")) << o.errors[2];
  EXPECT_TRUE(contains(o.errors[3], "truncated chunked body")) << o.errors[3];
  EXPECT_TRUE(contains(o.errors[4], "not an HTTP response")) << o.errors[4];
  EXPECT_TRUE(contains(o.errors[5], "not ended by a blank line")) << o.errors[5];
}

TEST(WarcReader, IsHtmlResponse) {
  WarcRecord r;
  r.type = "response";
  r.http_status = 200;
  r.http_content_type = "text/html; charset=ISO-8859-1";
  EXPECT_TRUE(is_html_response(r));
  r.http_content_type = "Application/XHTML+xml";
  EXPECT_TRUE(is_html_response(r));
  r.http_content_type = "application/json";
  EXPECT_FALSE(is_html_response(r));
  r.http_content_type.clear();
  r.body = "\xEF\xBB\xBF  \n<!DOCTYPE HTML><p>x";
  EXPECT_TRUE(is_html_response(r));
  r.body = "<HTML><body>x";
  EXPECT_TRUE(is_html_response(r));
  r.body = "{\"json\": 1}";
  EXPECT_FALSE(is_html_response(r));
  r.body = "<html>";
  r.http_status = 404;
  EXPECT_FALSE(is_html_response(r));
  r.http_status = 204;
  EXPECT_TRUE(is_html_response(r));
  r.type = "resource";
  EXPECT_FALSE(is_html_response(r));
}

// ------------------------------------------------------------- malformed input

const std::string kPage = html_page(9);
std::string good(const std::string& uri) { return response(uri, "Content-Type: text/html\r\n", kPage); }

TEST(WarcReader, BadVersionLine) {
  std::string bad = good("u:bad");
  bad.replace(0, 8, "WARC/X.Y");
  const std::string file = good("u:1") + bad + good("u:2");
  TempDir dir;
  const std::string path = dir.file("v.warc", file);
  const ReadOutcome o = read_all(path);
  EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:2"}));
  ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
  EXPECT_EQ(o.errors[0], path + ": record at byte " + std::to_string(good("u:1").size()) +
                             ": bad WARC version line 'WARC/X.Y'");
}

TEST(WarcReader, MissingOrInvalidContentLength) {
  auto without_length = [](std::string r, const std::string& replacement) {
    const size_t at = r.find("Content-Length: ");
    r.replace(at, r.find("\r\n", at) + 2 - at, replacement);
    return r;
  };
  const std::string file = good("u:1") + without_length(good("u:missing"), "") + good("u:2") +
                           without_length(good("u:letters"), "Content-Length: 12x\r\n") + good("u:3") +
                           without_length(good("u:negative"), "Content-Length: -5\r\n") + good("u:4");
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("cl.warc", file));
  EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:2", "u:3", "u:4"}));
  ASSERT_EQ(o.errors.size(), 3u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "cl.warc: record at byte " + std::to_string(good("u:1").size()) +
                                        ": no Content-Length"))
      << o.errors[0];
  EXPECT_TRUE(contains(o.errors[1], "invalid Content-Length '12x'")) << o.errors[1];
  EXPECT_TRUE(contains(o.errors[2], "invalid Content-Length '-5'")) << o.errors[2];
}

std::string with_length(std::string r, uint64_t length) {
  const size_t at = r.find("Content-Length: ") + 16;
  r.replace(at, r.find("\r\n", at) - at, std::to_string(length));
  return r;
}

TEST(WarcReader, ContentLengthPastTheEndOfTheFile) {
  const std::string last = with_length(good("u:last"), 10'000'000);
  const std::string file = good("u:1") + good("u:2") + last;
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("end.warc", file));
  EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:2"}));
  ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "end.warc: record at byte " + std::to_string(2 * good("u:1").size()) +
                                        ": Content-Length 10000000 runs past the end of the file"))
      << o.errors[0];
}

TEST(WarcReader, WrongContentLengthInTheMiddleLosesOnlyThatRecord) {
  for (const int64_t delta : {+1000, +3, -1, -40, +100000}) {
    SCOPED_TRACE(delta);
    const std::string bad = good("u:bad");
    const std::string mid = with_length(bad, static_cast<uint64_t>(static_cast<int64_t>(
                                                 http_response("Content-Type: text/html\r\n", kPage).size()) + delta));
    const std::string file = good("u:1") + mid + good("u:2") + good("u:3");
    TempDir dir;
    for (const bool gz : {false, true}) {
      SCOPED_TRACE(gz);
      const std::string bytes = gz ? gzip(good("u:1")) + gzip(mid) + gzip(good("u:2")) + gzip(good("u:3")) : file;
      const ReadOutcome o = read_all(dir.file(gz ? "mid.warc.gz" : "mid.warc", bytes));
      EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:2", "u:3"})) << errors_text(o);
      ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
      EXPECT_TRUE(contains(o.errors[0], "record at byte " +
                                            std::to_string(gz ? gzip(good("u:1")).size() : good("u:1").size())))
          << o.errors[0];
      for (const WarcRecord& r : o.records) EXPECT_EQ(r.body, kPage);
    }
  }
}

TEST(WarcReader, GarbageBetweenRecords) {
  const std::string file = good("u:1") + "this is not a record\r\n\x01\x02\xff junk WARC-Type: x\r\n" + good("u:2") +
                           "\r\n\r\n\r\n" + good("u:3") + "trailing garbage";
  TempDir dir;
  const std::string path = dir.file("g.warc", file);
  const ReadOutcome o = read_all(path);
  EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:2", "u:3"}));
  ASSERT_EQ(o.errors.size(), 2u) << errors_text(o);
  EXPECT_EQ(o.errors[0], path + ": at byte " + std::to_string(good("u:1").size()) +
                             ": garbage where a WARC record should begin "
                             "('this is not a record\\x0d\\x0a\\x01\\x02\\xff junk W...')");
  EXPECT_TRUE(contains(o.errors[1], "garbage where a WARC record should begin ('trailing garbage')")) << o.errors[1];
}

TEST(WarcReader, BinaryGarbageFile) {
  std::mt19937_64 rng(7);
  std::string junk(3'000'000, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("junk.bin", junk));
  EXPECT_TRUE(o.finished);
  EXPECT_TRUE(o.records.empty());
  ASSERT_GE(o.errors.size(), 1u);
  EXPECT_LE(o.errors.size(), 3u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "junk.bin: at byte 0: garbage where a WARC record should begin")) << o.errors[0];
  // The same behind a gzip magic.
  const ReadOutcome g = read_all(dir.file("junk.gz", std::string("\x1f\x8b\x08", 3) + junk));
  EXPECT_TRUE(g.finished);
  EXPECT_TRUE(g.records.empty());
  ASSERT_GE(g.errors.size(), 1u);
  EXPECT_LE(g.errors.size(), 3u) << errors_text(g);
}

TEST(WarcReader, EmptyFiles) {
  TempDir dir;
  const std::string path = dir.file("empty.warc", "");
  const ReadOutcome o = read_all(path);
  ASSERT_EQ(o.errors.size(), 1u);
  EXPECT_EQ(o.errors[0], path + ": no WARC records (the file is empty)");
  EXPECT_TRUE(o.finished);
  const ReadOutcome g = read_all(dir.file("empty.warc.gz", gzip("")));
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_TRUE(contains(g.errors[0], "no WARC records")) << g.errors[0];
  const std::string newlines = dir.file("newlines.warc", "\r\n\r\n\n");
  const ReadOutcome n = read_all(newlines);
  ASSERT_EQ(n.errors.size(), 1u);
  EXPECT_EQ(n.errors[0], newlines + ": no WARC records");
}

TEST(WarcReader, MissingFileAndDirectoryFailToOpen) {
  TempDir dir;
  auto missing = WarcReader::open(dir.path("nope.warc"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_TRUE(contains(missing.status().message(), "nope.warc: cannot open"));
  auto folder = WarcReader::open(dir.path(""));
  EXPECT_FALSE(folder.ok());
  WarcReadParams bad;
  bad.max_record_bytes = 0;
  EXPECT_EQ(WarcReader::open(dir.file("x.warc", good("u")), bad).status().code(), StatusCode::kInvalidArgument);
}

TEST(WarcReader, TruncatedGzipMidMember) {
  std::vector<uint64_t> offsets;
  const std::string gz = written(10, true, &offsets);
  const uint64_t cut = offsets[7] + (offsets[8] - offsets[7]) / 2;  // in the middle of record 7's member
  TempDir dir;
  const std::string path = dir.file("cut.warc.gz", gz.substr(0, cut));
  const ReadOutcome o = read_all(path);
  ASSERT_EQ(o.records.size(), 7u);
  ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
  EXPECT_EQ(o.errors[0], path + ": record at byte " + std::to_string(offsets[7]) +
                             ": truncated gzip stream: the file ends inside the gzip member at byte " +
                             std::to_string(offsets[7]));
}

TEST(WarcReader, CorruptGzipMemberInTheMiddle) {
  std::vector<uint64_t> offsets;
  std::string gz = written(10, true, &offsets);
  for (uint64_t i = offsets[4] + 20; i < offsets[4] + 60; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("bad.warc.gz", gz));
  ASSERT_EQ(o.records.size(), 10u) << errors_text(o);  // 11 minus the broken one
  for (size_t i = 0; i < o.records.size(); ++i) {
    EXPECT_NE(o.records[i].offset, offsets[4]);
  }
  EXPECT_EQ(o.records[4].offset, offsets[5]);
  EXPECT_EQ(o.records[4].body, html_page(4));
  ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "bad.warc.gz: record at byte " + std::to_string(offsets[4]) +
                                        ": corrupt gzip data in the member at byte " + std::to_string(offsets[4])))
      << o.errors[0];
}

TEST(WarcReader, GzipChecksumErrorRejectsItsRecord) {
  std::vector<uint64_t> offsets;
  std::string gz = written(5, true, &offsets);
  gz[offsets[3] - 6] = static_cast<char>(gz[offsets[3] - 6] ^ 1);  // CRC32 of member 2
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("crc.warc.gz", gz));
  ASSERT_EQ(o.records.size(), 5u);
  ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "record at byte " + std::to_string(offsets[2]) + ": corrupt gzip data"))
      << o.errors[0];
  EXPECT_TRUE(contains(o.errors[0], "incorrect data check")) << o.errors[0];
}

TEST(WarcReader, NotGzipBytesBetweenMembers) {
  const std::string a = written(2, true), b = written(2, true);
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("mixed.warc.gz", a + std::string(100, '\0') + b));
  EXPECT_EQ(o.records.size(), 6u);
  ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
  EXPECT_TRUE(contains(o.errors[0], "the bytes at byte " + std::to_string(a.size()) + " are not gzip data"))
      << o.errors[0];
}

TEST(WarcReader, OversizedRecordIsSkippedAndTheRestIsRead) {
  const std::string big(3'000'000, 'b');
  const std::string file = good("u:1") + response("u:big", "Content-Type: text/html\r\n", big) + good("u:2");
  TempDir dir;
  WarcReadParams p;
  p.max_record_bytes = 1 << 20;
  for (const bool gz : {false, true}) {
    const std::string bytes =
        gz ? gzip(good("u:1")) + gzip(response("u:big", "Content-Type: text/html\r\n", big)) + gzip(good("u:2"))
           : file;
    const ReadOutcome o = read_all(dir.file(gz ? "big.warc.gz" : "big.warc", bytes), p);
    EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:2"}));
    ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
    EXPECT_TRUE(contains(o.errors[0], "exceeds max_record_bytes (1048576); record skipped")) << o.errors[0];
  }
}

TEST(WarcReader, HundredMegabyteRecord) {
  std::string big(100u << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  StringSink sink;
  WarcWriter w(sink, WarcWriterParams{.gzip = true, .gzip_level = 1});
  ASSERT_TRUE(w.write_response("u:small1", kDate, "<html>1</html>").ok());
  ASSERT_TRUE(w.write_response("u:big", kDate, big).ok());
  ASSERT_TRUE(w.write_response("u:small2", kDate, "<html>2</html>").ok());
  TempDir dir;
  const std::string path = dir.file("huge.warc.gz", sink.data);
  sink.data.clear();
  sink.data.shrink_to_fit();
  const ReadOutcome o = read_all(path);
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(uris(o), (std::vector<std::string>{"u:small1", "u:big", "u:small2"}));
  EXPECT_TRUE(o.records[1].body == big);
  WarcReadParams p;
  p.max_record_bytes = 50u << 20;
  const ReadOutcome q = read_all(path, p);
  EXPECT_EQ(uris(q), (std::vector<std::string>{"u:small1", "u:small2"}));
  ASSERT_EQ(q.errors.size(), 1u);
  EXPECT_TRUE(contains(q.errors[0], "huge.warc.gz: record at byte ")) << q.errors[0];
}

TEST(WarcReader, HeaderWithoutEndOrTooLong) {
  TempDir dir;
  const ReadOutcome cut = read_all(dir.file("h.warc", good("u:1") + "WARC/1.0\r\nWARC-Type: response\r\nContent-Le"));
  EXPECT_EQ(uris(cut), (std::vector<std::string>{"u:1"}));
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_TRUE(contains(cut.errors[0], "the file ends inside the record header")) << cut.errors[0];

  WarcReadParams p;
  p.max_header_bytes = 1024;
  std::string long_header = good("u:long");
  long_header.insert(long_header.find("\r\n") + 2, "X-Padding: " + std::string(5000, 'p') + "\r\n");
  const ReadOutcome longer = read_all(dir.file("l.warc", good("u:1") + long_header + good("u:2")), p);
  EXPECT_EQ(uris(longer), (std::vector<std::string>{"u:1", "u:2"}));
  ASSERT_EQ(longer.errors.size(), 1u);
  EXPECT_TRUE(contains(longer.errors[0], "header longer than max_header_bytes (1024)")) << longer.errors[0];
}

TEST(WarcReader, LenientAboutLineEndsAndAngleBrackets) {
  const std::string lf = "WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: <http://a.example/>\n"
                         "Content-Length: 3\n\nabc\n\n";
  const std::string no_trailer = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 3\r\n\r\nxyz";
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("lf.warc", lf + no_trailer + good("u:1") + no_trailer));
  ASSERT_TRUE(o.errors.empty()) << errors_text(o);
  ASSERT_EQ(o.records.size(), 4u);
  EXPECT_EQ(o.records[0].target_uri, "http://a.example/");
  EXPECT_EQ(o.records[0].body, "abc");
  EXPECT_EQ(o.records[1].body, "xyz");
  EXPECT_EQ(o.records[3].body, "xyz");
}

// A pipe cannot be rewound: after a Content-Length that is too large the reader scans on from where it is, so
// it may lose the record the bad one swallowed, but it reads what follows and ends.
TEST(WarcReader, UnseekableInput) {
  TempDir dir;
  const std::string fifo = dir.path("pipe.warc");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string bad = with_length(good("u:bad"), 800);  // ends inside u:3
  for (const bool gz : {false, true}) {
    SCOPED_TRACE(gz);
    const std::string bytes = gz ? gzip(good("u:1") + bad + good("u:2") + good("u:3") + good("u:4"))
                                 : good("u:1") + bad + good("u:2") + good("u:3") + good("u:4");
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << bytes; });
    const ReadOutcome o = read_all(fifo, {}, 1000);
    writer.join();
    EXPECT_TRUE(o.finished);
    EXPECT_EQ(uris(o), (std::vector<std::string>{"u:1", "u:4"})) << errors_text(o);
    ASSERT_EQ(o.errors.size(), 1u) << errors_text(o);
    EXPECT_TRUE(contains(o.errors[0], std::string("pipe.warc: record at ") +
                                          (gz ? "decompressed byte 399 (gzip member at byte 0)" : "byte 399") +
                                          ": no CRLF CRLF after the block"))
        << o.errors[0];
  }
}

TEST(WarcReader, StandardInput) {
  TempDir dir;
  const std::string path = dir.file("stdin.warc.gz", written(3, true));
  const int saved = ::dup(0);
  FILE* f = std::fopen(path.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  ASSERT_GE(::dup2(::fileno(f), 0), 0);
  const ReadOutcome o = read_all("-");
  ::dup2(saved, 0);
  ::close(saved);
  std::fclose(f);
  EXPECT_TRUE(o.errors.empty()) << errors_text(o);
  EXPECT_EQ(o.records.size(), 4u);
}

TEST(WarcReader, ResponseWithoutContentTypeIsParsedWhenTheBlockIsHttp) {
  TempDir dir;
  const ReadOutcome o = read_all(dir.file("noct.warc", record("response", "u:x", "", http_response("", kPage))));
  ASSERT_EQ(o.records.size(), 1u) << errors_text(o);
  EXPECT_EQ(o.records[0].http_status, 200);
  EXPECT_EQ(o.records[0].body, kPage);
  EXPECT_TRUE(is_html_response(o.records[0])) << "sniffed from the body";
}

// ------------------------------------------------------------- robustness sweeps

// Cutting a plain file anywhere: every record that ends before the cut is read, a cut inside a record is an error,
// and reading always ends.
TEST(WarcReader, TruncationSweepPlain) {
  std::vector<uint64_t> offsets;
  const std::string plain = written(3, false, &offsets);
  offsets.push_back(plain.size());
  TempDir dir;
  for (size_t cut = 0; cut <= plain.size(); cut += 7) {
    SCOPED_TRACE(cut);
    const ReadOutcome o = read_all(dir.file("t.warc", plain.substr(0, cut)), {}, 1000);
    ASSERT_TRUE(o.finished);
    size_t complete = 0;
    while (complete + 1 < offsets.size() && offsets[complete + 1] - 4 <= cut) ++complete;
    ASSERT_EQ(o.records.size(), complete) << errors_text(o);
    for (size_t i = 0; i < complete; ++i) EXPECT_EQ(o.records[i].offset, offsets[i]);
    const bool inside_record = cut > offsets[complete] && cut < offsets[complete + 1] - 4;
    if (inside_record || cut == 0) {
      EXPECT_FALSE(o.errors.empty());
    }
  }
}

// Cutting a gzip file anywhere: exactly the records whose member is complete are read.
TEST(WarcReader, TruncationSweepGzip) {
  std::vector<uint64_t> offsets;
  const std::string gz = written(3, true, &offsets);
  offsets.push_back(gz.size());
  TempDir dir;
  for (size_t cut = 0; cut <= gz.size(); cut += 3) {
    SCOPED_TRACE(cut);
    const ReadOutcome o = read_all(dir.file("t.warc.gz", gz.substr(0, cut)), {}, 1000);
    ASSERT_TRUE(o.finished);
    size_t complete = 0;
    while (complete + 1 < offsets.size() && offsets[complete + 1] <= cut) ++complete;
    ASSERT_EQ(o.records.size(), complete) << errors_text(o);
    EXPECT_EQ(o.errors.empty(), cut == offsets[complete] && cut > 0) << errors_text(o);
  }
}

// Random byte flips in a per-record gzip file: every record whose member is untouched is read, and every record
// returned has its original content (CRC-32 catches the rest).
TEST(WarcReader, RandomCorruptionGzip) {
  std::vector<uint64_t> offsets;
  const std::string gz = written(12, true, &offsets);
  offsets.push_back(gz.size());
  const ReadOutcome clean = [&] {
    TempDir d;
    return read_all(d.file("c.warc.gz", gz));
  }();
  ASSERT_EQ(clean.records.size(), 13u);
  std::mt19937_64 rng(11);
  TempDir dir;
  for (int trial = 0; trial < 300; ++trial) {
    SCOPED_TRACE(trial);
    std::string bytes = gz;
    std::vector<bool> touched(13, false);
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      const size_t at = rng() % bytes.size();
      bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + rng() % 255));
      const auto after = std::upper_bound(offsets.begin(), offsets.end(), at);
      const size_t member = static_cast<size_t>(after - offsets.begin()) - 1;
      touched[member] = true;
    }
    const ReadOutcome o = read_all(dir.file("f.warc.gz", bytes), {}, 10000);
    ASSERT_TRUE(o.finished);
    std::vector<bool> seen(13, false);
    for (const WarcRecord& r : o.records) {
      const size_t member = static_cast<size_t>(std::find(offsets.begin(), offsets.end(), r.offset) - offsets.begin());
      ASSERT_LT(member, 13u) << "a record at an offset no member starts at: " << r.offset;
      EXPECT_EQ(r.body, clean.records[member].body);
      EXPECT_EQ(r.target_uri, clean.records[member].target_uri);
      seen[member] = true;
    }
    for (size_t m = 0; m < 13; ++m) {
      if (!touched[m]) {
        EXPECT_TRUE(seen[m]) << "untouched record " << m << " lost; errors:\n" << errors_text(o);
      }
    }
  }
}

// Random byte flips in a plain file: reading always ends, and every record before the first flip is read.
TEST(WarcReader, RandomCorruptionPlain) {
  std::vector<uint64_t> offsets;
  const std::string plain = written(12, false, &offsets);
  std::mt19937_64 rng(13);
  TempDir dir;
  for (int trial = 0; trial < 300; ++trial) {
    SCOPED_TRACE(trial);
    std::string bytes = plain;
    size_t first = bytes.size();
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      const size_t at = rng() % bytes.size();
      bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + rng() % 255));
      first = std::min(first, at);
    }
    const ReadOutcome o = read_all(dir.file("f.warc", bytes), {}, 10000);
    ASSERT_TRUE(o.finished);
    size_t before = 0;
    while (before + 1 < offsets.size() && offsets[before + 1] <= first) ++before;
    ASSERT_GE(o.records.size(), before);
    for (size_t i = 0; i < before; ++i) EXPECT_EQ(o.records[i].offset, offsets[i]);
  }
}

TEST(WarcReader, RealSampleIfPresent) {
  const fs::path root = fs::path(COPYDESK_DATASETS_DIR);
  std::vector<std::string> samples;
  if (fs::exists(root)) {
    for (const auto& e : fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && (name.ends_with(".warc") || name.ends_with(".warc.gz"))) samples.push_back(e.path());
    }
  }
  if (samples.empty()) GTEST_SKIP() << "no .warc / .warc.gz file under " << root;
  for (const std::string& path : samples) {
    const ReadOutcome o = read_all(path);
    EXPECT_TRUE(o.finished) << path;
    EXPECT_GT(o.records.size(), 0u) << path;
    EXPECT_LE(o.errors.size(), o.records.size() / 100 + 1) << path << "\n" << errors_text(o);
  }
}

}  // namespace
}  // namespace copydesk
