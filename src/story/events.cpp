// Events: validate, build the graph, cluster it, number the events.
#include "copydesk/events.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "story/event_clustering.h"

namespace copydesk {
namespace {

Status bad(const std::string& what) { return Status::InvalidArgument("events: " + what); }

}  // namespace

Status EventParams::validate() const {
  if (k < 1 || k > 1024) return bad("k must be in [1, 1024], got " + std::to_string(k));
  if (!(min_similarity >= 0.0f && min_similarity <= 1.0f)) {
    return bad("min_similarity must be in [0, 1], got " + std::to_string(min_similarity));
  }
  if (!(window_days > 0)) return bad("window_days must be > 0 (infinity: no window), got " + std::to_string(window_days));
  if (!(time_decay_days >= 0) || std::isinf(time_decay_days)) {
    return bad("time_decay_days must be finite and >= 0 (0: no decay), got " + std::to_string(time_decay_days));
  }
  if (flat_max < 1) return bad("flat_max must be >= 1");
  if (ivf_nprobe < 1) return bad("ivf_nprobe must be >= 1");
  if (hnsw_m < 2 || hnsw_m > 256) return bad("hnsw_m must be in [2, 256], got " + std::to_string(hnsw_m));
  if (hnsw_ef_search < k) return bad("hnsw_ef_search must be >= k, got " + std::to_string(hnsw_ef_search));
  if (!(cpm_resolution > 0) || std::isinf(cpm_resolution)) {
    return bad("cpm_resolution must be finite and > 0, got " + std::to_string(cpm_resolution));
  }
  if (!(modularity_resolution > 0) || std::isinf(modularity_resolution)) {
    return bad("modularity_resolution must be finite and > 0, got " + std::to_string(modularity_resolution));
  }
  if (std::isnan(merge_threshold)) return bad("merge_threshold must be a number (> 1: no merge)");
  if (!(linkage_threshold > -1 && linkage_threshold <= 1)) {
    return bad("linkage_threshold must be in (-1, 1], got " + std::to_string(linkage_threshold));
  }
  return Status::Ok();
}

Result<EventClusters> cluster_event_graph(const EventGraph& graph, const EmbeddingMatrix& vectors,
                                          const std::vector<int64_t>& dates, const EventParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (graph.nodes != vectors.rows()) {
    return bad("the graph has " + std::to_string(graph.nodes) + " nodes but there are " +
               std::to_string(vectors.rows()) + " vectors");
  }
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<uint32_t>> labels = std::vector<uint32_t>(graph.nodes, 0);
  if (graph.nodes > 0) {
    if (params.method == EventParams::Method::kAverageLinkage) {
      labels = story_detail::average_linkage(graph, vectors, dates, params, params.linkage_threshold);
    } else {
      labels = story_detail::detect_communities(graph, params);
      if (labels.ok() && params.merge_threshold <= 1) {
        labels = story_detail::average_linkage(graph, vectors, dates, params, params.merge_threshold, *labels);
      }
    }
  }
  if (!labels.ok()) return labels.status();

  // Events numbered by their first item.
  EventClusters out;
  out.event_of.resize(graph.nodes);
  std::vector<uint32_t> number(graph.nodes, std::numeric_limits<uint32_t>::max());
  for (size_t i = 0; i < graph.nodes; ++i) {
    uint32_t& e = number[(*labels)[i]];
    if (e == std::numeric_limits<uint32_t>::max()) {
      e = static_cast<uint32_t>(out.event_size.size());
      out.event_size.push_back(0);
    }
    out.event_of[i] = e;
    ++out.event_size[e];
  }
  out.edges = graph.edges.size();
  out.indexes = graph.indexes;
  out.search_seconds = graph.search_seconds;
  out.cluster_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

Result<EventClusters> cluster_events(const EmbeddingMatrix& vectors, const std::vector<int64_t>& dates,
                                     const EventParams& params) {
  Result<EventGraph> graph = build_event_graph(vectors, dates, params);
  if (!graph.ok()) return graph.status();
  return cluster_event_graph(*graph, vectors, dates, params);
}

}  // namespace copydesk
