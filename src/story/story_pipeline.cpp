// Items → events → storylines in one call (story_pipeline.h).
#include "copydesk/story_pipeline.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "copydesk/document.h"
#include "story/name_vectors.h"

namespace copydesk {
namespace {

Status bad(const std::string& what) { return Status::InvalidArgument("story: " + what); }

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

bool reads_names(const StoryParams& p) { return p.event_names > 0 || p.storylines.name_share > 0; }

Status check_items(const EmbeddingMatrix& vectors, const std::vector<std::string_view>& texts,
                   const std::vector<int64_t>& first, const std::vector<int64_t>& last, const StoryParams& params) {
  const size_t n = vectors.rows();
  if (vectors.dims == 0 || vectors.values.size() != n * vectors.dims) return bad("the item matrix is empty or ragged");
  if (texts.size() != n && !(texts.empty() && !reads_names(params))) {
    return bad(std::to_string(n) + " item vectors but " + std::to_string(texts.size()) + " item texts");
  }
  if (!first.empty() && first.size() != n) {
    return bad(std::to_string(n) + " item vectors but " + std::to_string(first.size()) + " first dates");
  }
  if (!last.empty() && last.size() != first.size()) {
    return bad(std::to_string(first.size()) + " first dates but " + std::to_string(last.size()) + " last dates");
  }
  for (size_t i = 0; i < last.size(); ++i) {
    if ((first[i] == kNoDate) != (last[i] == kNoDate) || (first[i] != kNoDate && last[i] < first[i])) {
      return bad("item " + std::to_string(i) + ": last date " + std::to_string(last[i]) + " against first date " +
                 std::to_string(first[i]) + " (both kNoDate, or last >= first)");
    }
  }
  return Status::Ok();
}

// Step 1's input: the words side by side with each item's names (each item
// an "event" of its one text), as embed.h side_by_side joins them — the
// names written straight into the joined rows, never held apart.
Result<EmbeddingMatrix> words_and_names(const EmbeddingMatrix& words, const std::vector<std::string_view>& texts,
                                        const StoryParams& params) {
  std::vector<uint32_t> each_item(texts.size());
  for (size_t i = 0; i < each_item.size(); ++i) each_item[i] = static_cast<uint32_t>(i);
  StorylineParams item_names = params.storylines;
  item_names.dateline_share = params.event_datelines;
  Result<story_detail::NameVectorWriter> names =
      story_detail::NameVectorWriter::prepare(texts, each_item, each_item.size(), item_names);
  if (!names.ok()) return names.status();
  return side_by_side(words, names->dims(), names->rows(), params.event_names);
}

// Per event: min first, max last over its items (kNoDate when none is dated).
void event_spans(const std::vector<int64_t>& first, const std::vector<int64_t>& last, StoryClusters& out) {
  const std::vector<int64_t>& ends = last.empty() ? first : last;
  const size_t events = out.events.num_events();
  out.event_start.assign(events, kNoDate);
  out.event_end.assign(events, kNoDate);
  for (size_t i = 0; i < first.size(); ++i) {
    if (first[i] == kNoDate) continue;
    const uint32_t e = out.events.event_of[i];
    int64_t& start = out.event_start[e];
    int64_t& end = out.event_end[e];
    start = start == kNoDate ? first[i] : std::min(start, first[i]);
    end = end == kNoDate ? ends[i] : std::max(end, ends[i]);
  }
}

}  // namespace

Status StoryParams::validate() const {
  COPYDESK_RETURN_IF_ERROR(events.validate());
  if (!(event_names >= 0 && event_names <= 1)) {
    return bad("event_names must be in [0, 1], got " + std::to_string(event_names));
  }
  if (!(event_datelines >= 0 && event_datelines < 1)) {
    return bad("event_datelines must be in [0, 1), got " + std::to_string(event_datelines));
  }
  return storylines.validate();
}

Result<StoryClusters> cluster_stories(const EmbeddingMatrix& item_vectors,
                                      const std::vector<std::string_view>& item_texts,
                                      const std::vector<int64_t>& item_first, const std::vector<int64_t>& item_last,
                                      const StoryParams& params, const AfterEvents& after_events) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  COPYDESK_RETURN_IF_ERROR(check_items(item_vectors, item_texts, item_first, item_last, params));
  StoryClusters out;

  // 1. Events. The joined matrix lives only in this scope: at scale it is
  // the largest thing here (story_pipeline.h, "Memory").
  {
    const auto start = std::chrono::steady_clock::now();
    EmbeddingMatrix joined;
    if (params.event_names > 0) {
      Result<EmbeddingMatrix> made = words_and_names(item_vectors, item_texts, params);
      if (!made.ok()) return made.status();
      joined = std::move(*made);
    }
    out.item_names_seconds = seconds_since(start);
    Result<EventClusters> events =
        cluster_events(params.event_names > 0 ? joined : item_vectors, item_first, params.events);
    if (!events.ok()) return events.status();
    out.events = std::move(*events);
  }

  // 2. Event spans.
  event_spans(item_first, item_last, out);
  if (after_events) after_events(out);

  // 3. Storylines, on the words (their centroids) and the events' names.
  const auto start = std::chrono::steady_clock::now();
  const size_t num_events = out.events.num_events();
  Result<EmbeddingMatrix> centroids = event_centroids(item_vectors, out.events.event_of, num_events);
  if (!centroids.ok()) return centroids.status();
  std::optional<story_detail::NameVectorWriter> names;
  if (params.storylines.name_share > 0) {
    Result<story_detail::NameVectorWriter> read =
        story_detail::NameVectorWriter::prepare(item_texts, out.events.event_of, num_events, params.storylines);
    if (!read.ok()) return read.status();
    names.emplace(std::move(*read));
  }
  Result<Storylines> linked = story_detail::link_storylines(*centroids, names ? &*names : nullptr, out.event_start,
                                                            out.event_end, params.storylines);
  if (!linked.ok()) return linked.status();
  out.storylines = std::move(*linked);
  out.storyline_seconds = seconds_since(start);
  return out;
}

}  // namespace copydesk
