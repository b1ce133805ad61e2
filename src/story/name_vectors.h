// Event name vectors written into a caller's rows (story/ internal):
// storylines.h event_name_vectors in two steps, so story_pipeline.cpp can
// write the names of every item (events step) and of every event
// (storylines step) straight into the words ⊕ names rows instead of holding
// a names matrix beside them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "copydesk/embed.h"
#include "copydesk/status.h"
#include "copydesk/storylines.h"

namespace copydesk::story_detail {

class NameVectorWriter {
 public:
  // Checks the input and counts in how many events each name occurs (one
  // pass over the texts). `texts` must outlive the writer.
  static Result<NameVectorWriter> prepare(const std::vector<std::string_view>& texts,
                                          const std::vector<uint32_t>& event_of_text, size_t num_events,
                                          const StorylineParams& params);

  // Width of a row: name_dims, or 2 · name_dims when some text has a
  // dateline and dateline_share > 0 (storylines.h "DATELINES").
  uint32_t dims() const;
  size_t events() const;

  // Event e's unit row, each entry times `scale`, into out + e · stride
  // (dims() floats; stride >= dims()). Reads the texts once more, in parallel.
  void write(float* out, size_t stride, float scale) const;
  // write() as embed.h side_by_side takes it; valid while this writer is.
  RowWriter rows() const {
    return [this](float* out, size_t stride, float scale) { write(out, stride, scale); };
  }

  NameVectorWriter(NameVectorWriter&&) noexcept;
  NameVectorWriter& operator=(NameVectorWriter&&) noexcept;
  ~NameVectorWriter();

 private:
  struct State;
  explicit NameVectorWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// storylines.h link_storylines with the names written by `names` (null:
// text alone) straight into the joined rows, instead of from a names matrix
// held beside them. Same result as link_storylines(event_vectors,
// event_name_vectors(...), ...).
Result<Storylines> link_storylines(const EmbeddingMatrix& event_vectors, const NameVectorWriter* names,
                                   const std::vector<int64_t>& start, const std::vector<int64_t>& end,
                                   const StorylineParams& params);

}  // namespace copydesk::story_detail
