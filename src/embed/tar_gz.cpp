#include "embed/tar_gz.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace copydesk::embed_detail {
namespace {

class GzFile {
 public:
  explicit GzFile(const std::string& path) : f_(gzopen(path.c_str(), "rb")) {}
  ~GzFile() {
    if (f_ != nullptr) gzclose(f_);
  }
  GzFile(const GzFile&) = delete;
  GzFile& operator=(const GzFile&) = delete;
  bool ok() const { return f_ != nullptr; }
  // Reads exactly n bytes; false on a short read or error.
  bool read(char* dst, uint64_t n) {
    while (n > 0) {
      const unsigned chunk = static_cast<unsigned>(std::min<uint64_t>(n, 1u << 30));
      const int got = gzread(f_, dst, chunk);
      if (got <= 0) return false;
      dst += got;
      n -= static_cast<uint64_t>(got);
    }
    return true;
  }
  bool skip(uint64_t n) {
    char buf[1 << 16];
    while (n > 0) {
      const uint64_t chunk = std::min<uint64_t>(n, sizeof buf);
      if (!read(buf, chunk)) return false;
      n -= chunk;
    }
    return true;
  }

 private:
  gzFile f_;
};

// Octal (or GNU base-256) number field of a tar header.
bool parse_number(const char* field, size_t len, uint64_t& out) {
  out = 0;
  if ((static_cast<unsigned char>(field[0]) & 0x80) != 0) {
    for (size_t i = 1; i < len; ++i) out = (out << 8) | static_cast<unsigned char>(field[i]);
    return true;
  }
  size_t i = 0;
  while (i < len && field[i] == ' ') ++i;
  bool any = false;
  for (; i < len && field[i] >= '0' && field[i] <= '7'; ++i) out = out * 8 + static_cast<uint64_t>(field[i] - '0'), any = true;
  return any;
}

std::string field_string(const char* field, size_t len) { return std::string(field, strnlen(field, len)); }

// The `path` record of a pax extended header, if any ("<len> path=<name>\n").
std::string pax_path(const std::string& pax) {
  size_t at = 0;
  while (at < pax.size()) {
    const size_t space = pax.find(' ', at);
    if (space == std::string::npos) break;
    const size_t len = std::strtoull(pax.c_str() + at, nullptr, 10);
    if (len == 0 || at + len > pax.size()) break;
    const std::string record = pax.substr(space + 1, at + len - space - 2);  // without the newline
    if (record.rfind("path=", 0) == 0) return record.substr(5);
    at += len;
  }
  return {};
}

}  // namespace

Result<bool> is_gzip_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(path + ": cannot open: " + std::strerror(err));
    return Status::IoError(path + ": cannot open: " + std::strerror(err));
  }
  unsigned char magic[2] = {0, 0};
  const size_t got = std::fread(magic, 1, 2, f);
  std::fclose(f);
  return got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
}

Status read_tar_member(const std::string& path, const std::function<bool(std::string_view)>& wanted, std::string& out,
                       std::string& member, size_t extra_capacity) {
  GzFile in(path);  // zlib reads plain files too
  if (!in.ok()) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  char header[512];
  std::string next_name;  // from a GNU long-name or pax header
  while (true) {
    if (!in.read(header, sizeof header)) return Status::ParseError(path + ": truncated tar archive");
    if (std::all_of(header, header + sizeof header, [](char c) { return c == 0; })) break;  // end of archive
    uint64_t size = 0;
    if (!parse_number(header + 124, 12, size)) {
      return Status::ParseError(path + ": not a tar archive (bad size field in a header)");
    }
    const uint64_t padded = (size + 511) / 512 * 512;
    const char type = header[156];
    std::string name = next_name;
    next_name.clear();
    if (name.empty()) {
      name = field_string(header, 100);
      if (std::memcmp(header + 257, "ustar", 5) == 0) {
        const std::string prefix = field_string(header + 345, 155);
        if (!prefix.empty()) name = prefix + "/" + name;
      }
    }
    if (type == 'L' || type == 'x') {
      std::string body(size, '\0');
      if (!in.read(body.data(), size) || !in.skip(padded - size)) return Status::ParseError(path + ": truncated tar archive");
      next_name = type == 'L' ? field_string(body.data(), body.size()) : pax_path(body);
      continue;
    }
    if ((type == '0' || type == '\0') && wanted(name)) {
      out.clear();
      out.reserve(size + extra_capacity);
      out.resize(size);
      if (!in.read(out.data(), size)) {
        return Status::ParseError(path + ": truncated tar archive (in " + name + ")");
      }
      member = name;
      return Status::Ok();
    }
    if (!in.skip(padded)) return Status::ParseError(path + ": truncated tar archive (in " + name + ")");
  }
  return Status::NotFound(path + ": the archive holds no matching file");
}

}  // namespace copydesk::embed_detail
