// DocumentFrequencyCounter: sorted (hash, count) runs, merged log-structured.
#include <algorithm>
#include <bit>
#include <utility>

#include "copydesk/simhash.h"

namespace copydesk {
namespace {

constexpr size_t kBufferEntries = size_t{1} << 20;

// LSD radix sort of 64-bit keys: six passes of 11 bits (2048-entry
// histograms stay in L1), all histograms counted in one read.
void radix_sort(std::vector<uint64_t>& keys, std::vector<uint64_t>& scratch) {
  constexpr int kBits = 11, kPasses = 6;
  constexpr size_t kBuckets = size_t{1} << kBits;
  std::vector<uint32_t> hist(kPasses * kBuckets, 0);
  for (uint64_t k : keys) {
    for (int p = 0; p < kPasses; ++p) ++hist[p * kBuckets + ((k >> (p * kBits)) & (kBuckets - 1))];
  }
  scratch.resize(keys.size());
  uint64_t* src = keys.data();
  uint64_t* dst = scratch.data();
  for (int p = 0; p < kPasses; ++p) {
    uint32_t* h = hist.data() + p * kBuckets;
    uint32_t sum = 0;
    for (size_t b = 0; b < kBuckets; ++b) sum += std::exchange(h[b], sum);
    for (size_t i = 0; i < keys.size(); ++i) dst[h[(src[i] >> (p * kBits)) & (kBuckets - 1)]++] = src[i];
    std::swap(src, dst);
  }
  // An even number of passes leaves the result in `keys`.
  static_assert(kPasses % 2 == 0);
}

}  // namespace

DocumentFrequencyCounter::DocumentFrequencyCounter() = default;

void DocumentFrequencyCounter::add_document(const uint64_t* features, size_t n) {
  if (buffer_.size() + n > kBufferEntries && !buffer_.empty()) flush();
  if (buffer_.capacity() < kBufferEntries) buffer_.reserve(kBufferEntries);
  buffer_.insert(buffer_.end(), features, features + n);
  ++documents_;
}

void DocumentFrequencyCounter::flush() {
  if (buffer_.empty()) return;
  radix_sort(buffer_, scratch_);
  Run run;
  for (size_t i = 0; i < buffer_.size();) {
    size_t j = i + 1;
    while (j < buffer_.size() && buffer_[j] == buffer_[i]) ++j;
    run.keys.push_back(buffer_[i]);
    run.counts.push_back(static_cast<uint32_t>(j - i));
    i = j;
  }
  buffer_.clear();
  push(std::move(run));
}

void DocumentFrequencyCounter::push(Run run) {
  runs_.push_back(std::move(run));
  // Keep run sizes decreasing geometrically: every key is merged O(log F) times.
  while (runs_.size() >= 2 && runs_[runs_.size() - 2].keys.size() <= 2 * runs_.back().keys.size()) {
    merge_last_two();
  }
}

void DocumentFrequencyCounter::merge_last_two() {
  const Run& a = runs_[runs_.size() - 2];
  const Run& b = runs_.back();
  Run merged;
  merged.keys.reserve(a.keys.size() + b.keys.size());
  merged.counts.reserve(a.keys.size() + b.keys.size());
  size_t i = 0, j = 0;
  while (i < a.keys.size() && j < b.keys.size()) {
    if (a.keys[i] < b.keys[j]) {
      merged.keys.push_back(a.keys[i]);
      merged.counts.push_back(a.counts[i++]);
    } else if (b.keys[j] < a.keys[i]) {
      merged.keys.push_back(b.keys[j]);
      merged.counts.push_back(b.counts[j++]);
    } else {
      merged.keys.push_back(a.keys[i]);
      merged.counts.push_back(a.counts[i++] + b.counts[j++]);
    }
  }
  merged.keys.insert(merged.keys.end(), a.keys.begin() + i, a.keys.end());
  merged.counts.insert(merged.counts.end(), a.counts.begin() + i, a.counts.end());
  merged.keys.insert(merged.keys.end(), b.keys.begin() + j, b.keys.end());
  merged.counts.insert(merged.counts.end(), b.counts.begin() + j, b.counts.end());
  runs_.pop_back();
  runs_.back() = std::move(merged);
}

void DocumentFrequencyCounter::merge(DocumentFrequencyCounter&& other) {
  other.flush();
  for (Run& run : other.runs_) push(std::move(run));
  documents_ += other.documents_;
  other.runs_.clear();
  other.documents_ = 0;
  std::vector<uint64_t>().swap(other.buffer_);
  std::vector<uint64_t>().swap(other.scratch_);
}

DocumentFrequency DocumentFrequencyCounter::finish() && {
  flush();
  std::vector<uint64_t>().swap(buffer_);
  std::vector<uint64_t>().swap(scratch_);
  while (runs_.size() >= 2) merge_last_two();

  DocumentFrequency df;
  df.documents_ = documents_;
  df.singleton_weight_ = idf_weight(documents_, 1);
  if (!runs_.empty()) {
    const Run& all = runs_.front();
    size_t kept = 0;
    for (uint32_t c : all.counts) kept += c >= 2;
    df.keys_.reserve(kept);
    df.counts_.reserve(kept);
    df.weights_.reserve(kept);
    for (size_t i = 0; i < all.keys.size(); ++i) {
      if (all.counts[i] < 2) continue;
      df.keys_.push_back(all.keys[i]);
      df.counts_.push_back(all.counts[i]);
      df.weights_.push_back(static_cast<uint16_t>(idf_weight(documents_, all.counts[i])));
    }
    runs_.clear();
  }
  // Directory over the top dir_bits of the hash: about two keys per entry,
  // so a look-up is one directory read and a search over ~2 keys.
  const size_t stored = df.keys_.size();
  df.dir_bits_ = stored < 4 ? 0 : std::min(24, static_cast<int>(std::bit_width(stored)) - 2);
  const size_t entries = size_t{1} << df.dir_bits_;
  df.directory_.assign(entries + 1, static_cast<uint32_t>(stored));
  size_t i = 0;
  for (size_t p = 0; p < entries; ++p) {
    while (i < stored && df.dir_bits_ > 0 && (df.keys_[i] >> (64 - df.dir_bits_)) < p) ++i;
    df.directory_[p] = static_cast<uint32_t>(df.dir_bits_ == 0 ? 0 : i);
  }
  return df;
}

}  // namespace copydesk
