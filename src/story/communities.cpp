// Leiden and Louvain through igraph (C library, 0.10): see events.h.
#include <igraph.h>

#include <mutex>
#include <vector>

#include "story/event_clustering.h"

namespace copydesk::story_detail {
namespace {

// igraph keeps its error handler, warning handler and default RNG in
// process-wide variables (Debian builds it without thread-local storage).
// While one of our calls runs, errors are returned instead of aborting, warnings
// are not printed, and the RNG is ours, seeded; everything is restored after.
// The mutex serialises our calls.
std::mutex igraph_mutex;

// A fixed number of Leiden iterations, leidenalg's default. igraph's "until
// stable" (n_iterations < 0) never returns on a graph without edges, and on a
// large graph the randomised refinement keeps moving a few nodes: measured on
// 100k planted items, 45 iterations (31,513 → 31,323 communities, 22 s)
// where 2 take a tenth of that for the same ARI.
constexpr int kLeidenIterations = 2;
constexpr double kLeidenBeta = 0.01;  // randomness of the refinement (igraph's suggested value)

class IgraphSession {
 public:
  explicit IgraphSession(uint64_t seed) : lock_(igraph_mutex) {
    old_error_ = igraph_set_error_handler(igraph_error_handler_ignore);
    old_warning_ = igraph_set_warning_handler(igraph_warning_handler_ignore);
    old_rng_ = igraph_rng_default();
    rng_ok_ = igraph_rng_init(&rng_, &igraph_rngtype_pcg32) == IGRAPH_SUCCESS;
    if (rng_ok_) {
      igraph_rng_seed(&rng_, seed);
      igraph_rng_set_default(&rng_);
    }
  }
  ~IgraphSession() {
    if (rng_ok_) {
      igraph_rng_set_default(old_rng_);
      igraph_rng_destroy(&rng_);
    }
    igraph_set_warning_handler(old_warning_);
    igraph_set_error_handler(old_error_);
  }
  IgraphSession(const IgraphSession&) = delete;
  IgraphSession& operator=(const IgraphSession&) = delete;
  bool ok() const { return rng_ok_; }

 private:
  std::lock_guard<std::mutex> lock_;
  igraph_error_handler_t* old_error_;
  igraph_warning_handler_t* old_warning_;
  igraph_rng_t* old_rng_;
  igraph_rng_t rng_{};
  bool rng_ok_ = false;
};

// Owners of igraph objects: destroyed on every path.
struct IntVector {
  igraph_vector_int_t v{};
  bool live = false;
  ~IntVector() {
    if (live) igraph_vector_int_destroy(&v);
  }
};
struct RealVector {
  igraph_vector_t v{};
  bool live = false;
  ~RealVector() {
    if (live) igraph_vector_destroy(&v);
  }
};
struct Graph {
  igraph_t g{};
  bool live = false;
  ~Graph() {
    if (live) igraph_destroy(&g);
  }
};

Status failed(const char* what, igraph_error_t code) {
  return Status::Internal(std::string("events: igraph ") + what + " failed: " + igraph_strerror(code));
}

}  // namespace

Result<std::vector<uint32_t>> detect_communities(const EventGraph& graph, const EventParams& params) {
  const size_t n = graph.nodes;
  const size_t m = graph.edges.size();
  std::vector<uint32_t> labels(n);
  if (m == 0) {  // no links: every item is an event of its own
    for (size_t i = 0; i < n; ++i) labels[i] = static_cast<uint32_t>(i);
    return labels;
  }
  IgraphSession session(params.seed);
  if (!session.ok()) return Status::Internal("events: igraph could not make its random number generator");

  IntVector ends;
  RealVector weights, strength;
  if (igraph_error_t e = igraph_vector_int_init(&ends.v, static_cast<igraph_integer_t>(2 * m)); e) {
    return failed("allocation", e);
  }
  ends.live = true;
  if (igraph_error_t e = igraph_vector_init(&weights.v, static_cast<igraph_integer_t>(m)); e) {
    return failed("allocation", e);
  }
  weights.live = true;
  if (igraph_error_t e = igraph_vector_init(&strength.v, static_cast<igraph_integer_t>(n)); e) {
    return failed("allocation", e);
  }
  strength.live = true;
  double total = 0;
  for (size_t i = 0; i < m; ++i) {
    const EventEdge& edge = graph.edges[i];
    VECTOR(ends.v)[2 * i] = edge.a;
    VECTOR(ends.v)[2 * i + 1] = edge.b;
    VECTOR(weights.v)[i] = edge.weight;
    VECTOR(strength.v)[edge.a] += edge.weight;
    VECTOR(strength.v)[edge.b] += edge.weight;
    total += edge.weight;
  }
  Graph g;
  if (igraph_error_t e = igraph_create(&g.g, &ends.v, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED); e) {
    return failed("graph", e);
  }
  g.live = true;

  IntVector membership;
  if (igraph_error_t e = igraph_vector_int_init(&membership.v, static_cast<igraph_integer_t>(n)); e) {
    return failed("allocation", e);
  }
  membership.live = true;
  if (params.method == EventParams::Method::kLouvain) {
    if (igraph_error_t e = igraph_community_multilevel(&g.g, &weights.v, params.modularity_resolution,
                                                       &membership.v, nullptr, nullptr);
        e) {
      return failed("Louvain", e);
    }
  } else {
    // Modularity as Leiden's quality: node weights = strengths, resolution γ / 2m.
    // CPM: unit node weights, resolution = the density a community must beat.
    const bool cpm = params.method == EventParams::Method::kLeiden;
    const double resolution = cpm ? params.cpm_resolution : params.modularity_resolution / (2 * total);
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    if (igraph_error_t e = igraph_community_leiden(&g.g, &weights.v, cpm ? nullptr : &strength.v, resolution,
                                                   kLeidenBeta, false, kLeidenIterations, &membership.v, &clusters,
                                                   &quality);
        e) {
      return failed("Leiden", e);
    }
  }
  for (size_t i = 0; i < n; ++i) labels[i] = static_cast<uint32_t>(VECTOR(membership.v)[i]);
  return labels;
}

}  // namespace copydesk::story_detail
