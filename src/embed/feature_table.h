// Feature hash → count, open addressing with linear probing (internal).
// Keys are XXH3-64 hashes; 0 marks an empty slot, so a hash of 0 is stored as 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace copydesk::embed_detail {

class FeatureTable {
 public:
  explicit FeatureTable(size_t expected = 0);

  void add(uint64_t hash, uint32_t count = 1);
  // The count of `hash`, 0 when absent.
  uint32_t get(uint64_t hash) const;
  size_t size() const { return used_; }

  // Adds every count of `other` to this table.
  void merge(const FeatureTable& other);
  // Removes every entry whose count is below `min_count` and shrinks the table.
  void prune_below(uint32_t min_count);

 private:
  static uint64_t key_of(uint64_t hash) { return hash == 0 ? 1 : hash; }
  size_t slot_of(uint64_t key) const { return (key ^ (key >> 32)) & mask_; }
  void grow(size_t slots);

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> counts_;
  size_t mask_ = 0;
  size_t used_ = 0;
};

}  // namespace copydesk::embed_detail
