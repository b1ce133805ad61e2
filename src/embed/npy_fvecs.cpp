// .npy and .fvecs readers and writers.
#include <bit>
#include <cmath>
#include <cstring>

#include "copydesk/embed_external.h"
#include "copydesk/writer.h"
#include "embed/binary_file.h"

namespace copydesk {

using embed_detail::read_whole_file;

namespace {

constexpr char kNpyMagic[] = "\x93NUMPY";

// The value of 'key' in a .npy header dict: the text after "'key':", trimmed.
std::string dict_value(const std::string& header, const std::string& key) {
  const size_t at = header.find("'" + key + "'");
  if (at == std::string::npos) return {};
  size_t p = header.find(':', at);
  if (p == std::string::npos) return {};
  ++p;
  while (p < header.size() && header[p] == ' ') ++p;
  const char open = header[p];
  size_t end;
  if (open == '\'') {
    end = header.find('\'', p + 1);
    return end == std::string::npos ? std::string() : header.substr(p + 1, end - p - 1);
  }
  if (open == '(') {
    end = header.find(')', p);
    return end == std::string::npos ? std::string() : header.substr(p, end - p + 1);
  }
  end = header.find_first_of(",}", p);
  return header.substr(p, end == std::string::npos ? std::string::npos : end - p);
}

// "(772, 384)" → {772, 384}; false unless it is a tuple of non-negative integers.
bool parse_shape(const std::string& s, std::vector<uint64_t>& dims) {
  dims.clear();
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  size_t p = 1;
  while (p < s.size() - 1) {
    while (p < s.size() && (s[p] == ' ' || s[p] == ',')) ++p;
    if (p >= s.size() - 1) break;
    if (s[p] < '0' || s[p] > '9') return false;
    uint64_t v = 0;
    while (s[p] >= '0' && s[p] <= '9') v = v * 10 + static_cast<uint64_t>(s[p++] - '0');
    dims.push_back(v);
  }
  return true;
}

Status not_finite(const std::string& path, const std::string& record, uint32_t column) {
  return Status::ParseError(path + ": " + record + ", component " + std::to_string(column) + " is not a finite number");
}

Status write_bytes(const std::string& path, const std::string& bytes) {
  Result<std::unique_ptr<FileSink>> out = FileSink::open(path);
  if (!out.ok()) return out.status();
  COPYDESK_RETURN_IF_ERROR((*out)->write(bytes));
  return (*out)->close();
}

}  // namespace

Result<EmbeddingMatrix> read_npy(const std::string& path) {
  if constexpr (std::endian::native != std::endian::little) {
    return Status::InvalidArgument(path + ": .npy files are read on little-endian machines only");
  }
  std::string bytes;
  COPYDESK_RETURN_IF_ERROR(read_whole_file(path, bytes));
  const auto bad = [&](const std::string& what) { return Status::ParseError(path + ": " + what); };
  if (bytes.size() < 10 || bytes.compare(0, 6, kNpyMagic) != 0) return bad("not a .npy file (bad magic)");
  const unsigned major = static_cast<unsigned char>(bytes[6]);
  size_t header_len, header_start;
  if (major == 1) {
    header_len = static_cast<unsigned char>(bytes[8]) | (static_cast<size_t>(static_cast<unsigned char>(bytes[9])) << 8);
    header_start = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) return bad("truncated .npy header");
    header_len = 0;
    for (int i = 3; i >= 0; --i) header_len = (header_len << 8) | static_cast<unsigned char>(bytes[8 + static_cast<size_t>(i)]);
    header_start = 12;
  } else {
    return bad(".npy format version " + std::to_string(major) + " is not supported");
  }
  if (bytes.size() < header_start + header_len) return bad("truncated .npy header");
  const std::string header = bytes.substr(header_start, header_len);
  const std::string descr = dict_value(header, "descr");
  const std::string fortran = dict_value(header, "fortran_order");
  std::vector<uint64_t> shape;
  if (!parse_shape(dict_value(header, "shape"), shape)) return bad("cannot read 'shape' in the .npy header");
  if (descr != "<f4" && descr != "<f8") {
    return bad("dtype '" + descr + "' is not supported: need little-endian float32 ('<f4') or float64 ('<f8')");
  }
  if (fortran != "False") return bad("Fortran-order arrays are not supported: save a C-order array");
  if (shape.size() != 2) return bad("need a 2-D array (documents × dims), got " + std::to_string(shape.size()) + "-D");
  const uint64_t rows = shape[0], cols = shape[1], item = descr == "<f4" ? 4 : 8;
  if (cols < 1 || cols > 65536) return bad(std::to_string(cols) + " dimensions, expected 1 to 65536");
  const uint64_t data_bytes = bytes.size() - header_start - header_len;
  if (rows > data_bytes / (cols * item) || data_bytes != rows * cols * item) {
    return bad("data is " + std::to_string(data_bytes) + " bytes, shape (" + std::to_string(rows) + ", " +
               std::to_string(cols) + ") of " + descr + " needs " + std::to_string(rows * cols * item) +
               (data_bytes < rows * cols * item ? " (truncated)" : ""));
  }
  EmbeddingMatrix m;
  m.dims = static_cast<uint32_t>(cols);
  m.values.resize(rows * cols);
  const char* data = bytes.data() + header_start + header_len;
  for (uint64_t i = 0; i < rows * cols; ++i) {
    double v;
    if (item == 4) {
      float f;
      std::memcpy(&f, data + 4 * i, 4);
      v = f;
    } else {
      std::memcpy(&v, data + 8 * i, 8);
    }
    const float f = static_cast<float>(v);
    if (!std::isfinite(f)) return not_finite(path, "row " + std::to_string(i / cols), static_cast<uint32_t>(i % cols));
    m.values[i] = f;
  }
  return m;
}

