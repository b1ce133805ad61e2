// Per event: its names (story/name_features.h) weighted by TF-IDF over
// events and projected as the hashed embedder projects its features
// (storylines.h, "Names").
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include <xxhash.h>

#include "copydesk/dateline.h"
#include "copydesk/embed_hashed.h"
#include "copydesk/storylines.h"
#include "story/name_features.h"
#include "story/name_vectors.h"
#include "story/word_table.h"
#include "util/word_chars.h"

namespace copydesk {
namespace {

using story_detail::WordTable;

// ±1 entries per name in the projection, as HashedEmbedderParams::nonzeros.
constexpr uint32_t kNonzeros = 4;

Status bad(const std::string& what) { return Status::InvalidArgument("storylines: " + what); }

// The texts of each event, in text order (a counting sort).
struct TextsByEvent {
  std::vector<size_t> first;      // per event, + 1
  std::vector<uint32_t> members;  // text indices
};

TextsByEvent texts_by_event(const std::vector<uint32_t>& event_of_text, size_t num_events) {
  TextsByEvent t;
  t.first.assign(num_events + 1, 0);
  for (uint32_t e : event_of_text) ++t.first[e + 1];
  for (size_t e = 0; e < num_events; ++e) t.first[e + 1] += t.first[e];
  t.members.resize(event_of_text.size());
  std::vector<size_t> fill(t.first.begin(), t.first.end() - 1);
  for (size_t i = 0; i < event_of_text.size(); ++i) t.members[fill[event_of_text[i]]++] = static_cast<uint32_t>(i);
  return t;
}

// What a name feature is: its tag in the tables below.
enum NameKind : uint32_t { kWord = 0, kPair = 1, kDateline = 2 };

// The feature of the place a text is filed from: its dateline place (ASCII
// letters lower-cased: "PARIS" = "Paris"), apart from the same word in
// running text; 0 when the text has no dateline.
uint64_t place_feature(const Dateline& d, std::string& scratch) {
  if (!d.found()) return 0;
  scratch.assign("\x01" "dateline ").append(d.place);
  util::lower_ascii(scratch);
  return XXH3_64bits(scratch.data(), scratch.size());
}

// Per thread: the distinct names of one event, each counted once per text
// that has it, tagged by NameKind.
class EventNames {
 public:
  explicit EventNames(bool datelines) : datelines_(datelines) {}

  const WordTable& collect(const std::vector<std::string_view>& texts, const TextsByEvent& by_event, size_t event) {
    names_.clear();
    for (size_t m = by_event.first[event]; m < by_event.first[event + 1]; ++m) {
      // The dateline is read apart: its place, agency and date are not names.
      const std::string_view text = texts[by_event.members[m]];
      const Dateline dateline = parse_dateline(text);
      in_text_.clear();
      scanner_.scan(text.substr(dateline.end), [&](uint64_t hash, bool pair) { in_text_.add(hash, pair ? kPair : kWord); });
      if (datelines_) {
        if (const uint64_t place = place_feature(dateline, scratch_)) in_text_.add(place, kDateline);
      }
      in_text_.for_each([&](const WordTable::Entry& f) { ++names_.add(f.key, f.tag).count; });
    }
    return names_;
  }

