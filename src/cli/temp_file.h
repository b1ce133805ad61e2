// A temporary file in $TMPDIR (default /tmp), removed when this goes away.
// copydesk dedup reads its input more than once: standard input is copied
// into one (fill_from_stdin), and pages extracted from WARC or HTML are
// spooled into one as JSON Lines so later passes need not parse HTML again.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "copydesk/status.h"

namespace copydesk::cli {

class TempFile {
 public:
  static Result<std::unique_ptr<TempFile>> create(const std::string& tag) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/copydesk-" + tag + "-XXXXXX";
    std::vector<char> name(path.begin(), path.end());
    name.push_back('\0');
    const int fd = mkstemp(name.data());
    if (fd < 0) return Status::IoError(path + ": cannot create a temporary file: " + std::strerror(errno));
    close(fd);
    return std::unique_ptr<TempFile>(new TempFile(name.data()));
  }
  ~TempFile() { unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

  // Copies all of standard input into the file.
  Status fill_from_stdin() {
    const int fd = open(path_.c_str(), O_WRONLY | O_TRUNC);
    if (fd < 0) return Status::IoError(path_ + ": cannot open: " + std::strerror(errno));
    std::vector<char> buf(1 << 20);
    while (true) {
      const ssize_t n = read(0, buf.data(), buf.size());
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        close(fd);
        return Status::IoError(std::string("<stdin>: read error: ") + std::strerror(errno));
      }
      for (ssize_t done = 0; done < n;) {
        const ssize_t w = write(fd, buf.data() + done, static_cast<size_t>(n - done));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) {
          close(fd);
          return Status::IoError(path_ + ": cannot hold stdin: " + std::strerror(errno));
        }
        done += w;
      }
    }
    if (close(fd) != 0) return Status::IoError(path_ + ": cannot hold stdin: " + std::strerror(errno));
    return Status::Ok();
  }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace copydesk::cli
