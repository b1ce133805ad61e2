#include <algorithm>
#include <numeric>

#include "copydesk/cluster.h"
#include "copydesk/document.h"

namespace copydesk {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  // The smaller index becomes the root, so roots are stable under input order.
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<uint32_t> parent_;
};

// True when document a should be canonical rather than b.
bool better_canonical(uint32_t a, uint32_t b, const std::vector<CanonicalKey>& keys) {
  const CanonicalKey& ka = keys[a];
  const CanonicalKey& kb = keys[b];
  const bool da = ka.date != kNoDate, db = kb.date != kNoDate;
  if (da != db) return da;
  if (da && ka.date != kb.date) return ka.date < kb.date;
  if (ka.length != kb.length) return ka.length > kb.length;
  return a < b;
}

}  // namespace

Status ClusterParams::validate() const {
  if (!(threshold >= 0.0 && threshold <= 1.0)) return Status::InvalidArgument("cluster threshold must be in [0, 1]");
  return Status::Ok();
}

CopyGroups cluster_copies(size_t n, const std::vector<ScoredPair>& verified, const Similarity& similarity,
                          const std::vector<CanonicalKey>& keys, const ClusterParams& params) {
  UnionFind uf(n);
  std::vector<double> strength(n, 0.0);  // total verified similarity: centre choice
  for (const ScoredPair& p : verified) {
    uf.unite(p.a, p.b);
    strength[p.a] += p.score;
    strength[p.b] += p.score;
  }
  // Members of each component, in input order (CSR by root).
  std::vector<uint32_t> root(n), count(n + 1, 0);
  for (uint32_t i = 0; i < n; ++i) ++count[(root[i] = uf.find(i)) + 1];
  std::partial_sum(count.begin(), count.end(), count.begin());
  std::vector<uint32_t> members(n), fill(count.begin(), count.end() - 1);
  for (uint32_t i = 0; i < n; ++i) members[fill[root[i]]++] = i;

  // Split components around centres; `label[i]` is the centre of i's group.
  std::vector<uint32_t> label(n);
  CopyGroups out;
  std::vector<uint32_t> pending, rest;
  for (uint32_t r = 0; r < n; ++r) {
    const uint32_t begin = count[r], end = count[r + 1];
    if (begin == end) continue;
    if (end - begin <= 2) {  // a single document, or one verified pair
      for (uint32_t k = begin; k < end; ++k) label[members[k]] = members[begin];
      continue;
    }
    pending.assign(members.begin() + begin, members.begin() + end);
    bool split = false;
    while (!pending.empty()) {
      const uint32_t centre = *std::max_element(pending.begin(), pending.end(), [&](uint32_t a, uint32_t b) {
        return strength[a] != strength[b] ? strength[a] < strength[b] : a > b;
      });
      rest.clear();
      for (uint32_t m : pending) {
        if (m == centre || similarity(centre, m) >= params.threshold) {
          label[m] = centre;
        } else {
          rest.push_back(m);
        }
      }
      split |= !rest.empty();
      pending.swap(rest);
    }
    out.components_split += split;
  }

  // Number groups by first member; pick canonicals.
  constexpr uint32_t kUnset = UINT32_MAX;
  std::vector<uint32_t> group_of_centre(n, kUnset);
  out.group_of.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t& g = group_of_centre[label[i]];
    if (g == kUnset) {
      g = static_cast<uint32_t>(out.canonical.size());
      out.canonical.push_back(i);
      out.group_size.push_back(0);
    }
    out.group_of[i] = g;
    ++out.group_size[g];
    if (better_canonical(i, out.canonical[g], keys)) out.canonical[g] = i;
  }
  out.similarity.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t c = out.canonical[out.group_of[i]];
    out.similarity[i] = c == i ? 1.0f : static_cast<float>(similarity(c, i));
  }
  return out;
}

}  // namespace copydesk