 private:
  bool datelines_;
  story_detail::NameScanner scanner_;
  WordTable in_text_, names_;
  std::string scratch_;
};

// Events that have each name: per-thread counts, summed (the same whatever the thread count).
WordTable event_frequencies(const std::vector<std::string_view>& texts, const TextsByEvent& by_event, bool datelines) {
  std::vector<WordTable> local(static_cast<size_t>(omp_get_max_threads()));
  const auto events = static_cast<int64_t>(by_event.first.size() - 1);
#pragma omp parallel
  {
    EventNames names(datelines);
    WordTable& df = local[static_cast<size_t>(omp_get_thread_num())];
#pragma omp for schedule(dynamic, 64)
    for (int64_t e = 0; e < events; ++e) {
      names.collect(texts, by_event, static_cast<size_t>(e)).for_each([&](const WordTable::Entry& f) {
        ++df.add(f.key, f.tag).count;
      });
    }
  }
  for (size_t t = 1; t < local.size(); ++t) {
    local[t].for_each([&](const WordTable::Entry& f) { local[0].add(f.key, f.tag).count += f.count; });
    local[t] = WordTable();
  }
  return std::move(local[0]);
}

}  // namespace

namespace story_detail {

struct NameVectorWriter::State {
  const std::vector<std::string_view>& texts;
  StorylineParams params;
  TextsByEvent by_event;
  WordTable df;
  bool datelines = false;  // the conjoined half: only when some text has a dateline
};

NameVectorWriter::NameVectorWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
NameVectorWriter::NameVectorWriter(NameVectorWriter&&) noexcept = default;
NameVectorWriter& NameVectorWriter::operator=(NameVectorWriter&&) noexcept = default;
NameVectorWriter::~NameVectorWriter() = default;

Result<NameVectorWriter> NameVectorWriter::prepare(const std::vector<std::string_view>& texts,
                                                   const std::vector<uint32_t>& event_of_text, size_t num_events,
                                                   const StorylineParams& params) {
  COPYDESK_RETURN_IF_ERROR(params.validate());
  if (event_of_text.size() != texts.size()) {
    return bad(std::to_string(texts.size()) + " texts but " + std::to_string(event_of_text.size()) + " event labels");
  }
  if (num_events >= std::numeric_limits<uint32_t>::max()) return bad("too many events");
  for (size_t i = 0; i < event_of_text.size(); ++i) {
    if (event_of_text[i] >= num_events) {
      return bad("text " + std::to_string(i) + " is in event " + std::to_string(event_of_text[i]) + " of " +
                 std::to_string(num_events));
    }
  }
  auto state = std::make_unique<State>(State{texts, params, texts_by_event(event_of_text, num_events), {}, false});
  state->df = event_frequencies(texts, state->by_event, params.dateline_share > 0);
  state->df.for_each([&](const WordTable::Entry& f) { state->datelines = state->datelines || f.tag == kDateline; });
  return NameVectorWriter(std::move(state));
}

uint32_t NameVectorWriter::dims() const { return state_->datelines ? 2 * state_->params.name_dims : state_->params.name_dims; }

size_t NameVectorWriter::events() const { return state_->by_event.first.size() - 1; }

void NameVectorWriter::write(float* out, size_t stride, float scale) const {
  const State& st = *state_;
  const StorylineParams& params = st.params;
  const WordTable& df = st.df;
  const bool datelines = st.datelines;
  // Names in [0, name_dims); with datelines, the names conjoined with the
  // places after them (storylines.h, "DATELINES").
  const uint32_t dims = params.name_dims;
  const uint32_t width = this->dims();
  const float plain_scale = static_cast<float>(std::sqrt(1.0 - params.dateline_share));
  const float conjoined_scale = static_cast<float>(std::sqrt(params.dateline_share));
  const double total = static_cast<double>(events());
  const auto num_events = static_cast<int64_t>(events());
#pragma omp parallel
  {
    EventNames names(datelines);
    std::vector<std::pair<uint64_t, double>> places;  // the event's dateline places, weights of unit norm
    std::vector<float> buffer(width);
#pragma omp for schedule(dynamic, 64)
    for (int64_t e = 0; e < num_events; ++e) {
      std::fill(buffer.begin(), buffer.end(), 0.0f);
      float* row = buffer.data();
      float* conjoined = row + dims;
      const WordTable& found = names.collect(st.texts, st.by_event, static_cast<size_t>(e));
      places.clear();
      double place_norm = 0;
      found.for_each([&](const WordTable::Entry& f) {
        if (f.tag != kDateline) return;
        places.emplace_back(f.key, static_cast<double>(f.count));
        place_norm += static_cast<double>(f.count) * f.count;
      });
      for (auto& [place, w] : places) w /= std::sqrt(place_norm);
      // Names are added in first-seen order: the sums do not depend on the thread count.
      found.for_each([&](const WordTable::Entry& f) {
        if (f.tag == kDateline) return;
        const uint32_t d = df.count(f.key);
        if (d < 2) return;  // a name of one event links nothing
        const double idf = std::log((1.0 + total) / (1.0 + d)) + 1.0;
        const double kind = f.tag == kPair ? params.name_pair_weight : 1.0;
        const double weight = (1.0 + std::log(static_cast<double>(f.count))) * idf * kind;
        HashedEmbedder::project(f.key, static_cast<float>(weight), params.seed, kNonzeros, dims, row);
        for (const auto& [place, w] : places) {  // the feature (name, place): two independent hashes mixed
          HashedEmbedder::project(f.key ^ place, static_cast<float>(weight * w), params.seed, kNonzeros, dims, conjoined);
        }
      });
      // Each half a unit vector (their exact norms are equal: the conjoined
      // half is the names ⊗ the unit place weights), the halves scaled so the
      // row is one: a dot product is (1 − share) · names + share · names · places.
      l2_normalize(row, dims);
      if (datelines && l2_normalize(conjoined, dims) > 0) {
        for (uint32_t j = 0; j < dims; ++j) row[j] *= plain_scale;
        for (uint32_t j = 0; j < dims; ++j) conjoined[j] *= conjoined_scale;
      }
      float* target = out + static_cast<size_t>(e) * stride;
      for (uint32_t j = 0; j < width; ++j) target[j] = scale * row[j];
    }
  }
}

}  // namespace story_detail

Result<EmbeddingMatrix> event_name_vectors(const std::vector<std::string_view>& texts,
                                           const std::vector<uint32_t>& event_of_text, size_t num_events,
                                           const StorylineParams& params) {
  Result<story_detail::NameVectorWriter> writer =
      story_detail::NameVectorWriter::prepare(texts, event_of_text, num_events, params);
  if (!writer.ok()) return writer.status();
  EmbeddingMatrix out;
  out.dims = writer->dims();
  out.values.assign(num_events * out.dims, 0.0f);
  writer->write(out.values.data(), out.dims, 1.0f);
  return out;
}

}  // namespace copydesk
