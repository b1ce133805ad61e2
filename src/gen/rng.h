// Deterministic pseudo-random numbers for the generator (internal).
//
// xoshiro256** seeded through splitmix64. Every draw is defined here bit for
// bit (no std::*_distribution, whose results differ between standard
// libraries), so the same seed gives the same crawl on any machine.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace copydesk::gen {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A seed for sub-stream `stream` of `seed` (e.g. one per story, one per batch):
// streams never depend on how many numbers another stream drew.
inline uint64_t derive_seed(uint64_t seed, uint64_t tag, uint64_t stream) {
  uint64_t s = seed ^ (tag * 0xd1b54a32d192ed03ULL);
  splitmix64(s);
  s ^= stream * 0x8cb92ba72f3d8dd7ULL;
  return splitmix64(s);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& w : s_) w = splitmix64(seed);
  }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) (Lemire's multiply-shift; n > 0; the tiny bias is fine).
  uint64_t below(uint64_t n) {
    __extension__ typedef unsigned __int128 u128;
    return static_cast<uint64_t>((static_cast<u128>(next()) * n) >> 64);
  }
  // Uniform in [lo, hi] (inclusive).
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Zipf-like choice of an index in [0, n): P(i) ∝ 1 / (i + offset). Only
// divisions and sums (correctly rounded in IEEE 754), no pow(): the table is
// the same bit for bit under every libm.
class ZipfTable {
 public:
  ZipfTable(size_t n, double offset) : cdf_(n) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) cdf_[i] = sum += 1.0 / (static_cast<double>(i) + offset);
    for (double& c : cdf_) c /= sum;
  }
  size_t sample(Rng& rng) const {
    const double u = rng.unit();
    size_t lo = 0, hi = cdf_.size() - 1;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (cdf_[mid] > u) hi = mid; else lo = mid + 1;
    }
    return lo;
  }
  size_t size() const { return cdf_.size(); }

 private:
  std::vector<double> cdf_;
};

// An integer k in [lo, hi] with P(k) ∝ k^-exponent (copies of a story,
// stories of an event, events of a storyline). The cumulative weights are
// rounded to 53-bit integers, so a last-bit difference in pow() between math
// libraries cannot change a draw.
class PowerLawTable {
 public:
  PowerLawTable(uint32_t lo, uint32_t hi, double exponent) : lo_(lo) {
    std::vector<double> cumulative;
    double sum = 0;
    for (uint32_t k = lo; k <= hi; ++k) cumulative.push_back(sum += std::pow(k, -exponent));
    for (double c : cumulative) thresholds_.push_back(static_cast<uint64_t>(std::ldexp(c / sum, 53)));
    thresholds_.back() = uint64_t{1} << 53;
  }
  uint32_t sample(Rng& rng) const {
    const uint64_t u = rng.next() >> 11;
    const auto it = std::upper_bound(thresholds_.begin(), thresholds_.end(), u);
    return lo_ + static_cast<uint32_t>(it - thresholds_.begin());
  }

 private:
  uint32_t lo_;
  std::vector<uint64_t> thresholds_;
};

}  // namespace copydesk::gen
