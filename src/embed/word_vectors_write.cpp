#include <xxhash.h>

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include "copydesk/embed_word_vectors.h"
#include "embed/half_float.h"
#include "embed/word_vectors_format.h"

namespace copydesk {

using embed_detail::CdvecHeader;

namespace {

uint64_t align_up(uint64_t x) { return (x + embed_detail::kCdvecAlign - 1) / embed_detail::kCdvecAlign * embed_detail::kCdvecAlign; }

template <typename T>
void put(std::vector<uint8_t>& file, uint64_t offset, const T* values, size_t n) {
  std::memcpy(file.data() + offset, values, sizeof(T) * n);
}

}  // namespace

Status WordVectorsData::validate() const {
  if (dims < 1 || dims > 65536) return Status::InvalidArgument("word vectors: dims must be in [1, 65536], got " + std::to_string(dims));
  if (words.size() >= UINT32_MAX) return Status::InvalidArgument("word vectors: too many words");
  if (ranks.size() != words.size() || values.size() != words.size() * dims) {
    return Status::InvalidArgument("word vectors: " + std::to_string(words.size()) + " words, " +
                                   std::to_string(ranks.size()) + " ranks and " + std::to_string(values.size()) +
                                   " values (expected words × " + std::to_string(dims) + ")");
  }
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty()) return Status::InvalidArgument("word vectors: word " + std::to_string(i) + " is empty");
    if (!seen.insert(words[i]).second) return Status::InvalidArgument("word vectors: word '" + words[i] + "' appears twice");
  }
  for (size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return Status::InvalidArgument("word vectors: value " + std::to_string(i % dims) + " of word '" + words[i / dims] +
                                     "' is not finite");
    }
  }
  return Status::Ok();
}

Status write_word_vectors(const std::string& path, const WordVectorsData& data, VectorScalar scalar) {
  if constexpr (std::endian::native != std::endian::little) {
    return Status::InvalidArgument(path + ": CDVEC files are written on little-endian machines only");
  }
  COPYDESK_RETURN_IF_ERROR(data.validate());
  if (scalar == VectorScalar::kFloat16) {
    for (size_t i = 0; i < data.values.size(); ++i) {
      if (std::fabs(data.values[i]) > 65504.0f) {
        return Status::InvalidArgument("word vectors: value of word '" + data.words[i / data.dims] +
                                       "' is beyond the float16 range; write float32");
      }
    }
  }
  const uint32_t count = static_cast<uint32_t>(data.words.size());
  CdvecHeader h{};
  std::memcpy(h.magic, embed_detail::kCdvecMagic, sizeof h.magic);
  h.version = kWordVectorsVersion;
  h.scalar = static_cast<uint32_t>(scalar);
  h.dims = data.dims;
  h.count = count;
  h.source_words = data.source_words;
  h.table_slots = std::bit_ceil(std::max<uint32_t>(16, count * 2 + 1));
  uint64_t words_bytes = 0;
  std::vector<uint64_t> ends(count);
  for (uint32_t i = 0; i < count; ++i) ends[i] = words_bytes += data.words[i].size();
  h.words_bytes = words_bytes;
  h.vectors_offset = embed_detail::kCdvecHeaderBytes;
  h.ranks_offset = align_up(h.vectors_offset + uint64_t{count} * data.dims * embed_detail::scalar_bytes(h.scalar));
  h.word_ends_offset = align_up(h.ranks_offset + uint64_t{count} * 4);
  h.words_offset = align_up(h.word_ends_offset + uint64_t{count} * 8);
  h.table_offset = align_up(h.words_offset + words_bytes);
  h.file_size = h.table_offset + uint64_t{h.table_slots} * 4;

  std::vector<uint8_t> file(h.file_size, 0);
  if (scalar == VectorScalar::kFloat32) {
    put(file, h.vectors_offset, data.values.data(), data.values.size());
  } else {
    std::vector<uint16_t> halves(data.values.size());
    for (size_t i = 0; i < halves.size(); ++i) halves[i] = embed_detail::float_to_half(data.values[i]);
    put(file, h.vectors_offset, halves.data(), halves.size());
  }
  put(file, h.ranks_offset, data.ranks.data(), count);
  put(file, h.word_ends_offset, ends.data(), count);
  uint64_t at = h.words_offset;
  for (const std::string& w : data.words) {
    std::memcpy(file.data() + at, w.data(), w.size());
    at += w.size();
  }
  std::vector<uint32_t> table(h.table_slots, 0);
  const uint32_t mask = h.table_slots - 1;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t slot = static_cast<uint32_t>(XXH3_64bits(data.words[i].data(), data.words[i].size())) & mask;
    while (table[slot] != 0) slot = (slot + 1) & mask;
    table[slot] = i + 1;
  }
  put(file, h.table_offset, table.data(), table.size());
  h.checksum = XXH3_64bits(file.data() + embed_detail::kCdvecHeaderBytes, file.size() - embed_detail::kCdvecHeaderBytes);
  std::memcpy(file.data(), &h, sizeof h);

  const std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IoError(tmp + ": cannot create: " + std::strerror(errno));
  const bool written = std::fwrite(file.data(), 1, file.size(), f) == file.size();
  const int write_err = errno;
  if (std::fclose(f) != 0 || !written) {
    std::remove(tmp.c_str());
    return Status::IoError(tmp + ": cannot write: " + std::strerror(write_err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    return Status::IoError(path + ": cannot rename from " + tmp + ": " + std::strerror(err));
  }
  return Status::Ok();
}

}  // namespace copydesk
