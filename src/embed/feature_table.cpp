#include "embed/feature_table.h"

#include <utility>

namespace copydesk::embed_detail {
namespace {

size_t slots_for(size_t entries) {
  size_t slots = 16;
  while (slots < entries * 2) slots <<= 1;
  return slots;
}

}  // namespace

FeatureTable::FeatureTable(size_t expected) { grow(slots_for(expected)); }

void FeatureTable::grow(size_t slots) {
  std::vector<uint64_t> old_keys = std::exchange(keys_, std::vector<uint64_t>(slots, 0));
  std::vector<uint32_t> old_counts = std::exchange(counts_, std::vector<uint32_t>(slots, 0));
  mask_ = slots - 1;
  used_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] != 0) add(old_keys[i], old_counts[i]);
  }
}

void FeatureTable::add(uint64_t hash, uint32_t count) {
  const uint64_t key = key_of(hash);
  size_t i = slot_of(key);
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++used_;
  }
  counts_[i] += count;
  if (used_ * 2 > keys_.size()) grow(keys_.size() * 2);
}

uint32_t FeatureTable::get(uint64_t hash) const {
  const uint64_t key = key_of(hash);
  for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
    if (keys_[i] == key) return counts_[i];
    if (keys_[i] == 0) return 0;
  }
}

void FeatureTable::merge(const FeatureTable& other) {
  for (size_t i = 0; i < other.keys_.size(); ++i) {
    if (other.keys_[i] != 0) add(other.keys_[i], other.counts_[i]);
  }
}

void FeatureTable::prune_below(uint32_t min_count) {
  size_t kept = 0;
  for (size_t i = 0; i < keys_.size(); ++i) kept += keys_[i] != 0 && counts_[i] >= min_count;
  FeatureTable pruned(kept);
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] != 0 && counts_[i] >= min_count) pruned.add(keys_[i], counts_[i]);
  }
  *this = std::move(pruned);
}

}  // namespace copydesk::embed_detail
