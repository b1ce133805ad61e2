// JSON Lines {id, vector} reader and writer.
#include <simdjson.h>

#include <cmath>

#include "copydesk/embed_external.h"
#include "copydesk/writer.h"
#include "embed/binary_file.h"
#include "util/json.h"

namespace copydesk {

using embed_detail::read_maybe_gzip_file;

Result<EmbeddingMatrix> read_vectors_jsonl(const std::string& path, const IdTable& ids) {
  std::string text;
  COPYDESK_RETURN_IF_ERROR(read_maybe_gzip_file(path, text));
  EmbeddingMatrix m;
  std::vector<uint64_t> line_of(ids.size(), 0);  // 0: no vector yet
  std::vector<float> row;
  simdjson::dom::parser parser;
  uint64_t line_no = 0;
  size_t filled = 0;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + at, end - at);
    at = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    simdjson::dom::element record;
    if (auto e = parser.parse(line.data(), line.size()).get(record); e) {
      return Status::ParseError(where + ": not JSON: " + simdjson::error_message(e));
    }
    simdjson::dom::element id_value;
    if (record["id"].get(id_value)) return Status::ParseError(where + ": no 'id' field");
    std::string id;
    if (id_value.is_string()) {
      id = std::string(std::string_view(id_value));
    } else if (id_value.is_int64() || id_value.is_uint64()) {
      id = simdjson::to_string(id_value);
    } else {
      return Status::ParseError(where + ": 'id' must be a string or an integer");
    }
    const uint32_t doc = ids.find(id);
    if (doc == IdTable::kNotFound) return Status::ParseError(where + ": id '" + id + "' is not a document of the crawl");
    if (line_of[doc] != 0) {
      return Status::ParseError(where + ": id '" + id + "' already has a vector (line " + std::to_string(line_of[doc]) + ")");
    }
    simdjson::dom::array values;
    if (record["vector"].get_array().get(values)) {
      return Status::ParseError(where + ": record '" + id + "': 'vector' must be an array of numbers");
    }
    row.clear();
    for (simdjson::dom::element x : values) {
      double v;
      if (x.get_double().get(v)) {
        return Status::ParseError(where + ": record '" + id + "': vector[" + std::to_string(row.size()) + "] is not a number");
      }
      const float f = static_cast<float>(v);
      if (!std::isfinite(f)) {
        return Status::ParseError(where + ": record '" + id + "': vector[" + std::to_string(row.size()) + "] is not a finite float");
      }
      row.push_back(f);
    }
    if (row.empty() || row.size() > 65536) {
      return Status::ParseError(where + ": record '" + id + "': vector has " + std::to_string(row.size()) +
                                " numbers, expected 1 to 65536");
    }
    if (m.dims == 0) {
      m.dims = static_cast<uint32_t>(row.size());
      m.values.assign(ids.size() * m.dims, 0.0f);
    } else if (row.size() != m.dims) {
      return Status::ParseError(where + ": record '" + id + "': vector has " + std::to_string(row.size()) +
                                " numbers, the first record has " + std::to_string(m.dims));
    }
    std::copy(row.begin(), row.end(), m.row(doc));
    line_of[doc] = line_no;
    ++filled;
  }
  if (filled < ids.size()) {
    uint32_t missing = 0;
    while (line_of[missing] != 0) ++missing;
    return Status::ParseError(path + ": " + std::to_string(ids.size() - filled) + " of " + std::to_string(ids.size()) +
                              " documents have no vector (the first is '" + std::string(ids.id(missing)) + "')");
  }
  return m;
}

Status write_vectors_jsonl(const std::string& path, const EmbeddingMatrix& m, const IdTable& ids) {
  if (ids.size() != m.rows()) {
    return Status::InvalidArgument(path + ": " + std::to_string(m.rows()) + " vectors for " + std::to_string(ids.size()) + " ids");
  }
  Result<std::unique_ptr<FileSink>> out = FileSink::open(path);
  if (!out.ok()) return out.status();
  std::string block;
  for (size_t i = 0; i < m.rows(); ++i) {
    block += "{\"id\":";
    ids.append_json(block, static_cast<uint32_t>(i));
    block += ",\"vector\":[";
    for (uint32_t k = 0; k < m.dims; ++k) {
      if (k > 0) block += ',';
      char buf[32];
      const int n = std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(m.row(i)[k]));  // exact float round trip
      block.append(buf, static_cast<size_t>(n));
    }
    block += "]}\n";
    if (block.size() > (1u << 20)) {
      COPYDESK_RETURN_IF_ERROR((*out)->write(block));
      block.clear();
    }
  }
  COPYDESK_RETURN_IF_ERROR((*out)->write(block));
  return (*out)->close();
}

}  // namespace copydesk
