// The k-nearest-neighbour graph of events.h: FAISS search per time block,
// exact re-scoring, time window and decay, symmetric edges.
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "copydesk/document.h"
#include "copydesk/events.h"
#include "story/vector_index.h"

namespace copydesk {
namespace {

using story_detail::idx_t;
using story_detail::VectorIndex;

constexpr double kSecondsPerDay = 86400.0;
constexpr size_t kQueryBatch = 32768;
constexpr int64_t kUndatedBlock = std::numeric_limits<int64_t>::max();

struct Neighbour {
  float weight;
  uint32_t id;
};

// Strict total order: higher weight first, then lower id. The top k of a
// union of candidate lists under it does not depend on the order they come in.
bool better(const Neighbour& x, const Neighbour& y) { return x.weight > y.weight || (x.weight == y.weight && x.id < y.id); }

// Per item: its best k neighbours so far, sorted by `better`.
class NeighbourLists {
 public:
  NeighbourLists(size_t n, uint32_t k) : k_(k), slots_(n * k), count_(n, 0) {}

  void offer(size_t item, Neighbour cand) {
    Neighbour* list = slots_.data() + item * k_;
    uint32_t& count = count_[item];
    if (count == k_ && !better(cand, list[k_ - 1])) return;
    uint32_t pos = count < k_ ? count++ : k_ - 1;
    while (pos > 0 && better(cand, list[pos - 1])) {
      list[pos] = list[pos - 1];
      --pos;
    }
    list[pos] = cand;
  }
  const Neighbour* list(size_t item) const { return slots_.data() + item * k_; }
  uint32_t count(size_t item) const { return count_[item]; }

 private:
  uint32_t k_;
  std::vector<Neighbour> slots_;
  std::vector<uint32_t> count_;
};

struct TimeBlocks {
  std::map<int64_t, std::vector<uint32_t>> members;  // block number (kUndatedBlock last) → items
  std::vector<int64_t> block_of;                     // per item
  bool windowed = false;                             // dated blocks only see their neighbours
};

TimeBlocks make_blocks(size_t n, const std::vector<int64_t>& dates, double window_seconds) {
  TimeBlocks t;
  t.block_of.assign(n, 0);
  int64_t first = std::numeric_limits<int64_t>::max();
  for (int64_t d : dates) {
    if (d != kNoDate) first = std::min(first, d);
  }
  t.windowed = std::isfinite(window_seconds) && first != std::numeric_limits<int64_t>::max();
  for (size_t i = 0; i < n; ++i) {
    int64_t b = 0;
    if (t.windowed) {
      b = dates[i] == kNoDate ? kUndatedBlock
                              : static_cast<int64_t>(std::floor(static_cast<double>(dates[i] - first) / window_seconds));
    }
    t.block_of[i] = b;
    t.members[b].push_back(static_cast<uint32_t>(i));
  }
  return t;
}

// Rows of `items` copied into one contiguous buffer.
std::vector<float> gather(const EmbeddingMatrix& m, const uint32_t* items, size_t count) {
  std::vector<float> out(count * m.dims);
  for (size_t i = 0; i < count; ++i) std::copy(m.row(items[i]), m.row(items[i]) + m.dims, out.data() + i * m.dims);
  return out;
}

class GraphBuilder {
 public:
  GraphBuilder(const EmbeddingMatrix& vectors, const std::vector<int64_t>& dates, const EventParams& params)
      : m_(vectors),
        dates_(dates),
        p_(params),
        window_(params.window_days * kSecondsPerDay),
        tau_(params.time_decay_days * kSecondsPerDay),
        lists_(vectors.rows(), params.k) {}

  Status run(EventGraph& graph) {
    const size_t n = m_.rows();
    blocks_ = make_blocks(n, dates_, window_);
    for (const auto& [block, items] : blocks_.members) {
      const bool everything = items.size() == n;
      std::vector<float> rows;
      if (!everything) rows = gather(m_, items.data(), items.size());
      Result<VectorIndex> index =
          VectorIndex::build(everything ? m_.values.data() : rows.data(), items.size(), m_.dims, p_);
      if (!index.ok()) return index.status();
      graph.indexes.push_back(index->description());
      COPYDESK_RETURN_IF_ERROR(search_block(block, items, *index));
    }
    graph.time_blocks = blocks_.members.size();
    collect_edges(graph);
    return Status::Ok();
  }

 private:
  bool dated(uint32_t i) const { return !dates_.empty() && dates_[i] != kNoDate; }

  // Does a query in block q search candidates of block c, and how many?
  uint32_t candidates_wanted(int64_t q, int64_t c) const {
    if (!blocks_.windowed || q == c) return p_.k + 1;
    if (q == kUndatedBlock || c == kUndatedBlock) return p_.k;
    if (q == c - 1 || q == c + 1) return 2 * p_.k;  // about half may fall outside the window
    return 0;
  }

