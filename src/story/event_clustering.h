// The two ways events.h cuts a neighbour graph into events (story/ internal).
// Each returns a label per node; labels are arbitrary, events.cpp renumbers.
#pragma once

#include <cstdint>
#include <vector>

#include "copydesk/events.h"
#include "copydesk/status.h"

namespace copydesk::story_detail {

// Leiden or Louvain (Method::kLeiden / kLouvain) with Debian's igraph, seeded.
Result<std::vector<uint32_t>> detect_communities(const EventGraph& graph, const EventParams& params);

// Average linkage restricted to graph edges: starting from the clusters of
// `initial` (labels < n, one per item; empty: singletons), repeatedly merges
// the two linked clusters with the highest mean cosine over all their cross
// pairs (exact, from cluster sum vectors; decayed by the time between the
// clusters' mean dates), until it falls below `threshold`.
Result<std::vector<uint32_t>> average_linkage(const EventGraph& graph, const EmbeddingMatrix& vectors,
                                              const std::vector<int64_t>& dates, const EventParams& params,
                                              double threshold, const std::vector<uint32_t>& initial = {});

}  // namespace copydesk::story_detail
