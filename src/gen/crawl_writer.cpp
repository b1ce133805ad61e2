// The generated crawl as pages, and written in each of its formats.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unordered_set>

#include "copydesk/generator.h"
#include "copydesk/warc.h"
#include "gen/html_pages.h"
#include "util/json.h"

namespace copydesk {
namespace {

constexpr size_t kBlock = size_t{1} << 20;  // bytes formatted before a write

// Lines formatted into a block and written when it is full.
class BlockWriter {
 public:
  explicit BlockWriter(Sink* sink) : sink_(sink) {}
  std::string& buffer() { return block_; }
  Status maybe_flush() { return block_.size() < kBlock ? Status::Ok() : flush(); }
  Status flush() {
    if (sink_ == nullptr || block_.empty()) return Status::Ok();
    Status s = sink_->write(block_);
    block_.clear();
    return s;
  }

 private:
  Sink* sink_;
  std::string block_;
};

// A gold label from Document::carried: `key` "gold_event" in
// `"gold_group":"w000123","gold_event":"e000045",...` gives "e000045".
std::string_view gold_label(const Document& doc, std::string_view key) {
  const std::string_view carried = doc.carried;
  for (size_t at = carried.find(key); at != std::string_view::npos; at = carried.find(key, at + 1)) {
    const size_t start = at + key.size() + 3;  // past `key":"`
    if (at == 0 || carried[at - 1] != '"' || carried.substr(at + key.size(), 3) != "\":\"") continue;
    return carried.substr(start, carried.find('"', start) - start);
  }
  return {};
}

Status add_gold(BlockWriter& gold, const Document& doc, CrawlFormat format, bool wanted) {
  if (!wanted) return Status::Ok();
  append_gold_jsonl(gold.buffer(), crawl_record_id(doc, format), doc);
  return gold.maybe_flush();
}

Status write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return Status::IoError(path.string() + ": cannot create: " + std::strerror(errno));
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const int err = errno;
  if (std::fclose(f) != 0 || !written)
    return Status::IoError(path.string() + ": write failed: " + std::strerror(written ? errno : err));
  return Status::Ok();
}

}  // namespace

Status generate_crawl_pages(const GeneratorParams& params, const std::function<Status(const GeneratedPage&)>& sink,
                            GeneratorStats* stats) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  gen::PageRenderer renderer(params.num_sites, params.seed);
  std::string html;
  return generate_crawl(
      params,
      [&](const Document& d) {
        const int64_t fetched = renderer.render(d, html);
        return sink(GeneratedPage{d, html, fetched});
      },
      stats);
}

std::optional<CrawlFormat> parse_crawl_format(std::string_view name) {
  if (name == "jsonl") return CrawlFormat::kJsonl;
  if (name == "jsonl-html") return CrawlFormat::kJsonlHtml;
  if (name == "html") return CrawlFormat::kHtml;
  if (name == "warc") return CrawlFormat::kWarc;
  return std::nullopt;
}

std::string_view crawl_format_name(CrawlFormat format) {
  switch (format) {
    case CrawlFormat::kJsonl: return "jsonl";
    case CrawlFormat::kJsonlHtml: return "jsonl-html";
    case CrawlFormat::kHtml: return "html";
    case CrawlFormat::kWarc: return "warc";
  }
  return "?";
}

std::string crawl_record_id(const Document& doc, CrawlFormat format) {
  switch (format) {
    case CrawlFormat::kJsonl:
    case CrawlFormat::kJsonlHtml: return doc.id;
    case CrawlFormat::kWarc: return doc.url;
    case CrawlFormat::kHtml: {
      std::string_view path = doc.url;
      if (const size_t scheme = path.find("://"); scheme != std::string_view::npos) path.remove_prefix(scheme + 3);
      if (path.substr(0, 4) == "www.") path.remove_prefix(4);
      return std::string(path) + ".html";
    }
  }
  return doc.id;
}