  Status search_block(int64_t block, const std::vector<uint32_t>& items, const VectorIndex& index) {
    // Queries grouped by how many candidates they want from this block.
    std::map<uint32_t, std::vector<uint32_t>> by_wanted;
    for (const auto& [q, members] : blocks_.members) {
      const uint32_t wanted = candidates_wanted(q, block);
      if (wanted > 0) {
        auto& list = by_wanted[static_cast<uint32_t>(std::min<size_t>(wanted, items.size()))];
        list.insert(list.end(), members.begin(), members.end());
      }
    }
    for (auto& entry : by_wanted) {  // no structured bindings: clang < 16 cannot use them in OpenMP regions
      const uint32_t wanted = entry.first;
      auto& queries = entry.second;
      std::sort(queries.begin(), queries.end());
      std::vector<float> distances;
      std::vector<idx_t> labels;
      for (size_t start = 0; start < queries.size(); start += kQueryBatch) {
        const size_t count = std::min(kQueryBatch, queries.size() - start);
        const std::vector<float> rows = gather(m_, queries.data() + start, count);
        distances.resize(count * wanted);
        labels.resize(count * wanted);
        COPYDESK_RETURN_IF_ERROR(index.search(rows.data(), count, wanted, distances.data(), labels.data()));
        const auto scount = static_cast<int64_t>(count);
#pragma omp parallel for schedule(static) if (count > 256)
        for (int64_t s = 0; s < scount; ++s) {
          const uint32_t q = queries[start + static_cast<size_t>(s)];
          for (uint32_t j = 0; j < wanted; ++j) {
            const idx_t label = labels[static_cast<size_t>(s) * wanted + j];
            if (label < 0) break;
            const uint32_t c = items[static_cast<size_t>(label)];
            if (c == q) continue;
            const float w = weight(q, c);
            if (w > 0) lists_.offer(q, {w, c});
          }
        }
      }
    }
    return Status::Ok();
  }

  // Exact cosine (recomputed: faiss's value depends on its BLAS blocking),
  // zero outside the window, decayed by the time between.
  float weight(uint32_t q, uint32_t c) const {
    const float cosine = dot(m_.row(q), m_.row(c), m_.dims);
    if (!dated(q) || !dated(c)) return cosine;
    const double gap = std::fabs(static_cast<double>(dates_[q]) - static_cast<double>(dates_[c]));
    if (gap > window_) return 0;
    return tau_ > 0 ? static_cast<float>(cosine * std::exp(-gap / tau_)) : cosine;
  }

  void collect_edges(EventGraph& graph) const {
    const size_t n = m_.rows();
    std::vector<EventEdge> directed;
    directed.reserve(n * p_.k);
    for (size_t i = 0; i < n; ++i) {
      const Neighbour* list = lists_.list(i);
      for (uint32_t j = 0; j < lists_.count(i); ++j) {
        if (list[j].weight < p_.min_similarity) break;
        const auto a = static_cast<uint32_t>(i);
        directed.push_back({std::min(a, list[j].id), std::max(a, list[j].id), list[j].weight});
      }
    }
    // A pair linked both ways appears twice, with the same weight: keep one.
    auto by_pair = [](const EventEdge& x, const EventEdge& y) { return x.a < y.a || (x.a == y.a && x.b < y.b); };
    auto same_pair = [](const EventEdge& x, const EventEdge& y) { return x.a == y.a && x.b == y.b; };
    std::sort(directed.begin(), directed.end(), by_pair);
    directed.erase(std::unique(directed.begin(), directed.end(), same_pair), directed.end());
    graph.edges = std::move(directed);
  }

  const EmbeddingMatrix& m_;
  const std::vector<int64_t>& dates_;
  const EventParams& p_;
  double window_, tau_;
  NeighbourLists lists_;
  TimeBlocks blocks_;
};

}  // namespace

Result<EventGraph> build_event_graph(const EmbeddingMatrix& vectors, const std::vector<int64_t>& dates,
                                     const EventParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  const size_t n = vectors.rows();
  if (vectors.dims == 0 || vectors.values.size() != n * vectors.dims) {
    return Status::InvalidArgument("events: the vector matrix is empty or ragged");
  }
  if (!dates.empty() && dates.size() != n) {
    return Status::InvalidArgument("events: " + std::to_string(n) + " vectors but " + std::to_string(dates.size()) +
                                   " dates");
  }
  if (n >= std::numeric_limits<uint32_t>::max()) return Status::InvalidArgument("events: too many items");
  const auto start = std::chrono::steady_clock::now();
  EventGraph graph;
  graph.nodes = static_cast<uint32_t>(n);
  if (n >= 2) {
    GraphBuilder builder(vectors, dates, params);
    COPYDESK_RETURN_IF_ERROR(builder.run(graph));
  }
  graph.search_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return graph;
}

}  // namespace copydesk
