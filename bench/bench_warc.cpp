// WARC: WarcWriter and WarcReader throughput on a generated crawl of HTML
// pages (kWarcPages documents from the built-in generator, each wrapped in a
// page with header, navigation, sidebar and footer furniture; about 5 KB of
// WARC record per page). COPYDESK_BENCH_WARC_PAGES changes the count.
//
// "Bytes" here are uncompressed WARC bytes (the .warc file's size; for the
// reader, WarcReader::bytes_read()), so plain and gzip figures compare.
//
//   BM_WarcWrite/0/0, /1/6, /1/1   writing every page to memory: plain, gzip level 6 (the default), level 1
//   BM_WarcRead/0, /1         reading the file back, plain / one gzip member per record
//   BM_WarcReadOneMember      the same file compressed as one gzip member
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "copydesk/generator.h"
#include "copydesk/warc.h"

namespace {

namespace fs = std::filesystem;

constexpr uint64_t kWarcPages = 5000;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_warc: check failed: %s\n", what);
    std::exit(2);
  }
}

struct Page {
  std::string url;
  int64_t date;
  std::string html;
};

std::string page_html(const copydesk::Document& d) {
  std::string h = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>";
  h += d.title;
  h += "</title><link rel=\"stylesheet\" href=\"/static/site.css\"></head>\n<body><header class=\"site-header\">"
       "<nav><ul>";
  for (const char* s : {"World", "Politics", "Business", "Tech", "Science", "Sport", "Culture", "Opinion"}) {
    h += "<li><a href=\"/section/";
    h += s;
    h += "\">";
    h += s;
    h += "</a></li>";
  }
  h += "</ul></nav></header>\n<main><article><h1>";
  h += d.title;
  h += "</h1><time datetime=\"";
  h += d.date_text;
  h += "\"></time>\n";
  size_t start = 0;
  while (start < d.text.size()) {
    size_t end = d.text.find('\n', start);
    if (end == std::string::npos) end = d.text.size();
    h += "<p>";
    h.append(d.text, start, end - start);
    h += "</p>\n";
    start = end + 1;
  }
  h += "</article><aside class=\"sidebar\"><h2>Most read</h2><ol>";
  for (int i = 0; i < 10; ++i) {
    h += "<li><a href=\"/news/most-read-" + std::to_string(i) + "\">A headline that people read</a></li>";
  }
  h += "</ol></aside></main>\n<footer><p>&copy; 2026 ";
  h += d.site;
  h += ". All rights reserved.</p></footer></body></html>\n";
  return h;
}

const std::vector<Page>& pages() {
  static const std::vector<Page> all = [] {
    std::vector<Page> out;
    copydesk::GeneratorParams p;
    p.num_docs = kWarcPages;
    p.seed = 1;
    if (const char* env = std::getenv("COPYDESK_BENCH_WARC_PAGES")) p.num_docs = std::strtoull(env, nullptr, 10);
    const copydesk::Status s = copydesk::generate_crawl(p, [&](const copydesk::Document& d) {
      out.push_back({d.url, d.date, page_html(d)});
      return copydesk::Status::Ok();
    });
    check(s.ok() && !out.empty(), "generate the crawl");
    return out;
  }();
  return all;
}

std::string write_warc(bool gzip, int level = 6) {
  copydesk::StringSink sink;
  copydesk::WarcWriterParams params;
  params.gzip = gzip;
  params.gzip_level = level;
  copydesk::WarcWriter writer(sink, params);
  check(writer.write_warcinfo("copydesk bench").ok(), "write warcinfo");
  for (const Page& page : pages()) check(writer.write_response(page.url, page.date, page.html).ok(), "write");
  return sink.data;
}

// The three files, written once per process and removed at exit.
struct Files {
  fs::path dir;
  std::string plain, gzip, one_member;
  uint64_t plain_bytes = 0;
  Files() {
    dir = fs::temp_directory_path() / ("copydesk_bench_warc_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string p = write_warc(false), g = write_warc(true);
    plain_bytes = p.size();
    plain = save("crawl.warc", p);
    gzip = save("crawl.warc.gz", g);
    one_member = save("crawl-one-member.warc.gz", compress_whole(p));
  }
  ~Files() { fs::remove_all(dir); }
  std::string save(const char* name, const std::string& bytes) const {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  static std::string compress_whole(const std::string& bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size())) + 64;
    std::string out(size, '\0');
    z_stream z{};
    check(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK, "deflateInit2");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    check(deflate(&z, Z_FINISH) == Z_STREAM_END, "deflate");
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
  }
};

const Files& files() {
  static const Files f;
  return f;
}

// Reads the whole file; returns (html responses, decompressed bytes).
std::pair<uint64_t, uint64_t> read_warc(const std::string& path) {
  auto reader = copydesk::WarcReader::open(path);
  check(reader.ok(), "open the WARC file");
  copydesk::WarcRecord rec;
  uint64_t html = 0, body_bytes = 0;
  for (;;) {
    const copydesk::Result<bool> more = (*reader)->next(rec);
    check(more.ok(), "no record errors");
    if (!*more) break;
    if (copydesk::is_html_response(rec)) {
      ++html;
      body_bytes += rec.body.size();
    }
  }
  benchmark::DoNotOptimize(body_bytes);
  return {html, (*reader)->bytes_read()};
}

void BM_WarcWrite(benchmark::State& state) {
  const bool gzip = state.range(0) != 0;
  const int level = static_cast<int>(state.range(1));
  const uint64_t plain_bytes = files().plain_bytes;
  for (auto _ : state) {
    std::string out = write_warc(gzip, gzip ? level : 6);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * plain_bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * pages().size()),
                                                benchmark::Counter::kIsRate);
  state.SetLabel(gzip ? "gzip level " + std::to_string(level) : "plain");
}

void read_benchmark(benchmark::State& state, const std::string& path, const char* label) {
  const auto [html, bytes] = read_warc(path);  // checked before timing
  check(html == pages().size(), "every page read back as an HTML response");
  check(bytes == files().plain_bytes, "bytes_read is the uncompressed size");
  for (auto _ : state) benchmark::DoNotOptimize(read_warc(path));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * html), benchmark::Counter::kIsRate);
  state.counters["file_MB"] = static_cast<double>(fs::file_size(path)) / 1e6;
  state.counters["warc_MB"] = static_cast<double>(bytes) / 1e6;
  state.SetLabel(label);
}

void BM_WarcRead(benchmark::State& state) {
  const bool gzip = state.range(0) != 0;
  read_benchmark(state, gzip ? files().gzip : files().plain, gzip ? "gzip, member per record" : "plain");
}

void BM_WarcReadOneMember(benchmark::State& state) {
  read_benchmark(state, files().one_member, "gzip, one member");
}

BENCHMARK(BM_WarcWrite)->Args({0, 0})->Args({1, 6})->Args({1, 1})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcRead)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WarcReadOneMember)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
