// Permuted sorted tables (Manku et al. 2007), generalised: B blocks, one
// table per choice of B − r blocks. See hamming.h.
#include <omp.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <utility>

#include "search/hamming_internal.h"

namespace copydesk::hamming_detail {
namespace {

// Cost model, nanoseconds: per code and table (mask, scatter, small sort,
// scan), and per compared pair. Calibrated with bench/bench_simhash.cpp.
constexpr double kRecordNs = 30.0;
constexpr double kCompareNs = 1.5;
constexpr double kMaxTables = 4096;

struct Plan {
  uint32_t blocks = 1;  // B: the 64 bits cut into B contiguous blocks
  uint32_t chosen = 0;  // blocks per table key: B − r; 0 = one table, all pairs
};

double binomial(uint32_t n, uint32_t k) {
  double r = 1;
  for (uint32_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

Plan choose_plan(size_t m, uint32_t radius) {
  const double n = static_cast<double>(m);
  Plan best;
  double best_cost = n * (n - 1) / 2 * kCompareNs;  // brute force
  for (uint32_t blocks = radius + 1; blocks <= 64; ++blocks) {
    const uint32_t chosen = blocks - radius;
    const double tables = binomial(blocks, radius);
    if (tables > kMaxTables) break;  // C(B, r) only grows with B
    const double key_bits = 64.0 * chosen / blocks;
    const double cost = tables * (n * kRecordNs + n * n / 2 * std::exp2(-key_bits) * kCompareNs);
    if (cost < best_cost) {
      best_cost = cost;
      best = {blocks, chosen};
    }
  }
  return best;
}

struct Record {
  uint64_t code;
  uint32_t idx;
};

// The lowest `count` set bits of `mask`.
uint64_t lowest_bits(uint64_t mask, uint32_t count) {
  uint64_t low = 0;
  for (uint32_t i = 0; i < count && mask != 0; ++i) {
    low |= mask & (~mask + 1);
    mask &= mask - 1;
  }
  return low;
}

// One parallel region for all tables. Per table, every thread hashes the
// keys of its own slice of the codes to an owner thread (a function of the
// key, so equal keys meet), scatters them into that owner's region of
// `records_` — contiguous chunks, no false sharing — and then each owner
// sorts its region (hash buckets, then small sorts) and scans its runs on its
// own. Three barriers per table, whatever the number of codes.
class TableSearch {
 public:
  TableSearch(const uint64_t* codes, size_t m, uint32_t radius, Plan plan)
      : codes_(codes), m_(m), radius_(radius), plan_(plan) {
    uint32_t start = 0;
    for (uint32_t k = 0; k < plan.blocks; ++k) {
      const uint32_t width = 64 / plan.blocks + (k < 64 % plan.blocks ? 1 : 0);
      block_masks_.push_back(width == 64 ? ~uint64_t{0} : ((uint64_t{1} << width) - 1) << start);
      start += width;
    }
    // Every choice of `chosen` blocks, in lexicographic order.
    std::vector<uint32_t> choice(plan_.chosen);
    for (uint32_t i = 0; i < plan_.chosen; ++i) choice[i] = i;
    while (true) {
      Table table;
      for (uint32_t k : choice) {
        table.blocks |= uint64_t{1} << k;
        table.key_mask |= block_masks_[k];
      }
      tables_.push_back(table);
      int i = static_cast<int>(plan_.chosen) - 1;
      while (i >= 0 && choice[i] == plan_.blocks - plan_.chosen + static_cast<uint32_t>(i)) --i;
      if (i < 0) break;
      ++choice[i];
      for (uint32_t j = static_cast<uint32_t>(i) + 1; j < plan_.chosen; ++j) choice[j] = choice[j - 1] + 1;
    }
  }

  void run(std::vector<uint64_t>& pairs) {
    const int max_threads = m_ > 4096 ? omp_get_max_threads() : 1;
    std::vector<std::vector<uint64_t>> found(max_threads);
    if (plan_.chosen == 0) {
      all_pairs(found);
    } else {
      records_.resize(m_);
      counts_.assign(static_cast<size_t>(max_threads) * max_threads, 0);
#pragma omp parallel num_threads(max_threads)
      {
        Scratch scratch;
        for (const Table& table : tables_) run_table(table, scratch, found[omp_get_thread_num()]);
      }
    }
    for (auto& f : found) pairs.insert(pairs.end(), f.begin(), f.end());
  }

 private:
  struct Table {
    uint64_t blocks = 0;    // bit k: block k is part of the key
    uint64_t key_mask = 0;  // the key's bits
  };
  struct Scratch {
    std::vector<Record> sorted;
    std::vector<uint32_t> hist;
  };

  // MurmurHash3's 64-bit finalizer: every output bit depends on every key
  // bit, so the owner (top bits) and the bucket (low bits) are both uniform
  // whichever blocks the key keeps.
  static uint64_t spread(uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    key *= 0xc4ceb9fe1a85ec53ULL;
    return key ^ (key >> 33);
  }
  static int owner_of(uint64_t spread_key, int team) {
    return static_cast<int>(((spread_key >> 32) * static_cast<uint64_t>(team)) >> 32);
  }

  // Inside the parallel region: one table.
  void run_table(const Table& table, Scratch& scratch, std::vector<uint64_t>& out) {
    const int t = omp_get_thread_num(), team = omp_get_num_threads();
    const size_t lo = m_ * t / team, hi = m_ * (t + 1) / team;
    uint32_t* my_counts = counts_.data() + static_cast<size_t>(t) * team;  // [owner]
    std::fill(my_counts, my_counts + team, 0u);
    for (size_t i = lo; i < hi; ++i) ++my_counts[owner_of(spread(codes_[i] & table.key_mask), team)];
#pragma omp barrier
    // Region of owner o: all records of owners < o; within it, slices of
    // threads < t first.
    std::vector<size_t> cursor(team + 1, 0);
    size_t region_start = 0, my_region = 0, my_region_end = 0;
    for (int o = 0; o < team; ++o) {
      size_t before_me = 0, total = 0;
      for (int u = 0; u < team; ++u) {
        const uint32_t c = counts_[static_cast<size_t>(u) * team + o];
        total += c;
        if (u < t) before_me += c;
      }
      cursor[o] = region_start + before_me;
      if (o == t) {
        my_region = region_start;
        my_region_end = region_start + total;
      }
      region_start += total;
    }
    for (size_t i = lo; i < hi; ++i) {
      const uint64_t key = codes_[i] & table.key_mask;
      records_[cursor[owner_of(spread(key), team)]++] = {codes_[i], static_cast<uint32_t>(i)};
    }
#pragma omp barrier
    scan_region(table, records_.data() + my_region, my_region_end - my_region, scratch, out);
#pragma omp barrier
  }

  // Sorts one owner's records by (key, index) — a bucket pass on the low
  // bits of the spread key, then small sorts — and reports its runs' pairs.
  void scan_region(const Table& table, const Record* region, size_t n, Scratch& scratch, std::vector<uint64_t>& out) {
    const int bits = n < 64 ? 0 : std::min(22, static_cast<int>(std::bit_width(n)) - 3);
    const size_t buckets = size_t{1} << bits;
    const uint64_t low = buckets - 1;
    scratch.hist.assign(buckets + 1, 0);
    for (size_t i = 0; i < n; ++i) ++scratch.hist[(spread(region[i].code & table.key_mask) & low) + 1];
    for (size_t b = 0; b < buckets; ++b) scratch.hist[b + 1] += scratch.hist[b];
    scratch.sorted.resize(n);
    for (size_t i = 0; i < n; ++i) {
      scratch.sorted[scratch.hist[spread(region[i].code & table.key_mask) & low]++] = region[i];
    }
    const uint64_t mask = table.key_mask;
    size_t begin = 0;
    for (size_t b = 0; b < buckets; ++b) {
      const size_t end = scratch.hist[b];  // now the end of bucket b
      Record* first = scratch.sorted.data() + begin;
      Record* last = scratch.sorted.data() + end;
      begin = end;
      if (last - first < 2) continue;
      std::sort(first, last, [mask](const Record& x, const Record& y) {
        const uint64_t kx = x.code & mask, ky = y.code & mask;
        return kx != ky ? kx < ky : x.idx < y.idx;
      });
      for (Record* r = first; r < last;) {
        Record* e = r + 1;
        while (e < last && ((e->code ^ r->code) & mask) == 0) ++e;
        for (; r < e; ++r) {
          for (const Record* q = r + 1; q < e; ++q) report(*r, *q, table.blocks, out);
        }
      }
    }
  }

  // No key (radius ≥ blocks): compare every pair, rows in parallel.
  void all_pairs(std::vector<std::vector<uint64_t>>& found) {
    const int64_t m = static_cast<int64_t>(m_);
#pragma omp parallel num_threads(static_cast<int>(found.size()))
    {
      std::vector<uint64_t>& out = found[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 64)
      for (int64_t a = 0; a < m; ++a) {
        const Record ra{codes_[a], static_cast<uint32_t>(a)};
        for (int64_t b = a + 1; b < m; ++b) report(ra, {codes_[b], static_cast<uint32_t>(b)}, 0, out);
      }
    }
  }

  // Reports (a, b), a.idx < b.idx, when within the radius and this is the
  // first table that sees them: its blocks are the lowest B − r blocks on
  // which the two codes agree.
  void report(const Record& a, const Record& b, uint64_t table_blocks, std::vector<uint64_t>& out) const {
    const uint64_t x = a.code ^ b.code;
    if (static_cast<uint32_t>(std::popcount(x)) > radius_) return;
    uint64_t clean = 0;
    for (uint32_t k = 0; k < plan_.blocks; ++k) clean |= static_cast<uint64_t>((x & block_masks_[k]) == 0) << k;
    if (lowest_bits(clean, plan_.chosen) != table_blocks) return;
    out.push_back(uint64_t{a.idx} << 32 | b.idx);
  }

  const uint64_t* codes_;
  size_t m_;
  uint32_t radius_;
  Plan plan_;
  std::vector<uint64_t> block_masks_;
  std::vector<Table> tables_;
  std::vector<Record> records_;  // per table: the codes grouped by owner thread
  std::vector<uint32_t> counts_;  // [thread][owner]: records of a slice for an owner
};

}  // namespace

Status permuted_table_pairs(const uint64_t* codes, size_t m, uint32_t radius, std::vector<uint64_t>& pairs) {
  if (m < 2) return Status::Ok();
  TableSearch search(codes, m, radius, choose_plan(m, radius));
  search.run(pairs);
  return Status::Ok();
}

}  // namespace copydesk::hamming_detail
