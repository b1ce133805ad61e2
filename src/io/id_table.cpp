#include "copydesk/id_table.h"

#include <xxhash.h>

#include "util/json.h"

namespace copydesk {
namespace {

uint64_t hash_id(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }

}  // namespace

void IdTable::rehash(size_t slots) {
  slots_.assign(slots, 0);
  const size_t mask = slots - 1;
  for (uint32_t i = 0; i < size(); ++i) {
    size_t s = hash_id(id(i)) & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = i + 1;
  }
}

uint32_t IdTable::find(std::string_view key) const {
  if (slots_.empty()) return kNotFound;
  const size_t mask = slots_.size() - 1;
  for (size_t s = hash_id(key) & mask; slots_[s] != 0; s = (s + 1) & mask) {
    if (id(slots_[s] - 1) == key) return slots_[s] - 1;
  }
  return kNotFound;
}

bool IdTable::insert(std::string_view key, bool is_number) {
  // Load factor at most 1/2: probes stay short, 8 bytes of slots per id.
  if (2 * (size() + 1) > slots_.size()) rehash(slots_.empty() ? 1024 : 2 * slots_.size());
  const size_t mask = slots_.size() - 1;
  size_t s = hash_id(key) & mask;
  for (; slots_[s] != 0; s = (s + 1) & mask) {
    if (id(slots_[s] - 1) == key) return false;
  }
  arena_.append(key.data(), key.size());
  ends_.push_back(static_cast<uint64_t>(arena_.size()) | (is_number ? kNumberBit : 0));
  slots_[s] = static_cast<uint32_t>(size());
  return true;
}

void IdTable::append_json(std::string& out, uint32_t i) const {
  if (is_number(i)) {
    out += id(i);
  } else {
    util::append_json_string(out, id(i));
  }
}

}  // namespace copydesk