Result<EmbeddingMatrix> read_fvecs(const std::string& path) {
  std::string bytes;
  COPYDESK_RETURN_IF_ERROR(read_whole_file(path, bytes));
  EmbeddingMatrix m;
  size_t at = 0;
  for (uint64_t record = 0; at < bytes.size(); ++record) {
    const std::string where = path + ": vector " + std::to_string(record);
    if (bytes.size() - at < 4) return Status::ParseError(where + ": truncated (no room for its dimension)");
    int32_t d;
    std::memcpy(&d, bytes.data() + at, 4);
    at += 4;
    if (d < 1 || d > 65536) return Status::ParseError(where + ": dimension " + std::to_string(d) + " out of range [1, 65536]");
    if (m.dims == 0) m.dims = static_cast<uint32_t>(d);
    if (static_cast<uint32_t>(d) != m.dims) {
      return Status::ParseError(where + ": dimension " + std::to_string(d) + ", the first vector has " + std::to_string(m.dims));
    }
    const size_t need = size_t{4} * static_cast<size_t>(d);
    if (bytes.size() - at < need) {
      return Status::ParseError(where + ": truncated (needs " + std::to_string(need) + " bytes, " +
                                std::to_string(bytes.size() - at) + " left)");
    }
    const size_t first = m.values.size();
    m.values.resize(first + static_cast<size_t>(d));
    std::memcpy(m.values.data() + first, bytes.data() + at, need);
    at += need;
    for (uint32_t k = 0; k < m.dims; ++k) {
      if (!std::isfinite(m.values[first + k])) return not_finite(path, "vector " + std::to_string(record), k);
    }
  }
  if (m.dims == 0) return Status::ParseError(path + ": no vectors");
  return m;
}

Status write_npy(const std::string& path, const EmbeddingMatrix& m) {
  if constexpr (std::endian::native != std::endian::little) {
    return Status::InvalidArgument(path + ": .npy files are written on little-endian machines only");
  }
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(m.rows()) + ", " +
                       std::to_string(m.dims) + "), }";
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in '\n'.
  const size_t total = (10 + header.size() + 1 + 63) / 64 * 64;
  header.append(total - 10 - header.size() - 1, ' ');
  header.push_back('\n');
  std::string bytes(kNpyMagic, 6);
  bytes.push_back('\x01');
  bytes.push_back('\x00');
  bytes.push_back(static_cast<char>(header.size() & 0xFF));
  bytes.push_back(static_cast<char>(header.size() >> 8));
  bytes += header;
  bytes.append(reinterpret_cast<const char*>(m.values.data()), m.values.size() * sizeof(float));
  return write_bytes(path, bytes);
}

Status write_fvecs(const std::string& path, const EmbeddingMatrix& m) {
  std::string bytes;
  bytes.reserve(m.rows() * (4 + size_t{4} * m.dims));
  const int32_t d = static_cast<int32_t>(m.dims);
  for (size_t i = 0; i < m.rows(); ++i) {
    bytes.append(reinterpret_cast<const char*>(&d), 4);
    bytes.append(reinterpret_cast<const char*>(m.row(i)), size_t{4} * m.dims);
  }
  return write_bytes(path, bytes);
}

}  // namespace copydesk
