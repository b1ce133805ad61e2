// Storylines: events.h's neighbour graph and average linkage over event
// centroids, with an interval gap rule, then storylines in time order.
#include "copydesk/storylines.h"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "copydesk/document.h"
#include "copydesk/events.h"
#include "story/name_vectors.h"

namespace copydesk {
namespace {

constexpr double kSecondsPerDay = 86400.0;

Status bad(const std::string& what) { return Status::InvalidArgument("storylines: " + what); }

// Seconds between two events' date intervals (0 when they overlap).
double interval_gap(int64_t start_a, int64_t end_a, int64_t start_b, int64_t end_b) {
  const double later_start = static_cast<double>(std::max(start_a, start_b));
  const double earlier_end = static_cast<double>(std::min(end_a, end_b));
  return std::max(0.0, later_start - earlier_end);
}

EventParams graph_params(const StorylineParams& p, double longest_span_days) {
  EventParams e;
  e.k = p.k;
  e.min_similarity = p.min_similarity;
  // The graph compares starts; an event that runs for days may still end
  // within max_gap_days of the next one's start: the exact gap is checked after.
  e.window_days = p.max_gap_days + longest_span_days;
  e.time_decay_days = 0;  // measured: decay only loses ARI here (storylines.h)
  e.flat_max = p.flat_max;
  e.ivf_nprobe = p.ivf_nprobe;
  e.seed = p.seed;
  e.method = p.method == StorylineParams::Method::kLeiden ? EventParams::Method::kLeiden
                                                          : EventParams::Method::kAverageLinkage;
  e.linkage_threshold = p.link_threshold;
  e.merge_threshold = p.link_threshold;
  e.cpm_resolution = p.cpm_resolution;
  return e;
}

// Per storyline, its events by start (undated last), then by number.
void order_in_time(Storylines& s, const std::vector<int64_t>& start) {
  auto key = [&](uint32_t e) { return start.empty() || start[e] == kNoDate ? std::numeric_limits<int64_t>::max() : start[e]; };
  for (std::vector<uint32_t>& events : s.events) {
    std::sort(events.begin(), events.end(), [&](uint32_t a, uint32_t b) {
      const int64_t ka = key(a), kb = key(b);
      return ka != kb ? ka < kb : a < b;
    });
  }
}

// A mean over few events is mostly those events: n / (n + kMeanPrior) of it is removed.
constexpr double kMeanPrior = 100;

// The vectors less (most of) their mean over the non-zero rows, renormalised;
// zero rows stay zero.
EmbeddingMatrix without_mean(const EmbeddingMatrix& m) {
  EmbeddingMatrix out = m;
  const size_t n = m.rows();
  std::vector<double> mean(m.dims, 0.0);
  size_t counted = 0;
  for (size_t i = 0; i < n; ++i) {
    const float* row = m.row(i);
    if (std::all_of(row, row + m.dims, [](float x) { return x == 0.0f; })) continue;
    for (uint32_t j = 0; j < m.dims; ++j) mean[j] += row[j];
    ++counted;
  }
  if (counted == 0) return out;
  std::vector<float> shift(m.dims);
  const double share = static_cast<double>(counted) / (static_cast<double>(counted) + kMeanPrior);
  for (uint32_t j = 0; j < m.dims; ++j) shift[j] = static_cast<float>(share * mean[j] / static_cast<double>(counted));
  const auto rows = static_cast<int64_t>(n);
#pragma omp parallel for schedule(static) if (n > 4096)
  for (int64_t i = 0; i < rows; ++i) {
    float* row = out.row(static_cast<size_t>(i));
    if (std::all_of(row, row + m.dims, [](float x) { return x == 0.0f; })) continue;
    for (uint32_t j = 0; j < m.dims; ++j) row[j] -= shift[j];
    l2_normalize(row, m.dims);
  }
  return out;
}


}  // namespace

Status StorylineParams::validate() const {
  if (!(max_gap_days > 0)) return bad("max_gap_days must be > 0 (infinity: no limit), got " + std::to_string(max_gap_days));
  if (k < 1 || k > 1024) return bad("k must be in [1, 1024], got " + std::to_string(k));
  if (!(min_similarity >= 0.0f && min_similarity <= 1.0f)) {
    return bad("min_similarity must be in [0, 1], got " + std::to_string(min_similarity));
  }
  if (flat_max < 1) return bad("flat_max must be >= 1");
  if (ivf_nprobe < 1) return bad("ivf_nprobe must be >= 1");
  if (!(link_threshold_without_places > -1 && link_threshold_without_places <= 1)) {
    return bad("link_threshold_without_places must be in (-1, 1], got " + std::to_string(link_threshold_without_places));
  }
  if (!(link_threshold > -1 && link_threshold <= 1)) {
    return bad("link_threshold must be in (-1, 1], got " + std::to_string(link_threshold));
  }
  if (!(cpm_resolution > 0) || std::isinf(cpm_resolution)) {
    return bad("cpm_resolution must be finite and > 0, got " + std::to_string(cpm_resolution));
  }
  if (!(name_share >= 0 && name_share <= 1)) return bad("name_share must be in [0, 1], got " + std::to_string(name_share));
  if (name_dims < 8 || name_dims > 65536) return bad("name_dims must be in [8, 65536], got " + std::to_string(name_dims));
  if (!(name_pair_weight > 0) || std::isinf(name_pair_weight)) {
    return bad("name_pair_weight must be finite and > 0, got " + std::to_string(name_pair_weight));
  }
  if (!(dateline_share >= 0 && dateline_share < 1)) {
    return bad("dateline_share must be in [0, 1), got " + std::to_string(dateline_share));
  }
  return Status::Ok();
}

Result<EmbeddingMatrix> event_centroids(const EmbeddingMatrix& items, const std::vector<uint32_t>& event_of_item,
                                        size_t num_events) {
  const size_t n = items.rows();
  if (items.dims == 0 || items.values.size() != n * items.dims) return bad("the item matrix is empty or ragged");
  if (event_of_item.size() != n) {
    return bad(std::to_string(n) + " item vectors but " + std::to_string(event_of_item.size()) + " event labels");
  }
  if (num_events >= std::numeric_limits<uint32_t>::max()) return bad("too many events");
  // Items by event (counting sort, item order kept within an event).
  std::vector<size_t> first(num_events + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    if (event_of_item[i] >= num_events) {
      return bad("item " + std::to_string(i) + " is in event " + std::to_string(event_of_item[i]) + " of " +
                 std::to_string(num_events));
    }
    ++first[event_of_item[i] + 1];
  }
  for (size_t e = 0; e < num_events; ++e) first[e + 1] += first[e];
  std::vector<uint32_t> members(n);
  std::vector<size_t> fill(first.begin(), first.end() - 1);
  for (size_t i = 0; i < n; ++i) members[fill[event_of_item[i]]++] = static_cast<uint32_t>(i);

  EmbeddingMatrix out;
  out.dims = items.dims;
  out.values.assign(num_events * items.dims, 0.0f);
  const auto events = static_cast<int64_t>(num_events);
#pragma omp parallel for schedule(dynamic, 256) if (num_events > 1024)
  for (int64_t e = 0; e < events; ++e) {
    float* c = out.row(static_cast<size_t>(e));
    for (size_t m = first[static_cast<size_t>(e)]; m < first[static_cast<size_t>(e) + 1]; ++m) {
      const float* row = items.row(members[m]);
      for (uint32_t j = 0; j < items.dims; ++j) c[j] += row[j];
    }
    l2_normalize(c, items.dims);
  }
  return out;
}

Result<Storylines> link_storylines(const EmbeddingMatrix& event_vectors, const std::vector<int64_t>& start,
                                   const std::vector<int64_t>& end, const StorylineParams& params) {
  return link_storylines(event_vectors, EmbeddingMatrix{}, start, end, params);
}

namespace {

// The cut for these events: link_threshold when every named event has a
// dateline place, link_threshold_without_places when none has, in between
// by the share that has (storylines.h "DATELINES"). In `joined` (text, then
// name_dims of names: the plain names, then — with datelines — as many
// conjoined with the places), an event is named when its plain half is
// non-zero and placed when its conjoined half is.
double link_threshold(const EmbeddingMatrix& joined, uint32_t text_dims, uint32_t name_dims,
                      const StorylineParams& params) {
  if (name_dims != 2 * params.name_dims) return name_dims == 0 ? params.link_threshold
                                                               : params.link_threshold_without_places;
  auto any = [](const float* v, uint32_t n) { return std::any_of(v, v + n, [](float x) { return x != 0.0f; }); };
  size_t named = 0, placed = 0;
  for (size_t i = 0; i < joined.rows(); ++i) {
    const float* names = joined.row(i) + text_dims;
    if (!any(names, params.name_dims)) continue;
    ++named;
    if (any(names + params.name_dims, params.name_dims)) ++placed;
  }
  const double share = named == 0 ? 0.0 : static_cast<double>(placed) / static_cast<double>(named);
  return params.link_threshold_without_places + share * (params.link_threshold - params.link_threshold_without_places);
}

// What both link_storylines check first: the params and the event matrix.
Status check_events(const EmbeddingMatrix& event_vectors, const StorylineParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (event_vectors.dims == 0 || event_vectors.values.size() != event_vectors.rows() * event_vectors.dims) {
    return bad("the event vector matrix is empty or ragged");
  }
  return Status::Ok();
}

// link_storylines with `name_dims` (0: none) columns of names that
// `write_names` writes straight into the joined rows (embed.h
// side_by_side), so no names matrix need be held beside them.
Result<Storylines> link_joined(const EmbeddingMatrix& event_vectors, uint32_t name_dims, const RowWriter& write_names,
                               const std::vector<int64_t>& start, const std::vector<int64_t>& end,
                               const StorylineParams& params) {
  const size_t n = event_vectors.rows();
  if (!start.empty() && start.size() != n) {
    return bad(std::to_string(n) + " event vectors but " + std::to_string(start.size()) + " start dates");
  }
  if (!end.empty() && end.size() != start.size()) {
    return bad(std::to_string(start.size()) + " start dates but " + std::to_string(end.size()) + " end dates");
  }
  double longest_span = 0;
  for (size_t e = 0; e < end.size(); ++e) {
    if ((start[e] == kNoDate) != (end[e] == kNoDate) || (start[e] != kNoDate && end[e] < start[e])) {
      return bad("event " + std::to_string(e) + ": the end date must be set with the start date and not before it");
    }
    if (start[e] != kNoDate) longest_span = std::max(longest_span, static_cast<double>(end[e] - start[e]));
  }
  const std::vector<int64_t>& last = end.empty() ? start : end;

  // The text vectors less their mean (when remove_mean), then — with names —
  // side by side with the name vectors, as embed.h side_by_side joins them:
  // the dot product is (1 − share) · text cosine + share · names cosine; an
  // event without names is compared by its text share alone.
  EmbeddingMatrix centred = params.remove_mean ? without_mean(event_vectors) : EmbeddingMatrix{};
  const EmbeddingMatrix& text = params.remove_mean ? centred : event_vectors;
  EmbeddingMatrix joined;
  if (name_dims > 0) {
    Result<EmbeddingMatrix> made = side_by_side(text, name_dims, write_names, params.name_share);
    if (!made.ok()) return made.status();
    joined = std::move(*made);
    centred = EmbeddingMatrix{};  // `text` is not read past here
  }
  const EmbeddingMatrix& vectors = name_dims > 0 ? joined : text;
  StorylineParams cut = params;
  cut.link_threshold = link_threshold(joined, text.dims, name_dims, params);
  const EventParams gp = graph_params(cut, longest_span / kSecondsPerDay);
  Result<EventGraph> graph = build_event_graph(vectors, start, gp);
  if (!graph.ok()) return graph.status();
  if (!start.empty()) {
    const double max_gap = params.max_gap_days * kSecondsPerDay;
    std::erase_if(graph->edges, [&](const EventEdge& edge) {
      if (start[edge.a] == kNoDate || start[edge.b] == kNoDate) return false;
      return interval_gap(start[edge.a], last[edge.a], start[edge.b], last[edge.b]) > max_gap;
    });
  }
  Result<EventClusters> clusters = cluster_event_graph(*graph, vectors, start, gp);
  if (!clusters.ok()) return clusters.status();

  // cluster_event_graph numbers clusters by their first item: storylines by their first event.
  Storylines out;
  out.storyline_of_event = std::move(clusters->event_of);
  out.events.resize(clusters->num_events());
  for (uint32_t s = 0; s < out.events.size(); ++s) out.events[s].reserve(clusters->event_size[s]);
  for (size_t e = 0; e < n; ++e) out.events[out.storyline_of_event[e]].push_back(static_cast<uint32_t>(e));
  order_in_time(out, start);
  return out;
}

}  // namespace

Result<Storylines> link_storylines(const EmbeddingMatrix& event_vectors, const EmbeddingMatrix& name_vectors,
                                   const std::vector<int64_t>& start, const std::vector<int64_t>& end,
                                   const StorylineParams& params) {
  COPYDESK_RETURN_IF_ERROR(check_events(event_vectors, params));
  const size_t n = event_vectors.rows();
  const bool with_names = !name_vectors.values.empty();
  if (with_names && (name_vectors.dims == 0 || name_vectors.values.size() != n * name_vectors.dims)) {
    return bad(std::to_string(n) + " event vectors but the name vectors are ragged or of another length");
  }
  const RowWriter copy_names = [&](float* out, size_t stride, float scale) {
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t j = 0; j < name_vectors.dims; ++j) out[i * stride + j] = scale * name_vectors.row(i)[j];
    }
  };
  return link_joined(event_vectors, with_names ? name_vectors.dims : 0, copy_names, start, end, params);
}

namespace story_detail {

Result<Storylines> link_storylines(const EmbeddingMatrix& event_vectors, const NameVectorWriter* names,
                                   const std::vector<int64_t>& start, const std::vector<int64_t>& end,
                                   const StorylineParams& params) {
  COPYDESK_RETURN_IF_ERROR(check_events(event_vectors, params));
  const size_t n = event_vectors.rows();
  if (names != nullptr && names->events() != n) {
    return bad(std::to_string(n) + " event vectors but names of " + std::to_string(names->events()) + " events");
  }
  return link_joined(event_vectors, names != nullptr ? names->dims() : 0, names != nullptr ? names->rows() : RowWriter{},
                     start, end, params);
}

}  // namespace story_detail

}  // namespace copydesk
