// copydesk — IdTable: the ids of a crawl's documents, by index, with lookup.
//
// Every reader checks that ids are unique, and every writer names documents
// by id. Once a document's text is fingerprinted, its id is often all the
// pipeline still needs of it, so the table is compact: the ids back to back
// in one arena (no per-id heap block), an end offset per id, and an
// open-addressing index of 32-bit slots. About id length + 16 bytes per
// document.
//
//   IdTable ids;
//   ids.insert("d1", false);        // → true, index 0
//   ids.insert("d1", false);        // → false: duplicate
//   ids.find("d1");                 // → 0
//   ids.id(0);                      // → "d1"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "copydesk/pod_array.h"

namespace copydesk {

class IdTable {
 public:
  static constexpr uint32_t kNotFound = UINT32_MAX;

  // Adds `id` with the next index; false (and nothing added) when it is
  // already in the table. `is_number`: the id was a JSON number in the input
  // and is written back as one.
  bool insert(std::string_view id, bool is_number);
  // The index of `id`, or kNotFound.
  uint32_t find(std::string_view id) const;

  std::string_view id(uint32_t i) const {
    const uint64_t begin = i == 0 ? 0 : ends_[i - 1] & kOffsetMask;
    return {arena_.data() + begin, (ends_[i] & kOffsetMask) - begin};
  }
  bool is_number(uint32_t i) const { return (ends_[i] & kNumberBit) != 0; }
  size_t size() const { return ends_.size(); }

  // Appends id `i` as a JSON value: a number when it was one, else a string.
  void append_json(std::string& out, uint32_t i) const;

  size_t memory_bytes() const {
    return arena_.capacity() + ends_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint32_t);
  }

 private:
  static constexpr uint64_t kNumberBit = uint64_t{1} << 63;
  static constexpr uint64_t kOffsetMask = kNumberBit - 1;

  void rehash(size_t slots);

  PodArray<char> arena_;
  PodArray<uint64_t> ends_;       // end offset of each id in arena_, | kNumberBit
  std::vector<uint32_t> slots_;   // index + 1 of the id in each slot; 0 = empty
};

}  // namespace copydesk
