// Graph-restricted average linkage: see event_clustering.h.
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <queue>
#include <vector>

#include "copydesk/document.h"
#include "story/event_clustering.h"

namespace copydesk::story_detail {
namespace {

struct Candidate {
  double score;
  uint32_t a, b;                // cluster roots, a < b
  uint32_t version_a, version_b;  // the roots' versions when scored
};

// Max-heap order: higher score first, then lower (a, b).
struct WorseCandidate {
  bool operator()(const Candidate& x, const Candidate& y) const {
    if (x.score != y.score) return x.score < y.score;
    if (x.a != y.a) return x.a > y.a;
    return x.b > y.b;
  }
};

class Linkage {
 public:
  Linkage(const EmbeddingMatrix& vectors, const std::vector<int64_t>& dates, const EventParams& params,
          double threshold)
      : m_(vectors), threshold_(threshold), n_(vectors.rows()), parent_(n_), size_(n_, 1), version_(n_, 0), sum_(n_),
        date_sum_(n_, 0), dated_(n_, 0), links_(n_) {
    for (size_t i = 0; i < n_; ++i) {
      parent_[i] = static_cast<uint32_t>(i);
      if (!dates.empty() && dates[i] != kNoDate) date_sum_[i] = static_cast<double>(dates[i]), dated_[i] = 1;
    }
    tau_ = params.time_decay_days * 86400.0;
  }

  // Starts from the clusters of `initial` (one label per item; empty: singletons).
  std::vector<uint32_t> run(const EventGraph& graph, const std::vector<uint32_t>& initial) {
    if (!initial.empty()) start_from(initial);
    for (const EventEdge& e : graph.edges) {
      const uint32_t a = find(e.a), b = find(e.b);
      if (a == b) continue;
      links_[a].push_back(b);
      links_[b].push_back(a);
    }
    for (size_t i = 0; i < n_; ++i) {
      if (parent_[i] != i) continue;
      std::vector<uint32_t>& l = links_[i];
      std::sort(l.begin(), l.end());
      l.erase(std::unique(l.begin(), l.end()), l.end());
      for (uint32_t c : l) {
        if (c > i) push(static_cast<uint32_t>(i), c);
      }
    }
    while (!heap_.empty()) {
      const Candidate c = heap_.top();
      heap_.pop();
      if (version_[c.a] != c.version_a || version_[c.b] != c.version_b || parent_[c.a] != c.a ||
          parent_[c.b] != c.b) {
        continue;  // one side has merged since
      }
      merge(c.a, c.b);
    }
    std::vector<uint32_t> labels(n_);
    for (size_t i = 0; i < n_; ++i) labels[i] = find(static_cast<uint32_t>(i));
    return labels;
  }

 private:
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Joins the items of each initial label under its first item.
  void start_from(const std::vector<uint32_t>& initial) {
    std::vector<uint32_t> root_of_label(n_, UINT32_MAX);
    for (size_t i = 0; i < n_; ++i) {
      uint32_t& root = root_of_label[initial[i]];
      if (root == UINT32_MAX) {
        root = static_cast<uint32_t>(i);
        continue;
      }
      std::vector<float>& sum = sum_[root];
      if (sum.empty()) sum.assign(m_.row(root), m_.row(root) + m_.dims);
      const float* row = m_.row(i);
      for (uint32_t j = 0; j < m_.dims; ++j) sum[j] += row[j];
      parent_[i] = root;
      ++size_[root];
      date_sum_[root] += date_sum_[i];
      dated_[root] += dated_[i];
    }
  }

  const float* sum_of(uint32_t root) const { return sum_[root].empty() ? m_.row(root) : sum_[root].data(); }

  double score(uint32_t a, uint32_t b) const {
    double s = dot(sum_of(a), sum_of(b), m_.dims) / (static_cast<double>(size_[a]) * size_[b]);
    if (tau_ > 0 && dated_[a] > 0 && dated_[b] > 0) {
      s *= std::exp(-std::fabs(date_sum_[a] / dated_[a] - date_sum_[b] / dated_[b]) / tau_);
    }
    return s;
  }

  void push(uint32_t a, uint32_t b) {
    if (a > b) std::swap(a, b);
    const double s = score(a, b);
    if (s >= threshold_) heap_.push({s, a, b, version_[a], version_[b]});
  }

  void merge(uint32_t a, uint32_t b) {
    // The larger cluster (then the lower id) absorbs the smaller.
    if (size_[b] > size_[a] || (size_[b] == size_[a] && b < a)) std::swap(a, b);
    std::vector<float>& sum = sum_[a];
    if (sum.empty()) sum.assign(m_.row(a), m_.row(a) + m_.dims);
    const float* other = sum_of(b);
    for (uint32_t j = 0; j < m_.dims; ++j) sum[j] += other[j];
    std::vector<float>().swap(sum_[b]);
    parent_[b] = a;
    size_[a] += size_[b];
    date_sum_[a] += date_sum_[b];
    dated_[a] += dated_[b];
    ++version_[a];

    std::vector<uint32_t> joined;
    joined.reserve(links_[a].size() + links_[b].size());
    for (uint32_t x : links_[a]) joined.push_back(find(x));
    for (uint32_t x : links_[b]) joined.push_back(find(x));
    std::vector<uint32_t>().swap(links_[b]);
    std::sort(joined.begin(), joined.end());
    joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
    joined.erase(std::remove(joined.begin(), joined.end(), a), joined.end());
    links_[a] = std::move(joined);
    for (uint32_t c : links_[a]) push(a, c);
  }

  const EmbeddingMatrix& m_;
  double threshold_;
  size_t n_;
  double tau_ = 0;
  std::vector<uint32_t> parent_, size_, version_;
  std::vector<std::vector<float>> sum_;  // empty while a cluster is one item (its row is the sum)
  std::vector<double> date_sum_;
  std::vector<uint32_t> dated_;
  std::vector<std::vector<uint32_t>> links_;  // per root: linked items or roots (resolved lazily)
  std::priority_queue<Candidate, std::vector<Candidate>, WorseCandidate> heap_;
};

}  // namespace

Result<std::vector<uint32_t>> average_linkage(const EventGraph& graph, const EmbeddingMatrix& vectors,
                                              const std::vector<int64_t>& dates, const EventParams& params,
                                              double threshold, const std::vector<uint32_t>& initial) {
  if (graph.nodes != vectors.rows()) return Status::InvalidArgument("events: graph and vectors differ in size");
  if (!initial.empty() && initial.size() != graph.nodes) return Status::Internal("events: initial labels differ in size");
  return Linkage(vectors, dates, params, threshold).run(graph, initial);
}

}  // namespace copydesk::story_detail
