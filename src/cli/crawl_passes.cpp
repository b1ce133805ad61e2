#include "cli/crawl_passes.h"

#include <omp.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "copydesk/dedup.h"
#include "copydesk/writer.h"

namespace copydesk::cli {

void print_rejects(const std::vector<Reject>& rejects, bool skipped) {
  const size_t shown = std::min<size_t>(rejects.size(), 20);
  for (size_t i = 0; i < shown; ++i) {
    const Reject& r = rejects[i];
    const std::string place = r.line > 0 ? r.source + ":" + std::to_string(r.line) : r.source;
    std::fprintf(stderr, "%s: %s%s%s\n", place.c_str(), r.id.empty() ? "" : ("record '" + r.id + "': ").c_str(),
                 r.reason.c_str(), skipped ? " (skipped)" : "");
  }
  if (rejects.size() > shown) std::fprintf(stderr, "… and %zu more bad records\n", rejects.size() - shown);
}

std::string default_rejects_path(const std::string& output) {
  return output.empty() || output == "-" ? "copydesk-rejects.jsonl" : output + ".rejects.jsonl";
}

bool input_has_pages(const std::string& path) {
  if (path == "-") return false;
  std::error_code ec;
  return std::filesystem::is_directory(path, ec) || is_warc_file(path);
}

Result<std::unique_ptr<CrawlPasses>> CrawlPasses::open(const std::vector<std::string>& inputs, ReadParams params,
                                                       Source generate) {
  const auto stdin_count = std::count(inputs.begin(), inputs.end(), "-");
  if (stdin_count > 1) return Status::InvalidArgument("- (stdin) given twice");
  std::unique_ptr<CrawlPasses> crawl(new CrawlPasses(inputs, std::move(params), std::move(generate)));
  if (stdin_count == 1) {
    Result<std::unique_ptr<TempFile>> tmp = TempFile::create("stdin");
    if (!tmp.ok()) return tmp.status();
    COPYDESK_RETURN_IF_ERROR((*tmp)->fill_from_stdin());
    crawl->stdin_copy_ = std::move(*tmp);
  }
  return crawl;
}

bool CrawlPasses::has_pages() const {
  return std::any_of(inputs_.begin(), inputs_.end(), [](const std::string& path) { return input_has_pages(path); });
}

Status CrawlPasses::read_originals(CorpusReader& reader) const {
  if (generate_) return generate_(reader);
  for (const std::string& path : inputs_) {
    COPYDESK_RETURN_IF_ERROR(path == "-" ? reader.add_jsonl(stdin_copy_->path(), "<stdin>") : reader.add_path(path));
  }
  return Status::Ok();
}

Status CrawlPasses::read_spool_or_originals(CorpusReader& reader) const {
  return doc_spool_ ? reader.add_jsonl(doc_spool_->path(), "<spooled documents>") : read_originals(reader);
}

Status CrawlPasses::prescan(const Prescan& pass) {
  if (first_read_done_) return Status::InvalidArgument("prescan after the first read");
  std::unique_ptr<FileSink> out;
  if (pass.spool) {
    Result<std::unique_ptr<TempFile>> tmp = TempFile::create("docs");
    if (!tmp.ok()) return tmp.status();
    doc_spool_ = std::move(*tmp);
    Result<std::unique_ptr<FileSink>> opened = FileSink::open(doc_spool_->path());
    if (!opened.ok()) return opened.status();
    out = std::move(*opened);
  }
  std::vector<BoilerplateModel> counters;
  const int max_threads = std::max(1, omp_get_max_threads());
  for (int t = 0; pass.boilerplate && t < max_threads; ++t) counters.emplace_back(*pass.boilerplate);
  std::vector<Document> batch;
  std::string buffer;
  Status spool_status;
  uint64_t spooled = 0;
  auto flush = [&] {
    if (!counters.empty()) {
      const int64_t n = static_cast<int64_t>(batch.size());
#pragma omp parallel for schedule(dynamic, 16)
      for (int64_t i = 0; i < n; ++i) counters[omp_get_thread_num()].add_page(batch[i].site, batch[i].text);
    }
    if (pass.on_batch) pass.on_batch(batch.data(), batch.size());
    if (out) {
      for (const Document& d : batch) append_document_jsonl(buffer, d);
      if (spool_status.ok()) spool_status = out->write(buffer);
      buffer.clear();
    }
    spooled += batch.size();
    batch.clear();
    if (pass.on_progress) pass.on_progress(spooled);
  };
  CorpusReader reader(params_, [&](Document&& d) {
    batch.push_back(std::move(d));
    if (batch.size() >= Deduplicator::kBatchDocs) flush();
  });
  COPYDESK_RETURN_IF_ERROR(read_originals(reader));
  flush();
  if (out && spool_status.ok()) spool_status = out->close();
  COPYDESK_RETURN_IF_ERROR(spool_status);
  seen_ = reader.take();
  first_read_done_ = true;
  if (!counters.empty()) {
    for (size_t t = 1; t < counters.size(); ++t) COPYDESK_RETURN_IF_ERROR(counters[0].merge(std::move(counters[t])));
    COPYDESK_RETURN_IF_ERROR(counters[0].finalize());
    boilerplate_.emplace(std::move(counters[0]));
  }
  return Status::Ok();
}

Status CrawlPasses::read(const DocumentHandler& handler) {
  if (first_read_done_) return read_again(handler).status();
  CorpusReader reader(params_, handler);
  COPYDESK_RETURN_IF_ERROR(read_originals(reader));
  seen_ = reader.take();
  first_read_done_ = true;
  return Status::Ok();
}

Result<uint64_t> CrawlPasses::read_again(const DocumentHandler& handler) const {
  CorpusReader replay = CorpusReader::replaying(seen_.ids, params_, handler);
  COPYDESK_RETURN_IF_ERROR(read_spool_or_originals(replay));
  return replay.corpus().documents;
}

}  // namespace copydesk::cli
