#include "embed/binary_file.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace copydesk::embed_detail {
namespace {

Status open_error(const std::string& path, int err) {
  const std::string msg = path + ": cannot open: " + std::strerror(err);
  return err == ENOENT ? Status::NotFound(msg) : Status::IoError(msg);
}

}  // namespace

Status read_whole_file(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return open_error(path, errno);
  out.clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  return failed ? Status::IoError(path + ": read error") : Status::Ok();
}

Status read_maybe_gzip_file(const std::string& path, std::string& out) {
  errno = 0;
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr) return open_error(path, errno != 0 ? errno : ENOMEM);
  out.clear();
  char buf[1 << 16];
  int n;
  while ((n = gzread(in, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  int errnum = 0;
  const std::string why = n < 0 ? gzerror(in, &errnum) : "";
  gzclose(in);
  return n < 0 ? Status::IoError(path + ": read error: " + why) : Status::Ok();
}

}  // namespace copydesk::embed_detail
