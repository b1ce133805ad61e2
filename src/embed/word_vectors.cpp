#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "copydesk/embed_word_vectors.h"
#include "embed/half_float.h"
#include "embed/word_vectors_format.h"

namespace copydesk {

using embed_detail::CdvecHeader;
using embed_detail::kCdvecHeaderBytes;

namespace {

// A section of `count` items of `unit` bytes at `offset` must lie inside the
// file, after the header, aligned to `align`.
bool section_ok(uint64_t offset, uint64_t count, uint64_t unit, uint64_t align, uint64_t file_size) {
  if (offset % align != 0 || offset < kCdvecHeaderBytes || offset > file_size) return false;
  return count <= (file_size - offset) / unit;
}

}  // namespace

WordVectors::~WordVectors() {
  if (base_ != nullptr) ::munmap(const_cast<uint8_t*>(base_), file_size_);
}

Result<std::shared_ptr<const WordVectors>> WordVectors::open(const std::string& path,
                                                             const WordVectorsOpenParams& params) {
  if constexpr (std::endian::native != std::endian::little) {
    return Status::InvalidArgument(path + ": CDVEC files are read on little-endian machines only");
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const std::string why = std::strerror(err);
    if (err == ENOENT) return Status::NotFound(path + ": cannot open: " + why);
    return Status::IoError(path + ": cannot open: " + why);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return Status::IoError(path + ": cannot stat: " + why);
  }
  const uint64_t actual = static_cast<uint64_t>(st.st_size);
  if (actual < kCdvecHeaderBytes) {
    ::close(fd);
    return Status::ParseError(path + ": not a CDVEC word-vector file: " + std::to_string(actual) +
                              " bytes, shorter than the 128-byte header");
  }
  void* map = ::mmap(nullptr, actual, PROT_READ, MAP_PRIVATE, fd, 0);
  const int map_err = errno;
  ::close(fd);
  if (map == MAP_FAILED) return Status::IoError(path + ": cannot map: " + std::strerror(map_err));

  std::shared_ptr<WordVectors> wv(new WordVectors());
  wv->path_ = path;
  wv->base_ = static_cast<const uint8_t*>(map);
  wv->file_size_ = actual;
  CdvecHeader h;
  std::memcpy(&h, wv->base_, sizeof h);
  const auto bad = [&](const std::string& what) { return Status::ParseError(path + ": " + what); };
  if (std::memcmp(h.magic, embed_detail::kCdvecMagic, sizeof h.magic) != 0) {
    return bad("not a CDVEC word-vector file (bad magic)");
  }
  if (h.version != kWordVectorsVersion) {
    return bad("CDVEC version " + std::to_string(h.version) + " is not supported (this copydesk reads version " +
               std::to_string(kWordVectorsVersion) + "); convert the vectors again");
  }
  if (h.file_size != actual) {
    return bad(h.file_size > actual ? "truncated: the header says " + std::to_string(h.file_size) +
                                          " bytes, the file has " + std::to_string(actual)
                                    : "the header says " + std::to_string(h.file_size) + " bytes, the file has " +
                                          std::to_string(actual));
  }
  if (h.scalar != 1 && h.scalar != 2) return bad("unknown scalar type " + std::to_string(h.scalar));
  if (h.dims < 1 || h.dims > 65536) return bad("dims " + std::to_string(h.dims) + " out of range [1, 65536]");
  if (h.table_slots == 0 || !std::has_single_bit(h.table_slots) || h.table_slots <= h.count) {
    return bad("hash table of " + std::to_string(h.table_slots) + " slots for " + std::to_string(h.count) + " words");
  }
  const uint64_t row_bytes = h.dims * embed_detail::scalar_bytes(h.scalar);
  const uint64_t scalar_align = embed_detail::scalar_bytes(h.scalar);
  if (!section_ok(h.vectors_offset, h.count, row_bytes, scalar_align, actual) ||
      !section_ok(h.ranks_offset, h.count, 4, 4, actual) || !section_ok(h.word_ends_offset, h.count, 8, 8, actual) ||
      !section_ok(h.words_offset, h.words_bytes, 1, 1, actual) ||
      !section_ok(h.table_offset, h.table_slots, 4, 4, actual)) {
    return bad("a section lies outside the file or is misaligned (damaged header)");
  }
  if (params.verify_checksum) {
    const uint64_t sum = XXH3_64bits(wv->base_ + kCdvecHeaderBytes, actual - kCdvecHeaderBytes);
    if (sum != h.checksum) return bad("checksum mismatch: the file is damaged");
  }
  wv->scalar_ = static_cast<VectorScalar>(h.scalar);
  wv->dims_ = h.dims;
  wv->count_ = h.count;
  wv->source_words_ = h.source_words;
  wv->slots_ = h.table_slots;
  wv->vectors_ = wv->base_ + h.vectors_offset;
  wv->ranks_ = reinterpret_cast<const uint32_t*>(wv->base_ + h.ranks_offset);
  wv->word_ends_ = reinterpret_cast<const uint64_t*>(wv->base_ + h.word_ends_offset);
  wv->words_ = reinterpret_cast<const char*>(wv->base_ + h.words_offset);
  wv->table_ = reinterpret_cast<const uint32_t*>(wv->base_ + h.table_offset);
  uint64_t previous = 0;
  for (uint32_t i = 0; i < h.count; ++i) {
    if (wv->word_ends_[i] < previous || wv->word_ends_[i] > h.words_bytes) {
      return bad("word " + std::to_string(i) + " lies outside the word bytes (damaged file)");
    }
    previous = wv->word_ends_[i];
  }
  return std::shared_ptr<const WordVectors>(std::move(wv));
}

std::string_view WordVectors::word(uint32_t row) const {
  const uint64_t begin = row == 0 ? 0 : word_ends_[row - 1];
  return {words_ + begin, static_cast<size_t>(word_ends_[row] - begin)};
}

uint32_t WordVectors::rank(uint32_t row) const { return ranks_[row]; }

uint32_t WordVectors::find(std::string_view w) const {
  const uint32_t mask = slots_ - 1;
  uint32_t slot = static_cast<uint32_t>(XXH3_64bits(w.data(), w.size())) & mask;
  for (uint32_t probes = 0; probes < slots_; ++probes, slot = (slot + 1) & mask) {
    const uint32_t entry = table_[slot];
    if (entry == 0) return kNotFound;
    if (entry - 1 < count_ && word(entry - 1) == w) return entry - 1;
  }
  return kNotFound;
}

void WordVectors::vector(uint32_t row, float* out) const {
  if (scalar_ == VectorScalar::kFloat32) {
    std::memcpy(out, vectors_ + uint64_t{row} * dims_ * 4, sizeof(float) * dims_);
    return;
  }
  // The section is 2-byte aligned (checked in open).
  embed_detail::halves_to_floats(reinterpret_cast<const uint16_t*>(vectors_ + uint64_t{row} * dims_ * 2), out, dims_);
}

std::string default_word_vectors_path() {
  if (const char* v = std::getenv("COPYDESK_VECTORS"); v != nullptr && *v != '\0') return v;
  if (const char* d = std::getenv("COPYDESK_DATA_DIR"); d != nullptr && *d != '\0') {
    return std::string(d) + "/wink-sg-100d.cdv";
  }
  std::string cache;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x != '\0') {
    cache = x;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    cache = std::string(home) + "/.cache";
  } else {
    cache = ".cache";
  }
  return cache + "/copydesk/wink-sg-100d.cdv";
}

}  // namespace copydesk
