// An open-addressing hash table keyed by 64-bit hashes (internal to the
// boilerplate module). Keys are already well mixed (XXH3), so a key's home
// slot is its low bits; linear probing; never more than 70 % full. Key 0
// marks an empty slot: callers never use it (LineScanner maps 0 to 1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace copydesk::boilerplate {

template <typename Value>
class FlatTable {
 public:
  struct Slot {
    uint64_t key = 0;
    Value value{};
  };

  // The value of `key`, value-initialised and `inserted` set when new.
  Value& upsert(uint64_t key, bool& inserted) {
    if ((size_ + 1) * 10 > slots_.size() * 7) grow();
    size_t i = key & mask_;
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) {
        inserted = false;
        return slots_[i].value;
      }
      i = (i + 1) & mask_;
    }
    slots_[i].key = key;
    ++size_;
    inserted = true;
    return slots_[i].value;
  }

  const Value* find(uint64_t key) const {
    if (size_ == 0) return nullptr;
    size_t i = key & mask_;
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) return &slots_[i].value;
      i = (i + 1) & mask_;
    }
    return nullptr;
  }

  // Calls f(key, value) for every entry, in slot order.
  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.key != 0) f(s.key, s.value);
    }
  }

  void reserve(size_t n) {
    while (n * 10 > slots_.size() * 7) grow();
  }

  void clear_and_free() {
    std::vector<Slot>().swap(slots_);
    size_ = 0;
    mask_ = 0;
  }

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = s.key & mask_;
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace copydesk::boilerplate
