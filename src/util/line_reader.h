// Reading a plain or gzip-compressed text file line by line (zlib reads
// both alike); "-" is standard input. Used by the commands and the report
// that read JSON Lines files which may be large or compressed.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "copydesk/status.h"

namespace copydesk::util {

class LineReader {
 public:
  LineReader() = default;
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  ~LineReader();

  // Opens `path` ("-": a duplicate of standard input). IoError naming the
  // path when it cannot be opened.
  Status open(const std::string& path);

  // The next line, without its "\n" or "\r\n"; false at the end of the input
  // or on a read error (then status() says which, naming path and line).
  bool next(std::string& line);

  uint64_t line_number() const { return line_; }  // of the line last returned
  const std::string& path() const { return path_; }
  const Status& status() const { return status_; }

 private:
  bool fill();

  gzFile file_ = nullptr;
  std::string path_;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  uint64_t line_ = 0;
  Status status_;
};

}  // namespace copydesk::util
