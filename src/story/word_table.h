// A counter of 64-bit word hashes (story/ internal): open addressing with
// linear probing, no allocation per word, cleared in time proportional to
// what it holds. The top-terms passes (event_terms.cpp) count millions of
// words; std::unordered_map spent most of their time allocating nodes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace copydesk::story_detail {

class WordTable {
 public:
  struct Entry {
    uint64_t key;    // the word's hash; 0 = empty slot (hash 0 is stored as 1)
    uint32_t count;
    uint32_t tag;    // the caller's: e.g. where the word was first seen
  };

  // The entry of `hash`, added with count 0 and `tag` when new.
  Entry& add(uint64_t hash, uint32_t tag = 0) {
    if (2 * (used_.size() + 1) > slots_.size()) grow();
    const uint64_t key = hash == 0 ? 1 : hash;
    size_t i = key & mask_;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
    if (slots_[i].key == 0) {
      slots_[i] = {key, 0, tag};
      used_.push_back(static_cast<uint32_t>(i));
    }
    return slots_[i];
  }
  // The count of `hash`, 0 when absent.
  uint32_t count(uint64_t hash) const {
    if (slots_.empty()) return 0;
    const uint64_t key = hash == 0 ? 1 : hash;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return slots_[i].count;
      if (slots_[i].key == 0) return 0;
    }
  }
  // Every entry, in insertion order.
  template <typename F>
  void for_each(F f) const {
    for (uint32_t i : used_) f(slots_[i]);
  }
  size_t size() const { return used_.size(); }
  void clear() {
    for (uint32_t i : used_) slots_[i] = {};
    used_.clear();
  }

 private:
  void grow() {
    std::vector<Entry> old;
    old.reserve(used_.size());
    for (uint32_t i : used_) old.push_back(slots_[i]);
    slots_.assign(slots_.empty() ? 1024 : 2 * slots_.size(), Entry{});
    mask_ = slots_.size() - 1;
    used_.clear();
    for (const Entry& e : old) add(e.key, e.tag).count = e.count;
  }

  std::vector<Entry> slots_;
  std::vector<uint32_t> used_;  // occupied slots, in insertion order
  size_t mask_ = 0;
};

}  // namespace copydesk::story_detail
