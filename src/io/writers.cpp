#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cmath>
#include <memory>
#include <omp.h>

#include "copydesk/writer.h"
#include "util/json.h"

namespace copydesk {
namespace {

void append_id(std::string& out, const Document& d) {
  if (d.id_is_number) {
    out += d.id;
  } else {
    util::append_json_string(out, d.id);
  }
}

void append_field(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out += ",\"";
  out += key;
  out += "\":";
  util::append_json_string(out, value);
}

// Formats lines [0, n) with `format(i, out)` in parallel chunks, writing the
// chunks in order.
template <typename Format>
Status write_lines(size_t n, Sink& sink, Format format) {
  constexpr size_t kChunk = 8192;
  std::vector<std::string> buffers(2 * static_cast<size_t>(std::max(1, omp_get_max_threads())));
  for (size_t start = 0; start < n; start += kChunk * buffers.size()) {
    const int64_t chunks = static_cast<int64_t>(std::min(buffers.size(), (n - start + kChunk - 1) / kChunk));
#pragma omp parallel for schedule(dynamic, 1) if (n > kChunk)
    for (int64_t c = 0; c < chunks; ++c) {
      std::string& buf = buffers[c];
      buf.clear();
      const size_t begin = start + static_cast<size_t>(c) * kChunk, end = std::min(n, begin + kChunk);
      for (size_t i = begin; i < end; ++i) format(i, buf);
    }
    for (int64_t c = 0; c < chunks; ++c) COPYDESK_RETURN_IF_ERROR(sink.write(buffers[c]));
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<FileSink>> FileSink::open(const std::string& path) {
  if (path == "-") return std::unique_ptr<FileSink>(new FileSink(stdout, "<stdout>", false));
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return Status::IoError(path + ": cannot create: " + std::strerror(errno));
  std::setvbuf(f, nullptr, _IOFBF, 1 << 20);
  return std::unique_ptr<FileSink>(new FileSink(f, path, true));
}

FileSink::~FileSink() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

Status FileSink::write(std::string_view bytes) {
  if (reader_gone_ || bytes.empty()) return Status::Ok();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    if (errno == EPIPE) {
      reader_gone_ = true;
      return Status::Ok();
    }
    return Status::IoError(name_ + ": write failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status FileSink::close() {
  if (file_ == nullptr) return Status::Ok();
  const int rc = owned_ ? std::fclose(file_) : std::fflush(file_);
  file_ = owned_ ? nullptr : file_;
  if (rc != 0 && errno == EPIPE) reader_gone_ = true;
  if (rc != 0 && !reader_gone_) return Status::IoError(name_ + ": write failed: " + std::strerror(errno));
  return Status::Ok();
}

void append_document_jsonl(std::string& out, const Document& d) {
  out += "{\"id\":";
  append_id(out, d);
  append_field(out, "title", d.title);
  append_field(out, "url", d.url);
  append_field(out, "site", d.site);
  append_field(out, "date", d.date_text);
  out += ",\"text\":";
  util::append_json_string(out, d.text);
  if (!d.carried.empty()) {
    out.push_back(',');
    out += d.carried;
  }
  out += "}\n";
}

void append_assignment(std::string& out, const Document& d, uint32_t i, const CopyGroups& groups, const IdTable& ids) {
  const uint32_t g = groups.group_of[i];
  out += "{\"id\":";
  append_id(out, d);
  out += ",\"group\":";
  out += std::to_string(g);
  out += ",\"group_size\":";
  out += std::to_string(groups.group_size[g]);
  out += ",\"canonical\":";
  ids.append_json(out, groups.canonical[g]);
  out += ",\"similarity\":";
  util::append_json_number(out, std::round(groups.similarity[i] * 10000.0) / 10000.0);
  append_field(out, "title", d.title);
  append_field(out, "url", d.url);
  append_field(out, "site", d.site);
  append_field(out, "date", d.date_text);
  append_field(out, "wire", d.wire);
  append_field(out, "dateline_place", d.dateline_place);
  append_field(out, "dateline_date", d.dateline_date);
  if (!d.carried.empty()) {
    out.push_back(',');
    out += d.carried;
  }
  out += "}\n";
}

Status write_assignments(const Corpus& corpus, const CopyGroups& groups, Sink& sink) {
  return write_lines(corpus.docs.size(), sink, [&](size_t i, std::string& out) {
    append_assignment(out, corpus.docs[i], static_cast<uint32_t>(i), groups, corpus.ids);
  });
}

Status write_groups(const IdTable& ids, const CopyGroups& groups, Sink& sink) {
  const size_t n = groups.group_of.size();
  // Members of each group in input order (CSR by group).
  std::vector<uint32_t> offset(groups.num_groups() + 1, 0);
  for (uint32_t g : groups.group_of) ++offset[g + 1];
  for (size_t g = 0; g < groups.num_groups(); ++g) offset[g + 1] += offset[g];
  std::vector<uint32_t> members(n), fill(offset.begin(), offset.end() - 1);
  for (uint32_t i = 0; i < n; ++i) members[fill[groups.group_of[i]]++] = i;
  return write_lines(groups.num_groups(), sink, [&](size_t g, std::string& out) {
    if (groups.group_size[g] < 2) return;
    out += "{\"group\":" + std::to_string(g) + ",\"size\":" + std::to_string(groups.group_size[g]) +
           ",\"canonical\":";
    ids.append_json(out, groups.canonical[g]);
    out += ",\"members\":[";
    for (uint32_t k = offset[g]; k < offset[g + 1]; ++k) {
      if (k != offset[g]) out.push_back(',');
      ids.append_json(out, members[k]);
    }
    out += "]}\n";
  });
}

Status write_keep(const IdTable& ids, const CopyGroups& groups, Sink& sink) {
  return write_lines(groups.num_groups(), sink, [&](size_t g, std::string& out) {
    out += ids.id(groups.canonical[g]);
    out.push_back('\n');
  });
}

Status write_rejects(const std::vector<Reject>& rejects, Sink& sink) {
  return write_lines(rejects.size(), sink, [&](size_t i, std::string& out) {
    const Reject& r = rejects[i];
    out += "{\"source\":";
    util::append_json_string(out, r.source);
    out += ",\"line\":" + std::to_string(r.line) + ",\"id\":";
    util::append_json_string(out, r.id);
    out += ",\"reason\":";
    util::append_json_string(out, r.reason);
    out += ",\"record\":";
    util::append_json_string(out, r.record);
    out += "}\n";
  });
}

}  // namespace copydesk
