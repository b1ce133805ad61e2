#include "copydesk/lsh.h"

#include <omp.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

namespace copydesk {
namespace {

// Simpson's rule on [a, b] with an even number of steps.
template <typename F>
double integrate(F f, double a, double b, int steps = 512) {
  if (b <= a) return 0.0;
  const double h = (b - a) / steps;
  double sum = f(a) + f(b);
  for (int i = 1; i < steps; ++i) sum += f(a + i * h) * (i % 2 ? 4 : 2);
  return sum * h / 3;
}

struct Record {
  uint64_t key;
  uint32_t doc;
  bool operator<(const Record& o) const { return key != o.key ? key < o.key : doc < o.doc; }
};

}  // namespace

Status LshParams::validate(uint32_t num_perm) const {
  if (!(threshold > 0.0 && threshold <= 1.0)) return Status::InvalidArgument("lsh threshold must be in (0, 1]");
  if ((bands == 0) != (rows == 0)) return Status::InvalidArgument("lsh bands and rows must be given together");
  if (bands != 0 && static_cast<uint64_t>(bands) * rows > num_perm) {
    return Status::InvalidArgument("lsh bands × rows (" + std::to_string(bands) + " × " + std::to_string(rows) +
                                   ") exceeds num_perm " + std::to_string(num_perm));
  }
  if (false_positive_weight < 0 || false_negative_weight < 0 || false_positive_weight + false_negative_weight <= 0) {
    return Status::InvalidArgument("lsh error weights must be non-negative and not both zero");
  }
  if (max_bucket < 2) return Status::InvalidArgument("max_bucket must be at least 2");
  return Status::Ok();
}

double candidate_probability(double s, Banding b) {
  return 1.0 - std::pow(1.0 - std::pow(s, b.rows), b.bands);
}

Banding optimal_banding(double threshold, uint32_t num_perm, double fp_weight, double fn_weight) {
  Banding best{1, num_perm};
  double best_error = INFINITY;
  for (uint32_t b = 1; b <= num_perm; ++b) {
    for (uint32_t r = 1; r <= num_perm / b; ++r) {
      const Banding cand{b, r};
      const double fp = integrate([&](double s) { return candidate_probability(s, cand); }, 0.0, threshold);
      const double fn = integrate([&](double s) { return 1.0 - candidate_probability(s, cand); }, threshold, 1.0);
      const double error = fp * fp_weight + fn * fn_weight;
      if (error < best_error) {
        best_error = error;
        best = cand;
      }
    }
  }
  return best;
}

Result<Candidates> find_candidates(const uint32_t* signatures, size_t n, uint32_t num_perm,
                                   const std::vector<uint8_t>& eligible, const LshParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate(num_perm));
  if (n > UINT32_MAX) return Status::InvalidArgument("too many documents for one LSH index (max 2^32 − 1)");
  Candidates out;
  out.banding = params.bands != 0 ? Banding{params.bands, params.rows}
                                  : optimal_banding(params.threshold, num_perm, params.false_positive_weight,
                                                    params.false_negative_weight);
  const uint32_t bands = out.banding.bands, rows = out.banding.rows;
  std::vector<std::vector<OversizedBucket>> band_oversized(bands);

#pragma omp parallel
  {
    std::vector<Record> records;
    std::vector<uint64_t> pairs, merged;
#pragma omp for schedule(dynamic, 1)
    for (uint32_t band = 0; band < bands; ++band) {
      records.clear();
      records.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        if (!eligible[i]) continue;
        const uint32_t* row = signatures + i * num_perm + static_cast<size_t>(band) * rows;
        records.push_back({XXH3_64bits_withSeed(row, rows * sizeof(uint32_t), band), static_cast<uint32_t>(i)});
      }
      std::sort(records.begin(), records.end());
      pairs.clear();
      for (size_t start = 0; start < records.size();) {
        size_t end = start + 1;
        while (end < records.size() && records[end].key == records[start].key) ++end;
        const size_t size = end - start;
        if (size > params.max_bucket) {
          band_oversized[band].push_back({band, records[start].key, static_cast<uint32_t>(size), records[start].doc});
          for (size_t j = start + 1; j < end; ++j) pairs.push_back(make_pair_key(records[start].doc, records[j].doc));
        } else {
          for (size_t a = start; a < end; ++a) {
            for (size_t b = a + 1; b < end; ++b) pairs.push_back(make_pair_key(records[a].doc, records[b].doc));
          }
        }
        start = end;
      }
      // Merge this band's pairs into the result as soon as it is done, so
      // the pairs of all bands are never held at once. A set union does not
      // depend on the order bands finish in.
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
#pragma omp critical(copydesk_lsh_merge)
      {
        merged.clear();
        merged.reserve(out.pairs.size() + pairs.size());
        std::set_union(out.pairs.begin(), out.pairs.end(), pairs.begin(), pairs.end(), std::back_inserter(merged));
        out.pairs.swap(merged);
      }
    }
  }
  for (auto& o : band_oversized) out.oversized.insert(out.oversized.end(), o.begin(), o.end());
  return out;
}

}  // namespace copydesk
