#include "io/warc_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace copydesk::warc {
namespace {

constexpr size_t kChunk = size_t{1} << 20;

bool is_gzip_magic(const unsigned char* p) { return p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08; }

}  // namespace

Result<std::unique_ptr<WarcInput>> WarcInput::open(const std::string& path) {
  const int fd = path == "-" ? ::fcntl(0, F_DUPFD_CLOEXEC, 0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const std::string why = S_ISDIR(st.st_mode) ? "is a directory" : std::strerror(errno);
    ::close(fd);
    return Status::IoError(path + ": cannot read: " + why);
  }
  std::unique_ptr<WarcInput> in(new WarcInput(fd, path == "-" ? "<stdin>" : path, S_ISREG(st.st_mode)));
  while (in->in_end_ < 3 && !in->file_eof_) {
    size_t got = 0;
    COPYDESK_RETURN_IF_ERROR(in->read_input(got));
  }
  in->gzip_ = in->in_end_ >= 3 && is_gzip_magic(in->in_.data());
  if (in->gzip_) {
    if (inflateInit2(&in->z_, 15 + 16) != Z_OK) return Status::Internal(path + ": inflateInit2 failed");
    in->z_ready_ = true;
  } else {
    // A plain file: what was read to look for the magic is the first decoded data.
    std::copy(in->in_.begin(), in->in_.begin() + static_cast<std::ptrdiff_t>(in->in_end_), in->buf_.begin());
    in->end_ = in->in_end_;
    in->eof_ = in->file_eof_;
    in->in_pos_ = in->in_end_ = 0;
    in->in_ = {};  // a plain file is read straight into buf_
  }
  return in;
}

WarcInput::WarcInput(int fd, std::string name, bool seekable)
    : fd_(fd), name_(std::move(name)), seekable_(seekable), buf_(kChunk), in_(kChunk) {}

WarcInput::~WarcInput() {
  if (z_ready_) inflateEnd(&z_);
  ::close(fd_);
}

Status WarcInput::fill(size_t n) {
  while (end_ - begin_ < n) {
    if (!error_.ok()) return error_;
    if (eof_) return Status::Ok();
    make_room(n);
    Status s = gzip_ ? inflate_some() : read_plain();
    if (!s.ok()) {
      fatal_ = s.code() == StatusCode::kIoError;
      error_ = s;
      // Bytes decoded before the problem still count; the error comes when
      // the caller needs more than those.
      return end_ - begin_ >= n && !fatal_ ? Status::Ok() : s;
    }
  }
  return Status::Ok();
}

void WarcInput::consume(size_t n) {
  if (n == 0) return;
  prev_ = buf_[begin_ + n - 1];
  begin_ += n;
  pos_ += n;
  high_water_ = std::max(high_water_, pos_);
}

void WarcInput::make_room(size_t n) {
  if (begin_ == end_) begin_ = end_ = 0;
  if (begin_ > 0 && (buf_.size() - end_ < kChunk / 4 || buf_.size() - begin_ < n)) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buf_.size() - end_ < kChunk / 4 || buf_.size() < n) buf_.resize(std::max(n, end_) + kChunk);
}

Status WarcInput::read_plain() {
  ssize_t got;
  do {
    got = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
  } while (got < 0 && errno == EINTR);
  if (got < 0) return Status::IoError(name_ + ": read failed: " + std::strerror(errno));
  if (got == 0) eof_ = true;
  end_ += static_cast<size_t>(got);
  compressed_read_ = std::max(compressed_read_, decoded_end());
  return Status::Ok();
}

Status WarcInput::read_input(size_t& got) {
  if (in_pos_ > 0) {
    std::memmove(in_.data(), in_.data() + in_pos_, in_end_ - in_pos_);
    in_offset_ += in_pos_;
    in_end_ -= in_pos_;
    in_pos_ = 0;
  }
  if (in_end_ == in_.size()) in_.resize(in_.size() + kChunk);
  ssize_t n;
  do {
    n = ::read(fd_, in_.data() + in_end_, in_.size() - in_end_);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return Status::IoError(name_ + ": read failed: " + std::strerror(errno));
  got = static_cast<size_t>(n);
  if (got == 0) file_eof_ = true;
  in_end_ += got;
  compressed_read_ = std::max(compressed_read_, in_offset_ + in_end_);
  return Status::Ok();
}

Status WarcInput::seek_input(uint64_t offset) {
  if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) {
    return Status::IoError(name_ + ": seek failed: " + std::strerror(errno));
  }
  in_offset_ = offset;
  in_pos_ = in_end_ = 0;
  file_eof_ = false;
  return Status::Ok();
}

