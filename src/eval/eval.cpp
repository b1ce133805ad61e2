#include "copydesk/eval.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace copydesk {
namespace {

// Pair counts reach n^2/2; their products (ARI) need 128 bits to stay exact.
__extension__ typedef __int128 int128;

uint64_t pairs_of(uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

double ratio_or_one(uint64_t num, uint64_t den) {
  return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

double harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

// Maps each distinct label to a dense index 0..k-1, in order of appearance.
std::vector<uint32_t> dense_labels(const std::vector<std::string>& labels, size_t n,
                                   std::vector<uint64_t>& sizes) {
  std::unordered_map<std::string_view, uint32_t> index;
  index.reserve(n);
  std::vector<uint32_t> out(n);
  for (size_t i = 0; i < n; ++i) {
    auto [it, added] = index.try_emplace(labels[i], static_cast<uint32_t>(sizes.size()));
    if (added) sizes.push_back(0);
    ++sizes[it->second];
    out[i] = it->second;
  }
  return out;
}

}  // namespace

ClusteringScores score_clustering(const std::vector<std::string>& gold,
                                  const std::vector<std::string>& predicted) {
  const size_t n = std::min(gold.size(), predicted.size());
  ClusteringScores s;
  s.documents = n;
  std::vector<uint64_t> gold_size, pred_size;  // a_i, b_j
  const std::vector<uint32_t> g = dense_labels(gold, n, gold_size);
  const std::vector<uint32_t> p = dense_labels(predicted, n, pred_size);
  s.gold_clusters = gold_size.size();
  s.predicted_clusters = pred_size.size();

  // Contingency table n_ij, sparse: at most n non-zero cells.
  std::unordered_map<uint64_t, uint64_t> cells;
  cells.reserve(n);
  for (size_t i = 0; i < n; ++i) ++cells[(static_cast<uint64_t>(g[i]) << 32) | p[i]];

  uint64_t tp = 0;
  double bcubed_p = 0, bcubed_r = 0, mi = 0;
  const double dn = static_cast<double>(n);
  for (const auto& [key, count] : cells) {
    const uint64_t a = gold_size[key >> 32], b = pred_size[key & 0xffffffffu];
    const double c = static_cast<double>(count);
    tp += pairs_of(count);
    bcubed_p += c * c / static_cast<double>(b);
    bcubed_r += c * c / static_cast<double>(a);
    mi += c / dn * std::log(dn * c / (static_cast<double>(a) * static_cast<double>(b)));
  }
  for (uint64_t a : gold_size) s.gold_pairs += pairs_of(a);
  for (uint64_t b : pred_size) s.predicted_pairs += pairs_of(b);
  s.true_positive_pairs = tp;

  s.pairwise_precision = ratio_or_one(tp, s.predicted_pairs);
  s.pairwise_recall = ratio_or_one(tp, s.gold_pairs);
  s.pairwise_f1 = harmonic(s.pairwise_precision, s.pairwise_recall);

  s.bcubed_precision = n == 0 ? 1.0 : bcubed_p / dn;
  s.bcubed_recall = n == 0 ? 1.0 : bcubed_r / dn;
  s.bcubed_f1 = harmonic(s.bcubed_precision, s.bcubed_recall);

  // The two partitions are the same up to renaming when every gold cluster
  // meets exactly one predicted cluster and vice versa.
  const bool same_partition = cells.size() == gold_size.size() && cells.size() == pred_size.size();

  // ARI from the pair confusion matrix (scikit-learn's form, unordered pairs).
  const uint64_t fp = s.predicted_pairs - tp, fn = s.gold_pairs - tp;
  const uint64_t tn = pairs_of(n) - tp - fp - fn;
  if (fp == 0 && fn == 0) {
    s.ari = 1.0;
  } else {
    const int128 num = 2 * (static_cast<int128>(tp) * tn - static_cast<int128>(fn) * fp);
    const int128 den = static_cast<int128>(tp + fn) * (fn + tn) + static_cast<int128>(tp + fp) * (fp + tn);
    s.ari = static_cast<double>(static_cast<long double>(num) / static_cast<long double>(den));
  }

  // NMI, arithmetic mean of the two entropies (scikit-learn's default).
  if ((gold_size.size() <= 1 && pred_size.size() <= 1) || same_partition) {
    s.nmi = 1.0;
  } else if (mi <= 0) {
    s.nmi = 0.0;
  } else {
    auto entropy = [dn](const std::vector<uint64_t>& sizes) {
      double h = 0;
      for (uint64_t k : sizes) {
        const double q = static_cast<double>(k) / dn;
        h -= q * std::log(q);
      }
      return h;
    };
    const double norm = (entropy(gold_size) + entropy(pred_size)) / 2;
    s.nmi = std::clamp(mi / norm, 0.0, 1.0);
  }
  return s;
}

PairScores score_pairs(const std::vector<std::string>& ids,
                       const std::vector<std::string>& predicted_labels,
                       const std::vector<std::pair<std::string, std::string>>& gold_pairs) {
  const size_t n = std::min(ids.size(), predicted_labels.size());
  PairScores s;
  std::unordered_map<std::string_view, uint32_t> label_of;  // id -> dense predicted label
  std::unordered_map<std::string_view, uint32_t> label_index;
  std::vector<uint64_t> sizes;
  label_of.reserve(n);
  label_index.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (label_of.count(ids[i]) != 0) continue;  // a repeated id keeps its first label
    auto [lit, added] = label_index.try_emplace(predicted_labels[i], static_cast<uint32_t>(sizes.size()));
    if (added) sizes.push_back(0);
    ++sizes[lit->second];
    label_of.emplace(ids[i], lit->second);
  }
  s.documents = label_of.size();
  for (uint64_t k : sizes) s.predicted_pairs += pairs_of(k);

  // Distinct unordered pairs: (a, b) and (b, a) are one.
  std::unordered_set<std::string> seen;
  seen.reserve(gold_pairs.size());
  std::string key;
  for (const auto& [a, b] : gold_pairs) {
    if (a == b) continue;
    const std::string& lo = a < b ? a : b;
    const std::string& hi = a < b ? b : a;
    key.assign(lo);
    key.push_back('\0');
    key.append(hi);
    if (!seen.insert(key).second) continue;
    ++s.gold_pairs;
    const auto la = label_of.find(a), lb = label_of.find(b);
    if (la == label_of.end() || lb == label_of.end()) {
      ++s.gold_pairs_missing;
    } else if (la->second == lb->second) {
      ++s.true_positives;
    }
  }
  s.precision = ratio_or_one(s.true_positives, s.predicted_pairs);
  s.recall = ratio_or_one(s.true_positives, s.gold_pairs);
  s.f1 = harmonic(s.precision, s.recall);
  return s;
}

}  // namespace copydesk
