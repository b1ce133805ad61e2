// copydesk — PodArray<T>: a contiguous array of trivially copyable values
// that grows without ever holding two copies of itself.
//
// Why: the pipeline appends one MinHash signature (512 bytes at k = 128) per
// document while it streams a crawl whose size it does not know in advance.
// A std::vector grows by allocating a larger block and copying, so at the
// moment it grows it holds the old and the new block: up to 3× the data. On
// Linux, PodArray keeps its elements in an anonymous memory mapping and grows
// it with mremap(2), which moves page-table entries instead of bytes: the
// peak is the data itself (pages are only backed once written). Elsewhere it
// falls back to realloc.
//
// Only for trivially copyable T; new elements from resize() are zero.
//
//   PodArray<uint32_t> sig;
//   sig.resize(sig.size() + 128);  // grows in place, amortised O(1)
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace copydesk {

template <typename T>
class PodArray {
  static_assert(std::is_trivially_copyable_v<T>, "PodArray holds trivially copyable values only");

 public:
  PodArray() = default;
  explicit PodArray(size_t n) { resize(n); }
  PodArray(const PodArray& other) { assign(other.begin(), other.end()); }
  PodArray& operator=(const PodArray& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  PodArray(PodArray&& other) noexcept { swap(other); }
  PodArray& operator=(PodArray&& other) noexcept {
    PodArray(std::move(other)).swap(*this);
    return *this;
  }
  ~PodArray() { release(); }

  void swap(PodArray& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

  T* data() { return data_; }
  const T* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t capacity() const { return capacity_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& back() { return data_[size_ - 1]; }

  void reserve(size_t n) {
    if (n > capacity_) grow_to(n);
  }
  // Zero-fills new elements.
  void resize(size_t n) {
    if (n > capacity_) grow_to(std::max(n, capacity_ + capacity_ / 2));
    if (n > size_) std::memset(static_cast<void*>(data_ + size_), 0, (n - size_) * sizeof(T));
    size_ = n;
  }
  void push_back(const T& v) {
    if (size_ == capacity_) grow_to(std::max<size_t>(1024, capacity_ + capacity_ / 2));
    data_[size_++] = v;
  }
  void append(const T* first, size_t n) {
    if (size_ + n > capacity_) grow_to(std::max(size_ + n, capacity_ + capacity_ / 2));
    if (n > 0) std::memcpy(static_cast<void*>(data_ + size_), first, n * sizeof(T));
    size_ += n;
  }
  void assign(const T* first, const T* last) {
    size_ = 0;
    append(first, static_cast<size_t>(last - first));
  }
  void clear() { size_ = 0; }
  // Returns the memory: size() and capacity() become 0.
  void release() {
    if (data_ != nullptr) free_bytes(data_, capacity_ * sizeof(T));
    data_ = nullptr;
    size_ = capacity_ = 0;
  }

 private:
  void grow_to(size_t n) {
    void* p = resize_bytes(data_, capacity_ * sizeof(T), n * sizeof(T));
    if (p == nullptr) throw std::bad_alloc();
    data_ = static_cast<T*>(p);
    capacity_ = n;
  }

#if defined(__linux__)
  static void* resize_bytes(void* old, size_t old_bytes, size_t bytes) {
    void* p = old == nullptr ? mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                             : mremap(old, old_bytes, bytes, MREMAP_MAYMOVE);
    return p == MAP_FAILED ? nullptr : p;
  }
  static void free_bytes(void* p, size_t bytes) { munmap(p, bytes); }
#else
  static void* resize_bytes(void* old, size_t, size_t bytes) { return std::realloc(old, bytes); }
  static void free_bytes(void* p, size_t) { std::free(p); }
#endif

  T* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace copydesk
