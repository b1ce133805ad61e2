// Standard input copied to a temporary file, so a command can read it twice
// (copydesk dedup reads its input once to fingerprint, once to write). The
// file lives in $TMPDIR (default /tmp) and is removed when this goes away.
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

class SpooledStdin {
 public:
  static Result<std::unique_ptr<SpooledStdin>> create() {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/copydesk-stdin-XXXXXX";
    std::vector<char> name(path.begin(), path.end());
    name.push_back('\0');
    const int fd = mkstemp(name.data());
    if (fd < 0) return Status::IoError(path + ": cannot create a file to hold stdin: " + std::strerror(errno));
    std::unique_ptr<SpooledStdin> spool(new SpooledStdin(name.data()));
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
          return Status::IoError(spool->path_ + ": cannot hold stdin: " + std::strerror(errno));
        }
        done += w;
      }
    }
    if (close(fd) != 0) return Status::IoError(spool->path_ + ": cannot hold stdin: " + std::strerror(errno));
    return spool;
  }
  ~SpooledStdin() { unlink(path_.c_str()); }
  SpooledStdin(const SpooledStdin&) = delete;
  SpooledStdin& operator=(const SpooledStdin&) = delete;

  const std::string& path() const { return path_; }

 private:
  explicit SpooledStdin(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace copydesk::cli