void append_gold_jsonl(std::string& out, std::string_view id, const Document& doc) {
  out += "{\"id\":";
  util::append_json_string(out, id);
  out += ",\"url\":";
  util::append_json_string(out, doc.url);
  for (std::string_view key : {"gold_group", "gold_event", "gold_storyline"}) {
    out += ",\"";
    out += key;
    out += "\":";
    util::append_json_string(out, gold_label(doc, key));
  }
  out += ",\"site\":";
  util::append_json_string(out, doc.site);
  out += ",\"date\":";
  util::append_json_string(out, doc.date_text);
  out += ",\"title\":";
  util::append_json_string(out, doc.title);
  out += "}\n";
}

Status CrawlWriteParams::validate() const {
  if (gzip_level < 1 || gzip_level > 9) return Status::InvalidArgument("crawl writer: gzip_level must be in [1, 9]");
  return Status::Ok();
}

Status write_crawl(const GeneratorParams& params, const CrawlWriteParams& write, Sink& out, Sink* gold_sink,
                   GeneratorStats* stats) {
  COPYDESK_RETURN_IF_ERROR(write.validate());
  COPYDESK_RETURN_IF_ERROR(params.validate());
  BlockWriter gold(gold_sink), block(&out);
  const bool want_gold = gold_sink != nullptr;
  Status made;
  switch (write.format) {
    case CrawlFormat::kJsonl:
      made = generate_crawl(
          params,
          [&](const Document& d) {
            append_document_jsonl(block.buffer(), d);
            COPYDESK_RETURN_IF_ERROR(add_gold(gold, d, write.format, want_gold));
            return block.maybe_flush();
          },
          stats);
      break;
    case CrawlFormat::kJsonlHtml:
      made = generate_crawl_pages(
          params,
          [&](const GeneratedPage& p) {
            std::string& o = block.buffer();
            o += "{\"id\":";
            util::append_json_string(o, p.doc.id);
            o += ",\"url\":";
            util::append_json_string(o, p.doc.url);
            o += ",\"html\":";
            util::append_json_string(o, p.html);
            if (!p.doc.carried.empty()) {
              o += ',';
              o += p.doc.carried;
            }
            o += "}\n";
            COPYDESK_RETURN_IF_ERROR(add_gold(gold, p.doc, write.format, want_gold));
            return block.maybe_flush();
          },
          stats);
      break;
    case CrawlFormat::kWarc: {
      WarcWriterParams wp;
      wp.gzip = write.gzip;
      wp.gzip_level = write.gzip_level;
      wp.warcinfo_date = params.start_time;
      WarcWriter warc(out, wp);
      COPYDESK_RETURN_IF_ERROR(warc.write_warcinfo(write.software));
      made = generate_crawl_pages(
          params,
          [&](const GeneratedPage& p) {
            COPYDESK_RETURN_IF_ERROR(warc.write_response(p.doc.url, p.fetch_time, p.html));
            return add_gold(gold, p.doc, write.format, want_gold);
          },
          stats);
      break;
    }
    case CrawlFormat::kHtml:
      return Status::InvalidArgument("crawl writer: the html format is a folder: use write_crawl_html_folder");
  }
  COPYDESK_RETURN_IF_ERROR(made);
  COPYDESK_RETURN_IF_ERROR(block.flush());
  return gold.flush();
}

Status write_crawl_html_folder(const GeneratorParams& params, const std::string& dir, Sink* gold_sink,
                               GeneratorStats* stats) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  namespace fs = std::filesystem;
  const fs::path root(dir);
  std::unordered_set<std::string> folders_made;
  BlockWriter gold(gold_sink);
  const Status made = generate_crawl_pages(
      params,
      [&](const GeneratedPage& p) {
        const std::string id = crawl_record_id(p.doc, CrawlFormat::kHtml);
        const fs::path path = root / id;
        const std::string folder = path.parent_path().string();
        if (folders_made.insert(folder).second) {
          std::error_code ec;
          fs::create_directories(folder, ec);
          if (ec) return Status::IoError(folder + ": cannot create folder: " + ec.message());
        }
        COPYDESK_RETURN_IF_ERROR(write_file(path, p.html));
        return add_gold(gold, p.doc, CrawlFormat::kHtml, gold_sink != nullptr);
      },
      stats);
  COPYDESK_RETURN_IF_ERROR(made);
  return gold.flush();
}

}  // namespace copydesk
