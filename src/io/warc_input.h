// copydesk (private) — the decompressed byte stream under WarcReader.
//
// A file read in 1 MiB pieces, inflated when it starts with the gzip magic
// (multi-member: each member is registered with its compressed and decoded
// offsets), exposed as a window of decoded bytes: fill(n) / available() /
// consume(n). For resynchronising after bad records it can rewind to a decoded
// position at or after the last keep_from() point (a seek for a plain file, a
// re-decode from the start of the containing member for gzip), and skip from a
// corrupt gzip member to the next gzip magic.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"

namespace copydesk::warc {

class WarcInput {
 public:
  static Result<std::unique_ptr<WarcInput>> open(const std::string& path);
  ~WarcInput();
  WarcInput(const WarcInput&) = delete;
  WarcInput& operator=(const WarcInput&) = delete;

  bool gzip() const { return gzip_; }

  // Makes at least `n` decoded bytes available unless the input ends first
  // (then OK with fewer: see exhausted()). Non-OK with kParseError: corrupt or
  // truncated gzip data — the bytes decoded before it stay available and the
  // same error returns until skip_to_next_member() or rewind(). Non-OK with
  // kIoError: the file cannot be read (fatal()).
  Status fill(size_t n);
  std::string_view available() const { return {buf_.data() + begin_, end_ - begin_}; }
  void consume(size_t n);

  uint64_t position() const { return pos_; }          // decoded offset of available().data()
  char previous_byte() const { return prev_; }        // the byte before position(); '\n' at the start
  bool exhausted() const { return eof_ && begin_ == end_; }
  bool fatal() const { return fatal_; }
  // After a gzip decode error: the compressed offset of the broken member (or
  // of the bytes that are not gzip data).
  uint64_t error_offset() const { return error_offset_; }
  uint64_t high_water() const { return high_water_; }  // furthest decoded position consumed
  uint64_t compressed_read() const { return compressed_read_; }

  // Gzip members (never any for a plain file).
  std::optional<uint64_t> member_starting_at(uint64_t pos) const;  // its compressed offset
  std::optional<uint64_t> member_containing(uint64_t pos) const;   // its compressed offset
  std::optional<uint64_t> next_member_start_after(uint64_t pos) const;  // decoded offset

  // The caller may later rewind() to `pos` or after; earlier state may be dropped.
  void keep_from(uint64_t pos);
  // Back to decoded position `pos` (>= the keep_from() point). Fails for an
  // unseekable input, or with the decode error met on the way.
  Status rewind(uint64_t pos);
  // After a decode error: drop what is buffered and go on at the next gzip
  // magic after the start of the broken member (or the end of the file).
  Status skip_to_next_member();

 private:
  struct Member {
    uint64_t compressed;  // file offset of its magic
    uint64_t decoded;     // decoded offset of its first byte
  };

  WarcInput(int fd, std::string name, bool seekable);
  Status decode_more();
  Status read_plain();
  Status inflate_some();
  Status read_input(size_t& got);
  Status seek_input(uint64_t offset);
  void make_room(size_t n);
  uint64_t decoded_end() const { return pos_ + (end_ - begin_); }

  int fd_;
  std::string name_;
  bool seekable_;
  bool gzip_ = false;

  std::vector<char> buf_;  // decoded window buf_[begin_, end_)
  size_t begin_ = 0, end_ = 0;
  uint64_t pos_ = 0;
  char prev_ = '\n';
  uint64_t high_water_ = 0;

  std::vector<unsigned char> in_;  // compressed input in_[in_pos_, in_end_)
  size_t in_pos_ = 0, in_end_ = 0;
  uint64_t in_offset_ = 0;  // file offset of in_[0]
  bool file_eof_ = false;
  uint64_t compressed_read_ = 0;

  z_stream z_{};
  bool z_ready_ = false;
  bool in_member_ = false;
  std::deque<Member> members_;
  uint64_t keep_ = 0;
  uint64_t error_offset_ = 0;
  uint64_t resume_from_ = 0;  // where skip_to_next_member() searches from

  bool eof_ = false;
  bool fatal_ = false;
  Status error_;
};

}  // namespace copydesk::warc
