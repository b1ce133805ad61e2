// The CDVEC header layout (internal); embed_word_vectors.h documents the format.
#pragma once

#include <cstdint>

namespace copydesk::embed_detail {

inline constexpr char kCdvecMagic[8] = {'C', 'D', 'V', 'E', 'C', 0, 0, 0};
inline constexpr uint64_t kCdvecHeaderBytes = 128;
inline constexpr uint64_t kCdvecAlign = 64;

struct CdvecHeader {
  char magic[8];
  uint32_t version;
  uint32_t scalar;
  uint32_t dims;
  uint32_t count;
  uint32_t source_words;
  uint32_t table_slots;
  uint64_t vectors_offset;
  uint64_t ranks_offset;
  uint64_t word_ends_offset;
  uint64_t words_offset;
  uint64_t words_bytes;
  uint64_t table_offset;
  uint64_t file_size;
  uint64_t checksum;
  uint8_t reserved[32];
};
static_assert(sizeof(CdvecHeader) == kCdvecHeaderBytes, "CDVEC header must be 128 bytes");

inline uint64_t scalar_bytes(uint32_t scalar) { return scalar == 2 ? 2 : 4; }

}  // namespace copydesk::embed_detail