Status WarcInput::inflate_some() {
  for (;;) {
    const size_t have = in_end_ - in_pos_;
    if ((have == 0 || (!in_member_ && have < 3)) && !file_eof_) {
      size_t got = 0;
      COPYDESK_RETURN_IF_ERROR(read_input(got));
      continue;
    }
    if (have == 0) {
      if (in_member_) {
        error_offset_ = members_.back().compressed;
        resume_from_ = error_offset_ + 1;
        return Status::ParseError("truncated gzip stream: the file ends inside the gzip member at byte " +
                                  std::to_string(members_.back().compressed));
      }
      eof_ = true;
      return Status::Ok();
    }
    if (!in_member_) {
      const uint64_t at = in_offset_ + in_pos_;
      if (have < 3 || !is_gzip_magic(in_.data() + in_pos_)) {
        error_offset_ = at;
        resume_from_ = at + 1;
        return Status::ParseError("the bytes at byte " + std::to_string(at) + " are not gzip data");
      }
      members_.push_back({at, decoded_end()});
      inflateReset(&z_);
      in_member_ = true;
    }
    z_.next_in = in_.data() + in_pos_;
    z_.avail_in = static_cast<uInt>(std::min<size_t>(have, 1u << 30));
    z_.next_out = reinterpret_cast<Bytef*>(buf_.data() + end_);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(buf_.size() - end_, 1u << 30));
    const uInt in_before = z_.avail_in, out_before = z_.avail_out;
    const int rc = inflate(&z_, Z_NO_FLUSH);
    const size_t used = in_before - z_.avail_in, produced = out_before - z_.avail_out;
    in_pos_ += used;
    end_ += produced;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      if (produced > 0) return Status::Ok();
      continue;
    }
    if ((rc == Z_OK || rc == Z_BUF_ERROR) && (used > 0 || produced > 0)) {
      if (produced > 0) return Status::Ok();
      continue;
    }
    if (rc == Z_BUF_ERROR && z_.avail_in == 0) continue;  // needs more input
    error_offset_ = members_.back().compressed;
    resume_from_ = error_offset_ + 1;
    return Status::ParseError("corrupt gzip data in the member at byte " + std::to_string(members_.back().compressed) +
                              ": " + (z_.msg != nullptr ? z_.msg : "inflate error " + std::to_string(rc)));
  }
}

std::optional<uint64_t> WarcInput::member_starting_at(uint64_t pos) const {
  for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
    if (it->decoded == pos) return it->compressed;
    if (it->decoded < pos) break;
  }
  return std::nullopt;
}

std::optional<uint64_t> WarcInput::member_containing(uint64_t pos) const {
  for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
    if (it->decoded <= pos) return it->compressed;
  }
  return std::nullopt;
}

std::optional<uint64_t> WarcInput::next_member_start_after(uint64_t pos) const {
  for (const Member& m : members_) {
    if (m.decoded > pos) return m.decoded;
  }
  return std::nullopt;
}

void WarcInput::keep_from(uint64_t pos) {
  keep_ = pos;
  while (members_.size() >= 2 && members_[1].decoded <= pos) members_.pop_front();
}

Status WarcInput::rewind(uint64_t pos) {
  if (pos < keep_) return Status::Internal(name_ + ": rewind before the keep point");
  if (!seekable_) return Status::InvalidArgument(name_ + ": cannot rewind: not a regular file");
  error_ = Status::Ok();
  eof_ = false;
  begin_ = end_ = 0;
  prev_ = '\n';
  if (!gzip_) {
    const uint64_t start = pos > 0 ? pos - 1 : 0;  // one byte early, to know previous_byte()
    if (::lseek(fd_, static_cast<off_t>(start), SEEK_SET) < 0) {
      fatal_ = true;
      error_ = Status::IoError(name_ + ": seek failed: " + std::strerror(errno));
      return error_;
    }
    pos_ = start;
  } else {
    auto it = std::find_if(members_.rbegin(), members_.rend(), [&](const Member& m) { return m.decoded <= pos; });
    if (it == members_.rend()) return Status::Internal(name_ + ": no gzip member holds the rewind point");
    const Member m = *it;
    members_.erase(std::prev(it.base()), members_.end());
    Status s = seek_input(m.compressed);
    if (!s.ok()) {
      fatal_ = true;
      error_ = s;
      return s;
    }
    in_member_ = false;
    pos_ = m.decoded;
  }
  while (pos_ < pos) {
    COPYDESK_RETURN_IF_ERROR(fill(1));
    if (begin_ == end_) return Status::ParseError("the file ended while rereading it");
    consume(static_cast<size_t>(std::min<uint64_t>(end_ - begin_, pos - pos_)));
  }
  return Status::Ok();
}

Status WarcInput::skip_to_next_member() {
  if (fatal_) return error_;
  error_ = Status::Ok();
  eof_ = false;
  in_member_ = false;
  pos_ = decoded_end();
  begin_ = end_ = 0;
  prev_ = '\n';
  if (!gzip_) {  // nothing to skip to in a plain file (it changed under us): stop
    eof_ = true;
    return Status::Ok();
  }
  const uint64_t from = resume_from_;
  if (from >= in_offset_ && from <= in_offset_ + in_end_) {
    in_pos_ = static_cast<size_t>(from - in_offset_);
  } else if (seekable_) {
    Status s = seek_input(from);
    if (!s.ok()) {
      fatal_ = true;
      error_ = s;
      return s;
    }
  }  // else an unseekable input: search on from where reading stopped
  for (;;) {
    for (size_t i = in_pos_; i + 3 <= in_end_; ++i) {
      const void* hit = std::memchr(in_.data() + i, 0x1f, in_end_ - i);
      if (hit == nullptr) break;
      i = static_cast<size_t>(static_cast<const unsigned char*>(hit) - in_.data());
      if (i + 3 <= in_end_ && is_gzip_magic(in_.data() + i)) {
        in_pos_ = i;
        return Status::Ok();
      }
    }
    if (file_eof_) {
      in_pos_ = in_end_;
      eof_ = true;
      return Status::Ok();
    }
    in_pos_ = std::max(in_pos_, in_end_ >= 2 ? in_end_ - 2 : size_t{0});  // the magic may straddle reads
    size_t got = 0;
    Status s = read_input(got);
    if (!s.ok()) {
      fatal_ = true;
      error_ = s;
      return s;
    }
  }
}

}  // namespace copydesk::warc
