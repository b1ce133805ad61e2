#include "util/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace copydesk::util {
namespace {

constexpr size_t kBufferBytes = 1 << 17;

}  // namespace

LineReader::~LineReader() {
  if (file_ != nullptr) gzclose(file_);
}

Status LineReader::open(const std::string& path) {
  path_ = path;
  errno = 0;
  if (path == "-") {
    const int fd = ::dup(0);
    file_ = fd < 0 ? nullptr : gzdopen(fd, "rb");
  } else {
    file_ = gzopen(path.c_str(), "rb");
  }
  if (file_ == nullptr) {
    const int err = errno;
    return status_ = Status::IoError(path + ": cannot open: " + (err != 0 ? std::strerror(err) : "out of memory"));
  }
  gzbuffer(file_, kBufferBytes);
  buffer_.resize(kBufferBytes);
  return Status::Ok();
}

bool LineReader::fill() {
  if (eof_ || !status_.ok()) return false;
  const int got = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
  int errnum = Z_OK;
  const char* message = gzerror(file_, &errnum);
  if (got < 0 || (got == 0 && errnum != Z_OK)) {
    status_ = Status::IoError(path_ + ":" + std::to_string(line_ + 1) + ": read failed: " + message);
    return false;
  }
  if (got == 0) {
    eof_ = true;
    return false;
  }
  pos_ = 0;
  end_ = static_cast<size_t>(got);
  return true;
}

bool LineReader::next(std::string& line) {
  line.clear();
  if (file_ == nullptr) return false;
  bool partial = false;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (!partial || !status_.ok()) return false;
      break;
    }
    const char* start = buffer_.data() + pos_;
    const size_t avail = end_ - pos_;
    const void* newline = std::memchr(start, '\n', avail);
    if (newline != nullptr) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(newline) - start);
      line.append(start, len);
      pos_ += len + 1;
      break;
    }
    line.append(start, avail);
    pos_ = end_;
    partial = true;
  }
  ++line_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace copydesk::util
